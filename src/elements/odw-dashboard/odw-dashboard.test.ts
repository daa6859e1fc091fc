import {expect, html, waitUntil} from '@open-wc/testing';
import type {TemplateResult} from 'lit';
import {requestSettings} from '../../data/index.js';
import type {OdwSource} from '../odw-source/odw-source.js';
import '../odw-kpi/define.js';
import '../odw-table/define.js';
import '../odw-filter/define.js';
import '../odw-chart/define.js';
import './define.js';
import type {OdwDashboard} from './odw-dashboard.js';
import {mount, normalize, part, shadow} from '../../../test/helpers.js';

const ODS_PATH = 'ods/api/explore/v2.1/catalog/datasets/populations-legales-2025/records';
const ODS = `/portal/${ODS_PATH}`;
const ORLEANS = 'epci = "Orléans Métropole"';
const ANGERS = 'epci = "Communauté urbaine Angers Loire Métropole"';

function kpiValue(el: Element): string {
  return normalize(part(el, 'value')?.textContent);
}

async function kpiShows(el: Element, text: string): Promise<void> {
  await waitUntil(
    () => kpiValue(el) === text,
    `${el.outerHTML} shows ${kpiValue(el) || 'nothing'}, not ${text}`,
    {
      timeout: 20_000,
    },
  );
}

/** The widgets a configuration created, in the dashboard's shadow root. */
function configured<K extends keyof HTMLElementTagNameMap>(
  dashboard: Element,
  tag: K,
): Array<HTMLElementTagNameMap[K]> {
  return [...shadow(dashboard).querySelectorAll(tag)];
}

function problems(dashboard: Element): string[] {
  return [...shadow(dashboard).querySelectorAll('.problem')].map((item) => normalize(item.textContent));
}

function statusText(dashboard: Element): string {
  return normalize(part(dashboard, 'status')?.textContent);
}

function width(el: Element): number {
  return el.getBoundingClientRect().width;
}

async function mountDashboard(template: TemplateResult): Promise<OdwDashboard> {
  const container = await mount(template);
  const dashboard = container.querySelector('odw-dashboard')!;
  await dashboard.updateComplete;
  return dashboard;
}

/** Waits until a configuration is in force (its widgets created) or reported wrong. */
async function configSettled(dashboard: OdwDashboard): Promise<void> {
  await waitUntil(
    () => dashboard.configuration || shadow(dashboard).querySelector('.status.error'),
    'the configuration was never read',
    {timeout: 15_000},
  );
  await dashboard.updateComplete;
}

function uniqueName(prefix: string): string {
  return `${prefix}-${Math.random().toString(36).slice(2, 10)}`;
}

async function requestLog(tag: string): Promise<string[]> {
  const response = await fetch(`/portal/__requests?tag=${encodeURIComponent(tag)}`);
  const {requests} = (await response.json()) as {requests: Array<{url: string}>};
  return requests.map((request) => decodeURIComponent(request.url));
}

/** (Re)defines the fault sequence `name`: each request through `~seq=<name>` takes the next fault. */
async function setFaults(name: string, faults: string[]): Promise<void> {
  const response = await fetch('/portal/__faults', {method: 'POST', body: JSON.stringify({name, faults})});
  expect(response.ok, 'the emulator accepted the fault sequence').to.equal(true);
}

function configScript(config: unknown): HTMLScriptElement {
  const script = document.createElement('script');
  script.type = 'application/json';
  script.textContent = typeof config === 'string' ? config : JSON.stringify(config);
  return script;
}

/** A dashboard described by `config` in a `<script type="application/json">` child. */
async function dashboardFromScript(
  config: unknown,
  attributes: Record<string, string> = {},
): Promise<OdwDashboard> {
  const container = await mount(html`<div></div>`);
  const dashboard = document.createElement('odw-dashboard');
  for (const [name, value] of Object.entries(attributes)) dashboard.setAttribute(name, value);
  dashboard.append(configScript(config));
  container.append(dashboard);
  await configSettled(dashboard);
  return dashboard;
}

const savedSettings = {...requestSettings};

afterEach(() => {
  Object.assign(requestSettings, savedSettings);
});

