// `npm run bench`: open-data-widgets against vega-embed, @gouvfr/dsfr-chart and
// @opendatasoft/visualizations, in headless Chromium, on the same data (Orléans Métropole's 22
// communes, population 2025) served by the local portal emulator. Run after `npm run build`.
// Prints a table and writes bench/results/latest.json and bench/results/<YYYY-MM-DD>.json.
// No network beyond 127.0.0.1; every wait is bounded.
import {createServer} from 'node:http';
import {existsSync, mkdirSync, readFileSync, statSync, writeFileSync} from 'node:fs';
import {extname, join, normalize, sep} from 'node:path';
import {gzipSync} from 'node:zlib';
import os from 'node:os';
import puppeteer from 'puppeteer-core';
import {createPortal} from '../tools/portal/portal.mjs';
import {findChromium, installHint, chromiumArgs} from '../tools/chromium.mjs';
import {pages, setInlineRows, DATASET_URL, ORLEANS, FILTERED} from './pages.mjs';

const SECTIONS = ['bytes', 'timing', 'requests', 'scale', 'memory'];
/** `--only=timing,memory`: run some sections (a partial run writes bench/results/partial.tmp only). */
const only = process.argv.find((arg) => arg.startsWith('--only='))?.slice('--only='.length);
const sections = new Set(only ? only.split(',') : SECTIONS);
for (const name of sections) {
  if (!SECTIONS.includes(name)) {
    console.error(`Unknown section "${name}": ${SECTIONS.join(', ')}`);
    process.exit(1);
  }
}
const RUNS = Number(process.env.BENCH_RUNS) || 5;
const SCALE_RUNS = Math.min(3, RUNS);
/** Cold loads per page and CPU speed: on a small VM one load differs from the next by ±30 %. */
const TIMING_RUNS = Number(process.env.BENCH_RUNS) || 15;
/** Heap read after this many mounts and after MOUNTS, each after forced collections. */
const MOUNTS_FIRST = 50;
const MOUNTS = 200;
const STEP_TIMEOUT = 30_000;
const started = Date.now();

