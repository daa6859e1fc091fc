import '../odw-source/define.js';
import {OdwChart} from './odw-chart.js';

export {OdwChart};

if (!customElements.get('odw-chart')) customElements.define('odw-chart', OdwChart);

declare global {
  interface HTMLElementTagNameMap {
    'odw-chart': OdwChart;
  }
}
