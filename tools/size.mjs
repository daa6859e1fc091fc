// `npm run size`: gzip bytes of every built file, and of the JavaScript a page really downloads,
// measured in headless Chromium. Fails when a budget is exceeded. Run after `npm run build`.
import {createServer} from 'node:http';
import {readFileSync, readdirSync, statSync, existsSync} from 'node:fs';
import {join, extname} from 'node:path';
import {gzipSync} from 'node:zlib';
import puppeteer from 'puppeteer-core';
import {createPortal} from './portal/portal.mjs';
import {findChromium, installHint, chromiumArgs} from './chromium.mjs';

/** Gzipped JavaScript a page may download in total, in bytes. */
const pageBudgets = {
  'one odw-kpi': 30_000,
  'one odw-chart': 200_000,
  'one odw-map': 100_000,
};
/** Gzipped size of the CDN entry itself: a loader that registers the tags. */
const fileBudgets = {
  'open-data-widgets.js': 1_000,
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
  'one odw-map': {
    body: `<odw-map src="/portal/ods/api/explore/v2.1/catalog/datasets/populations-legales-2025/records"
      mode="choropleth" shapes="/portal/files/communes-45-loiret.geojson" shapes-key="code" key="code_insee"
      value="sum(population)" where='epci = "Orléans Métropole"' title="Population d'Orléans Métropole"></odw-map>`,
    selector: 'odw-map',
    drawn: 'zones colorées',
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
console.log('CDN build (gzip -9):');
for (const path of distFiles('dist')) {
  const size = gzipSize(readFileSync(path));
  const name = path.replace(/^dist\//, '');
  const budget = fileBudgets[name];
  console.log(`  ${name.padEnd(48)} ${kB(size).padStart(9)}${budget ? `  (budget ${kB(budget)})` : ''}`);
  if (budget && size > budget) failures.push(`${name}: ${kB(size)} > budget ${kB(budget)}`);
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
    page.on('response', async (response) => {
      if (response.request().resourceType() !== 'script') return;
      scripts.push(response.buffer().then((body) => ({url: response.url(), size: gzipSize(body)})));
    });
    await page.goto(`${origin}/page/${encodeURIComponent(name)}`, {waitUntil: 'networkidle0'});
    const {selector, drawn} = pages[name];
    await page.waitForFunction(
      // Runs in the page.
      (selector, drawn) =>
        globalThis.document.querySelector(selector)?.shadowRoot?.textContent?.includes(drawn),
      {timeout: 15_000},
      selector,
      drawn,
    );
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