const gzipSize = (buffer) => gzipSync(buffer, {level: 9}).length;
const kB = (bytes) => (bytes === null || bytes === undefined ? '—' : `${(bytes / 1000).toFixed(1)} kB`);
const ms = (value) => (value === null || value === undefined ? '—' : `${Math.round(value)} ms`);
const median = (values) => {
  const sorted = values.filter((v) => typeof v === 'number').sort((a, b) => a - b);
  if (!sorted.length) return null;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
/** The first and third quartiles: half of the values lie between them. */
const quartiles = (values) => {
  const sorted = values.filter((v) => typeof v === 'number').sort((a, b) => a - b);
  if (!sorted.length) return null;
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return [at(0.25), at(0.75)];
};
const log = (text) => console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(3)} s] ${text}`);

if (!existsSync('dist/open-data-widgets.js')) {
  console.error('dist/ is missing: run `npm run build` first.');
  process.exit(1);
}
const chrome = findChromium();
if (!chrome) {
  console.error(installHint);
  process.exit(1);
}

// ---------------------------------------------------------------------------------------------
// Generated data for the scale tests, built once, served from memory.

/** Deterministic pseudo-random numbers (mulberry32), so every run draws the same points. */
function random(seed) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const generated = new Map();
function pointsGeoJson(count) {
  const next = random(count);
  const features = [];
  for (let i = 0; i < count; i++) {
    // Around Orléans (Loiret).
    const lon = +(1.5 + next() * 1.6).toFixed(5);
    const lat = +(47.5 + next() * 0.8).toFixed(5);
    features.push({
      type: 'Feature',
      geometry: {type: 'Point', coordinates: [lon, lat]},
      properties: {id: i + 1, nom: `Point ${i + 1}`, valeur: Math.round(next() * 1000)},
    });
  }
  return Buffer.from(JSON.stringify({type: 'FeatureCollection', features}));
}
function rowsCsv(count) {
  const next = random(count + 7);
  const lines = ['id,commune,valeur,date'];
  for (let i = 0; i < count; i++) {
    const day = String(1 + Math.floor(next() * 28)).padStart(2, '0');
    lines.push(
      `${i + 1},Commune ${1 + Math.floor(next() * 500)},${Math.round(next() * 100_000)},2025-03-${day}`,
    );
  }
  return Buffer.from(`${lines.join('\n')}\n`);
}
function generatedFile(name) {
  if (!generated.has(name)) {
    const points = /^points-(\d+)\.geojson$/.exec(name);
    const rows = /^rows-(\d+)\.csv$/.exec(name);
    if (points && Number(points[1]) <= 200_000) generated.set(name, pointsGeoJson(Number(points[1])));
    else if (rows && Number(rows[1]) <= 200_000) generated.set(name, rowsCsv(Number(rows[1])));
    else return undefined;
  }
  return generated.get(name);
}

// ---------------------------------------------------------------------------------------------
// One local origin: dist/, the anchors' files in node_modules/, the emulator, the pages, the data.

const portal = createPortal();
/** Every request the server answered: {url, bytes, gzip, page}. */
const requestLog = [];
let currentTag = '';
const contentTypes = {
  '.js': 'text/javascript',
  '.cjs': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.html': 'text/html; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
};
const allowedModules = [
  'vega',
  'vega-lite',
  'vega-embed',
  '@gouvfr/dsfr-chart',
  '@opendatasoft/visualizations',
];

function serveFile(res, root, relative) {
  const file = normalize(join(root, relative));
  if (!file.startsWith(normalize(root) + sep) || !existsSync(file) || !statSync(file).isFile()) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, {'content-type': contentTypes[extname(file)] ?? 'application/octet-stream'});
  res.end(readFileSync(file));
}

/**
 * `BENCH_LATENCY_MS=50`: every answer waits that long, like a network round trip, so that a page
 * that asks for its files one after another pays for it as it would outside this machine.
 */
const LATENCY = Number(process.env.BENCH_LATENCY_MS) || 0;

const server = createServer((req, res) => {
  if (LATENCY) setTimeout(() => answer(req, res), LATENCY);
  else answer(req, res);
});

function answer(req, res) {
  const url = new URL(req.url, 'http://localhost');
  // Count every byte of every answer, body gzipped too (real portals compress).
  const chunks = [];
  const {write, end} = res;
  res.write = function (chunk, ...rest) {
    if (chunk && typeof chunk !== 'function') chunks.push(Buffer.from(chunk));
    return write.call(this, chunk, ...rest);
  };
  res.end = function (chunk, ...rest) {
    if (chunk && typeof chunk !== 'function') chunks.push(Buffer.from(chunk));
    const body = Buffer.concat(chunks);
    requestLog.push({
      url: req.url,
      status: res.statusCode,
      bytes: body.length,
      gzip: url.pathname.startsWith('/portal/') ? gzipSize(body) : undefined,
      page: currentTag,
    });
    return end.call(this, chunk, ...rest);
  };
  if (url.pathname.startsWith('/portal/')) return portal(req, res);
  if (url.pathname.startsWith('/bench/page/')) {
    const page = pages[decodeURIComponent(url.pathname.slice('/bench/page/'.length))];
    res.writeHead(page ? 200 : 404, {'content-type': 'text/html; charset=utf-8'});
    return res.end(page ? page.html : 'no such page');
  }
  if (url.pathname.startsWith('/bench/data/')) {
    const body = generatedFile(url.pathname.slice('/bench/data/'.length));
    if (!body) return res.writeHead(404).end();
    const type = url.pathname.endsWith('.csv') ? 'text/csv; charset=utf-8' : 'application/geo+json';
    res.writeHead(200, {'content-type': type});
    return res.end(body);
  }
  if (url.pathname.startsWith('/dist/')) return serveFile(res, 'dist', url.pathname.slice('/dist/'.length));
  if (url.pathname.startsWith('/node_modules/')) {
    const rest = url.pathname.slice('/node_modules/'.length);
    if (allowedModules.some((name) => rest.startsWith(`${name}/`)))
      return serveFile(res, 'node_modules', decodeURIComponent(rest));
  }
  res.writeHead(404).end();
}
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;

// The communes and populations, read from the emulator: what dsfr-chart gets inlined.
const grouped = await fetch(
  `${origin}${DATASET_URL}?${new URLSearchParams({
    select: 'commune, sum(population) as population',
    where: ORLEANS,
    group_by: 'commune',
    order_by: 'population desc',
    limit: '100',
  })}`,
).then((response) => response.json());
const communes = grouped.results;
if (communes.length !== 22) throw new Error(`Expected 22 communes, the emulator gave ${communes.length}`);
setInlineRows(communes);

if (process.argv.includes('--serve')) {
  // Manual look at the pages: `node bench/run.mjs --serve` (stops by itself after 10 minutes).
  console.log(`Pages at ${origin}/bench/page/<${Object.keys(pages).join('|')}>`);
  setTimeout(() => process.exit(0), 600_000).unref?.();
  await new Promise((resolve) => setTimeout(resolve, 600_000));
  process.exit(0);
}

// ---------------------------------------------------------------------------------------------

/**
 * Headless Chromium 156 still builds its window's omnibox popup: two WebUI renderers that load and
 * compile their own scripts while the measured page loads, which on a 2-core machine made every
 * page's first draw about 1.6 times longer (vega-embed's 600 ms instead of 360). Turned off, each
 * page is measured alone.
 */
const QUIET_CHROMIUM = '--disable-features=WebUIOmniboxAimPopup,WebUIOmniboxPopup';

const browser = await puppeteer.launch({
  executablePath: chrome,
  headless: true,
  args: [...chromiumArgs, QUIET_CHROMIUM, '--window-size=1280,900'],
  defaultViewport: {width: 1280, height: 900},
  protocolTimeout: 120_000,
});
const chromiumVersion = await browser.version();
const results = {
  date: new Date().toISOString(),
  machine: {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model?.trim(),
    memoryGB: Math.round(os.totalmem() / 1e9),
    platform: `${os.platform()} ${os.release()}`,
    node: process.version,
    chromium: chromiumVersion,
    // Other work on the machine makes the timings noisy: the 1, 5 and 15 min load at the start and end.
    loadAverageStart: os.loadavg().map((load) => +load.toFixed(2)),
    latencyMs: LATENCY,
  },
  data: "Orléans Métropole's 22 communes, population 2025 (INSEE), from the portal emulator",
  notes: [
    '@gouvfr/dsfr-chart: BarChart/BarChart.js alone defines <bar-chart> but draws nothing (no error); DSFRChart.js (all charts) does and is the one compared. The DSFR CSS and JS API it asks for are not loaded.',
    '@opendatasoft/visualizations: the ES build imports chart.js, maplibre-gl, luxon… by bare name (needs a bundler); the UMD build, which bundles them all, runs on a plain page and is the one measured.',
    `Chromium runs with ${QUIET_CHROMIUM}: headless, it otherwise builds its omnibox popup's two WebUI renderers while each page loads, which competed with every page for the CPU (the runs up to bench/results/2026-12-07-chart-15.json).`,
    'Timings are cold loads (a fresh browser context each, so an empty cache), one tab at a time, in a browser without DevTools network tracking (it costs the page main-thread time for every response); the pages take turns run after run; under load from other processes they vary by ±30 %: compare medians of the same run.',
  ],
};

