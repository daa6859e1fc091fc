/** A dashboard described in JSON: built, restyled, replaced, and its errors listed. */
import {expect, html, waitUntil} from '@open-wc/testing';
import '../odw-kpi/define.js';
import '../odw-table/define.js';
import '../odw-filter/define.js';
import '../odw-chart/define.js';
import './define.js';
import {mount, normalize, part, shadow} from '../../../test/helpers.js';
import {
  ANGERS,
  ODS,
  ORLEANS,
  configSettled,
  configured,
  dashboardFromScript,
  fastRetries,
  kpiShows,
  mountDashboard,
  problems,
  statusText,
  uniqueName,
  width,
} from './dashboard-harness.test.js';

describe('odw-dashboard', function () {
  this.timeout(60_000);
  fastRetries();

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
      expect(getComputedStyle(part(dashboard, 'filters')!).display).to.equal('grid');
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
      // No filters: no empty « Filtres » group for a screen reader, and no gap it would take.
      expect(getComputedStyle(part(dashboard, 'filters')!).display).to.equal('none');
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
});
