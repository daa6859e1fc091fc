// `npm run size`: gzip bytes of every built file, and of the JavaScript a page really downloads,
// measured in headless Chromium. Fails when a budget is exceeded. Run after `npm run build`.
import {createServer} from 'node:http';
import {readFileSync, readdirSync, statSync, existsSync} from 'node:fs';
import {dirname, join, extname} from 'node:path';
import {gzipSync} from 'node:zlib';
import puppeteer from 'puppeteer-core';
import {createPortal} from './portal/portal.mjs';
import {findChromium, installHint, chromiumArgs} from './chromium.mjs';

/**
 * Gzipped JavaScript a page may download in total, in bytes. The key figure's page carries
 * d3-format (2.3 kB) since 23 November 2026: figures written without `Intl`'s start-up. On 7
 * December 2026 it grew by 3.7 kB (measured + 5 % since): the APIs' own error words and refusals,
 * codes and adaptive decimals, the offline copy (its store loads after the first answer), stylesheets
 * linked for old Safari and the page's colour scheme; the builder and the dashboard grew by their
 * templates and embed codes. Later that day, 1.3 kB more (37.7 kB): the widgets' controllers,
 * attribute schemas (each element's in a chunk of its own, which the dashboard shares), the page's
 * live region and the heading level that follows the page. Then (issue 20) 31.3 kB, budget
 * measured + 5 %: figures written by src/core/format.ts without d3-format, the error sentences
 * loaded on a page's first error, `core` holding only what a key figure needs (rollup.config.mjs),
 * `odw-source` loaded by its tag. The table's and the dashboard's pages are measured since then.
 * Later still, 30.1 kB: the error answers' reading loads with the first failed answer
 * (src/data/request.ts), the data task runs without @lit/task (src/core/data-task-controller.ts),
 * and the period starts of time-unit groups load with such a query (src/data/connectors/periods.ts).
 * The table's and the dashboard's pages had grown with the actions menu and the sources' alerts
 * (42.5 and 100.8 kB on main before this step, 40.7 and 99.0 kB after it): measured + 5 %.
 * Issue 20 item 8 (aim 25 kB): 28.1 kB, group keys, order, paging, other URL shapes, drawing colours,
 * month names and codes loading with the widgets that use them; their pages grew by 1.1 kB. Then
 * 26.0 kB (budget measured + 2 %, to keep what was won): the expression parser in one module, the
 * binding to a source, the live region's news, the refresh timer, the DSFR theme, the palette, the
 * export, facet and geo-point reading and the v1 URL shapes out of `core`, the offline store
 * without idb-keyval. On 8 December 2026, 26.5 kB with the tokenizer's second regular expression,
 * then 26.7 kB (budget 26.7): a widget whose drawing throws says so in words (src/core/data-element.ts
 * `drawData`) instead of showing its loading placeholder for good.
 */
const pageBudgets = {
  'one odw-kpi': 26_700,
  // Issue 14: at most 80 kB (aim 60) since the chart draws its own SVG; 69.1 kB on 7 December 2026,
  // with its summaries and its Vega-Lite equivalent; 64.6 kB after issue 20.
  'one odw-chart': 80_000,
  // The same chart as a donut, with the layouts of the types drawn with d3-shape (8 December 2026:
  // a column's or a bar's page no longer downloads them).
  'one donut odw-chart': 80_000,
  'one odw-map': 100_000,
  'one odw-table': 43_100,
  // A key figure, a filter, a chart and a table on one source (no map).
  'a dashboard': 104_300,
};
/**
 * Gzipped size of each file of the CDN build (the loader, then each chunk by its name without the
 * hash) and of each npm entry with the modules it imports (its dependencies such as Lit or Vega
 * left out, as the app's bundler shares them): the size measured on 22 November 2026 (23 November
 * for `core`, `chart-engine` and the npm entries, which import the Opendatasoft connector since
 * then, and for `chart-engine-full` and `d3-shared` (then named `d3-timer`), since the chart draws its own axes and colour
 * schemes are built on first use; 7 December 2026 for `file`, `odw-kpi` and the npm entries that
 * exceeded theirs, which carry the APIs' error words, refusals, code typing and adaptive decimals
 * since then) plus 5 %, rounded up to 100 bytes. A file without a budget fails too: give it one.
 */