/**
 * Timed loads run in a browser without DevTools' network tracking, which costs the page's main
 * thread time for every response (more for a page of more files than for one of fewer), and each
 * in a fresh browser context: an empty cache, so every load is a cold load.
 */
const timingBrowser = sections.has('timing')
  ? await puppeteer.launch({
      executablePath: chrome,
      headless: true,
      networkEnabled: false,
      args: [...chromiumArgs, QUIET_CHROMIUM, '--window-size=1280,900'],
      defaultViewport: {width: 1280, height: 900},
      protocolTimeout: 120_000,
    })
  : undefined;

/**
 * A fresh tab, cache off (every load is a cold load), optional CPU throttling; `timed`: in a fresh
 * context of the timing browser (closed with the page).
 */
async function openPage({throttle = 1, timed = false} = {}) {
  const context = timed ? await timingBrowser.createBrowserContext() : undefined;
  const page = await (context ?? browser).newPage();
  if (context) page.once('close', () => void context.close().catch(() => {}));
  else await page.setCacheEnabled(false);
  const errors = [];
  page.on('pageerror', (error) => errors.push(String(error.message ?? error)));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  const cdp = await page.createCDPSession();
  await cdp.send('Emulation.setCPUThrottlingRate', {rate: throttle});
  page.benchErrors = errors;
  return {page, cdp};
}
/** Waits for the page's `__bench.drawn` (set by the page when its widget is fully drawn). */
async function waitDrawn(page, timeout = STEP_TIMEOUT) {
  await page.waitForFunction(() => globalThis.__bench?.drawn || globalThis.__bench?.failed, {
    timeout,
    polling: 50,
  });
  return page.evaluate(() => ({drawn: globalThis.__bench.drawn, failed: globalThis.__bench.failed}));
}

// ---------------------------------------------------------------------------------------------
// 1. JavaScript bytes

