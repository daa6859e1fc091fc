// The benchmark's pages, served by bench/run.mjs under /bench/page/<name>. Each page sets
// `window.__bench.drawn` (performance.now(), ms since navigation start) once its widget is fully
// drawn, or `window.__bench.failed`; some expose helpers (`refilter`, `nextPage`, `cycle`).

export const DATASET_URL = '/portal/ods/api/explore/v2.1/catalog/datasets/populations-legales-2025/records';
export const ORLEANS = 'epci = "Orléans Métropole"';
/** The filter change of the re-render test: 7 of the 22 communes have 10 000 inhabitants or more. */
export const FILTERED = {
  where: 'population >= 10000',
  filter: {type: 'compare', field: 'population', op: '>=', value: {type: 'number', value: 10000}},
  expected: 7,
};

const escape = (text) => String(text).replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

/** Runs first on every page: the probe helpers (plain browser script, as a string). */
const probe = `
window.__bench = {drawn: 0, failed: ''};
const B = window.__bench;
B.mark = () => { if (!B.drawn) B.drawn = performance.now(); };
B.fail = (error) => { B.failed = String(error && error.message || error); };
/** Bar marks in the SVG under root (odw-chart and vega-lite both name their bars "marks"). */
B.marks = (root) => (root ? root.querySelectorAll('svg g.mark-rect path').length : 0);
/** Resolves true as soon as check() holds (checked on DOM changes under root and every frame). */
B.until = (check, timeout = 60000, root) => new Promise((resolve) => {
  const t0 = performance.now();
  let observer;
  const test = () => { try { return Boolean(check()); } catch { return false; } };
  const finish = (value) => { observer?.disconnect(); resolve(value); };
  if (test()) return finish(true);
  if (root) {
    observer = new MutationObserver(() => { if (test()) finish(true); });
    observer.observe(root, {subtree: true, childList: true, characterData: true, attributes: true});
  }
  const tick = () => {
    if (test()) return finish(true);
    if (performance.now() - t0 > timeout) return finish(false);
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
});
/**
 * Where a re-render's time went: when its request to the portal left and when its answer was in,
 * in ms after t0 (resource timing); the rest is the page's own work.
 */
B.requestSplit = (t0) => {
  const entry = performance.getEntriesByType('resource').find((e) => e.name.includes('/portal/') && e.startTime >= t0);
  return entry ? {sent: entry.startTime - t0, answered: entry.responseEnd - t0} : null;
};
B.text = (el) => (el && el.shadowRoot ? el.shadowRoot.textContent : '');
B.kpiDrawn = (el) => B.text(el).includes('293');
B.chartDrawn = (el, count = 22) => el && B.marks(el.shadowRoot) === count;
B.mapDrawn = (el) => B.text(el).includes('zones colorées') && el.shadowRoot.querySelectorAll('svg path').length >= 22;
B.tableDrawn = (el) => el && el.shadowRoot && el.shadowRoot.querySelectorAll('tbody tr').length > 0;
B.filterDrawn = (el) => B.text(el).includes('Olivet');
B.dashboardDrawn = (root) => {
  const all = (tag) => [...root.querySelectorAll(tag)];
  return all('odw-kpi').length === 2 && all('odw-kpi').every((el) => B.text(el).match(/\\d/)) &&
    B.kpiDrawn(root.querySelector('odw-kpi')) && B.chartDrawn(root.querySelector('odw-chart')) &&
    B.mapDrawn(root.querySelector('odw-map')) && B.tableDrawn(root.querySelector('odw-table')) &&
    B.filterDrawn(root.querySelector('odw-filter'));
};
addEventListener('error', (event) => B.fail(event.message));
addEventListener('unhandledrejection', (event) => B.fail(event.reason));
`;