const cdnBudgets = {
  'chunks/ckan': 4_500,
  // Issue 20 (7 December 2026): what a key figure needs, nothing more (rollup.config.mjs).
  'chunks/browser-rows': 700,
  'chunks/core': 22_800,
  // Loaded on a page's first error (src/core/i18n.ts `errorMessage`), and by the dashboard and the builder.
  'chunks/error-words': 2_500,
  // Loaded with the first failed answer (src/data/request.ts); the API's error bodies, which the
  // CKAN and tabular readers share.
  'chunks/http-failure': 800,
  'chunks/api-errors': 1_100,
  // Loaded by a query grouped by a time unit (src/data/connectors/ods.ts), and by CKAN's SQL.
  'chunks/periods': 700,
  // 7 December 2026: d3-array's nice and ticks, shared by the chart's own scales and the map.
  'chunks/d3-array': 2_500,
  'chunks/d3-shared': 23_500,
  'chunks/engine': 3_100,
  'chunks/file': 3_400,
  'chunks/lit-directives': 1_200,
  'chunks/map-engine': 26_000,
  'chunks/odw-builder': 26_500,
  // 7 December 2026: the chart's own drawing (layout, SVG; Vega only in vega-engine). 20.0 kB since
  // 8 December, without d3-shape and the layouts drawn with it (lines, areas, scatters, pies), in a
  // chunk that only the charts of those types load (src/elements/odw-chart/chart-shape-layouts.ts).
  // 19.5 kB since, without the drawing of a page's Vega-Lite specification, which only a chart with
  // one loads (src/elements/odw-chart/chart-spec-drawing.ts).
  'chunks/odw-chart': 21_000,
  'chunks/chart-shape-layouts': 6_400,
  'chunks/chart-spec-drawing': 1_700,
  // 7 December 2026, evening: a chart's first requests, sent by the loader while the chart's code
  // downloads (src/elements/odw-chart/chart-prefetch.ts), with the plan and queries it shares with
  // the element, and the source's attributes it reads (0.7, 4.6 and 0.3 kB, + 5 %).
  'chunks/chart-prefetch': 800,
  'chunks/chart-query': 4_900,
  'chunks/odw-source.schema': 300,
  'chunks/odw-dashboard': 9_700,
  'chunks/odw-filter': 6_200,
  'chunks/odw-kpi': 2_000,
  'chunks/odw-map': 14_600,
  // Loaded after the first answer, never before a widget draws (src/data/offline-copy.ts).
  'chunks/offline-store': 1_200,
  'chunks/odw-table': 5_300,
  'chunks/style-properties': 500,
  'chunks/tabular': 3_000,
  'chunks/topojson-client': 1_400,
  'chunks/vega-lite': 90_600,
  // Vega with every transform, for a page's `.spec` only (7 December 2026); 122.5 kB with its own
  // copy of d3-shape (rollup.config.mjs `vega-own-d3-shape`).
  'chunks/vega-engine': 128_700,
  'chunks/focus-keeper': 1_600,
  'chunks/odw-chart.schema': 500,
  'chunks/odw-filter.schema': 400,
  'chunks/odw-kpi.schema': 300,
  'chunks/odw-map.schema': 500,
  // Loaded by its tag (rollup.config.mjs `sourceByTag`), and by the dashboard.
  'chunks/odw-source': 2_800,
  'chunks/odw-table.schema': 300,
  // What several widgets share but a key figure does not need: downloads, their own filter,
  // decorators, and since 7 December 2026 the actions menu; since issue 20 item 8 group keys,
  // order, paging, other URL shapes, drawing colours, month names and codes (rollup.config.mjs);
  // later that day the binding to a source, the sources' and filters' events, the palette, French
  // collation and the export, facet and geo-point reading (11.2 kB, + 5 %).
  'chunks/widgets': 11_800,
  // The DSFR theme's rules, loaded by the first widget of that theme (src/core/theme.ts `themeIn`).
  'chunks/theme-dsfr': 1_100,
  // The refresh timer, loaded by the first widget given `refresh` (src/core/data-element.ts).
  'chunks/refresh-controller': 400,
  // The embed page's script and its host page's resize script (src/embed/). The page's script grew
  // by 0.15 kB on 8 December 2026: it waits for its stylesheet, which WebKit does not.
  embed: 700,
  'embed.js': 2_000,
  // 7 December 2026: the loader writes a visible message where an element's code cannot load, and
  // points the elements at their stylesheets (src/core/linked-styles.ts). 1.4 kB since it asks for a
  // chart's early chunks first and each chunk once (src/loader.ts).
  'open-data-widgets.js': 1_500,
};
// 7 December 2026 (issue 20): the entries that had grown with the actions menu and the sources'
// alerts, measured + 5 %.
const esmBudgets = {
  'autoloader.js': 2_500,
  'data/index.js': 29_200,
  'elements/odw-builder/define.js': 88_400,
  // 7 December 2026: the chart's layout and SVG drawing (its Vega imports are left out, as before).
  'elements/odw-chart/define.js': 112_000,
  'elements/odw-dashboard/define.js': 69_100,
  // 7 December 2026, afternoon: the source's binding and the filter events, which it imports, left `core`.
  'elements/odw-filter/define.js': 73_300,
  'elements/odw-kpi/define.js': 59_100,
  'elements/odw-map/define.js': 90_800,
  'elements/odw-source/define.js': 37_600,
  // 7 December 2026, evening: the busy mark's delay and the actions row's sizes (74.4 kB, + 5 %).
  'elements/odw-table/define.js': 78_200,
  'index.js': 182_200,
};