describe('odw-dashboard', function () {
  this.timeout(60_000);

  beforeEach(() => {
    Object.assign(requestSettings, {baseDelay: 5, maxDelay: 20});
  });

  describe('grid', () => {
    it('lays children out in the given columns, a span="2" child two columns wide', async () => {
      const dashboard = await mountDashboard(
        html`<odw-dashboard columns="3" style="width: 960px">
          <div span="2">a</div>
          <div>b</div>
          <div>c</div>
          <div span="full">d</div>
        </odw-dashboard>`,
      );
      const [a, b, c, d] = dashboard.querySelectorAll('div');
      const grid = part(dashboard, 'grid')!;
      expect(getComputedStyle(grid).gridTemplateColumns.split(' ')).to.have.length(3);
      expect(a.getBoundingClientRect().top).to.equal(b.getBoundingClientRect().top);
      expect(c.getBoundingClientRect().top, 'c starts the second row').to.be.greaterThan(
        a.getBoundingClientRect().top,
      );
      const gap = b.getBoundingClientRect().left - a.getBoundingClientRect().right;
      expect(width(a)).to.be.closeTo(2 * width(b) + gap, 1);
      expect(width(d), 'span="full" takes the whole row').to.be.closeTo(width(grid), 1);
    });

    it('never spans more columns than the grid has', async () => {
      const dashboard = await mountDashboard(
        html`<odw-dashboard columns="2" style="width: 960px"
          ><div span="3">a</div>
          <div>b</div></odw-dashboard
        >`,
      );
      const [a, b] = dashboard.querySelectorAll('div');
      const grid = part(dashboard, 'grid')!;
      expect(getComputedStyle(grid).gridTemplateColumns.split(' ')).to.have.length(2);
      expect(width(a)).to.be.closeTo(width(grid), 1);
      expect(width(b)).to.be.lessThan(width(grid) / 2 + 1);
    });

    it('falls back to two columns, then one, when the dashboard is narrow', async () => {
      const dashboard = await mountDashboard(
        html`<odw-dashboard columns="4" style="width: 600px"
          ><div span="3">a</div>
          <div>b</div></odw-dashboard
        >`,
      );
      const grid = part(dashboard, 'grid')!;
      expect(getComputedStyle(grid).gridTemplateColumns.split(' ')).to.have.length(2);
      dashboard.style.width = '360px';
      await waitUntil(() => getComputedStyle(grid).gridTemplateColumns.split(' ').length === 1, 'one column');
      const [a, b] = dashboard.querySelectorAll('div');
      expect(width(a)).to.be.closeTo(width(grid), 1);
      expect(width(b)).to.be.closeTo(width(grid), 1);
    });

    it('shows its title as a level-2 heading naming the region, and its description', async () => {
      const dashboard = await mountDashboard(
        html`<odw-dashboard title="Orléans Métropole" description="Population légale 2025"></odw-dashboard>`,
      );
      const heading = part(dashboard, 'title')!;
      expect(heading.getAttribute('role')).to.equal('heading');
      expect(heading.getAttribute('aria-level')).to.equal('2');
      expect(normalize(heading.textContent)).to.equal('Orléans Métropole');
      expect(normalize(part(dashboard, 'description')!.textContent)).to.equal('Population légale 2025');
      const base = part(dashboard, 'base')!;
      expect(base.localName).to.equal('section');
      expect(base.getAttribute('aria-labelledby')).to.equal('title');
      expect(base.getAttribute('title'), 'no tooltip over the whole dashboard').to.equal('');
    });
  });

  describe('default source and theme', () => {
    it('binds children without source or src to a source made from its src and where', async () => {
      const dashboard = await mountDashboard(
        html`<odw-dashboard id="dash-src" src=${ODS} where=${ORLEANS}>
          <odw-kpi value="sum(population)" label="Habitants"></odw-kpi>
          <odw-kpi src=${ODS} value="sum(population)" where=${ANGERS}></odw-kpi>
        </odw-dashboard>`,
      );
      const [shared, own] = dashboard.querySelectorAll('odw-kpi');
      expect(shared.getAttribute('source')).to.equal('dash-src-source');
      const source = dashboard.querySelector('odw-source')!;
      expect(source.id).to.equal('dash-src-source');
      expect(source.getAttribute('where')).to.equal(ORLEANS);
      expect(own.hasAttribute('source'), 'a child with its own src keeps it').to.equal(false);
      await kpiShows(shared, '293 673');
      await kpiShows(own, '308 806');
    });

    it('binds children to the odw-source named by source, and follows a change of it', async () => {
      const container = await mount(
        html`<div>
          <odw-source id="dash-orleans" src=${ODS} where=${ORLEANS}></odw-source>
          <odw-source id="dash-angers" src=${ODS} where=${ANGERS}></odw-source>
          <odw-source id="dash-mine" src=${ODS} where='code_insee = "45234"'></odw-source>
          <odw-dashboard source="dash-orleans">
            <odw-kpi value="sum(population)"></odw-kpi>
            <odw-kpi source="dash-mine" value="sum(population)"></odw-kpi>
          </odw-dashboard>
        </div>`,
      );
      const dashboard = container.querySelector('odw-dashboard')!;
      const [shared, own] = dashboard.querySelectorAll('odw-kpi');
      await kpiShows(shared, '293 673');
      await kpiShows(own, '116 344');
      dashboard.source = 'dash-angers';
      await kpiShows(shared, '308 806');
      expect(own.getAttribute('source')).to.equal('dash-mine');
    });

    it('binds a child added later', async () => {
      const dashboard = await mountDashboard(
        html`<odw-dashboard src=${ODS} where=${ORLEANS}></odw-dashboard>`,
      );
      const kpi = document.createElement('odw-kpi');
      kpi.setAttribute('value', 'count()');
      dashboard.append(kpi);
      await kpiShows(kpi, '22');
    });

    it('gives its theme to children without one, and the same look to its own frame', async () => {
      const dashboard = await mountDashboard(
        html`<odw-dashboard theme="dark" title="Sombre" src=${ODS} where=${ORLEANS}>
          <odw-kpi value="count()"></odw-kpi>
          <odw-kpi value="count()" theme="dsfr"></odw-kpi>
        </odw-dashboard>`,
      );
      const [inherited, own] = dashboard.querySelectorAll('odw-kpi');
      expect(inherited.getAttribute('theme')).to.equal('dark');
      expect(own.getAttribute('theme')).to.equal('dsfr');
      const token = (el: Element, name: string) => getComputedStyle(el).getPropertyValue(name).trim();
      expect(token(inherited, '--_odw-background')).to.equal('#161b22');
      expect(token(dashboard, '--_odw-surface'), 'the dashboard itself is dark').to.equal('#1f2630');
      expect(getComputedStyle(part(dashboard, 'base')!).backgroundColor).to.equal('rgb(31, 38, 48)');

      dashboard.theme = 'dsfr';
      await dashboard.updateComplete;
      expect(inherited.getAttribute('theme')).to.equal('dsfr');
      dashboard.removeAttribute('theme');
      await dashboard.updateComplete;
      expect(inherited.hasAttribute('theme'), 'back to the system setting').to.equal(false);
      expect(own.getAttribute('theme')).to.equal('dsfr');
    });
  });

  describe('JSON configuration', () => {
    it('builds the whole dashboard from a <script type="application/json"> child', async () => {
      const dashboard = await dashboardFromScript({
        title: 'Angers Loire Métropole',
        description: 'Population légale 2025',
        columns: 2,
        theme: 'dsfr',
        lang: 'en',
        sources: [{id: 'angers', src: ODS, where: ANGERS, refresh: 600, 'url-sync': true}],
        filters: [{field: 'commune', label: 'Commune'}],
        widgets: [
          {type: 'kpi', value: 'sum(population)', label: 'Habitants', span: 'full'},
          {type: 'kpi', value: 'count()', label: 'Communes'},
          {type: 'table', columns: 'commune,population', sort: '-population', 'page-size': 5, search: true},
        ],
      });
      expect(normalize(part(dashboard, 'title')!.textContent)).to.equal('Angers Loire Métropole');
      expect(dashboard.getAttribute('columns')).to.equal('2');
      expect(dashboard.getAttribute('theme')).to.equal('dsfr');
      const [population, communes] = configured(dashboard, 'odw-kpi');
      expect(population.getAttribute('source')).to.equal('angers');
      expect(population.getAttribute('theme')).to.equal('dsfr');
      expect(population.getAttribute('span')).to.equal('full');
      expect(
        population.getAttribute('heading-level'),
        'widget headings under the dashboard heading',
      ).to.equal('3');
      const [table] = configured(dashboard, 'odw-table');
      expect(table.hasAttribute('search')).to.equal(true);
      expect(table.getAttribute('page-size')).to.equal('5');
      const [filter] = configured(dashboard, 'odw-filter');
      expect(filter.parentElement).to.equal(part(dashboard, 'filters'));
      const [angers] = configured(dashboard, 'odw-source');
      expect(angers.id).to.equal('angers');
      expect(angers.getAttribute('refresh')).to.equal('600');
      expect(angers.getAttribute('url-sync'), 'true: the attribute is present').to.equal('');
      // lang "en" of the configuration: figures in English.
      await kpiShows(population, '308,806');
      await kpiShows(communes, '29');
    });

    it('lets the page style every part of its configured widgets through the dashboard', async () => {
      const style = document.createElement('style');
      style.textContent = `
        .styled-parts::part(kpi-value) { color: rgb(1, 2, 3); }
        .styled-parts::part(widget) { outline: 3px solid rgb(4, 5, 6); }`;
      document.head.append(style);
      try {
        const dashboard = await dashboardFromScript(
          {
            sources: [{id: uniqueName('parts'), src: ODS, where: ANGERS}],
            filters: [{field: 'commune'}],
            widgets: [
              {type: 'kpi', value: 'sum(population)', title: 'Habitants', label: 'Habitants'},
              {type: 'chart', x: 'commune', y: 'sum(population)', limit: 3},
              {type: 'table', columns: 'commune,population', 'page-size': 3, search: true},
            ],
          },
          {class: 'styled-parts'},
        );
        const [kpi] = configured(dashboard, 'odw-kpi');
        await kpiShows(kpi, '308 806');
        expect(getComputedStyle(part(kpi, 'value')!).color).to.equal('rgb(1, 2, 3)');
        expect(getComputedStyle(kpi).outlineColor).to.equal('rgb(4, 5, 6)');
        const [chart] = configured(dashboard, 'odw-chart');
        await waitUntil(() => shadow(chart).querySelector('[part~="chart"] svg'), 'the chart is drawn', {
          timeout: 15_000,
        });
        const [table] = configured(dashboard, 'odw-table');
        await waitUntil(() => shadow(table).querySelector('table'), 'the table is drawn', {timeout: 15_000});
        // Every part a widget draws is exported under its kind's prefix.
        for (const widget of [kpi, chart, table, ...configured(dashboard, 'odw-filter')]) {
          const kind = widget.localName.replace('odw-', '');
          const exported = widget.getAttribute('exportparts')!;
          for (const element of shadow(widget).querySelectorAll('[part]')) {
            for (const name of element.getAttribute('part')!.split(/\s+/)) {
              expect(exported, `${widget.localName} part ${name}`).to.include(`${name}: ${kind}-${name}`);
            }
          }
        }
      } finally {
        style.remove();
      }
    });

    it('builds the dashboard from a config URL', async () => {
      const container = await mount(
        html`<odw-dashboard config="/test/fixtures/dashboard-orleans.json"></odw-dashboard>`,
      );
      const dashboard = container.querySelector('odw-dashboard')!;
      await configSettled(dashboard);
      expect(statusText(dashboard)).to.equal('');
      expect(normalize(part(dashboard, 'title')!.textContent)).to.equal('Orléans Métropole');
      expect(normalize(part(dashboard, 'description')!.textContent)).to.equal(
        'Population légale 2025 des 22 communes.',
      );
      const [kpi] = configured(dashboard, 'odw-kpi');
      await kpiShows(kpi, '293 673');
      const [table] = configured(dashboard, 'odw-table');
      expect(table.getAttribute('span')).to.equal('2');
      expect(width(table)).to.be.closeTo(width(part(dashboard, 'grid')!), 1);
    });

    it('says when the config URL cannot be loaded', async () => {
      const dashboard = await mountDashboard(
        html`<odw-dashboard config="/test/fixtures/no-such-dashboard.json"></odw-dashboard>`,
      );
      await configSettled(dashboard);
      expect(statusText(dashboard)).to.match(
        /^La configuration « \/test\/fixtures\/no-such-dashboard.json » n’a pas pu être chargée : /,
      );
      expect(part(dashboard, 'status')!.getAttribute('role')).to.equal('alert');
    });

    it('replaces its widgets when the configuration script changes', async () => {
      const dashboard = await dashboardFromScript({
        sources: [{id: 'first', src: ODS, where: ORLEANS}],
        widgets: [{type: 'kpi', value: 'count()'}],
      });
      await kpiShows(configured(dashboard, 'odw-kpi')[0], '22');
      dashboard.querySelector('script')!.textContent = JSON.stringify({
        sources: [{id: 'second', src: ODS, where: ANGERS}],
        widgets: [
          {type: 'kpi', value: 'count()'},
          {type: 'kpi', value: 'sum(population)'},
        ],
      });
      await waitUntil(() => configured(dashboard, 'odw-kpi').length === 2, 'the new widgets');
      const [count, population] = configured(dashboard, 'odw-kpi');
      await kpiShows(count, '29');
      await kpiShows(population, '308 806');
      expect(configured(dashboard, 'odw-source').map((source) => source.id)).to.deep.equal(['second']);
    });

    it('uses its own src as the source of configured widgets that name none', async () => {
      const dashboard = await dashboardFromScript(
        {widgets: [{type: 'kpi', value: 'sum(population)'}]},
        {src: ODS, where: ORLEANS, id: 'dash-config-src'},
      );
      const [kpi] = configured(dashboard, 'odw-kpi');
      expect(kpi.getAttribute('source')).to.equal('dash-config-src-source');
      await kpiShows(kpi, '293 673');
    });
  });

  describe('invalid configuration', () => {
    const source = {id: 'pop', src: ODS};
    const cases: Array<[string, unknown, string[]]> = [
      [
        'a misspelt key, with the closest allowed keys first',
        {sources: [source], widgets: [{type: 'kpi'}, {type: 'table'}, {tpye: 'kpi', value: 'count()'}]},
        ['widgets[2].type : clé obligatoire manquante', 'widgets[2].tpye : clé inconnue (attendu : type,'],
      ],
      [
        'an unknown key of a kpi',
        {sources: [source], widgets: [{type: 'kpi', vaule: 'count()'}]},
        ['widgets[0].vaule : clé inconnue (attendu : value,'],
      ],
      [
        'an unknown widget type',
        {sources: [source], widgets: [{type: 'gauge'}]},
        ['widgets[0].type : "gauge" n’est pas permis (valeurs possibles : kpi, chart, map, table, filter)'],
      ],
      [
        'missing required keys',
        {sources: [{id: 'pop'}], widgets: [{type: 'chart', y: 'count()'}, {type: 'filter'}]},
        [
          'sources[0].src : clé obligatoire manquante',
          'widgets[0].x : clé obligatoire manquante',
          'widgets[1].field : clé obligatoire manquante',
        ],
      ],
      [
        'values of the wrong type',
        {
          columns: '3',
          sources: [{...source, refresh: '30'}],
          widgets: [
            {type: 'table', search: 'yes', span: 0},
            {type: 'chart', x: 'commune', 'chart-type': 'camembert'},
          ],
        },
        [
          'columns : un entier positif ou nul attendu, et non "3"',
          'sources[0].refresh : un nombre attendu, et non "30"',
          'widgets[0].search : true ou false attendu, et non "yes"',
          'widgets[0].span : un entier de 1 à 12 ou "full" attendu, et non 0',
          'widgets[1].chart-type : "camembert" n’est pas permis (valeurs possibles : column, bar, line, area, pie, donut, scatter)',
        ],
      ],
      [
        'a widget naming a source that does not exist',
        {sources: [source], widgets: [{type: 'kpi', source: 'popp'}]},
        ['widgets[0].source : aucune source "popp" (sources : pop)'],
      ],
      [
        'a widget without any source',
        {widgets: [{type: 'kpi'}]},
        ['widgets[0].source : clé obligatoire manquante'],
      ],
      [
        'widgets that are not a list',
        {sources: [source], widgets: {type: 'kpi'}},
        ['widgets : une liste [ … ] attendu, et non {"type":"kpi"}'],
      ],
      ['nothing to show', {sources: [source]}, ['widgets : aucun widget ni filtre à afficher']],
      [
        'a misspelt top-level key',
        {sources: [source], widget: [{type: 'kpi'}]},
        ['widget : clé inconnue (attendu : widgets,'],
      ],
    ];
    for (const [what, config, expected] of cases) {
      it(`names the wrong key and where it is: ${what}`, async () => {
        const dashboard = await dashboardFromScript(config);
        const listed = problems(dashboard);
        for (const message of expected) {
          expect(
            listed.some((problem) => problem.startsWith(message)),
            `« ${message} » in:\n${listed.join('\n')}`,
          ).to.equal(true);
        }
        expect(listed).to.have.length(expected.length);
        expect(statusText(dashboard)).to.match(/^La configuration du tableau de bord est invalide :/);
        expect(configured(dashboard, 'odw-kpi'), 'no widget from an invalid configuration').to.have.length(0);
      });
    }

    it('says so when the script is not JSON', async () => {
      const dashboard = await dashboardFromScript('{"widgets": [');
      expect(statusText(dashboard)).to.match(/^La configuration n’est pas du JSON valide : /);
    });

    it('speaks English with lang="en"', async () => {
      const dashboard = await dashboardFromScript(
        {sources: [source], widgets: [{tpye: 'kpi'}]},
        {lang: 'en'},
      );
      expect(problems(dashboard)).to.include('widgets[0].type: required key missing');
      expect(
        problems(dashboard).some((problem) =>
          problem.startsWith('widgets[0].tpye: unknown key (expected: type,'),
        ),
      ).to.equal(true);
    });

    it('shows the configured widgets once the script is fixed', async () => {
      const dashboard = await dashboardFromScript({
        sources: [source],
        widgets: [{type: 'kpi', vaule: 'count()'}],
      });
      expect(problems(dashboard)).to.have.length(1);
      dashboard.querySelector('script')!.textContent = JSON.stringify({
        sources: [{...source, where: ORLEANS}],
        widgets: [{type: 'kpi', value: 'count()'}],
      });
      await waitUntil(() => configured(dashboard, 'odw-kpi').length === 1, 'the fixed widget');
      expect(statusText(dashboard)).to.equal('');
      await kpiShows(configured(dashboard, 'odw-kpi')[0], '22');
    });
  });

  describe('refresh', () => {
    it('reloads every widget in place, then keeps the last data with the stale notice when a refresh fails', async () => {
      const sequence = uniqueName('dash-seq');
      const src = `/portal/~seq=${sequence},tag=${sequence}/${ODS_PATH}`;
      const dashboard = await mountDashboard(
        html`<odw-dashboard columns="3" style="width: 1000px" src=${src} where=${ORLEANS}>
          <odw-kpi value="sum(population)" label="Habitants"></odw-kpi>
          <odw-table columns="commune,population" sort="-population" page-size="5"></odw-table>
          <odw-chart type="bar" x="commune" y="sum(population)" sort="-y" limit="5"></odw-chart>
        </odw-dashboard>`,
      );
      const kpi = dashboard.querySelector('odw-kpi')!;
      const table = dashboard.querySelector('odw-table')!;
      const chart = dashboard.querySelector('odw-chart')!;
      const widgets: Element[] = [kpi, table, chart];
      await kpiShows(kpi, '293 673');
      await waitUntil(() => shadow(table).querySelectorAll('tbody tr').length === 5, 'table rows', {
        timeout: 20_000,
      });
      await waitUntil(() => shadow(chart).querySelector('.vega svg .role-mark'), 'chart drawn', {
        timeout: 30_000,
      });
      await waitUntil(() => widgets.every((widget) => part(widget, 'footer')), 'attributions shown', {
        timeout: 20_000,
      });
      const heights = new Map(widgets.map((widget) => [widget, widget.getBoundingClientRect().height]));
      const smallest = new Map(heights);
      const observer = new ResizeObserver((entries) => {
        for (const entry of entries) {
          const height = entry.target.getBoundingClientRect().height;
          smallest.set(entry.target as Element, Math.min(smallest.get(entry.target as Element)!, height));
        }
      });
      for (const widget of widgets) observer.observe(widget);
      const shownDuringReload = new Set<string>();
      const watchBusy = () => {
        for (const widget of widgets) {
          if (part(widget, 'body')?.getAttribute('aria-busy') === 'true') {
            shownDuringReload.add(
              `${widget.localName}:${shadow(widget).querySelector('.skeleton') ? 'skeleton' : 'data'}`,
            );
          }
        }
      };
      const busyObserver = new MutationObserver(watchBusy);
      for (const widget of widgets) busyObserver.observe(shadow(widget), {attributes: true, subtree: true});

      try {
        // A successful refresh: new requests, the same figures, no placeholder.
        await fetch(`/portal/__requests?tag=${sequence}`, {method: 'DELETE'});
        const loads = new Set<Element>();
        dashboard.addEventListener('odw-load', (event) => loads.add(event.composedPath()[0] as Element));
        dashboard.reload();
        await waitUntil(() => widgets.every((widget) => loads.has(widget)), 'every widget reloaded', {
          timeout: 20_000,
        });
        expect((await requestLog(sequence)).length, 'fresh requests were sent').to.be.greaterThan(0);
        expect(kpiValue(kpi)).to.equal('293 673');

        // A failing refresh: every attempt answers 500.
        await setFaults(
          sequence,
          Array.from({length: 60}, () => 'status=500'),
        );
        dashboard.reload();
        await waitUntil(
          () => widgets.every((widget) => shadow(widget).querySelector('.status.stale')),
          'a stale notice on every widget',
          {timeout: 30_000},
        );
        for (const widget of widgets) {
          expect(normalize(shadow(widget).querySelector('.status.stale')!.textContent)).to.match(
            /^Données du .+ — la mise à jour a échoué Réessayer$/,
          );
        }
        expect(kpiValue(kpi), 'the last figure stays').to.equal('293 673');
        expect(shadow(table).querySelectorAll('tbody tr')).to.have.length(5);
        expect(shadow(chart).querySelector('.vega svg .role-mark'), 'the chart stays drawn').to.not.equal(
          null,
        );
        watchBusy();
        expect(
          [...shownDuringReload].filter((entry) => entry.endsWith('skeleton')),
          'no placeholder',
        ).to.deep.equal([]);
        for (const widget of widgets) {
          expect(smallest.get(widget)!, `${widget.localName} never shrank while reloading`).to.be.at.least(
            heights.get(widget)! - 1,
          );
        }

        // The portal is back: « Réessayer » brings fresh data and removes the notice.
        await setFaults(sequence, []);
        shadow(kpi).querySelector<HTMLButtonElement>('.status.stale [part=retry]')!.click();
        await waitUntil(() => !shadow(kpi).querySelector('.status.stale'), 'the notice goes', {
          timeout: 20_000,
        });
        expect(kpiValue(kpi)).to.equal('293 673');
      } finally {
        observer.disconnect();
        busyObserver.disconnect();
      }
    });
  });

  describe('cross-filtering', () => {
    it('moves a filter, a KPI, a chart and a table together with one request per distinct query', async () => {
      const tag = uniqueName('dash-cross');
      const dashboard = await dashboardFromScript({
        sources: [{id: 'cross', src: `/portal/~tag=${tag}/${ODS_PATH}`, where: ORLEANS}],
        filters: [{field: 'commune', type: 'checkboxes', label: 'Commune'}],
        widgets: [
          {type: 'kpi', value: 'sum(population)', label: 'Habitants'},
          {type: 'chart', 'chart-type': 'bar', x: 'commune', y: 'sum(population)'},
          {type: 'table', columns: 'commune,population', sort: '-population', 'page-size': 25},
        ],
      });
      const [filter] = configured(dashboard, 'odw-filter');
      const [kpi] = configured(dashboard, 'odw-kpi');
      const [chart] = configured(dashboard, 'odw-chart');
      const [table] = configured(dashboard, 'odw-table');
      const latest = new Map<Element, {rows: unknown[]; total: number}>();
      dashboard.addEventListener('odw-load', (event) => {
        latest.set(
          event.composedPath()[0] as Element,
          (event as CustomEvent<{rows: unknown[]; total: number}>).detail,
        );
      });
      await kpiShows(kpi, '293 673');
      await waitUntil(() => shadow(table).querySelectorAll('tbody tr').length === 22, 'the 22 communes', {
        timeout: 20_000,
      });
      await waitUntil(() => shadow(chart).querySelector('.vega svg .role-mark'), 'chart drawn', {
        timeout: 30_000,
      });
      await waitUntil(() => shadow(filter).querySelectorAll('.choice').length === 22, 'the choices', {
        timeout: 20_000,
      });
      await fetch(`/portal/__requests?tag=${tag}`, {method: 'DELETE'});

      const orleans = [...shadow(filter).querySelectorAll('.choice')].find(
        (choice) => normalize(choice.querySelector('.choice-label')!.textContent) === 'Orléans',
      )!;
      orleans.querySelector('input')!.click();

      await kpiShows(kpi, '116 344');
      await waitUntil(() => shadow(table).querySelectorAll('tbody tr').length === 1, 'one row', {
        timeout: 20_000,
      });
      await waitUntil(() => latest.get(chart)?.rows.length === 1, 'one bar', {timeout: 30_000});
      expect(normalize(shadow(table).querySelector('tbody tr')!.textContent)).to.contain('Orléans');
      const source = configured(dashboard, 'odw-source')[0] as OdwSource;
      expect(source.filters).to.have.length(1);
      const urls = await requestLog(tag);
      expect(new Set(urls).size, `no query sent twice:\n${urls.join('\n')}`).to.equal(urls.length);
      // KPI, chart and table re-query; the filter's own counts ignore its own filter (cached).
      expect(urls.length, urls.join('\n')).to.be.at.most(3);
    });
  });

  describe('accessibility', () => {
    it('is accessible with a title, a description and widgets', async () => {
      const dashboard = await mountDashboard(
        html`<odw-dashboard
          title="Orléans Métropole"
          description="Population légale 2025"
          src=${ODS}
          where=${ORLEANS}
        >
          <odw-kpi value="sum(population)" label="Habitants"></odw-kpi>
          <odw-table
            columns="commune,population"
            sort="-population"
            page-size="5"
            title="Communes"
          ></odw-table>
        </odw-dashboard>`,
      );
      await kpiShows(dashboard.querySelector('odw-kpi')!, '293 673');
      await waitUntil(() => shadow(dashboard.querySelector('odw-table')!).querySelector('tbody'), 'table', {
        timeout: 20_000,
      });
      await expect(dashboard).to.be.accessible();
    });

    it('is accessible from a configuration, under the dark theme', async () => {
      const dashboard = await dashboardFromScript({
        title: 'Angers',
        theme: 'dark',
        sources: [{id: 'a11y-angers', src: ODS, where: ANGERS}],
        filters: [{field: 'commune'}],
        widgets: [{type: 'kpi', value: 'sum(population)', label: 'Habitants'}],
      });
      await kpiShows(configured(dashboard, 'odw-kpi')[0], '308 806');
      await waitUntil(() => part(configured(dashboard, 'odw-filter')[0], 'control'), 'filter', {
        timeout: 20_000,
      });
      await expect(dashboard).to.be.accessible();
    });

    it('is accessible when it lists configuration errors', async () => {
      const dashboard = await dashboardFromScript({widgets: [{tpye: 'kpi'}]});
      expect(problems(dashboard).length).to.be.greaterThan(0);
      await expect(dashboard).to.be.accessible();
    });
  });
});
