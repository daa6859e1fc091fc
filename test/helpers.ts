/** What the element tests share: mounting templates, reading shadow DOM, and the emulator's logs. */
import {expect, waitUntil} from '@open-wc/testing';
import FakeTimers, {type InstalledClock} from '@sinonjs/fake-timers';
import {render, type ReactiveElement, type TemplateResult} from 'lit';

/** Text with no-break spaces made plain and runs of white space folded, for comparisons. */
export function normalize(text: string | null | undefined): string {
  return (text ?? '')
    .replace(/[\u00a0\u202f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function shadow(el: Element): ShadowRoot {
  return el.shadowRoot!;
}

/** The first element of `el`'s shadow root with the `part` `name`. */
export function part(el: Element, name: string): Element | null {
  return shadow(el).querySelector(`[part~="${name}"]`);
}

/** Elements and containers removed from the page after each test. */
export const mounted: HTMLElement[] = [];

/**
 * Renders `template` in a container added to the page (`width` in pixels when given). Unlike
 * `fixture()`, whose plain-element roots wait for an animation frame, this never hangs on a frame.
 */
export async function mount(template: TemplateResult, width?: number): Promise<HTMLElement> {
  const container = document.createElement('div');
  if (width !== undefined) container.style.width = `${width}px`;
  render(template, container);
  document.body.append(container);
  mounted.push(container);
  await Promise.all(
    [...container.querySelectorAll('*')].map((el) => (el as Partial<ReactiveElement>).updateComplete),
  );
  return container;
}

afterEach(() => {
  for (const container of mounted.splice(0)) container.remove();
});

/** A name no other test uses: for `~tag=` request logs and `~seq=` fault sequences. */
export function uniqueTag(prefix = 'test'): string {
  return `${prefix}-${Math.random().toString(36).slice(2, 10)}`;
}

/** The URLs the emulator received through `~tag=<tag>`, as sent. */
export async function requestLog(tag: string): Promise<string[]> {
  const response = await fetch(`/portal/__requests?tag=${encodeURIComponent(tag)}`);
  const {requests} = (await response.json()) as {requests: Array<{url: string}>};
  return requests.map((request) => request.url);
}

/** Registers a fault sequence: each request through `~seq=<name>` takes the next fault, then "ok". */
export async function faultSequence(faults: string[], name = uniqueTag('seq')): Promise<string> {
  const response = await fetch('/portal/__faults', {method: 'POST', body: JSON.stringify({name, faults})});
  expect(response.ok, 'the emulator accepted the fault sequence').to.equal(true);
  return name;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Stands in for the browser's Fullscreen API (headless Chromium refuses it): `requestFullscreen` on
 * `el` and `document.exitFullscreen` are recorded in `calls` and announce the change as a browser
 * would. `restore()` puts the real API back.
 */
export function fakeFullscreen(el: HTMLElement, enabled = true) {
  let fullscreenElement: Element | null = null;
  const calls: string[] = [];
  const announce = (element: Element | null) => {
    fullscreenElement = element;
    document.dispatchEvent(new Event('fullscreenchange'));
  };
  Object.defineProperty(document, 'fullscreenElement', {configurable: true, get: () => fullscreenElement});
  Object.defineProperty(document, 'fullscreenEnabled', {configurable: true, get: () => enabled});
  document.exitFullscreen = async () => {
    calls.push('exit');
    announce(null);
  };
  el.requestFullscreen = async () => {
    calls.push('request');
    announce(el);
  };
  return {
    calls,
    restore() {
      delete (document as {fullscreenElement?: unknown}).fullscreenElement;
      delete (document as {fullscreenEnabled?: unknown}).fullscreenEnabled;
      delete (document as {exitFullscreen?: unknown}).exitFullscreen;
    },
  };
}

const frames: HTMLIFrameElement[] = [];

afterEach(() => {
  for (const frame of frames.splice(0)) frame.remove();
});

/** Loads `path` in a `width` × `height` iframe, removed after the test; resolves once it has loaded. */
export async function loadFrame(path: string, width = 1200, height = 900): Promise<HTMLIFrameElement> {
  const frame = document.createElement('iframe');
  frame.width = String(width);
  frame.height = String(height);
  frames.push(frame);
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, {once: true}));
  frame.src = path;
  document.body.append(frame);
  await loaded;
  return frame;
}

/** Loads a demo page in a 1200 × 900 iframe, as a visitor would, once its element `tag` is defined. */
export async function openPage(path: string, tag: string): Promise<Document> {
  const page = (await loadFrame(path)).contentDocument!;
  await waitUntil(() => page.defaultView!.customElements.get(tag), `${path}: ${tag} defined`, {
    timeout: 20_000,
  });
  return page;
}

/** A page loaded by `watchPage`, with what went wrong on it. */
export interface WatchedPage {
  document: Document;
  /** CSP violations, uncaught errors, failed promises and console errors of the page, in order. */
  problems: string[];
  /** Whether `tag` was already defined when listening started (then something may have escaped). */
  definedEarly: boolean;
}

/**
 * Loads `path` in an iframe and listens to its window as soon as the page replaces the empty
 * document, before its widgets' modules run; answers once the element `tag` is defined.
 */
export async function watchPage(path: string, tag: string, width = 1200, height = 900): Promise<WatchedPage> {
  const frame = document.createElement('iframe');
  frame.width = String(width);
  frame.height = String(height);
  frames.push(frame);
  frame.src = path;
  document.body.append(frame);
  while (!frame.contentDocument?.URL.endsWith(path)) await new Promise((resolve) => setTimeout(resolve));
  const win = frame.contentWindow as Window & typeof globalThis;
  const definedEarly = win.customElements.get(tag) !== undefined;
  const problems: string[] = [];
  win.addEventListener('securitypolicyviolation', (event) =>
    problems.push(`CSP ${event.violatedDirective}: ${event.blockedURI} ${event.sample}`),
  );
  win.addEventListener('error', (event) =>
    problems.push(`error: ${event.message} ${String(event.filename)}`),
  );
  win.addEventListener('unhandledrejection', (event) => problems.push(`rejection: ${String(event.reason)}`));
  const consoleError = win.console.error;
  win.console.error = (...args: unknown[]) => {
    problems.push(`console.error: ${args.map(String).join(' ')}`);
    consoleError.apply(win.console, args);
  };
  await waitUntil(() => win.customElements.get(tag), `${path}: ${tag} defined`, {timeout: 30_000});
  return {document: frame.contentDocument!, problems, definedEarly};
}

/** What shows that a widget has drawn its data. */
const DRAWN: Record<string, string> = {
  'odw-kpi': '[part~=value]',
  'odw-chart': '.vega svg .role-mark',
  'odw-map': 'svg.map-svg path, svg.map-svg g.point, canvas',
  'odw-table': 'tbody tr',
  'odw-filter': '[part~=control]',
};

/** The text of the widget's error message, '' when there is none. */
export function errorText(widget: Element): string {
  return normalize(widget.shadowRoot?.querySelector('.status.error')?.textContent);
}

/** Whether `widget` shows its data or an error: it has settled. */
export function settledWidget(widget: Element): boolean {
  return Boolean(widget.shadowRoot?.querySelector(DRAWN[widget.localName]) || errorText(widget));
}

/** Waits until `widget` shows its data, and fails if it shows an error instead. */
export async function drawn(widget: Element, timeout = 30_000): Promise<void> {
  await waitUntil(() => settledWidget(widget), `${widget.localName}#${widget.id} never drew`, {timeout});
  expect(errorText(widget), `${widget.localName}#${widget.id} error`).to.equal('');
}

/** The browser's own `setTimeout`, which no fake clock replaces. */
const browserSetTimeout = FakeTimers.timers.setTimeout.bind(globalThis);

/**
 * `waitUntil` for a test whose page timers are on a fake clock (`waitUntil` polls with the page's
 * `setTimeout`): checks `condition` every 20 ms of the browser's own time, which the network
 * answers in, and lets `step` ms of fake time pass between checks (0: the page's timers wait).
 */
export async function untilOnClock(
  clock: InstalledClock,
  condition: () => unknown,
  message: string,
  {step = 0, timeout = 30_000} = {},
): Promise<void> {
  const deadline = performance.now() + timeout;
  while (!(await condition())) {
    if (performance.now() > deadline) throw new Error(`Timeout: ${message}`);
    await new Promise((resolve) => browserSetTimeout(resolve, 20));
    await clock.tickAsync(step);
  }
}

/**
 * The page's requests whose decoded URL holds `text`, as they leave (`fetch` is wrapped until
 * `stop()`): `pending()` counts those not yet settled, body read included, so that a test waits on
 * the network rather than for a while; `ok` marks those answered in full with success.
 */
export function watchFetches(text: string) {
  const realFetch = window.fetch;
  const calls: Array<{url: string; settled: boolean; ok: boolean}> = [];
  window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    const url = input instanceof Request ? input.url : String(input);
    const answer = realFetch(input, init);
    if (!decodeURIComponent(url).includes(text)) return answer;
    const call = {url, settled: false, ok: false};
    calls.push(call);
    // Answered once its body is read: an attempt cut mid-body (timed out under load) is retried.
    const body = answer.then((response) =>
      response
        .clone()
        .text()
        .then((text) => ((call.ok = response.ok), text)),
    );
    const settle = () => (call.settled = true);
    void body.then(settle, settle);
    return body.then(() => answer);
  };
  return {
    calls,
    pending: () => calls.filter((call) => !call.settled).length,
    stop: () => (window.fetch = realFetch),
  };
}
