import '../odw-source/define.js';
import {OdwTable} from './odw-table.js';

export {OdwTable};

if (!customElements.get('odw-table')) customElements.define('odw-table', OdwTable);

declare global {
  interface HTMLElementTagNameMap {
    'odw-table': OdwTable;
  }
}
