import {OdwSource} from './odw-source.js';

export {OdwSource};

if (!customElements.get('odw-source')) customElements.define('odw-source', OdwSource);

declare global {
  interface HTMLElementTagNameMap {
    'odw-source': OdwSource;
  }
}
