// Screenshots of every element in each state (loading, data, empty, error, stale) at 390 and
// 1 280 px, for review by eye (issue 15 item 9): `node tools/screenshots.mjs [element…]`.
// Serves the repository with the portal emulator (web-dev-server.config.mjs) on PORT (default
// 8290), draws each element in test/visual/page.html in headless Chromium, and writes
// screenshots/<element>-<variant>-<state>-<width>.png (git-ignored).
import {mkdirSync} from 'node:fs';
import {join} from 'node:path';
import {startDevServer} from '@web/dev-server';
import puppeteer from 'puppeteer-core';
import config from '../web-dev-server.config.mjs';
import {chromiumArgs, findChromium} from './chromium.mjs';

/* global document, customElements, requestAnimationFrame -- read in the page, by Puppeteer */

const OUT = 'screenshots';
const WIDTHS = [390, 1280];
const PORT = Number(process.env.PORT ?? 8290);
const DATASET = 'ods/api/explore/v2.1/catalog/datasets/populations-legales-2025/records';
const ANGERS = 'epci = "Communauté urbaine Angers Loire Métropole"';
const NOWHERE = 'epci = "Nulle part"';

/** Where each state's data comes from: the emulator's faults set the state (tools/portal/portal.mjs). */
const STATES = {
  loading: () => ({src: `/portal/~latency=600000/${DATASET}`, where: ANGERS, shows: '.skeleton'}),
  data: () => ({src: `/portal/${DATASET}`, where: ANGERS, shows: 'data'}),
  empty: () => ({src: `/portal/${DATASET}`, where: NOWHERE, shows: '[part~=status], .empty, td.empty'}),
  error: () => ({src: `/portal/~status=404/${DATASET}`, where: ANGERS, shows: '[role=alert]'}),
  stale: (sequence) => ({
    src: `/portal/~seq=${sequence}/${DATASET}`,
    where: ANGERS,
    shows: '.status.stale',
    extra: 'refresh="1"',
  }),
};

/** Each element and its variants, as markup for a state's `src` and `where`. */
const ELEMENTS = {
  'odw-kpi': {
    figure: ({src, where, extra = ''}) =>
      `<odw-kpi src="${src}" where='${where}' value="sum(population)" label="Habitants" unit="hab." compare-value="300000" title="Angers Loire Métropole" ${extra}></odw-kpi>`,
  },
  'odw-chart': Object.fromEntries(
    ['column', 'bar', 'line', 'pie'].map((type) => [
      type,
      ({src, where, extra = ''}) =>
        `<odw-chart src="${src}" where='${where}' type="${type}" x="commune" y="sum(population)" sort="y" limit="8" title="Les communes les moins peuplées" ${extra}></odw-chart>`,
    ]),
  ),
  'odw-map': {
    areas: ({src, where, extra = ''}) =>
      `<odw-map src="${src}" where='${where}' shapes="/portal/files/communes-49-maine-et-loire.geojson" shapes-key="code" key="code_insee" value="sum(population)" only-matched title="Population des communes" ${extra}></odw-map>`,
    points: ({src, where, extra = ''}) =>
      `<odw-map src="${src.replace('populations-legales-2025', 'festivals-du-finistere')}" ${where === NOWHERE ? `where='domaine = "Nulle part"'` : ''} color="domaine" label="nom_de_la_manifestation" title="Festivals du Finistère" ${extra}></odw-map>`,
  },
  'odw-table': {
    communes: ({src, where, extra = ''}) =>
      `<odw-table src="${src}" where='${where}' columns="commune,code_insee,epci,population" sort="population" page-size="8" search title="Communes" ${extra}></odw-table>`,
  },
  'odw-filter': Object.fromEntries(
    [
      ['list', 'select', 'commune'],
      ['checkboxes', 'checkboxes', 'commune'],
      ['range', 'range', 'population'],
    ].map(([variant, type, field]) => [
      variant,
      ({src, where, extra = ''}) =>
        `<odw-filter src="${src}" where='${where}' field="${field}" type="${type}" label="Communes" ${extra}></odw-filter>`,
    ]),
  ),
  'odw-dashboard': {
    angers: ({src, where, extra = ''}) =>
      `<odw-dashboard title="Angers Loire Métropole" src="${src}" where='${where}' columns="3" ${extra}>
        <odw-filter field="commune" type="checkboxes" label="Communes"></odw-filter>
        <odw-kpi value="sum(population)" label="Habitants" unit="hab."></odw-kpi>
        <odw-kpi value="count()" label="Communes"></odw-kpi>
        <odw-chart type="bar" x="commune" y="sum(population)" sort="-y" limit="8" title="Les communes" span="2"></odw-chart>
        <odw-table columns="commune,population" sort="-population" page-size="5" title="Communes" span="full"></odw-table>
      </odw-dashboard>`,
  },
  'odw-builder': {
    steps: ({shows}) =>
      shows === 'data'
        ? `<odw-builder lang="fr" src="/portal/ods/explore/dataset/populations-legales-2025/table/" shapes-base="/portal/files/"></odw-builder>`
        : '',
  },
};

