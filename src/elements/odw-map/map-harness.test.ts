/** What the map's tests share: the emulator's datasets, mounting a map, reading and driving it. */
import {expect, waitUntil} from '@open-wc/testing';
import {html, type TemplateResult} from 'lit';
import {requestSettings} from '../../data/index.js';
import {mount as mountAt, normalize, part, shadow} from '../../../test/helpers.js';
import './define.js';
import {PLAN_IGN, TILE_PRESETS, type OdwMap} from './odw-map.js';

export {normalize, part, shadow};

/** Renders `template` in a container 640 pixels wide (or `width`). */
export function mount(template: TemplateResult, width = 640): Promise<HTMLElement> {
  return mountAt(template, width);
}

export const POPULATIONS = '/portal/ods/api/explore/v2.1/catalog/datasets/populations-legales-2025/records';
export const PARIS = '/portal/ods/api/explore/v2.1/catalog/datasets/paris-stationnement/records';
export const FESTIVALS = '/portal/ods/api/explore/v2.1/catalog/datasets/festivals-du-finistere/records';
export const LOIRET = '/portal/files/communes-45-loiret.geojson';
export const DEPARTEMENTS = '/portal/files/departements.geojson';
export const ORLEANS = 'epci = "Orléans Métropole"';

/** The population of the 22 communes of Orléans Métropole over the Loiret's outlines. */
export const orleansMap = (extra: TemplateResult | string = '', attributes: {onlyMatched?: boolean} = {}) =>
  html`<odw-map
    src=${POPULATIONS}
    where=${ORLEANS}
    shapes=${LOIRET}
    shapes-key="code"
    key="code_insee"
    value="sum(population)"
    title="Population 2025"
    ?only-matched=${attributes.onlyMatched ?? false}
    >${extra}</odw-map
  >`;

/** The emulator's stand-in for the Plan IGN (tools/portal/tiles.mjs): no request leaves the machine. */
export const OFFLINE_PLAN = {
  url: '/portal/tiles/{z}/{x}/{y}.svg',
  attribution: 'Fond de test (contours IGN Admin Express)',
  link: 'https://geoservices.ign.fr/adminexpress',
};

/**
 * Real requests to the emulator (thousands of records for Paris) on a machine shared with other
 * runs: a generous timeout, the request layer's retries made quick, and the basemap offline.
 */
export function mapSuite(suite: Mocha.Suite): void {
  suite.timeout(40_000);
  const saved = {...requestSettings};
  beforeEach(() => {
    Object.assign(requestSettings, {baseDelay: 5, maxDelay: 20});
    TILE_PRESETS.ign = OFFLINE_PLAN;
  });
  afterEach(() => {
    Object.assign(requestSettings, saved);
    TILE_PRESETS.ign = PLAN_IGN;
  });
}

/** Waits until the map is drawn (or shows a message). */
export async function drawn(el: OdwMap, timeout = 20_000): Promise<void> {
  await waitUntil(
    () => (el.mapView && shadow(el).querySelector('svg.map-svg')) || part(el, 'status'),
    `${el.outerHTML} never drew`,
    {timeout},
  );
  await el.updateComplete;
}

export async function mountMap(template: TemplateResult, width = 640): Promise<OdwMap> {
  const container = await mountAt(template, width);
  const map = container.querySelector('odw-map')!;
  await drawn(map);
  return map;
}

export function areas(el: Element): SVGPathElement[] {
  return [...shadow(el).querySelectorAll<SVGPathElement>('path.area')];
}

export function area(el: Element, key: string): SVGPathElement {
  const found = shadow(el).querySelector<SVGPathElement>(`path.area[data-key="${key}"]`);
  expect(found, `area ${key}`).to.not.equal(null);
  return found!;
}

/** Opens « Voir les données » and reads its table, header row first. */
export async function openTable(el: OdwMap): Promise<string[][]> {
  const toggle = shadow(el).querySelector<HTMLButtonElement>('.toggle-table')!;
  if (toggle.getAttribute('aria-expanded') !== 'true') toggle.click();
  await waitUntil(() => part(el, 'table'), 'table', {timeout: 10_000});
  return [...part(el, 'table')!.querySelectorAll('tr')].map((row) =>
    [...row.children].map((cell) => normalize(cell.textContent)),
  );
}

export function mapOf(el: Element): HTMLElement {
  return part(el, 'map') as HTMLElement;
}

export function press(el: Element, key: string, target: Element = mapOf(el)): void {
  target.dispatchEvent(new KeyboardEvent('keydown', {key, bubbles: true, composed: true, cancelable: true}));
}

export function click(target: Element): void {
  target.dispatchEvent(new MouseEvent('click', {bubbles: true, composed: true, cancelable: true}));
}

export function legendItems(el: Element): string[] {
  return [...(part(el, 'legend')?.querySelectorAll('li') ?? [])].map((item) => normalize(item.textContent));
}

export function blobUrl(json: unknown): string {
  return URL.createObjectURL(new Blob([JSON.stringify(json)], {type: 'application/json'}));
}

export function pointsTotal(el: OdwMap): number {
  return el.mapView!.drawnItems.reduce((sum, item) => sum + item.count, 0);
}

/** The element focused inside the map's shadow root. */
export function focused(el: Element): Element | null {
  return shadow(el).activeElement;
}

/** Captures console.warn while `run` runs. */
export async function warnings(run: () => Promise<void>): Promise<string[]> {
  const saved = console.warn;
  const messages: string[] = [];
  console.warn = (...args: unknown[]) => messages.push(args.map(String).join(' '));
  try {
    await run();
  } finally {
    console.warn = saved;
  }
  return messages;
}

export const XSS = '<img src=x onerror="window.__odwMapXss=1">';

/** Two points, the first named with markup that would run if it were inserted as HTML. */
export function xssPoints(): string {
  return blobUrl({
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        geometry: {type: 'Point', coordinates: [1.909, 47.902]},
        properties: {nom: XSS, capacite: 12},
      },
      {
        type: 'Feature',
        geometry: {type: 'Point', coordinates: [2.35, 48.85]},
        properties: {nom: 'Paris', capacite: 3},
      },
    ],
  });
}
