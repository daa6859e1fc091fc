import '../odw-source/define.js';
import {OdwDashboard} from './odw-dashboard.js';

export {OdwDashboard};

if (!customElements.get('odw-dashboard')) customElements.define('odw-dashboard', OdwDashboard);

declare global {
  interface HTMLElementTagNameMap {
    'odw-dashboard': OdwDashboard;
  }
}
