import '../odw-source/define.js';
import {OdwMap} from './odw-map.js';

export {OdwMap};

if (!customElements.get('odw-map')) customElements.define('odw-map', OdwMap);

declare global {
  interface HTMLElementTagNameMap {
    'odw-map': OdwMap;
  }
}
