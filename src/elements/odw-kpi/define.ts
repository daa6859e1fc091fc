import '../odw-source/define.js';
import {OdwKpi} from './odw-kpi.js';

export {OdwKpi};

if (!customElements.get('odw-kpi')) customElements.define('odw-kpi', OdwKpi);

declare global {
  interface HTMLElementTagNameMap {
    'odw-kpi': OdwKpi;
  }
}
