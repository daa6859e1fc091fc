import {OdwBuilder, OdwBuilderChangeEvent} from './odw-builder.js';

export {OdwBuilder, OdwBuilderChangeEvent};

if (!customElements.get('odw-builder')) customElements.define('odw-builder', OdwBuilder);

declare global {
  interface HTMLElementTagNameMap {
    'odw-builder': OdwBuilder;
  }
}