function page({title, head = '', body, script = ''}) {
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>${escape(title)}</title><link rel="icon" href="data:,">
<script>${probe}</script>${head}</head><body>${body}<script>${script}</script></body></html>`;
}
const ours = '<script type="module" src="/dist/open-data-widgets.js"></script>';

/** Six widgets on one dataset: two key figures, a filter, a chart, a choropleth and a table. */
export const dashboardMarkup = `<odw-source id="pop" src="${DATASET_URL}" where='${ORLEANS}'></odw-source>
<odw-dashboard source="pop" columns="3" title="Population légale 2025 d’Orléans Métropole">
  <odw-kpi value="sum(population)" label="Habitants" unit="hab."></odw-kpi>
  <odw-kpi value="count()" label="Communes"></odw-kpi>
  <odw-filter field="commune" type="checkboxes" sort="label" label="Communes"></odw-filter>
  <odw-chart span="2" type="column" x="commune" y="sum(population)" sort="-y" title="Population par commune"></odw-chart>
  <odw-map mode="choropleth" shapes="/portal/files/communes-45-loiret.geojson" shapes-key="code" key="code_insee"
    value="sum(population)" only-matched title="Carte de la population"></odw-map>
  <odw-table span="full" columns="commune,code_insee,population" sort="-population" page-size="10"
    title="Les communes"></odw-table>
</odw-dashboard>`;

const vegaSpec = {
  $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
  title: 'Population des communes d’Orléans Métropole',
  width: 900,
  height: 300,
  data: {name: 'table'},
  mark: 'bar',
  encoding: {
    x: {field: 'commune', type: 'nominal', sort: '-y', title: 'Commune'},
    y: {field: 'population', type: 'quantitative', title: 'Population'},
    tooltip: [{field: 'commune'}, {field: 'population', format: ',d'}],
  },
};
/** The rows a client-side library fetches from the emulator: one per commune. */
const fetchRows = `
const rowsUrl = (where) => ${JSON.stringify(DATASET_URL)} + '?' + new URLSearchParams({
  select: 'commune, sum(population) as population', where, group_by: 'commune', limit: '100'});
const fetchRows = async (where) => (await (await fetch(rowsUrl(where))).json()).results;
const BASE = ${JSON.stringify(ORLEANS)};`;

let inlineRows = [];
/** dsfr-chart cannot fetch: its data is written into the page (read from the emulator by run.mjs). */
export function setInlineRows(rows) {
  inlineRows = rows;
}

/** dsfr-chart's bar-chart, from the all-charts bundle or from the bar chart's own file. */
const dsfr = (file) => ({
  get html() {
    const x = JSON.stringify([inlineRows.map((row) => row.commune)]);
    const y = JSON.stringify([inlineRows.map((row) => row.population)]);
    return page({
      title: 'dsfr-chart',
      head: `<link rel="stylesheet" href="/node_modules/@gouvfr/dsfr-chart/dist/${file}.css">
<script type="module" src="/node_modules/@gouvfr/dsfr-chart/dist/${file}.js"></script>`,
      body: `<div style="width: 900px"><bar-chart x="${escape(x)}" y="${escape(y)}" name='["Population"]'></bar-chart></div>`,
      script: `B.until(() => document.querySelector('bar-chart canvas'), 15000)
  .then((ok) => ok ? B.mark() : B.fail('bar-chart rendered nothing within 15 s (no error)'));`,
    });
  },
});

const points = (count, noCluster) => ({
  html: page({
    title: `${count} points`,
    head: ours,
    body: `<odw-map src="/bench/data/points-${count}.geojson" limit="200000" ${noCluster ? 'no-cluster' : ''}
      title="${count} points"></odw-map>`,
    script: `const m = document.querySelector('odw-map');
B.until(() => B.text(m).includes('points sur la carte') && m.shadowRoot.querySelector('canvas, svg circle, svg path'), 60000)
  .then((ok) => ok ? requestAnimationFrame(() => B.mark()) : B.fail('not drawn within 60 s'));`,
  }),
});

export const pages = {
  kpi: {
    html: page({
      title: 'one odw-kpi',
      head: ours,
      body: `<odw-kpi src="${DATASET_URL}" value="sum(population)" where='${ORLEANS}' label="Habitants"></odw-kpi>`,
      script: `const k = document.querySelector('odw-kpi');
B.until(() => B.kpiDrawn(k), 30000).then((ok) => ok ? B.mark() : B.fail('not drawn within 30 s'));`,
    }),
  },
  chart: {
    html: page({
      title: 'one odw-chart',
      head: ours,
      body: `<odw-source id="pop" src="${DATASET_URL}" where='${ORLEANS}'></odw-source>
<odw-chart source="pop" type="column" x="commune" y="sum(population)" sort="-y"
  title="Population des communes d’Orléans Métropole"></odw-chart>`,
      script: `const c = document.querySelector('odw-chart');
c.addEventListener('odw-chart-drawn', () => { if (B.chartDrawn(c)) B.mark(); });
B.refilter = (f) => new Promise((resolve) => {
  const t0 = performance.now();
  const timer = setTimeout(() => resolve(null), 20000);
  const on = () => {
    if (!B.chartDrawn(c, f.expected)) return;
    c.removeEventListener('odw-chart-drawn', on);
    clearTimeout(timer);
    const time = performance.now() - t0;
    B.split = B.requestSplit(t0);
    resolve(time);
  };
  c.addEventListener('odw-chart-drawn', on);
  document.getElementById('pop').setFilter('bench', f.filter);
});`,
    }),
  },
  map: {
    html: page({
      title: 'one odw-map',
      head: ours,
      body: `<odw-map src="${DATASET_URL}" mode="choropleth" shapes="/portal/files/communes-45-loiret.geojson"
  shapes-key="code" key="code_insee" value="sum(population)" where='${ORLEANS}'
  title="Population d’Orléans Métropole"></odw-map>`,
      script: `const m = document.querySelector('odw-map');
B.until(() => B.mapDrawn(m), 30000).then((ok) => ok ? B.mark() : B.fail('not drawn within 30 s'));`,
    }),
  },
  dashboard: {
    html: page({
      title: 'dashboard',
      head: ours,
      body: dashboardMarkup,
      script: `B.until(() => B.dashboardDrawn(document), 30000).then((ok) => ok ? B.mark() : B.fail('not drawn within 30 s'));`,
    }),
  },
  vega: {
    html: page({
      title: 'vega-embed',
      head: `<script src="/node_modules/vega/build/vega.min.js"></script>
<script src="/node_modules/vega-lite/build/vega-lite.min.js"></script>
<script src="/node_modules/vega-embed/build/vega-embed.min.js"></script>`,
      body: '<div id="vis"></div>',
      script: `${fetchRows}
const spec = ${JSON.stringify(vegaSpec)};
const vis = document.getElementById('vis');
(async () => {
  const rows = await fetchRows(BASE);
  const result = await vegaEmbed(vis, {...spec, datasets: {table: rows}}, {renderer: 'svg'});
  B.view = result.view;
  if (B.marks(vis) === 22) B.mark(); else B.fail('vega-embed drew ' + B.marks(vis) + ' bars');
})().catch(B.fail);
B.refilter = async (f) => {
  const t0 = performance.now();
  const rows = await fetchRows(BASE + ' and ' + f.where);
  await B.view.data('table', rows).runAsync();
  const time = performance.now() - t0;
  B.split = B.requestSplit(t0);
  return B.marks(vis) === f.expected ? time : null;
};`,
    }),
  },
  dsfr: dsfr('DSFRChart/DSFRChart'),
  'dsfr-bar': dsfr('BarChart/BarChart'),
  ods: {
    html: page({
      title: '@opendatasoft/visualizations',
      head: `<link rel="stylesheet" href="/node_modules/@opendatasoft/visualizations/dist/index.css">
<script src="/node_modules/@opendatasoft/visualizations/dist/index.umd.js"></script>`,
      body: '<div id="chart" style="width: 900px; height: 400px"></div>',
      script: `${fetchRows}
(async () => {
  const ods = window.opendatasoft.visualizations;
  const rows = await fetchRows(BASE);
  rows.sort((a, b) => b.population - a.population);
  new ods.Chart(document.getElementById('chart'), {value: rows, loading: false}, {
    labelColumn: 'commune',
    series: [{type: 'bar', valueColumn: 'population', label: 'Population'}],
    title: {text: 'Population des communes d’Orléans Métropole'},
  });
  const bars = () => Object.values(ods._ChartJs.Chart.instances)[0]?.getDatasetMeta(0).data.length;
  const ok = await B.until(() => bars() === 22, 30000);
  ok ? B.mark() : B.fail('Chart.js did not draw 22 bars within 30 s (' + bars() + ')');
})().catch(B.fail);`,
    }),
  },
  'points-10000': points(10_000, false),
  'points-100000': points(100_000, false),
  'points-10000-nocluster': points(10_000, true),
  'points-100000-nocluster': points(100_000, true),
  'table-100000': {
    html: page({
      title: '100 000 rows',
      head: ours,
      body: '<odw-table src="/bench/data/rows-100000.csv" page-size="20" title="100 000 lignes"></odw-table>',
      script: `const t = document.querySelector('odw-table');
const pageShown = (n) => {
  const label = t.shadowRoot && t.shadowRoot.querySelector('.page-number');
  const first = t.shadowRoot && t.shadowRoot.querySelector('tbody tr td, tbody tr th');
  return label && label.textContent.trim().startsWith('Page ' + n + ' ') && first &&
    first.textContent.trim() === String((n - 1) * 20 + 1) && t.shadowRoot.querySelectorAll('tbody tr').length === 20;
};
B.until(() => pageShown(1), 60000).then((ok) => ok ? B.mark() : B.fail('page 1 not shown within 60 s'));
B.nextPage = async () => {
  const t0 = performance.now();
  t.shadowRoot.querySelector('button.page[aria-label="Page suivante"]').click();
  return (await B.until(() => pageShown(2), 20000, t.shadowRoot)) ? performance.now() - t0 : null;
};`,
    }),
  },
  memory: {
    html: page({
      title: 'memory',
      head: ours,
      body: '<div id="host"></div>',
      script: `const host = document.getElementById('host');
const markup = ${JSON.stringify(dashboardMarkup)};
B.cycle = async (count) => {
  const times = [];
  for (let i = 0; i < count; i++) {
    const t0 = performance.now();
    host.innerHTML = markup;
    if (!(await B.until(() => B.dashboardDrawn(host), 15000))) {
      host.replaceChildren();
      return {done: i, error: 'mount ' + (i + 1) + ' not drawn within 15 s'};
    }
    times.push(performance.now() - t0);
    host.replaceChildren();
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  times.sort((a, b) => a - b);
  return {done: count, medianMs: times[Math.floor(times.length / 2)]};
};
B.ready = true;`,
    }),
  },
};