if (sections.has('bytes')) {
  log('1/5 JavaScript bytes (gzip -9 of every script response)');
  const bytesPages = [
    ['ours: one odw-kpi', 'kpi'],
    ['ours: one odw-chart (column)', 'chart'],
    ['ours: one odw-map (choropleth)', 'map'],
    ['ours: odw-dashboard, every element kind', 'dashboard'],
    ['vega-embed: same column chart', 'vega'],
    ['@gouvfr/dsfr-chart: bar-chart (DSFRChart.js)', 'dsfr'],
    ['@gouvfr/dsfr-chart: BarChart.js alone', 'dsfr-bar'],
    ['@opendatasoft/visualizations: Chart (bar)', 'ods'],
  ];
  results.bytes = {};
  for (const [label, name] of bytesPages) {
    const {page} = await openPage();
    const scripts = [];
    page.on('response', (response) => {
      if (response.request().resourceType() !== 'script') return;
      scripts.push(
        response
          .buffer()
          .then((body) => ({url: response.url().replace(origin, ''), raw: body.length, gzip: gzipSize(body)}))
          .catch(() => null),
      );
    });
    let entry;
    try {
      await page.goto(`${origin}/bench/page/${name}`, {waitUntil: 'load', timeout: STEP_TIMEOUT});
      const state = await waitDrawn(page);
      await page.waitForNetworkIdle({idleTime: 300, timeout: STEP_TIMEOUT}).catch(() => {});
      const files = (await Promise.all(scripts)).filter(Boolean);
      entry = {
        gzip: files.reduce((sum, file) => sum + file.gzip, 0),
        raw: files.reduce((sum, file) => sum + file.raw, 0),
        files: files.length,
        drawn: !state.failed,
        list: files,
      };
      if (state.failed) entry.error = state.failed;
    } catch (error) {
      entry = {
        gzip: null,
        error: `not drawn: ${error.message}; page errors: ${page.benchErrors.join(' | ')}`,
      };
    }
    results.bytes[label] = entry;
    console.log(
      `  ${label.padEnd(44)} ${kB(entry.gzip).padStart(9)}  (${entry.files ?? 0} files)${entry.error ? `  ${entry.error}` : ''}`,
    );
    await page.close();
  }
}

// ---------------------------------------------------------------------------------------------
// 2. Time to fully drawn, and re-render after a filter change

/**
 * A reader filters seconds after the chart appears, not in the same frame: the re-render starts
 * this long after the first draw, so that it measures the filter's work, not the page's first
 * layout, paint and offline copy still under way (ours has more of those than vega-embed's).
 */
const SETTLE_MS = 1000;

if (sections.has('timing')) {
  log(`2/5 time from navigation to fully drawn (median of ${TIMING_RUNS}), and re-render after a filter`);
  results.timing = {
    definition: {
      drawn:
        'performance.now() (ms since navigation start) when the widget is fully drawn: odw-kpi shows « 293 673 »; odw-chart fired odw-chart-drawn and its SVG holds 22 bar marks; vega-embed: the embed promise resolved and the SVG holds 22 bar marks',
      rerender: `from the filter change (population >= 10000) to the redraw with 7 bars: ours odw-source.setFilter() until odw-chart-drawn with 7 marks; vega-embed: fetch the filtered rows from the emulator, view.data() and runAsync() until 7 marks. The filter changes ${SETTLE_MS} ms after the first draw, on a quiet page, as a reader's click would`,
      rerenderSplit:
        "rerenderRequestSentMedian / rerenderAnswerInMedian: when the re-render's request to the emulator left and when its answer was in (resource timing startTime and responseEnd), ms after the filter change; before the first and after the second is the page's own work",
    },
  };
  const timed = [
    ['ours: odw-kpi', 'kpi', false],
    ['ours: odw-chart', 'chart', true],
    ['vega-embed: same chart', 'vega', true],
    // Issue 14's budget: no slower than dsfr-chart's bar chart on a slow phone (it cannot refilter).
    ['dsfr-chart: bar chart', 'dsfr', false],
  ];
  for (const throttle of [1, 4]) {
    const key = throttle === 1 ? 'cpu 1×' : 'cpu 4× slower';
    const samples = timed.map(() => ({drawn: [], rerender: [], sent: [], answered: [], errors: []}));
    // The pages take turns, run after run, so that a burst of load on the machine hits them alike.
    for (let run = 0; run < TIMING_RUNS; run++) {
      for (const [index, [, name, filterable]] of timed.entries()) {
        const {drawn, rerender, sent, answered, errors} = samples[index];
        const {page} = await openPage({throttle, timed: true});
        try {
          await page.goto(`${origin}/bench/page/${name}`, {waitUntil: 'load', timeout: STEP_TIMEOUT});
          const state = await waitDrawn(page);
          if (state.failed) throw new Error(state.failed);
          drawn.push(state.drawn);
          if (filterable) {
            await page.evaluate((ms) => new Promise((resolve) => setTimeout(resolve, ms)), SETTLE_MS);
            const time = await page.evaluate((filtered) => globalThis.__bench.refilter(filtered), FILTERED);
            rerender.push(time);
            const split = await page.evaluate(() => globalThis.__bench.split);
            if (time !== null && split) {
              sent.push(split.sent);
              answered.push(split.answered);
            }
          }
        } catch (error) {
          errors.push(`${error.message} ${page.benchErrors.join(' | ')}`.trim());
        }
        await page.close();
      }
    }
    results.timing[key] = {};
    for (const [index, [label, , filterable]] of timed.entries()) {
      const {drawn, rerender, sent, answered, errors} = samples[index];
      const entry = {
        drawnMedian: median(drawn),
        drawnQuartiles: quartiles(drawn),
        drawn,
        rerenderMedian: filterable ? median(rerender) : undefined,
        rerender: filterable ? rerender : undefined,
        // When the re-render's request left and when its answer was in (ms after the filter change).
        rerenderRequestSentMedian: filterable ? median(sent) : undefined,
        rerenderAnswerInMedian: filterable ? median(answered) : undefined,
      };
      if (errors.length) entry.errors = errors;
      results.timing[key][label] = entry;
      console.log(
        `  ${key.padEnd(14)} ${label.padEnd(24)} drawn ${ms(entry.drawnMedian).padStart(8)}` +
          ` (${entry.drawnQuartiles?.map(ms).join(' to ') ?? '—'})` +
          (filterable
            ? `   re-render ${ms(entry.rerenderMedian).padStart(8)}` +
              ` (request left at ${ms(entry.rerenderRequestSentMedian)}, answer in at ${ms(entry.rerenderAnswerInMedian)})`
            : '') +
          (errors.length ? `   errors: ${errors.length} (${errors[0]})` : ''),
      );
    }
  }
}

