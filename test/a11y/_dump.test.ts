import {html} from '@open-wc/testing';
import '../../src/index.js';
import '../../src/elements/odw-builder/define.js';
import {mount} from '../helpers.js';
import {settledWidget} from '../helpers.js';
import {waitUntil} from '@open-wc/testing';
import {LOIRET, ODS, ORLEANS, tabStops, tree} from './helpers.js';

const ROLES = ['heading', 'button', 'link', 'region', 'group', 'list', 'listbox', 'figure', 'img', 'table', 'checkbox', 'combobox', 'searchbox', 'textbox', 'navigation', 'status', 'alert', 'menu', 'menuitem', 'toolbar', 'radio', 'radiogroup', 'spinbutton', 'slider', 'application', 'graphics-document', 'tab', 'tablist', 'form', 'switch'];
const cases: Record<string, ReturnType<typeof html>> = {
  kpi: html`<odw-kpi src=${ODS} where=${ORLEANS} value="sum(population)" label="Habitants" unit="hab." title="Orléans Métropole" compare-value="280000"></odw-kpi>`,
  chart: html`<odw-chart src=${ODS} where=${ORLEANS} type="column" x="commune" y="sum(population)" sort="-y" limit="5" title="Les communes"></odw-chart>`,
  map: html`<odw-map src=${ODS} where=${ORLEANS} shapes=${LOIRET} shapes-key="code" key="code_insee" value="sum(population)" only-matched title="Carte"></odw-map>`,
  filter: html`<odw-filter src=${ODS} where=${ORLEANS} field="commune" type="checkboxes" label="Commune" limit="5"></odw-filter>`,
  dashboard: html`<odw-dashboard config="/test/fixtures/dashboard-orleans.json"></odw-dashboard>`,
  builder: html`<odw-builder lang="fr"></odw-builder>`,
};
describe('dump', function () {
  this.timeout(120_000);
  for (const [name, template] of Object.entries(cases)) {
    it(name, async () => {
      const container = await mount(html`<div id="c">${template}</div>`, 900);
      const el = container.firstElementChild!.firstElementChild!;
      if (name === 'dashboard') await waitUntil(() => el.shadowRoot?.querySelector('odw-kpi'), 'kpi', {timeout: 30000});
      if (name !== 'dashboard' && name !== 'builder') await waitUntil(() => settledWidget(el), 'drawn', {timeout: 30000});
      await new Promise((r) => setTimeout(r, 2500));
      const stops = await tabStops(container);
      console.log(`${name} TAB ${stops.length}\n${stops.join('\n')}`);
      console.log(`${name} TREE\n${(await tree(ROLES)).join('\n')}`);
    });
  }
});
