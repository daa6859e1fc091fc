import {expect, html, waitUntil} from '@open-wc/testing';
import {emulateMedia} from '@web/test-runner-commands';
import {render, type TemplateResult} from 'lit';
import {formatFilter, parseFilter} from '../../data/index.js';
import type {OdwKpi} from '../odw-kpi/odw-kpi.js';
import '../odw-kpi/define.js';
import type {OdwSource} from '../odw-source/odw-source.js';
import './define.js';
import type {OdwChart} from './odw-chart.js';
import {fakeFullscreen, mount, mounted, normalize, part, shadow} from '../../../test/helpers.js';

const ODS_PATH = 'ods/api/explore/v2.1/catalog/datasets/populations-legales-2025/records';
const ODS = `/portal/${ODS_PATH}`;
const FESTIVALS = '/portal/ods/api/explore/v2.1/catalog/datasets/festivals-du-finistere/records';
const ORLEANS = 'epci = "Orléans Métropole"';
const SINCE_2019 = "date_debut_ancien >= date'2019-01-01'";

async function chartOf(template: TemplateResult, width?: number): Promise<OdwChart> {
  const container = await mount(template, width);
  return container.querySelector('odw-chart')!;
}

/** Waits until the chart is drawn (an SVG with marks) or shows a message. */
async function drawn(el: Element, timeout = 20_000): Promise<void> {
  await waitUntil(
    () => shadow(el).querySelector('.vega svg .role-mark') || part(el, 'status'),
    `${el.outerHTML} never drew`,
    {timeout},
  );
}

/** The marks of the chart: the items Vega drew for the data (not the lines joining them). */
function marks(el: Element): Element[] {
  return [...shadow(el).querySelectorAll('.vega svg .role-mark')]
    .filter((group) => !group.closest('.mark-group.role-scope'))
    .flatMap((group) => [...group.children]);
}

function summary(el: Element): string {
  return normalize(shadow(el).querySelector('#summary')!.textContent);
}

async function openTable(el: Element): Promise<string[][]> {
  const toggle = shadow(el).querySelector<HTMLButtonElement>('.toggle-table')!;
  if (toggle.getAttribute('aria-expanded') !== 'true') toggle.click();
  await (el as OdwChart).updateComplete;
  const table = part(el, 'table')!;
  return [...table.querySelectorAll('tbody tr')].map((row) =>
    [...row.children].map((cell) => normalize(cell.textContent)),
  );
}

function uniqueTag(): string {
  return `chart-${Math.random().toString(36).slice(2, 10)}`;
}

async function requestLog(tag: string): Promise<string[]> {
  const response = await fetch(`/portal/__requests?tag=${encodeURIComponent(tag)}`);
  const {requests} = (await response.json()) as {requests: Array<{url: string}>};
  return requests.map((request) => decodeURIComponent(request.url));
}

function axisLabels(el: Element, axis: 'x' | 'y' | 'any' = 'any'): string[] {
  return [...shadow(el).querySelectorAll('.role-axis-label text')]
    .filter(() => axis === 'any' || true)
    .map((text) => text.textContent ?? '');
}

/** A CSS colour as `[r, g, b]`, resolved by the browser. */
function rgb(colour: string | null): number[] {
  const probe = document.createElement('span');
  probe.style.color = colour ?? '';
  document.body.append(probe);
  const resolved = getComputedStyle(probe).color;
  probe.remove();
  return resolved
    .match(/\d+(\.\d+)?/g)!
    .slice(0, 3)
    .map(Number);
}

