import {expect, waitUntil} from '@open-wc/testing';

import {errorText, shadow} from '../helpers.js';

export {drawn, errorText, normalize, shadow, sleep, uniqueTag} from '../helpers.js';

/** Helpers shared by the hardening suite. */

export const PORTAL = '/portal';
export const POPULATIONS = 'ods/api/explore/v2.1/catalog/datasets/populations-legales-2025/records';
export const ORLEANS = 'epci = "Orléans Métropole"';
/** The global every payload of the XSS fixtures sets if it ever runs. */
export const XSS_FLAG = '__odwHardeningXss';

export function part(el: Element, name: string): Element | null {
  return el.shadowRoot?.querySelector(`[part~="${name}"]`) ?? null;
}

export function click(target: Element, init: MouseEventInit = {}): void {
  target.dispatchEvent(new MouseEvent('click', {bubbles: true, composed: true, cancelable: true, ...init}));
}

/** The marks of a chart, one element per bar, slice or point. */
export function marks(el: Element): Element[] {
  return [...shadow(el).querySelectorAll('.vega svg .role-mark')]
    .filter((group) => !group.closest('.mark-group.role-scope'))
    .flatMap((group) => [...group.children]);
}

/** Moves the pointer over `target`, as Vega listens for it (pointer and mouse events). */
export function hover(target: Element): void {
  const win = target.ownerDocument.defaultView!;
  const box = target.getBoundingClientRect();
  const init = {
    bubbles: true,
    composed: true,
    clientX: box.left + box.width / 2,
    clientY: box.top + box.height / 2,
  };
  for (const type of ['pointerover', 'pointermove']) target.dispatchEvent(new win.PointerEvent(type, init));
  for (const type of ['mouseover', 'mousemove']) target.dispatchEvent(new win.MouseEvent(type, init));
}

/** Waits until `widget` shows an error message, and returns it. */
export async function failed(widget: Element, timeout = 30_000): Promise<string> {
  await waitUntil(() => errorText(widget), `${widget.localName}#${widget.id} never showed an error`, {
    timeout,
  });
  return errorText(widget);
}

/** Every shadow root under `root`, nested ones included. */
export function shadowRoots(root: Document | ShadowRoot | Element): ShadowRoot[] {
  const found: ShadowRoot[] = [];
  const visit = (node: Document | ShadowRoot | Element) => {
    for (const el of node.querySelectorAll('*')) {
      if (el.shadowRoot) {
        found.push(el.shadowRoot);
        visit(el.shadowRoot);
      }
    }
  };
  if (root instanceof Element && root.shadowRoot) {
    found.push(root.shadowRoot);
    visit(root.shadowRoot);
  }
  visit(root);
  return found;
}

/** Collects the page's uncaught errors and unhandled rejections while a test runs. */
export function watchErrors(win: Window = window): {errors: string[]; stop: () => void} {
  const errors: string[] = [];
  const onError = (event: ErrorEvent) => errors.push(`error: ${event.message}`);
  const onRejection = (event: PromiseRejectionEvent) =>
    errors.push(`unhandledrejection: ${String(event.reason)}`);
  win.addEventListener('error', onError);
  win.addEventListener('unhandledrejection', onRejection);
  return {
    errors,
    stop() {
      win.removeEventListener('error', onError);
      win.removeEventListener('unhandledrejection', onRejection);
    },
  };
}

export interface LoggedRequest {
  method: string;
  url: string;
  time: number;
}

/** The emulator's log of the requests tagged `tag`. */
export async function requestsTagged(tag: string): Promise<LoggedRequest[]> {
  const response = await fetch(`${PORTAL}/__requests?tag=${encodeURIComponent(tag)}`);
  return ((await response.json()) as {requests: LoggedRequest[]}).requests;
}

/** Sets a named fault sequence consumed by `~seq=<name>`. */
export async function setSequence(name: string, faults: string[]): Promise<void> {
  const response = await fetch(`${PORTAL}/__faults`, {
    method: 'POST',
    headers: {'Content-Type': 'application/json'},
    body: JSON.stringify({name, faults}),
  });
  expect(response.status).to.equal(200);
}

const frames: HTMLIFrameElement[] = [];

/** Loads a page in an iframe; the frames are removed by `removeFrames()`. */
export async function openPage(path: string): Promise<Window> {
  const frame = document.createElement('iframe');
  frame.width = '1200';
  frame.height = '900';
  frames.push(frame);
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, {once: true}));
  frame.src = path;
  document.body.append(frame);
  await loaded;
  return frame.contentWindow!;
}

export function removeFrames(): void {
  for (const frame of frames.splice(0)) frame.remove();
}