/** A fault sequence for a stale figure: two good answers, then the portal fails. */
async function staleSequence(origin) {
  const name = `screenshots-${Math.random().toString(36).slice(2, 10)}`;
  const faults = ['ok', 'ok', ...Array(600).fill('status=500')];
  await fetch(`${origin}/portal/__faults`, {method: 'POST', body: JSON.stringify({name, faults})});
  return name;
}

/** Whether every widget on the page shows `shows` (or its data, for 'data'). */
function shown(shows) {
  const all = (root) =>
    [...root.querySelectorAll('*')].flatMap((el) => [el, ...(el.shadowRoot ? all(el.shadowRoot) : [])]);
  const widgets = all(document).filter((el) => /^odw-(kpi|chart|map|table|filter)$/.test(el.localName));
  if (widgets.length === 0)
    return Boolean(document.querySelector('odw-builder')?.shadowRoot?.querySelector('#dataset-meta'));
  if (shows === 'data') {
    return widgets.every(
      (el) =>
        el.shadowRoot &&
        !el.shadowRoot.querySelector('.skeleton, [aria-busy="true"]') &&
        el.shadowRoot.childElementCount,
    );
  }
  return widgets.some((el) => el.shadowRoot?.querySelector(shows));
}

const server = await startDevServer({
  config: {...config, port: PORT, watch: false, open: false},
  readCliArgs: false,
  readFileConfig: false,
  logStartMessage: false,
});
const origin = `http://localhost:${PORT}`;
const browser = await puppeteer.launch({executablePath: findChromium(), args: chromiumArgs, headless: true});
const only = process.argv.slice(2);
mkdirSync(OUT, {recursive: true});
let count = 0;
try {
  for (const [element, variants] of Object.entries(ELEMENTS)) {
    if (only.length && !only.includes(element)) continue;
    for (const [variant, markupOf] of Object.entries(variants)) {
      for (const [state, source] of Object.entries(STATES)) {
        const markup = markupOf(source(state === 'stale' ? await staleSequence(origin) : undefined));
        if (!markup) continue;
        for (const width of WIDTHS) {
          const page = await browser.newPage();
          await page.setViewport({width, height: 900});
          await page.goto(`${origin}/test/visual/page.html`, {waitUntil: 'load'});
          await page.waitForFunction(() => customElements.get('odw-builder'));
          await page.evaluate((html) => (document.getElementById('widgets').innerHTML = html), markup);
          const {shows} = source('');
          try {
            await page.waitForFunction(shown, {timeout: 30_000, polling: 200}, shows);
          } catch {
            console.warn(`${element} ${variant} ${state} ${width}: never showed ${shows}`);
          }
          // Two frames for the last layout, without waiting on a clock.
          await page.evaluate(
            () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
          );
          const file = join(OUT, `${element}-${variant}-${state}-${width}.png`);
          await (await page.$('#widgets')).screenshot({path: file});
          count++;
          await page.close();
        }
      }
    }
  }
} finally {
  await browser.close();
  await server.stop();
}
console.log(`${count} screenshots in ${OUT}/`);