/** Relative luminance (WCAG) of a CSS colour. */
function luminance(colour: string | null): number {
  const [r, g, b] = rgb(colour).map((channel) => {
    const c = channel / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function fills(el: Element): string[] {
  return marks(el).map((mark) => mark.getAttribute('fill') ?? '');
}

/** A JSON file of `rows`, served from memory. */
function jsonFile(rows: unknown[]): string {
  const url = URL.createObjectURL(new Blob([JSON.stringify(rows)], {type: 'application/json'}));
  blobUrls.push(url);
  return url;
}
const blobUrls: string[] = [];
afterEach(() => {
  for (const url of blobUrls.splice(0)) URL.revokeObjectURL(url);
});

describe('odw-chart', function () {
  this.timeout(40_000);

  describe('types', () => {
    it('tells the page when it is drawn with odw-chart-drawn, bubbling out of shadow roots', async () => {
      const container = await mount(html`<div></div>`);
      const host = container.firstElementChild!.attachShadow({mode: 'open'});
      const heard: Event[] = [];
      container.addEventListener('odw-chart-drawn', (event) => heard.push(event));
      render(html`<odw-chart src=${ODS} x="commune" y="sum(population)" where=${ORLEANS}></odw-chart>`, host);
      await waitUntil(() => heard.length > 0, 'odw-chart-drawn', {timeout: 20_000});
      const chart = host.querySelector('odw-chart')!;
      expect(heard[0].composed).to.equal(true);
      expect(marks(chart)).to.have.length(22);
    });

    it('draws columns by ISO week, grouped by the portal', async () => {
      const tag = uniqueTag();
      const el = await chartOf(
        html`<odw-chart
          src=${FESTIVALS.replace('/portal/', `/portal/~tag=${tag}/`)}
          x="date_debut_ancien"
          timeunit="week"
          y="count()"
          where=${SINCE_2019}
        ></odw-chart>`,
      );
      await drawn(el);
      const log = await requestLog(tag);
      expect(log.some((url) => url.includes('date_format(date_debut_ancien, "xxxx-ww")'))).to.equal(true);
      const rows = await openTable(el);
      const total = rows.reduce((sum, row) => sum + Number(row[1]), 0);
      const direct = await fetch(
        `${FESTIVALS}?select=count(*) as n&where=${encodeURIComponent(SINCE_2019)}`,
      ).then((response) => response.json() as Promise<{results: Array<{n: number}>}>);
      expect(total, 'every festival counted in one week').to.equal(direct.results[0].n);
      expect(marks(el)).to.have.length(rows.length);
    });

    it('draws 22 columns for the communes of Orléans Métropole, with a summary and a table', async () => {
      const el = await chartOf(
        html`<odw-chart src=${ODS} x="commune" y="sum(population)" where=${ORLEANS} sort="-y"></odw-chart>`,
      );
      await drawn(el);
      expect(marks(el)).to.have.length(22);
      expect(summary(el)).to.equal('Diagramme en colonnes, 22 communes, maximum Orléans : 116 344');
      const svg = shadow(el).querySelector('.vega svg')!;
      expect(svg.getAttribute('role')).to.equal('img');
      expect(normalize(svg.getAttribute('aria-label'))).to.equal(summary(el));
      const rows = await openTable(el);
      expect(rows).to.have.length(22);
      expect(rows[0]).to.deep.equal(['Orléans', '116 344']);
      const head = [...part(el, 'table')!.querySelectorAll('thead th')].map((th) =>
        normalize(th.textContent),
      );
      expect(head).to.deep.equal(['Commune', 'Population municipale']);
      // Labels from the metadata, numbers in French on the axis.
      const titles = [...shadow(el).querySelectorAll('.role-axis-title text')].map(
        (text) => text.textContent,
      );
      expect(titles).to.include.members(['Commune', 'Population municipale']);
      expect(axisLabels(el).map(normalize)).to.include('100 000');
    });

    it('draws horizontal bars with type="bar"', async () => {
      const el = await chartOf(
        html`<odw-chart
          type="bar"
          src=${ODS}
          x="commune"
          y="sum(population)"
          where=${ORLEANS}
          height="600"
        ></odw-chart>`,
      );
      await drawn(el);
      const bars = marks(el);
      expect(bars).to.have.length(22);
      expect(summary(el)).to.match(/^Diagramme en barres, 22 communes/);
      // Horizontal: the longest bar is wider than tall.
      const sizes = bars.map((bar) => (bar as SVGGraphicsElement).getBBox());
      const widest = sizes.reduce((a, b) => (a.width > b.width ? a : b));
      expect(widest.width).to.be.greaterThan(widest.height);
    });

    it('draws a line by month with its gaps left empty', async () => {
      const el = await chartOf(
        html`<odw-chart
          type="line"
          src=${FESTIVALS}
          x="date_debut_ancien"
          timeunit="month"
          y="count()"
          where=${SINCE_2019}
        ></odw-chart>`,
      );
      await drawn(el);
      // Ten months have festivals between January 2019 and May 2020.
      expect(marks(el)).to.have.length(10);
      const rows = await openTable(el);
      expect(rows).to.have.length(10);
      expect(rows[0]).to.deep.equal(['janv. 2019', '2']);
      expect(rows[9]).to.deep.equal(['mai 2020', '1']);
      // September 2019 and Nov. 2019 – April 2020 are empty: the line is broken into three pieces.
      const path = shadow(el).querySelector('.mark-line path')!.getAttribute('d')!;
      expect(path.match(/M/g)).to.have.length(3);
      expect(summary(el)).to.match(/^Graphique en courbes, 10 périodes, maximum avr. 2019 : 3$/);
    });

    it('draws a stacked area of two aggregates with a legend', async () => {
      const el = await chartOf(
        html`<odw-chart
          type="area"
          src=${ODS}
          x="commune"
          y="sum(population), sum(population_comptee_a_part)"
          where=${ORLEANS}
        ></odw-chart>`,
      );
      await drawn(el);
      expect(marks(el)).to.have.length(44);
      expect(shadow(el).querySelectorAll('.mark-area path')).to.have.length(2);
      const legend = [...shadow(el).querySelectorAll('.role-legend-label text')].map(
        (text) => text.textContent,
      );
      expect(legend).to.deep.equal(['Population municipale', 'Population comptée à part']);
      const rows = await openTable(el);
      expect(rows.find((row) => row[0] === 'Orléans')!.slice(1)).to.have.length(2);
    });

    for (const type of ['pie', 'donut']) {
      it(`draws a ${type} of the top 5 communes and the others`, async () => {
        const tag = uniqueTag();
        const el = await chartOf(
          html`<odw-chart
            type=${type}
            src=${`/portal/~tag=${tag}/${ODS_PATH}`}
            x="commune"
            y="sum(population)"
            where=${ORLEANS}
            limit="5"
            others
          ></odw-chart>`,
        );
        await drawn(el);
        expect(marks(el)).to.have.length(6);
        const rows = await openTable(el);
        expect(rows.map((row) => row[0])).to.deep.equal([
          'Orléans',
          'Olivet',
          'Saint-Jean-de-Braye',
          'Fleury-les-Aubrais',
          'Saran',
          'Autres',
        ]);
        // The rest computed by the server: 293 673 − 199 950.
        expect(rows[5][1]).to.equal('93 723');
        const legend = [...shadow(el).querySelectorAll('.role-legend-label text')].map(
          (text) => text.textContent,
        );
        expect(legend).to.have.length(6);
        const grouped = (await requestLog(tag)).filter(
          (url) => url.includes('/records?') && /group_by|select=/.test(url),
        );
        expect(grouped, grouped.join('\n')).to.have.length(2);
      });
    }

    it('draws a scatter plot of records', async () => {
      const el = await chartOf(
        html`<odw-chart
          type="scatter"
          src=${ODS}
          x="population"
          y="population_totale"
          where=${ORLEANS}
        ></odw-chart>`,
      );
      await drawn(el);
      expect(marks(el)).to.have.length(22);
      expect(summary(el)).to.match(
        /^Nuage de points, 22 points, maximum .* 12\d 2\d\d|^Nuage de points, 22 points/,
      );
      const rows = await openTable(el);
      expect(rows).to.have.length(22);
      expect(rows.some((row) => row[0] === '116 344')).to.equal(true);
    });
  });

  describe('grouping', () => {
    it('stacks two aggregates with stack="normal"', async () => {
      const el = await chartOf(
        html`<odw-chart
          src=${ODS}
          x="commune"
          y="sum(population), sum(population_comptee_a_part)"
          where=${ORLEANS}
          stack="normal"
        ></odw-chart>`,
      );
      await drawn(el);
      expect(marks(el)).to.have.length(44);
      expect(summary(el)).to.match(/2 séries \(Population municipale, Population comptée à part\)/);
    });

    it('draws shares with stack="percent", each column reaching 100 %', async () => {
      const el = await chartOf(
        html`<odw-chart
          src=${ODS}
          x="commune"
          y="sum(population), sum(population_comptee_a_part)"
          where=${ORLEANS}
          stack="percent"
        ></odw-chart>`,
      );
      await drawn(el);
      const labels = axisLabels(el).map(normalize);
      expect(labels).to.include('100 %');
      const tops = marks(el).map((bar) => Math.round((bar as SVGGraphicsElement).getBBox().y));
      // The second series' bar of every commune ends at the top of the plot.
      expect(new Set(tops.filter((_, index) => index % 2 === 1)).size).to.equal(1);
    });

    it('breaks categories down by a series field, with a legend', async () => {
      const el = await chartOf(
        html`<odw-chart
          src=${ODS}
          x="code_departement"
          series="epci"
          y="sum(population)"
          where='epci in ("Orléans Métropole", "Dijon Métropole")'
        ></odw-chart>`,
      );
      await drawn(el);
      expect(marks(el)).to.have.length(2);
      const legend = [...shadow(el).querySelectorAll('.role-legend-label text')].map(
        (text) => text.textContent,
      );
      expect(legend.sort()).to.deep.equal(['Dijon Métropole', 'Orléans Métropole']);
      const rows = await openTable(el);
      expect(rows).to.deep.equal([
        ['21', '258 630', '—'],
        ['45', '—', '293 673'],
      ]);
    });

    it('groups dates by month on the server and keeps empty months on the axis', async () => {
      const tag = uniqueTag();
      const el = await chartOf(
        html`<odw-chart
          src=${`/portal/~tag=${tag}/ods/api/explore/v2.1/catalog/datasets/festivals-du-finistere/records`}
          x="date_debut_ancien"
          timeunit="month"
          where=${SINCE_2019}
        ></odw-chart>`,
        900,
      );
      await drawn(el);
      expect(marks(el)).to.have.length(10);
      const urls = await requestLog(tag);
      expect(
        urls.some((url) => /group_by=date_format\(date_debut_ancien, "yyyy-MM"\)/.test(url)),
        urls.join('\n'),
      ).to.equal(true);
      // 17 bands, January 2019 to May 2020.
      expect(shadow(el).querySelectorAll('.role-axis-label text').length).to.be.greaterThan(17);
    });

    it('keeps the top N after sorting with sort="-y" limit', async () => {
      const el = await chartOf(
        html`<odw-chart
          src=${ODS}
          x="commune"
          y="sum(population)"
          where=${ORLEANS}
          sort="-y"
          limit="3"
        ></odw-chart>`,
      );
      await drawn(el);
      expect(marks(el)).to.have.length(3);
      expect((await openTable(el)).map((row) => row[0])).to.deep.equal([
        'Orléans',
        'Olivet',
        'Saint-Jean-de-Braye',
      ]);
    });

    it('sorts by label with sort="x"', async () => {
      const el = await chartOf(
        html`<odw-chart
          src=${ODS}
          x="commune"
          y="sum(population)"
          where=${ORLEANS}
          sort="x"
          limit="3"
        ></odw-chart>`,
      );
      await drawn(el);
      expect((await openTable(el)).map((row) => row[0])).to.deep.equal([
        'Boigny-sur-Bionne',
        'Bou',
        'Chanteau',
      ]);
    });
  });

  describe('errors', () => {
    const cases: Array<[string, TemplateResult, RegExp]> = [
      ['a missing x', html`<odw-chart src=${ODS} y="sum(population)"></odw-chart>`, /^Indiquez l’attribut x/],
      [
        'an unknown type',
        html`<odw-chart src=${ODS} type="radar" x="commune"></odw-chart>`,
        /^Type de graphique inconnu : « radar »/,
      ],
      [
        'a wrong sort',
        html`<odw-chart src=${ODS} x="commune" sort="population"></odw-chart>`,
        /^sort doit valoir x, -x, y ou -y/,
      ],
      [
        'a wrong timeunit',
        html`<odw-chart src=${ODS} x="commune" timeunit="decade"></odw-chart>`,
        /^timeunit doit valoir/,
      ],
      [
        'a bare field as y',
        html`<odw-chart src=${ODS} x="commune" y="population"></odw-chart>`,
        /^« population » : y doit être un agrégat/,
      ],
      [
        'a broken expression',
        html`<odw-chart src=${ODS} x="commune" y="sum(population"></odw-chart>`,
        /parenthèse fermante attendue/,
      ],
      [
        'a missing dataset',
        html`<odw-chart
          src="/portal/~status=404/ods/api/explore/v2.1/catalog/datasets/inconnu/records"
          x="commune"
        ></odw-chart>`,
        /^Jeu de données introuvable/,
      ],
      [
        'a specification loading data from elsewhere',
        html`<odw-chart src=${ODS} x="commune"
          ><script type="application/json">
            {"data": {"url": "https://evil.example/data.csv"}}
          </script></odw-chart
        >`,
        /^Spécification refusée : elle charge des données depuis « https:\/\/evil\.example\/data\.csv »/,
      ],
      [
        'an unknown colour mode',
        html`<odw-chart src=${ODS} x="commune" color="rainbow"></odw-chart>`,
        /^color doit valoir value, et non « rainbow »/,
      ],
      [
        'color="value" on several series',
        html`<odw-chart src=${ODS} x="commune" y="sum(population), count()" color="value"></odw-chart>`,
        /^color="value" nuance une seule série/,
      ],
      [
        'color="value" on a pie',
        html`<odw-chart src=${ODS} type="pie" x="commune" color="value"></odw-chart>`,
        /^color="value" nuance une seule série/,
      ],
      [
        'an invalid JSON specification',
        html`<odw-chart src=${ODS} x="commune"
          ><script type="application/json">
            {"mark":
          </script></odw-chart
        >`,
        /^La spécification JSON du graphique est invalide/,
      ],
    ];
    for (const [what, template, message] of cases) {
      it(`says what is wrong with ${what}`, async () => {
        const el = await chartOf(template);
        await drawn(el);
        expect(normalize(part(el, 'status')!.textContent)).to.match(message);
      });
    }

    it('refuses a .spec property whose data.url points elsewhere, before any request', async () => {
      const tag = uniqueTag();
      const el = document.createElement('odw-chart');
      el.spec = {data: {url: 'https://evil.example/x.json'}};
      el.src = `/portal/~tag=${tag}/${ODS_PATH}`;
      el.x = 'commune';
      mounted.push(el);
      document.body.append(el);
      await drawn(el);
      expect(normalize(part(el, 'status')!.textContent)).to.match(/^Spécification refusée/);
      expect(await requestLog(tag)).to.deep.equal([]);
    });
  });

  describe('Vega-Lite specification', () => {
    it('merges a .spec into the generated chart', async () => {
      const el = document.createElement('odw-chart');
      el.src = ODS;
      el.x = 'commune';
      el.y = 'sum(population)';
      el.where = ORLEANS;
      el.spec = {
        title: 'Titre ajouté par la spécification',
        mark: {type: 'bar', color: '#aa0000', tooltip: true},
      };
      mounted.push(el);
      document.body.append(el);
      await drawn(el);
      expect(shadow(el).querySelector('.role-title-text text')?.textContent).to.equal(
        'Titre ajouté par la spécification',
      );
      expect(shadow(el).querySelectorAll('.mark-rect path')).to.have.length(22);
      expect(shadow(el).querySelector('.mark-rect path')!.getAttribute('fill')).to.equal('#aa0000');
    });
  });

  describe('interaction', () => {
    it('filters its source on a click, updates a KPI, and clears on a second click', async () => {
      const container = await mount(
        html`<odw-source id="click-source" src=${ODS} where=${ORLEANS}></odw-source>
          <odw-kpi source="click-source" value="sum(population)"></odw-kpi>
          <odw-chart
            id="by-commune"
            source="click-source"
            x="commune"
            y="sum(population)"
            sort="-y"
            filter-on-click
          ></odw-chart>`,
      );
      const chart = container.querySelector('odw-chart')!;
      const kpi = container.querySelector<OdwKpi>('odw-kpi')!;
      const source = container.querySelector<OdwSource>('odw-source')!;
      const kpiValue = () => normalize(part(kpi, 'value')?.textContent);
      await drawn(chart);
      await waitUntil(() => kpiValue() === '293 673', 'kpi loaded', {timeout: 15_000});
      const selected: unknown[] = [];
      chart.addEventListener('odw-select', (event) => selected.push(event.detail.datum));
      const bar = marks(chart)[0];
      bar.dispatchEvent(new MouseEvent('click', {bubbles: true, composed: true, clientX: 1, clientY: 1}));
      await waitUntil(() => kpiValue() === '116 344', 'kpi filtered on Orléans', {timeout: 15_000});
      expect(selected).to.have.length(1);
      expect(selected[0]).to.include({commune: 'Orléans', value: 116344});
      expect(source.getFilter('by-commune')).to.deep.equal({
        type: 'compare',
        field: 'commune',
        op: '=',
        value: {type: 'string', value: 'Orléans'},
      });
      // The chart keeps every commune, Orléans marked as selected.
      await waitUntil(
        () => shadow(chart).querySelector('[role="option"][aria-selected="true"]'),
        'selected option',
      );
      expect(marks(chart)).to.have.length(22);
      marks(chart)[0].dispatchEvent(new MouseEvent('click', {bubbles: true, composed: true}));
      await waitUntil(() => kpiValue() === '293 673', 'filter cleared', {timeout: 15_000});
      expect(source.getFilter('by-commune')).to.equal(undefined);
    });

    it('walks the points with the keyboard, announces them and chooses with Enter', async () => {
      const container = await mount(
        html`<odw-source id="key-source" src=${ODS} where=${ORLEANS}></odw-source>
          <odw-chart
            id="keyboard"
            source="key-source"
            x="commune"
            y="sum(population)"
            sort="-y"
            limit="5"
            filter-on-click
          ></odw-chart>`,
      );
      const chart = container.querySelector('odw-chart')!;
      const source = container.querySelector<OdwSource>('odw-source')!;
      await drawn(chart);
      const list = shadow(chart).querySelector<HTMLElement>('[role="listbox"]')!;
      list.focus();
      await chart.updateComplete;
      const activeText = () =>
        normalize(
          shadow(chart).getElementById(list.getAttribute('aria-activedescendant') ?? '')?.textContent,
        );
      expect(activeText()).to.equal('Orléans : 116 344');
      list.dispatchEvent(new KeyboardEvent('keydown', {key: 'ArrowRight', bubbles: true}));
      await chart.updateComplete;
      expect(activeText()).to.equal('Olivet : 22 988');
      expect(normalize(part(chart, 'tooltip')!.textContent)).to.equal('Olivet : 22 988');
      // The focused mark is outlined.
      await waitUntil(() => marks(chart)[1].getAttribute('stroke-width') === '3', 'outlined mark');
      list.dispatchEvent(new KeyboardEvent('keydown', {key: 'Enter', bubbles: true}));
      await waitUntil(() => source.getFilter('keyboard'), 'filter set');
      expect(JSON.stringify(source.getFilter('keyboard'))).to.contain('Olivet');
    });
  });

  describe('security', () => {
    it('shows markup in the data as text in axes, legend, tooltips and table, and runs nothing', async () => {
      const hostile = '<img src=x onerror=__odwXss=1>';
      const rows = [
        {ville: hostile, groupe: hostile, n: 3},
        {ville: 'Tours', groupe: 'B', n: 5},
      ];
      const url = URL.createObjectURL(new Blob([JSON.stringify(rows)], {type: 'application/json'}));
      const el = await chartOf(
        html`<odw-chart src=${url} api="json" x="ville" series="groupe" y="sum(n)"></odw-chart>`,
      );
      await drawn(el);
      const svgTexts = [...shadow(el).querySelectorAll('.vega svg text')].map((text) => text.textContent);
      // In the axis and the legend (shortened with « … » when too long), as text.
      expect(
        svgTexts.filter((text) => text?.startsWith('<img src=x onerror=')).length,
        svgTexts.join('|'),
      ).to.equal(2);
      const tableRows = await openTable(el);
      expect(tableRows.map((row) => row[0])).to.include(normalize(hostile));
      expect(shadow(el).querySelector('img')).to.equal(null);
      const options = [...shadow(el).querySelectorAll('[role="option"]')].map((option) => option.textContent);
      expect(options.some((text) => text?.includes(hostile))).to.equal(true);
      // The tooltip of the hostile mark.
      marks(el)[0].dispatchEvent(new MouseEvent('mousemove', {bubbles: true, clientX: 10, clientY: 10}));
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(shadow(el).querySelector('.tooltip img')).to.equal(null);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect((window as {__odwXss?: number}).__odwXss).to.equal(undefined);
      URL.revokeObjectURL(url);
    });
  });

  describe('sizing', () => {
    it('keeps the figures of a horizontal value axis apart on a phone-wide bar chart', async () => {
      const el = await chartOf(
        html`<odw-chart
          src=${ODS}
          type="bar"
          x="region"
          y="sum(population)"
          sort="-y"
          limit="10"
        ></odw-chart>`,
        340,
      );
      await drawn(el);
      const labels = [...shadow(el).querySelectorAll<SVGTextElement>('.role-axis-label text')]
        .filter((text) => /^[\d\s]+$/.test(text.textContent ?? '') && text.getAttribute('opacity') !== '0')
        .map((text) => text.getBoundingClientRect())
        .sort((a, b) => a.left - b.left);
      expect(labels.length).to.be.greaterThan(1);
      for (let i = 1; i < labels.length; i++) {
        expect(labels[i].left, `label ${i} starts after label ${i - 1} ends`).to.be.greaterThan(
          labels[i - 1].right,
        );
      }
    });

    it('keeps the category labels of a narrow line chart apart, the first one shown', async () => {
      const el = await chartOf(
        html`<odw-chart src=${ODS} type="line" x="commune" y="sum(population)" where=${ORLEANS}></odw-chart>`,
        360,
      );
      await drawn(el);
      const texts = [...shadow(el).querySelectorAll<SVGTextElement>('.role-axis-label text')].filter(
        (text) => !/^[\d\s\u202f]+$/.test(text.textContent ?? ''),
      );
      expect(texts.length).to.be.greaterThan(1).and.lessThan(22);
      const boxes = texts.map((text) => text.getBoundingClientRect()).sort((a, b) => a.left - b.left);
      for (let i = 1; i < boxes.length; i++) {
        expect(boxes[i].left, `label ${i} starts after label ${i - 1} ends`).to.be.at.least(
          boxes[i - 1].right,
        );
      }
    });

    it('fills its container and follows its width', async () => {
      const container = await mount(
        html`<odw-chart
          src=${ODS}
          x="commune"
          y="sum(population)"
          where=${ORLEANS}
          height="250"
        ></odw-chart>`,
        500,
      );
      const el = container.querySelector('odw-chart')!;
      await drawn(el);
      const svg = () => shadow(el).querySelector('.vega svg')!;
      const plot = shadow(el).querySelector('.plot')!;
      expect(Number(svg().getAttribute('width'))).to.equal(Math.floor(plot.clientWidth));
      expect(svg().getAttribute('height')).to.equal('250');
      container.style.width = '800px';
      await waitUntil(
        () => Number(svg().getAttribute('width')) === Math.floor(plot.clientWidth) && plot.clientWidth > 700,
        'resized',
        {timeout: 5000},
      );
    });

    it('draws at once inside a grid and a flex layout', async () => {
      const container = await mount(
        html`<div style="display: grid; grid-template-columns: 1fr 1fr; gap: 8px">
          <odw-chart src=${ODS} x="commune" y="sum(population)" where=${ORLEANS}></odw-chart>
          <div style="display: flex">
            <odw-chart
              style="flex: 1"
              src=${ODS}
              type="pie"
              x="commune"
              y="sum(population)"
              where=${ORLEANS}
              limit="4"
              others
            ></odw-chart>
          </div>
        </div>`,
        900,
      );
      for (const el of container.querySelectorAll('odw-chart')) {
        await drawn(el);
        const width = Number(shadow(el).querySelector('.vega svg')!.getAttribute('width'));
        expect(width).to.be.greaterThan(300);
        expect(width).to.be.lessThan(450);
      }
    });
  });

  describe('actions', () => {
    it('offers CSV, PNG, SVG and full screen, and downloads the drawn data as CSV', async () => {
      const el = await chartOf(
        html`<odw-chart
          src=${ODS}
          x="commune"
          y="sum(population)"
          where=${ORLEANS}
          sort="-y"
          limit="2"
        ></odw-chart>`,
      );
      await drawn(el);
      const names = [...part(el, 'actions')!.querySelectorAll('button')].map((button) =>
        normalize(button.textContent),
      );
      expect(names).to.deep.equal([
        'Voir les données',
        'Télécharger les données (CSV)',
        'Télécharger l’image (PNG)',
        'Télécharger l’image (SVG)',
        'Plein écran',
      ]);
      const saved: Blob[] = [];
      const createObjectURL = URL.createObjectURL;
      URL.createObjectURL = (blob: Blob) => {
        saved.push(blob);
        return createObjectURL(blob);
      };
      try {
        shadow(el).querySelector<HTMLButtonElement>('.download-csv')!.click();
        shadow(el).querySelector<HTMLButtonElement>('.download-svg')!.click();
        await waitUntil(() => saved.length === 2, 'two downloads');
      } finally {
        URL.createObjectURL = createObjectURL;
      }
      const csv = new Uint8Array(await saved[0].arrayBuffer());
      expect([...csv.slice(0, 3)], 'a UTF-8 byte order mark').to.deep.equal([0xef, 0xbb, 0xbf]);
      expect(new TextDecoder().decode(csv.slice(3))).to.equal(
        'Commune,Population municipale\r\nOrléans,116344\r\nOlivet,22988\r\n',
      );
      expect(saved[1].type).to.equal('image/svg+xml');
      expect(await saved[1].text()).to.match(/^<svg/);
    });
  });

  describe('accessibility', () => {
    for (const type of ['column', 'bar', 'line', 'area', 'pie', 'donut', 'scatter']) {
      it(`is accessible as a ${type} chart, table open`, async () => {
        const scatter = type === 'scatter';
        const el = await chartOf(
          html`<odw-chart
            type=${type}
            title="Population d’Orléans Métropole"
            description="Population municipale 2025"
            src=${ODS}
            x=${scatter ? 'population' : 'commune'}
            y=${scatter ? 'population_totale' : 'sum(population)'}
            where=${ORLEANS}
            sort=${scatter ? 'x' : '-y'}
            limit="8"
            ?others=${!scatter}
          ></odw-chart>`,
        );
        await drawn(el);
        await openTable(el);
        await expect(el).to.be.accessible();
      });
    }
  });
  describe('colours', () => {
    it('draws one series in --odw-palette-1 and several series in the palette order', async () => {
      const single = await chartOf(
        html`<odw-chart
          style="--odw-palette-1: #8a3ffc"
          src=${ODS}
          x="commune"
          y="sum(population)"
          where=${ORLEANS}
        ></odw-chart>`,
      );
      await drawn(single);
      expect(new Set(fills(single))).to.deep.equal(new Set(['#8a3ffc']));
      const several = await chartOf(
        html`<odw-chart
          src=${ODS}
          x="commune"
          y="sum(population), sum(population_comptee_a_part)"
          where=${ORLEANS}
        ></odw-chart>`,
      );
      await drawn(several);
      // Grouped columns: one of each series per commune, in the theme's colour-blind-safe palette.
      expect(fills(several).slice(0, 4)).to.deep.equal(['#0072b2', '#bd8200', '#0072b2', '#bd8200']);
    });

    it('shades one series from light to dark by value with color="value"', async () => {
      const el = await chartOf(
        html`<odw-chart
          src=${ODS}
          x="commune"
          y="sum(population)"
          where=${ORLEANS}
          sort="-y"
          color="value"
        ></odw-chart>`,
      );
      await drawn(el);
      const shades = fills(el);
      expect(shades).to.have.length(22);
      // Sorted by decreasing population: the shades get lighter, the largest in --odw-palette-1.
      expect(rgb(shades[0])).to.deep.equal(rgb('#0072b2'));
      const lightness = shades.map(luminance);
      for (let index = 1; index < lightness.length; index++) {
        expect(lightness[index]).to.be.at.least(lightness[index - 1]);
      }
      expect(lightness[21]).to.be.greaterThan(lightness[0] + 0.3);
      // Every mark outlined in the darkest shade, so that the lightest stand out from the background.
      expect(new Set(marks(el).map((mark) => mark.getAttribute('stroke')))).to.deep.equal(
        new Set(['#0072b2']),
      );
      // No legend: the value axis reads the same values.
      expect(shadow(el).querySelector('.role-legend')).to.equal(null);
    });

    it('takes the ends of the sequential scheme from --odw-sequential-start and --odw-sequential-end', async () => {
      const el = await chartOf(
        html`<odw-chart
          style="--odw-sequential-start: #ffffcc; --odw-sequential-end: #800026"
          type="scatter"
          src=${ODS}
          x="population"
          y="population_totale"
          where=${ORLEANS}
          color="value"
        ></odw-chart>`,
      );
      await drawn(el);
      // Symbols are placed by `transform`: the highest point has the smallest y.
      const heights = marks(el).map(
        (mark) => -Number(/,\s*(-?[\d.]+)\)/.exec(mark.getAttribute('transform')!)![1]),
      );
      const highest = heights.indexOf(Math.max(...heights));
      const lowest = heights.indexOf(Math.min(...heights));
      expect(rgb(fills(el)[highest])).to.deep.equal(rgb('#800026'));
      expect(rgb(fills(el)[lowest])).to.deep.equal(rgb('#ffffcc'));
    });
  });

  describe('system settings', () => {
    /** Replaces `matchMedia('(forced-colors: active)')` by a switch the test turns. */
    function fakeForcedColors(): {set(active: boolean): void; restore(): void} {
      const original = window.matchMedia;
      const query = Object.assign(new EventTarget(), {matches: false, media: '(forced-colors: active)'});
      window.matchMedia = (media: string) =>
        media === query.media ? (query as unknown as MediaQueryList) : original.call(window, media);
      return {
        set(active) {
          query.matches = active;
          query.dispatchEvent(new Event('change'));
        },
        restore() {
          window.matchMedia = original;
        },
      };
    }

    it('draws in system colours under forced-colors, and again in the palette when it ends', async () => {
      const forced = fakeForcedColors();
      try {
        const el = await chartOf(
          html`<odw-chart
            src=${ODS}
            x="commune"
            y="sum(population)"
            where=${ORLEANS}
            sort="-y"
            limit="3"
            color="value"
          ></odw-chart>`,
        );
        await drawn(el);
        expect(new Set(fills(el)).size).to.equal(3);
        forced.set(true);
        await waitUntil(() => fills(el).every((fill) => fill === 'CanvasText'), 'system colours');
        // Marks separated by the background colour; the focused one outlined in Highlight.
        expect(marks(el).map((mark) => mark.getAttribute('stroke'))).to.deep.equal([
          'Canvas',
          'Canvas',
          'Canvas',
        ]);
        const axisText = shadow(el).querySelector('.role-axis-title text')!;
        expect(axisText.getAttribute('fill')).to.equal('CanvasText');
        const list = shadow(el).querySelector<HTMLElement>('[role="listbox"]')!;
        list.focus();
        await waitUntil(() => marks(el)[0].getAttribute('stroke') === 'Highlight', 'Highlight outline');
        list.blur();
        forced.set(false);
        await waitUntil(() => fills(el).every((fill) => fill !== 'CanvasText'), 'palette again');
        expect(rgb(fills(el)[0])).to.deep.equal(rgb('#0072b2'));
      } finally {
        forced.restore();
      }
    });

    it('follows the system colour scheme when it changes, with theme="auto"', async () => {
      const el = await chartOf(
        html`<odw-chart
          src=${ODS}
          x="commune"
          y="sum(population)"
          where=${ORLEANS}
          theme="auto"
        ></odw-chart>`,
      );
      await drawn(el);
      expect(fills(el)[0]).to.equal('#0072b2');
      try {
        await emulateMedia({colorScheme: 'dark'});
        // The dark theme's first colour.
        await waitUntil(() => fills(el)[0] === '#56b4e9', 'dark palette');
      } finally {
        await emulateMedia({colorScheme: 'light'});
      }
      await waitUntil(() => fills(el)[0] === '#0072b2', 'light palette again');
    });

    it('keeps the loading placeholder still under prefers-reduced-motion', async () => {
      const el = await chartOf(
        html`<odw-chart src=${`/portal/~latency=3000/${ODS_PATH}`} x="commune" where=${ORLEANS}></odw-chart>`,
      );
      expect(shadow(el).querySelector('.skeleton')).to.not.equal(null);
      // It pulses by default: the check below can see an animation.
      expect(shadow(el).getAnimations().length).to.be.greaterThan(0);
      try {
        await emulateMedia({reducedMotion: 'reduce'});
        await waitUntil(() => shadow(el).getAnimations().length === 0, 'the pulse stops');
        expect(shadow(el).querySelector('.skeleton')).to.not.equal(null);
        await drawn(el);
        expect(shadow(el).getAnimations()).to.have.length(0);
      } finally {
        await emulateMedia({reducedMotion: 'no-preference'});
      }
    });
  });

  describe('downloads and full screen', () => {
    it('downloads the drawing as a PNG image', async () => {
      const el = await chartOf(
        html`<odw-chart
          title="Population d’Orléans Métropole"
          src=${ODS}
          x="commune"
          y="sum(population)"
          where=${ORLEANS}
        ></odw-chart>`,
      );
      await drawn(el);
      const saved: Array<{blob: Blob; name: string}> = [];
      const createObjectURL = URL.createObjectURL;
      const blobs = new Map<string, Blob>();
      URL.createObjectURL = (blob: Blob) => {
        const url = createObjectURL(blob);
        blobs.set(url, blob);
        return url;
      };
      const click = HTMLAnchorElement.prototype.click;
      HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
        saved.push({blob: blobs.get(this.href)!, name: this.download});
      };
      try {
        shadow(el).querySelector<HTMLButtonElement>('.download-png')!.click();
        await waitUntil(() => saved.length === 1, 'a PNG download');
      } finally {
        URL.createObjectURL = createObjectURL;
        HTMLAnchorElement.prototype.click = click;
      }
      const [{blob, name}] = saved;
      expect(name).to.equal('population-d-orleans-metropole.png');
      expect(blob.type).to.equal('image/png');
      const bytes = new Uint8Array(await blob.arrayBuffer());
      expect([...bytes.slice(0, 8)], 'the PNG signature').to.deep.equal([137, 80, 78, 71, 13, 10, 26, 10]);
      // Drawn at twice the size of the chart, for sharp prints.
      const image = await createImageBitmap(blob);
      const svg = shadow(el).querySelector('.vega svg')!;
      expect(image.width).to.equal(2 * Number(svg.getAttribute('width')));
      expect(image.height).to.equal(2 * Number(svg.getAttribute('height')));
      // Not a blank image: the columns are there.
      const canvas = new OffscreenCanvas(image.width, image.height);
      const context = canvas.getContext('2d')!;
      context.drawImage(image, 0, 0);
      const pixels = context.getImageData(0, 0, image.width, image.height).data;
      let blue = 0;
      for (let index = 0; index < pixels.length; index += 4) {
        if (pixels[index] === 0 && pixels[index + 1] === 114 && pixels[index + 2] === 178) blue++;
      }
      expect(blue).to.be.greaterThan(1000);
    });

    it('enters and leaves full screen, its button saying which', async () => {
      const el = await chartOf(
        html`<odw-chart src=${ODS} x="commune" y="sum(population)" where=${ORLEANS}></odw-chart>`,
      );
      await drawn(el);
      const {calls, restore} = fakeFullscreen(el);
      const button = () => shadow(el).querySelector<HTMLButtonElement>('.fullscreen')!;
      const svgHeight = () => Number(shadow(el).querySelector('.vega svg')!.getAttribute('height'));
      try {
        expect(normalize(button().textContent)).to.equal('Plein écran');
        expect(button().getAttribute('aria-pressed')).to.equal('false');
        button().click();
        await waitUntil(() => button().getAttribute('aria-pressed') === 'true', 'pressed');
        expect(calls).to.deep.equal(['request']);
        expect(normalize(button().textContent)).to.equal('Quitter le plein écran');
        // The drawing takes the height of the screen.
        await waitUntil(() => svgHeight() === Math.max(240, window.innerHeight - 200), 'taller drawing');
        button().click();
        await waitUntil(() => button().getAttribute('aria-pressed') === 'false', 'not pressed');
        expect(calls).to.deep.equal(['request', 'exit']);
        expect(normalize(button().textContent)).to.equal('Plein écran');
        await waitUntil(() => svgHeight() === 320, 'default height again');
        // A browser that refuses (no user gesture, a frame without allow="fullscreen") changes nothing.
        el.requestFullscreen = () => Promise.reject(new TypeError('Permissions check failed'));
        button().click();
        await el.updateComplete;
        expect(button().getAttribute('aria-pressed')).to.equal('false');
      } finally {
        restore();
      }
    });
  });

  describe('units, language and breakdowns', () => {
    it('writes the unit in the axis title, the tooltips, the table and the summary', async () => {
      const el = await chartOf(
        html`<odw-chart
          src=${ODS}
          x="commune"
          y="sum(population)"
          where=${ORLEANS}
          sort="-y"
          unit="hab."
        ></odw-chart>`,
      );
      await drawn(el);
      const titles = [...shadow(el).querySelectorAll('.role-axis-title text')].map(
        (text) => text.textContent,
      );
      expect(titles).to.include('Population municipale (hab.)');
      expect(summary(el)).to.equal('Diagramme en colonnes, 22 communes, maximum Orléans : 116 344 hab.');
      expect(normalize(shadow(el).querySelector('[role="option"]')!.textContent)).to.equal(
        'Orléans : 116 344 hab.',
      );
      marks(el)[0].dispatchEvent(new PointerEvent('pointermove', {bubbles: true, clientX: 20, clientY: 20}));
      const tooltip = part(el, 'tooltip') as HTMLElement;
      await waitUntil(() => !tooltip.hidden, 'tooltip shown');
      expect(normalize(tooltip.textContent)).to.equal('Orléans : 116 344 hab.');
      expect((await openTable(el))[0]).to.deep.equal(['Orléans', '116 344 hab.']);
    });

    it('speaks English with lang="en": summary, buttons, axis numbers and tooltips', async () => {
      const el = await chartOf(
        html`<odw-chart
          lang="en"
          src=${ODS}
          x="commune"
          y="sum(population)"
          where=${ORLEANS}
          sort="-y"
        ></odw-chart>`,
      );
      await drawn(el);
      expect(summary(el)).to.equal('Column chart, 22 communes, maximum Orléans: 116,344');
      expect(axisLabels(el)).to.include('100,000');
      expect(normalize(shadow(el).querySelector('.toggle-table')!.textContent)).to.equal('Show the data');
      expect(normalize(shadow(el).querySelector('[role="option"]')!.textContent)).to.equal(
        'Orléans: 116,344',
      );
      expect((await openTable(el))[0]).to.deep.equal(['Orléans', '116,344']);
    });

    it('keeps the top N categories of a series breakdown and sums the rest in « Autres »', async () => {
      const el = await chartOf(
        html`<odw-chart
          src=${ODS}
          x="code_departement"
          series="epci"
          y="sum(population)"
          where='epci in ("Orléans Métropole", "Dijon Métropole", "Communauté urbaine Angers Loire Métropole")'
          sort="-y"
          limit="2"
          others
        ></odw-chart>`,
      );
      await drawn(el);
      expect(marks(el)).to.have.length(3);
      const head = () =>
        [...part(el, 'table')!.querySelectorAll('thead th')].map((th) => normalize(th.textContent));
      const rows = await openTable(el);
      expect(head()).to.deep.equal([
        'Code département',
        'Communauté urbaine Angers Loire Métropole',
        'Orléans Métropole',
        'Dijon Métropole',
      ]);
      expect(rows).to.deep.equal([
        ['49', '308 806', '—', '—'],
        ['45', '—', '293 673', '—'],
        ['Autres', '—', '—', '258 630'],
      ]);
    });
  });

  describe('a filter on the source', () => {
    it('redraws the new rows in the same drawing, keeping the chart on screen meanwhile', async () => {
      const container = await mount(
        html`<odw-source id="redraw-source" src=${ODS} where=${ORLEANS}></odw-source>
          <odw-chart source="redraw-source" x="commune" y="sum(population)" sort="-y"></odw-chart>`,
      );
      const chart = container.querySelector('odw-chart')!;
      const source = container.querySelector<OdwSource>('odw-source')!;
      await drawn(chart);
      expect(marks(chart)).to.have.length(22);
      const svg = shadow(chart).querySelector('.vega svg');
      const shownWhileLoading: string[] = [];
      const watch = new MutationObserver(() => {
        if (shadow(chart).querySelector('.skeleton')) shownWhileLoading.push('skeleton');
      });
      watch.observe(shadow(chart), {childList: true, subtree: true});
      source.setFilter('test', parseFilter('population >= 10000'));
      await waitUntil(() => marks(chart).length === 7, 'the 7 communes of 10 000 inhabitants or more');
      watch.disconnect();
      expect(shownWhileLoading, 'no placeholder while the filtered rows load').to.deep.equal([]);
      expect(shadow(chart).querySelector('.vega svg'), 'the same drawing').to.equal(svg);
      expect(summary(chart)).to.contain('7');
      expect(svg!.getAttribute('role')).to.equal('img');
      expect(normalize(svg!.getAttribute('aria-label'))).to.equal(summary(chart));
      expect(shadow(chart).querySelectorAll('.points [role="option"]')).to.have.length(7);
      await expect(chart).to.be.accessible();
    });
  });

  describe('filter on click', () => {
    it('sets no filter for « Autres », and still fires odw-select with its datum', async () => {
      const container = await mount(
        html`<odw-source id="others-source" src=${ODS} where=${ORLEANS}></odw-source>
          <odw-chart
            id="others-pie"
            source="others-source"
            type="pie"
            x="commune"
            y="sum(population)"
            limit="3"
            others
            filter-on-click
          ></odw-chart>`,
      );
      const chart = container.querySelector('odw-chart')!;
      const source = container.querySelector<OdwSource>('odw-source')!;
      await drawn(chart);
      const selected: Array<Record<string, unknown>> = [];
      chart.addEventListener('odw-select', (event) => selected.push(event.detail.datum));
      const slices = marks(chart);
      expect(slices).to.have.length(4);
      slices[3].dispatchEvent(new MouseEvent('click', {bubbles: true, composed: true}));
      await waitUntil(() => selected.length === 1, 'odw-select');
      expect(selected[0]).to.include({commune: null, label: 'Autres'});
      expect(source.filters).to.deep.equal([]);
      const others = (await openTable(chart)).find((row) => row[0] === 'Autres')!;
      expect(selected[0].value).to.equal(Number(others[1].replace(/\s/g, '')));
      expect(marks(chart)).to.have.length(4);
    });

    it('filters a monthly chart on the month clicked: a date range', async () => {
      const container = await mount(
        html`<odw-source id="month-source" src=${FESTIVALS} where=${SINCE_2019}></odw-source>
          <odw-kpi source="month-source" value="count()"></odw-kpi>
          <odw-chart
            id="by-month"
            source="month-source"
            x="date_debut_ancien"
            timeunit="month"
            filter-on-click
          ></odw-chart>`,
        900,
      );
      const chart = container.querySelector('odw-chart')!;
      const kpi = container.querySelector<OdwKpi>('odw-kpi')!;
      const source = container.querySelector<OdwSource>('odw-source')!;
      await drawn(chart);
      const kpiValue = () => normalize(part(kpi, 'value')?.textContent);
      await waitUntil(() => kpiValue() !== '', 'kpi loaded', {timeout: 15_000});
      const total = kpiValue();
      // Columns in time order: the fourth is April 2019, with three festivals.
      expect(normalize(shadow(chart).querySelectorAll('[role="option"]')[3].textContent)).to.equal(
        'avr. 2019 : 3',
      );
      marks(chart)[3].dispatchEvent(new MouseEvent('click', {bubbles: true, composed: true}));
      await waitUntil(() => source.getFilter('by-month'), 'filter set');
      expect(formatFilter(source.getFilter('by-month')!)).to.equal(
        "date_debut_ancien >= date'2019-04-01' and date_debut_ancien < date'2019-05-01'",
      );
      await waitUntil(() => kpiValue() === '3', `kpi filtered (was ${total})`, {timeout: 15_000});
      marks(chart)[3].dispatchEvent(new MouseEvent('click', {bubbles: true, composed: true}));
      await waitUntil(() => kpiValue() === total, 'filter cleared', {timeout: 15_000});
      expect(source.getFilter('by-month')).to.equal(undefined);
    });

    for (const [unit, clicked, expected, count] of [
      ['hour', 0, "t >= date'2024-03-05T14:00:00' and t < date'2024-03-05T15:00:00'", '2'],
      ['day', 1, "t >= date'2024-03-06' and t < date'2024-03-07'", '1'],
      ['week', 1, "t >= date'2024-03-11' and t < date'2024-03-18'", '1'],
      ['year', 1, "t >= date'2025-01-01' and t < date'2026-01-01'", '1'],
    ] as const) {
      it(`filters on the ${unit} clicked with timeunit="${unit}"`, async () => {
        const rows = [
          {t: '2024-03-05T14:20:00', n: 1},
          {t: '2024-03-05T14:50:00', n: 1},
          {
            t:
              unit === 'hour'
                ? '2024-03-05T16:10:00'
                : unit === 'week'
                  ? '2024-03-12T09:00:00'
                  : '2024-03-06T09:00:00',
            n: 1,
          },
          ...(unit === 'year' ? [{t: '2025-06-01T09:00:00', n: 1}] : []),
        ];
        const id = `${unit}-source`;
        const container = await mount(
          html`<odw-source id=${id} src=${jsonFile(rows)} api="json"></odw-source>
            <odw-kpi source=${id} value="count()"></odw-kpi>
            <odw-chart id="by-${unit}" source=${id} x="t" timeunit=${unit} filter-on-click></odw-chart>`,
        );
        const chart = container.querySelector('odw-chart')!;
        const kpi = container.querySelector<OdwKpi>('odw-kpi')!;
        const source = container.querySelector<OdwSource>('odw-source')!;
        await drawn(chart);
        marks(chart)[clicked].dispatchEvent(new MouseEvent('click', {bubbles: true, composed: true}));
        await waitUntil(() => source.getFilter(`by-${unit}`), 'filter set');
        expect(formatFilter(source.getFilter(`by-${unit}`)!)).to.equal(expected);
        await waitUntil(() => normalize(part(kpi, 'value')?.textContent) === count, 'kpi filtered', {
          timeout: 15_000,
        });
      });
    }
  });

  describe('states', () => {
    it('is accessible while loading', async () => {
      const el = await chartOf(
        html`<odw-chart
          title="Population"
          src=${`/portal/~latency=3000/${ODS_PATH}`}
          x="commune"
          where=${ORLEANS}
        ></odw-chart>`,
      );
      expect(shadow(el).querySelector('.skeleton')).to.not.equal(null);
      expect(part(el, 'body')!.getAttribute('aria-busy')).to.equal('true');
      await expect(el).to.be.accessible();
    });

    it('says « Aucune donnée » when the filter matches nothing, accessibly', async () => {
      const el = await chartOf(
        html`<odw-chart title="Population" src=${ODS} x="commune" where='epci = "Nulle part"'></odw-chart>`,
      );
      await drawn(el);
      expect(normalize(part(el, 'status')!.textContent)).to.equal('Aucune donnée');
      expect(shadow(el).querySelector('.vega')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('says « Aucune donnée » for an empty dataset, and « No data » in English', async () => {
      const src = jsonFile([]);
      const container = await mount(
        html`<odw-chart src=${src} api="json" x="commune"></odw-chart>
          <odw-chart lang="en" src=${src} api="json" x="commune"></odw-chart>`,
      );
      const [french, english] = container.querySelectorAll('odw-chart');
      await drawn(french);
      await drawn(english);
      expect(normalize(part(french, 'status')!.textContent)).to.equal('Aucune donnée');
      expect(normalize(part(english, 'status')!.textContent)).to.equal('No data');
    });

    it('is accessible when loading failed, with « Réessayer »', async () => {
      const el = await chartOf(
        html`<odw-chart title="Population" src=${`/portal/~status=500/${ODS_PATH}`} x="commune"></odw-chart>`,
      );
      await drawn(el, 30_000);
      expect(part(el, 'status')!.getAttribute('role')).to.equal('alert');
      expect(normalize(part(el, 'retry')?.textContent)).to.equal('Réessayer');
      await expect(el).to.be.accessible();
    });
  });
});