/** Each page's markup, and the text its widget shows once fully drawn. */
const pages = {
  'one odw-kpi': {
    body: `<odw-kpi src="/portal/ods/api/explore/v2.1/catalog/datasets/populations-legales-2025/records"
      value="sum(population)" where='epci = "Orléans Métropole"' label="Habitants"></odw-kpi>`,
    selector: 'odw-kpi',
    drawn: '293',
  },
  'one odw-chart': {
    body: `<odw-chart src="/portal/ods/api/explore/v2.1/catalog/datasets/populations-legales-2025/records"
      type="column" x="commune" y="sum(population)" where='epci = "Orléans Métropole"' sort="-y"
      title="Population des communes d'Orléans Métropole"></odw-chart>`,
    selector: 'odw-chart',
    drawn: 'Diagramme en colonnes',
  },
  // A type drawn with d3-shape, which loads with such charts only (src/elements/odw-chart/chart-shape-layouts.ts).
  'one donut odw-chart': {
    body: `<odw-chart src="/portal/ods/api/explore/v2.1/catalog/datasets/populations-legales-2025/records"
      type="donut" x="commune" y="sum(population)" where='epci = "Orléans Métropole"' sort="-y" limit="5"
      title="Les cinq communes les plus peuplées d'Orléans Métropole"></odw-chart>`,
    selector: 'odw-chart',
    drawn: 'Diagramme en anneau',
  },
  'one odw-map': {
    body: `<odw-map src="/portal/ods/api/explore/v2.1/catalog/datasets/populations-legales-2025/records"
      mode="choropleth" shapes="/portal/files/communes-45-loiret.geojson" shapes-key="code" key="code_insee"
      value="sum(population)" where='epci = "Orléans Métropole"' title="Population d'Orléans Métropole"></odw-map>`,
    selector: 'odw-map',
    drawn: 'zones colorées',
  },
  'one odw-table': {
    body: `<odw-table src="/portal/ods/api/explore/v2.1/catalog/datasets/populations-legales-2025/records"
      columns="commune,population" where='epci = "Orléans Métropole"' sort="-population" page-size="10"
      title="Les communes"></odw-table>`,
    selector: 'odw-table',
    drawn: 'Orléans',
  },
  'a dashboard': {
    body: `<odw-dashboard title="Orléans Métropole" columns="3"
      src="/portal/ods/api/explore/v2.1/catalog/datasets/populations-legales-2025/records"
      where='epci = "Orléans Métropole"'>
      <odw-kpi value="sum(population)" label="Habitants" unit="hab."></odw-kpi>
      <odw-filter field="commune" type="checkboxes" sort="label" label="Communes"></odw-filter>
      <odw-chart span="2" type="bar" x="commune" y="sum(population)" sort="-y" title="Population par commune"></odw-chart>
      <odw-table span="full" columns="commune,population" sort="-population" title="Les communes"></odw-table>
    </odw-dashboard>`,
    selector: 'odw-dashboard odw-table',
    drawn: 'Orléans',
  },
};