// ---------------------------------------------------------------------------------------------
// 3. Requests of a dashboard of 6 widgets on one dataset

if (sections.has('requests')) {
  log('3/5 requests and bytes: dashboard of 6 widgets on one dataset');
  {
    const {page} = await openPage();
    currentTag = 'six';
    const entry = {};
    try {
      await page.goto(`${origin}/bench/page/dashboard`, {waitUntil: 'load', timeout: STEP_TIMEOUT});
      const state = await waitDrawn(page);
      await page.waitForNetworkIdle({idleTime: 500, timeout: STEP_TIMEOUT}).catch(() => {});
      if (state.failed) entry.error = state.failed;
      const data = requestLog.filter(
        (request) => request.page === 'six' && request.url.startsWith('/portal/'),
      );
      const seen = new Map();
      for (const request of data) seen.set(request.url, (seen.get(request.url) ?? 0) + 1);
      entry.ours = {
        requests: data.length,
        bytes: data.reduce((sum, request) => sum + request.bytes, 0),
        gzip: data.reduce((sum, request) => sum + request.gzip, 0),
        duplicates: [...seen.values()].reduce((sum, count) => sum + count - 1, 0),
        urls: data.map((request) => `${decodeURIComponent(request.url)} (${request.bytes} B)`),
      };
      const outlines = data.filter((request) => request.url.startsWith('/portal/files/'));
      entry.ours.dataOnly = {
        requests: data.length - outlines.length,
        bytes: entry.ours.bytes - outlines.reduce((sum, request) => sum + request.bytes, 0),
        gzip: entry.ours.gzip - outlines.reduce((sum, request) => sum + request.gzip, 0),
      };
    } catch (error) {
      entry.error = `${error.message} ${page.benchErrors.join(' | ')}`;
    }
    currentTag = '';
    await page.close();
    // What a client-side-aggregating library downloads instead: the rows (exports/json), plus the
    // same outlines for the map.
    const exportUrl = `${DATASET_URL.replace(/\/records$/, '/exports/json')}`;
    const fetched = async (path) => {
      const response = await fetch(`${origin}${path}`);
      const body = Buffer.from(await response.arrayBuffer());
      return {bytes: body.length, gzip: gzipSize(body)};
    };
    const shapes = await fetched('/portal/files/communes-45-loiret.geojson');
    const whole = await fetched(exportUrl);
    const filtered = await fetched(`${exportUrl}?${new URLSearchParams({where: ORLEANS})}`);
    entry.outlines = {requests: 1, ...shapes};
    /** One data download plus the outlines, as a library aggregating rows in the browser needs. */
    const withOutlines = (data, note) => ({
      dataOnly: {requests: 1, ...data},
      requests: 2,
      bytes: data.bytes + shapes.bytes,
      gzip: data.gzip + shapes.gzip,
      note,
    });
    entry.rowsWholeDataset = withOutlines(
      whole,
      'exports/json of the whole dataset (every commune of France) + the outlines',
    );
    entry.rowsFilteredExport = withOutlines(
      filtered,
      'exports/json filtered on the server to the 22 communes + the outlines',
    );
    results.dashboard6 = entry;
    for (const [label, value] of [
      ['ours (server-side aggregation)', entry.ours],
      ['rows: whole exports/json', entry.rowsWholeDataset],
      ['rows: exports/json?where=…', entry.rowsFilteredExport],
    ]) {
      if (!value) continue;
      console.log(
        `  ${label.padEnd(34)} ${String(value.requests).padStart(3)} requests  ${kB(value.bytes).padStart(10)}` +
          `  (${kB(value.gzip)} gzip)${value.duplicates !== undefined ? `  duplicates: ${value.duplicates}` : ''}`,
      );
      console.log(
        `    without the outlines (${kB(entry.outlines.bytes)}): ${value.dataOnly.requests} data requests, ` +
          `${kB(value.dataOnly.bytes)} (${kB(value.dataOnly.gzip)} gzip)`,
      );
    }
    if (entry.error) console.log(`  error: ${entry.error}`);
  }
}

