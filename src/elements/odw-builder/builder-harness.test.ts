/**
 * What the builder's element tests share: a builder on the local portal emulator, its controls
 * driven as a user would, the code it copies and a blank page holding it, and a keyboard walk.
 */
import {expect, html, waitUntil} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import './define.js';
import type {OdwBuilder} from './odw-builder.js';
import {requestSettings} from '../../data/index.js';
import {mount, normalize, shadow} from '../../../test/helpers.js';

export const ODS_PAGE = '/portal/ods/explore/dataset/populations-legales-2025/table/';
export const ODS_RECORDS = '/portal/ods/api/explore/v2.1/catalog/datasets/populations-legales-2025/records';
export const FESTIVALS = '/portal/ods/explore/dataset/festivals-du-finistere/';
export const PARKINGS = '/portal/ods/explore/dataset/paris-stationnement/';
export const SCRIPT = '/src/autoloader.ts';

export async function builder(src?: string, lang?: string): Promise<OdwBuilder> {
  const container = await mount(
    html`<odw-builder
      src=${src ?? ''}
      lang=${lang ?? 'fr'}
      script-src=${SCRIPT}
      shapes-base="/portal/files/"
      tabular-api="/portal/tabular/api/"
    ></odw-builder>`,
  );
  return container.querySelector('odw-builder')!;
}

export function $(el: OdwBuilder, selector: string): HTMLElement | null {
  return shadow(el).querySelector<HTMLElement>(selector);
}

export function text(el: OdwBuilder, selector: string): string {
  return normalize($(el, selector)?.textContent);
}

export async function datasetShown(el: OdwBuilder): Promise<void> {
  await waitUntil(() => $(el, '#dataset-meta') || $(el, '#load-error'), 'dataset or error', {
    timeout: 20_000,
  });
  expect($(el, '#load-error'), text(el, '#load-error')).to.equal(null);
}

export async function typeAddress(el: OdwBuilder, url: string, search = ''): Promise<void> {
  const input = $(el, '#url') as HTMLInputElement;
  input.value = url;
  input.dispatchEvent(new Event('input'));
  const words = $(el, '#search') as HTMLInputElement;
  words.value = search;
  words.dispatchEvent(new Event('input'));
  await el.updateComplete;
  ($(el, '#load') as HTMLButtonElement).click();
  await el.updateComplete;
}

export async function choose(el: OdwBuilder, selector: string): Promise<void> {
  const input = $(el, selector) as HTMLInputElement;
  expect(input, selector).to.not.equal(null);
  input.checked = true;
  input.dispatchEvent(new Event('change'));
  await el.updateComplete;
}

export async function select(el: OdwBuilder, selector: string, value: string): Promise<void> {
  const control = $(el, selector) as HTMLSelectElement | HTMLInputElement;
  control.value = value;
  control.dispatchEvent(new Event('change'));
  await el.updateComplete;
}

export async function next(el: OdwBuilder): Promise<void> {
  ($(el, '#next') as HTMLButtonElement).click();
  await el.updateComplete;
}

/** The code the Copy button puts on the clipboard (the clipboard stubbed to keep it). */
export async function copiedCode(el: OdwBuilder): Promise<string> {
  const copies: string[] = [];
  const clipboard = navigator.clipboard;
  Object.defineProperty(navigator, 'clipboard', {
    configurable: true,
    value: {writeText: async (value: string) => void copies.push(value)},
  });
  try {
    ($(el, '#copy') as HTMLButtonElement).click();
    await waitUntil(
      () => text(el, '#status') === 'Code copié' || text(el, '#status') === 'Code copied',
      'announced',
    );
  } finally {
    Object.defineProperty(navigator, 'clipboard', {configurable: true, value: clipboard});
  }
  expect(copies).to.have.length(1);
  return copies[0];
}

// Retries of the failure tests without waiting seconds: for every test of a file importing this.
const savedSettings = {...requestSettings};
beforeEach(() => Object.assign(requestSettings, {baseDelay: 5, maxDelay: 20}));
afterEach(() => Object.assign(requestSettings, savedSettings));

const frames: HTMLIFrameElement[] = [];
afterEach(() => {
  for (const frame of frames.splice(0)) frame.remove();
});

/** A blank page holding only the pasted code (the script tag loads the library from source). */
export async function pasted(code: string): Promise<Document> {
  const frame = document.createElement('iframe');
  frame.width = '1000';
  frame.height = '800';
  frames.push(frame);
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, {once: true}));
  frame.srcdoc = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Page</title></head><body>${code}</body></html>`;
  document.body.append(frame);
  await loaded;
  return frame.contentDocument!;
}

/** The first element `selector` finds in a document or in the shadow roots inside it. */
export function deepQuery(root: Document | ShadowRoot, selector: string): Element | null {
  const found = root.querySelector(selector);
  if (found) return found;
  for (const host of root.querySelectorAll('*')) {
    const inner = host.shadowRoot ? deepQuery(host.shadowRoot, selector) : null;
    if (inner) return inner;
  }
  return null;
}

export function partOf(widget: Element, name: string): string {
  return normalize(widget.shadowRoot?.querySelector(`[part~="${name}"]`)?.textContent);
}

export function previewed(el: OdwBuilder, tag: string): HTMLElement {
  return $(el, `#preview-frame ${tag}`)!;
}

/** The focused element, inside shadow roots. */
export function deepActive(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/**
 * Tabs from the control `from` of the builder until the one `until` matches: the id (or tag) of
 * each stop. Fails if focus ever reaches the page body.
 */
export async function tabWalk(el: OdwBuilder, from: string, until: string, most = 80): Promise<string[]> {
  $(el, from)!.focus();
  const stops: string[] = [];
  for (let press = 0; press < most; press++) {
    await sendKeys({press: 'Tab'});
    const active = deepActive();
    expect(active, `Tab ${press + 1}: focus on the page body`).to.not.equal(document.body);
    const name = active?.id ? `#${active.id}` : (active?.localName ?? '');
    stops.push(name);
    if (active?.matches(until)) return stops;
  }
  throw new Error(`${until} not reached in ${most} Tabs: ${stops.join(' ')}`);
}
