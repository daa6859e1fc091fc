/**
 * The class-only entry points (`open-data-widgets/<tag>.class.js`, package.json `exports`) register
 * nothing and turn nothing on: a developer defines the classes under the names they choose.
 */
import {expect} from '@open-wc/testing';
import {OdwSource} from '../src/elements/odw-source/odw-source.js';
import {OdwKpi} from '../src/elements/odw-kpi/odw-kpi.js';
import {OdwChart} from '../src/elements/odw-chart/odw-chart.js';
import {OdwMap} from '../src/elements/odw-map/odw-map.js';
import {OdwTable} from '../src/elements/odw-table/odw-table.js';
import {OdwFilter} from '../src/elements/odw-filter/odw-filter.js';
import {OdwDashboard} from '../src/elements/odw-dashboard/odw-dashboard.js';
import {OdwBuilder} from '../src/elements/odw-builder/odw-builder.js';

const TAGS = [
  'odw-source',
  'odw-kpi',
  'odw-chart',
  'odw-map',
  'odw-table',
  'odw-filter',
  'odw-dashboard',
  'odw-builder',
];

describe('class-only entry points', () => {
  it('register no element', () => {
    for (const tag of TAGS) expect(customElements.get(tag), tag).to.equal(undefined);
  });

  it('do not turn on the autoloader', async () => {
    const unknown = document.createElement('odw-kpi');
    document.body.append(unknown);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(customElements.get('odw-kpi'), 'nothing upgrades odw-kpi behind the page’s back').to.equal(
      undefined,
    );
    unknown.remove();
  });

  it('define under another name and work there', async () => {
    customElements.define('commune-source', class extends OdwSource {});
    customElements.define('commune-kpi', class extends OdwKpi {});
    const kpi = document.createElement('commune-kpi') as OdwKpi;
    kpi.label = 'Habitants';
    document.body.append(kpi);
    await kpi.updateComplete;
    expect(kpi.shadowRoot, 'rendered under its new name').to.not.equal(null);
    expect(kpi.headingLevel, 'the schema’s default').to.equal(3);
    kpi.remove();
    for (const element of [OdwChart, OdwMap, OdwTable, OdwFilter, OdwDashboard, OdwBuilder]) {
      expect(element.prototype).to.be.instanceOf(HTMLElement);
    }
  });
});