// ---------------------------------------------------------------------------------------------
// 4. Scale

if (sections.has('scale')) {
  log(`4/5 scale (median of ${SCALE_RUNS})`);
  results.scale = {};
  const scaleCases = [
    ['odw-map: 10 000 points (clustered)', 'points-10000', 'drawn'],
    ['odw-map: 100 000 points (clustered)', 'points-100000', 'drawn'],
    ['odw-map: 10 000 points (no-cluster)', 'points-10000-nocluster', 'drawn'],
    ['odw-map: 100 000 points (no-cluster)', 'points-100000-nocluster', 'drawn'],
    ['odw-table: 100 000-row CSV, page 1', 'table-100000', 'drawn'],
  ];
  for (const [label, name] of scaleCases) {
    const drawn = [];
    const second = [];
    const redraws = [];
    const errors = [];
    for (let run = 0; run < SCALE_RUNS; run++) {
      const {page} = await openPage();
      try {
        await page.goto(`${origin}/bench/page/${name}`, {waitUntil: 'load', timeout: STEP_TIMEOUT});
        const state = await waitDrawn(page, 60_000);
        if (state.failed) throw new Error(state.failed);
        drawn.push(state.drawn);
        if (name.startsWith('table')) second.push(await page.evaluate(() => globalThis.__bench.nextPage()));
        if (name.startsWith('points')) {
          // Pan and zoom: d3-zoom redraws in its event handler, so 20 moves time 20 redraws.
          redraws.push(
            await page.evaluate(() => {
              const view = globalThis.document.querySelector('odw-map').mapView;
              const started = globalThis.performance.now();
              for (let move = 0; move < 10; move++) {
                view.panBy(5, 3);
                view.zoomBy(1.1);
              }
              return (globalThis.performance.now() - started) / 20;
            }),
          );
        }
      } catch (error) {
        errors.push(`${error.message} ${page.benchErrors.join(' | ')}`.trim());
      }
      await page.close();
      if (errors.length && !drawn.length) break;
    }
    const file = name.startsWith('table') ? 'rows-100000.csv' : `${name.replace('-nocluster', '')}.geojson`;
    const entry = {file, fileBytes: generatedFile(file)?.length, drawnMedian: median(drawn), drawn};
    if (second.length) Object.assign(entry, {page2Median: median(second), page2: second});
    if (redraws.length) Object.assign(entry, {redrawMedian: median(redraws), redraws});
    if (errors.length) entry.errors = errors;
    results.scale[label] = entry;
    console.log(
      `  ${label.padEnd(40)} drawn ${ms(entry.drawnMedian).padStart(8)}` +
        (second.length ? `   page 2 shown ${ms(entry.page2Median).padStart(7)}` : '') +
        (redraws.length ? `   pan/zoom ${ms(entry.redrawMedian).padStart(7)} a redraw` : '') +
        (errors.length ? `   errors: ${errors[0]}` : ''),
    );
  }
}

// ---------------------------------------------------------------------------------------------
// 5. Memory

