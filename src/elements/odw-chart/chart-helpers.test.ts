/** What the chart's test files share (named .test.ts to stay out of the build; it holds no test of its own). */
import {waitUntil} from '@open-wc/testing';
import type {TemplateResult} from 'lit';
import './define.js';
import type {OdwChart} from './odw-chart.js';
import {mount, normalize, part, shadow} from '../../../test/helpers.js';

export const ODS_PATH = 'ods/api/explore/v2.1/catalog/datasets/populations-legales-2025/records';
export const ODS = `/portal/${ODS_PATH}`;
export const FESTIVALS = '/portal/ods/api/explore/v2.1/catalog/datasets/festivals-du-finistere/records';
export const ORLEANS = 'epci = "Orléans Métropole"';
export const SINCE_2019 = "date_debut_ancien >= date'2019-01-01'";

export async function chartOf(template: TemplateResult, width?: number): Promise<OdwChart> {
  const container = await mount(template, width);
  return container.querySelector('odw-chart')!;
}

/** Waits until the chart is drawn (an SVG with marks) or shows a message. */
export async function drawn(el: Element, timeout = 20_000): Promise<void> {
  await waitUntil(
    () => shadow(el).querySelector('.vega svg .role-mark') || part(el, 'status'),
    `${el.outerHTML} never drew`,
    {timeout},
  );
}

/** The marks of the chart: the items Vega drew for the data (not the lines joining them). */
export function marks(el: Element): Element[] {
  return [...shadow(el).querySelectorAll('.vega svg .role-mark')]
    .filter((group) => !group.closest('.mark-group.role-scope'))
    .flatMap((group) => [...group.children]);
}

export function summary(el: Element): string {
  return normalize(shadow(el).querySelector('#summary')!.textContent);
}

export async function openTable(el: Element): Promise<string[][]> {
  const toggle = shadow(el).querySelector<HTMLButtonElement>('.toggle-table')!;
  if (toggle.getAttribute('aria-expanded') !== 'true') toggle.click();
  await (el as OdwChart).updateComplete;
  const table = part(el, 'table')!;
  return [...table.querySelectorAll('tbody tr')].map((row) =>
    [...row.children].map((cell) => normalize(cell.textContent)),
  );
}

export function uniqueTag(): string {
  return `chart-${Math.random().toString(36).slice(2, 10)}`;
}

export async function requestLog(tag: string): Promise<string[]> {
  const response = await fetch(`/portal/__requests?tag=${encodeURIComponent(tag)}`);
  const {requests} = (await response.json()) as {requests: Array<{url: string}>};
  return requests.map((request) => decodeURIComponent(request.url));
}

export function axisLabels(el: Element, axis: 'x' | 'y' | 'any' = 'any'): string[] {
  return [...shadow(el).querySelectorAll('.role-axis-label text')]
    .filter(() => axis === 'any' || true)
    .map((text) => text.textContent ?? '');
}

/** A CSS colour as `[r, g, b]`, resolved by the browser. */
export function rgb(colour: string | null): number[] {
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
export function luminance(colour: string | null): number {
  const [r, g, b] = rgb(colour).map((channel) => {
    const c = channel / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function fills(el: Element): string[] {
  return marks(el).map((mark) => mark.getAttribute('fill') ?? '');
}

/** A JSON file of `rows`, served from memory. */
export function jsonFile(rows: unknown[]): string {
  const url = URL.createObjectURL(new Blob([JSON.stringify(rows)], {type: 'application/json'}));
  blobUrls.push(url);
  return url;
}
const blobUrls: string[] = [];
afterEach(() => {
  for (const url of blobUrls.splice(0)) URL.revokeObjectURL(url);
});

/** The names of the legend's buttons (an HTML list). */
export function legendNames(el: Element): string[] {
  return [...shadow(el).querySelectorAll('.legend li button')].map((button) => normalize(button.textContent));
}

/** Replaces `matchMedia('(forced-colors: active)')` by a switch the test turns. */
export function fakeForcedColors(): {set(active: boolean): void; restore(): void} {
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
