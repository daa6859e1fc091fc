import '../odw-source/define.js';
import {OdwFilter} from './odw-filter.js';

export {OdwFilter};

if (!customElements.get('odw-filter')) customElements.define('odw-filter', OdwFilter);

declare global {
  interface HTMLElementTagNameMap {
    'odw-filter': OdwFilter;
  }
}