if (sections.has('memory')) {
  log(`5/5 memory: mount and remove a dashboard ${MOUNTS} times`);
  {
    const {page, cdp} = await openPage();
    await page.setCacheEnabled(true);
    await cdp.send('HeapProfiler.enable');
    const heap = async () => {
      // Let pending timers and frames of the removed widgets run out, then collect until the heap
      // stops shrinking (V8 frees some objects only on a later pass: weak maps, finalizers).
      await new Promise((resolve) => setTimeout(resolve, 1000));
      let usedSize = Infinity;
      for (let pass = 0; pass < 6; pass++) {
        await cdp.send('HeapProfiler.collectGarbage');
        const now = (await cdp.send('Runtime.getHeapUsage')).usedSize;
        if (now >= usedSize - 1000) break;
        usedSize = now;
      }
      usedSize = Math.min(usedSize, (await cdp.send('Runtime.getHeapUsage')).usedSize);
      const counters = await cdp.send('Memory.getDOMCounters');
      return {heap: usedSize, nodes: counters.nodes, listeners: counters.jsEventListeners};
    };
    const entry = {mounts: 0};
    try {
      await page.goto(`${origin}/bench/page/memory`, {waitUntil: 'load', timeout: STEP_TIMEOUT});
      await page.waitForFunction(() => globalThis.__bench?.ready, {timeout: STEP_TIMEOUT});
      entry.beforeAny = await heap();
      // The first mount loads the code and fills the page's answer cache: measured apart.
      await page.evaluate(() => globalThis.__bench.cycle(1));
      entry.mounts = 1;
      entry.start = await heap();
      // Then more, the heap read (after forced collections) every tenth mount.
      entry.samples = [{mounts: 1, ...entry.start}];
      const medians = [];
      while (entry.mounts < MOUNTS) {
        const outcome = await page.evaluate(
          (count) => globalThis.__bench.cycle(count),
          Math.min(10 - (entry.mounts % 10), MOUNTS - entry.mounts),
        );
        entry.mounts += outcome.done;
        if (outcome.medianMs) medians.push(outcome.medianMs);
        if (outcome.error) {
          entry.error = outcome.error;
          break;
        }
        entry.samples.push({mounts: entry.mounts, ...(await heap())});
      }
      entry.mountMedianMs = median(medians);
      entry.end = entry.samples.at(-1);
      entry.growth = entry.end.heap - entry.start.heap;
      // The conclusion: past the warm-up (compiled code, inline caches), does the heap still grow?
      const first = entry.samples.find((sample) => sample.mounts === MOUNTS_FIRST);
      if (first && entry.end.mounts > first.mounts) {
        entry.afterFirst = first;
        entry.growthAfterFirst = entry.end.heap - first.heap;
        entry.growthPerMountAfterFirst = Math.round(
          entry.growthAfterFirst / (entry.end.mounts - first.mounts),
        );
      }
    } catch (error) {
      entry.error = `${error.message} ${page.benchErrors.join(' | ')}`;
    }
    results.memory = entry;
    if (entry.end)
      console.log(
        `  heap before any: ${kB(entry.beforeAny.heap)}, after 1st mount/remove: ${kB(entry.start.heap)}, ` +
          `after ${entry.mounts}: ${kB(entry.end.heap)}; DOM nodes ${entry.start.nodes} → ${entry.end.nodes}, ` +
          `listeners ${entry.start.listeners} → ${entry.end.listeners}; mount+draw median ${ms(entry.mountMedianMs)}`,
      );
    if (entry.samples)
      console.log(
        `  heap by mounts: ${entry.samples
          .filter((sample) => sample.mounts === 1 || sample.mounts % 50 === 0 || sample.mounts <= 20)
          .map((sample) => `${sample.mounts}: ${kB(sample.heap)}`)
          .join(', ')}`,
      );
    if (entry.growthAfterFirst !== undefined)
      console.log(
        `  after ${MOUNTS_FIRST} mounts ${kB(entry.afterFirst.heap)}, after ${entry.end.mounts} ${kB(entry.end.heap)}: ` +
          `${kB(entry.growthAfterFirst)} over ${entry.end.mounts - MOUNTS_FIRST} mounts ` +
          `(${(entry.growthPerMountAfterFirst / 1000).toFixed(2)} kB per mount)`,
      );
    if (entry.error) console.log(`  error: ${entry.error}`);
    await page.close();
  }
}

await browser.close();
await timingBrowser?.close();
server.close();
server.closeAllConnections();

// ---------------------------------------------------------------------------------------------
// Summary