const gzipSize = (buffer) => gzipSync(buffer, {level: 9}).length;
const kB = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;

if (!existsSync('dist/open-data-widgets.js')) {
  console.error('dist/ is missing: run `npm run build` first.');
  process.exit(1);
}
const chrome = findChromium();
if (!chrome) {
  console.error(installHint);
  process.exit(1);
}

const failures = [];

const distFiles = (dir) =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'esm' || name === 'types' ? [] : distFiles(path);
    return extname(name) === '.js' ? [path] : [];
  });
/** A chunk's name without its content hash: `chunks/core-B9T8z1Hj.js` → `chunks/core`. */
const budgetName = (file) => file.replace(/^dist\//, '').replace(/-[\w-]{6}\.js$/, '');
const check = (budgets, name, size) => {
  const budget = budgets[name];
  if (budget === undefined) failures.push(`${name}: ${kB(size)}, no budget (add one in tools/size.mjs)`);
  else if (size > budget) failures.push(`${name}: ${kB(size)} > budget ${kB(budget)}`);
  return budget === undefined ? '  (no budget)' : `  (budget ${kB(budget)})`;
};

console.log('CDN build, each file (gzip -9):');
const cdnFiles = distFiles('dist')
  .map((path) => ({name: budgetName(path), size: gzipSize(readFileSync(path))}))
  .sort((a, b) => a.name.localeCompare(b.name));
for (const {name, size} of cdnFiles)
  console.log(`  ${name.padEnd(40)} ${kB(size).padStart(9)}${check(cdnBudgets, name, size)}`);
for (const name of Object.keys(cdnBudgets))
  if (!cdnFiles.some((file) => file.name === name))
    failures.push(`${name}: budgeted but not built (remove its budget)`);

/** An npm entry and the modules of dist/esm it imports statically (bare imports left out). */
function esmClosure(file, files = new Set()) {
  if (files.has(file)) return files;
  files.add(file);
  const code = readFileSync(file, 'utf8');
  for (const [, specifier] of code.matchAll(
    /(?:^|[;\s])(?:import|export)\s*(?:[^'"()]*?\sfrom\s*)?['"](\.[^'"]+)['"]/g,
  ))
    esmClosure(join(dirname(file), specifier), files);
  return files;
}
const esmEntries = [
  'index.js',
  'autoloader.js',
  'data/index.js',
  ...readdirSync('dist/esm/elements').map((name) => `elements/${name}/define.js`),
].filter((entry) => existsSync(join('dist/esm', entry)));
console.log(
  '\nnpm entries, each with the modules it imports (gzip -9 of them together; Lit, Vega… left out):',
);
for (const entry of esmEntries) {
  const files = [...esmClosure(join('dist/esm', entry))];
  const size = gzipSize(Buffer.concat(files.map((file) => readFileSync(file))));
  console.log(
    `  ${entry.padEnd(40)} ${kB(size).padStart(9)}  (${files.length} modules)${check(esmBudgets, entry, size)}`,
  );
}

const portal = createPortal();
const contentTypes = {'.js': 'text/javascript', '.html': 'text/html', '.map': 'application/json'};
const server = createServer((req, res) => {
  const url = new URL(req.url, 'http://localhost');
  if (url.pathname.startsWith('/portal/')) return portal(req, res);
  if (url.pathname.startsWith('/page/')) {
    const body = pages[decodeURIComponent(url.pathname.slice('/page/'.length))]?.body;
    res.writeHead(body ? 200 : 404, {'content-type': 'text/html; charset=utf-8'});
    return res.end(
      `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>size</title>` +
        `<script type="module" src="/dist/open-data-widgets.js"></script></head><body>${body ?? ''}</body></html>`,
    );
  }
  const file = join('.', url.pathname);
  if (url.pathname.startsWith('/dist/') && existsSync(file)) {
    res.writeHead(200, {'content-type': contentTypes[extname(file)] ?? 'application/octet-stream'});
    return res.end(readFileSync(file));
  }
  res.writeHead(404).end();
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;

const browser = await puppeteer.launch({executablePath: chrome, headless: true, args: chromiumArgs});
console.log('\nJavaScript downloaded by a page (gzip -9, every script response):');
try {
  for (const name of Object.keys(pages)) {
    const page = await browser.newPage();
    const scripts = [];
    // A chunk that reads a binding before its chunk ran (a cycle) fails here, not in the tests.
    const errors = [];
    page.on('pageerror', (error) => errors.push(String(error.message ?? error)));
    page.on('response', async (response) => {
      if (response.request().resourceType() !== 'script') return;
      scripts.push(response.buffer().then((body) => ({url: response.url(), size: gzipSize(body)})));
    });
    await page.goto(`${origin}/page/${encodeURIComponent(name)}`, {waitUntil: 'networkidle0'});
    const {selector, drawn} = pages[name];
    try {
      await page.waitForFunction(
        // Runs in the page.
        (selector, drawn) =>
          globalThis.document.querySelector(selector)?.shadowRoot?.textContent?.includes(drawn),
        {timeout: 15_000},
        selector,
        drawn,
      );
    } catch (error) {
      failures.push(`page "${name}" not drawn: ${[error.message, ...errors].join(' | ')}`);
      await page.close();
      continue;
    }
    if (errors.length) failures.push(`page "${name}": ${errors.join(' | ')}`);
    const loaded = await Promise.all(scripts);
    const total = loaded.reduce((sum, {size}) => sum + size, 0);
    const budget = pageBudgets[name];
    console.log(
      `  ${name.padEnd(48)} ${kB(total).padStart(9)}  (budget ${kB(budget)}, ${loaded.length} files)`,
    );
    for (const {url, size} of loaded)
      console.log(`    ${url.replace(origin, '').padEnd(46)} ${kB(size).padStart(9)}`);
    if (total > budget) failures.push(`page "${name}": ${kB(total)} > budget ${kB(budget)}`);
    const engines = loaded.filter(({url}) => /map-engine|chart-engine|build-/.test(url));
    if (name.includes('odw-kpi') && engines.length)
      failures.push(`page "${name}" downloaded an engine: ${engines.map(({url}) => url).join(', ')}`);
    await page.close();
  }
} finally {
  await browser.close();
  server.close();
}

if (failures.length) {
  console.error(`\nSize budgets exceeded:\n- ${failures.join('\n- ')}`);
  process.exit(1);
}
console.log('\nAll size budgets met.');