const ours = results.bytes?.['ours: one odw-chart (column)']?.gzip;
results.ratios = {};
for (const label of [
  'vega-embed: same column chart',
  '@gouvfr/dsfr-chart: bar-chart (DSFRChart.js)',
  '@opendatasoft/visualizations: Chart (bar)',
]) {
  const other = results.bytes?.[label]?.gzip;
  if (ours && other) results.ratios[`chart JS bytes, ${label} ÷ ours`] = +(other / ours).toFixed(2);
}
for (const key of ['cpu 1×', 'cpu 4× slower']) {
  const a = results.timing?.[key]['ours: odw-chart'];
  const b = results.timing?.[key]['vega-embed: same chart'];
  if (a?.drawnMedian && b?.drawnMedian)
    results.ratios[`time to drawn (${key}), vega-embed ÷ ours`] = +(b.drawnMedian / a.drawnMedian).toFixed(2);
  if (a?.rerenderMedian && b?.rerenderMedian)
    results.ratios[`re-render (${key}), vega-embed ÷ ours`] = +(b.rerenderMedian / a.rerenderMedian).toFixed(
      2,
    );
}
// The chart's budgets (issue 14): ours ÷ theirs, with the most each may be.
const budgetRatios = [];
const chartTiming = (key, label) => results.timing?.[key]?.[label];
for (const [name, key, field, label, most] of [
  ['first draw (cpu 1×), ours ÷ vega-embed', 'cpu 1×', 'drawnMedian', 'vega-embed: same chart', 0.6],
  [
    'first draw (cpu 4× slower), ours ÷ dsfr-chart',
    'cpu 4× slower',
    'drawnMedian',
    'dsfr-chart: bar chart',
    1,
  ],
  [
    're-render after a filter (cpu 1×), ours ÷ vega-embed',
    'cpu 1×',
    'rerenderMedian',
    'vega-embed: same chart',
    1,
  ],
  [
    're-render after a filter (cpu 4× slower), ours ÷ vega-embed',
    'cpu 4× slower',
    'rerenderMedian',
    'vega-embed: same chart',
    1,
  ],
]) {
  const a = chartTiming(key, 'ours: odw-chart')?.[field];
  const b = chartTiming(key, label)?.[field];
  if (!a || !b) continue;
  const value = +(a / b).toFixed(2);
  results.ratios[`${name} (at most ${most})`] = value;
  budgetRatios.push(`${name}: ${value} ${value <= most ? '≤' : '>'} ${most}`);
}
// No growth over the mounts: the heap after the last mount against the heap after the first
// MOUNTS_FIRST (past the warm-up), and the same DOM nodes and listeners.
const memory = results.memory;
if (memory?.afterFirst && memory.end) {
  const value = +(memory.end.heap / memory.afterFirst.heap).toFixed(3);
  const most = 1.05;
  results.ratios[`heap after ${memory.end.mounts} mounts ÷ after ${MOUNTS_FIRST} (at most ${most})`] = value;
  budgetRatios.push(
    `heap after ${memory.end.mounts} mounts ÷ after ${MOUNTS_FIRST}: ${value} ${value <= most ? '≤' : '>'} ${most}`,
  );
  const same = memory.end.nodes === memory.start.nodes && memory.end.listeners === memory.start.listeners;
  budgetRatios.push(
    `DOM nodes ${memory.start.nodes} → ${memory.end.nodes}, listeners ${memory.start.listeners} → ${memory.end.listeners}: ${same ? 'no growth' : 'GROWTH'}`,
  );
}
const six = results.dashboard6;
if (six?.ours) {
  results.ratios['dashboard bytes, whole exports/json ÷ ours'] = +(
    six.rowsWholeDataset.bytes / six.ours.bytes
  ).toFixed(1);
  results.ratios['dashboard data bytes (outlines aside), whole exports/json ÷ ours'] = Math.round(
    six.rowsWholeDataset.dataOnly.bytes / six.ours.dataOnly.bytes,
  );
  results.ratios['dashboard data bytes (outlines aside), filtered exports/json ÷ ours'] = +(
    six.rowsFilteredExport.dataOnly.bytes / six.ours.dataOnly.bytes
  ).toFixed(2);
}
results.durationSeconds = Math.round((Date.now() - started) / 1000);
results.machine.loadAverageEnd = os.loadavg().map((load) => +load.toFixed(2));

console.log('\nRatios:');
for (const [label, value] of Object.entries(results.ratios)) console.log(`  ${label.padEnd(62)} ${value}`);
if (budgetRatios.length) console.log(`\nChart budgets (issue 14):\n  ${budgetRatios.join('\n  ')}`);

mkdirSync('bench/results', {recursive: true});
const text = `${JSON.stringify({...results, sections: [...sections]}, null, 2)}\n`;
// A partial run (--only) leaves the full results alone.
const written = only
  ? ['bench/results/partial.tmp']
  : ['bench/results/latest.json', `bench/results/${results.date.slice(0, 10)}.json`];
for (const file of written) writeFileSync(file, text);
log(`done: ${written.join(' and ')} (${chromiumVersion})`);
