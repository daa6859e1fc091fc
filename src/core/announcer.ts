/**
 * One polite live region per page for what changes after a filter: « Filtre Commune : Olivet —
 * Habitants : 22 150 — Tableau Communes : lignes 1 à 5 sur 5 ». Widgets report; the reports of one
 * change are gathered and said at once, never as a burst of separate messages and never twice.
 *
 * The region itself is drawn by a widget (src/core/live-region.ts). This module loads with what
 * makes news: a source's binding (src/core/source-binding-controller.ts) and a filter; a key
 * figure given `src` never downloads it.
 */
import {speakInRegion} from './live-region.js';

/** Quiet time after the last report before the gathered reports are said. */
export const ANNOUNCE_DELAY = 600;
/** Longest wait for the widgets a change concerns: then what is known is said (never silence). */
export const ANNOUNCE_MAX_WAIT = 8_000;

let pending: string[] = [];
let timer: ReturnType<typeof setTimeout> | undefined;
/** The widgets whose news of the current change is still to come. */
const awaited = new Set<object>();
/** When the first report of the current change came. */
let firstReportAt = 0;

/** `from` will report the outcome of the current change (its data is loading again). */
export function expectNews(from: object): void {
  awaited.add(from);
}

/** `from` has nothing to report after all (its load failed: the error says it). */
export function dropNews(from: object): void {
  if (awaited.delete(from)) schedule();
}

/** Reports what changed; said with the other reports of the same change. */
export function announce(text: string, from?: object): void {
  if (from) awaited.delete(from);
  const trimmed = text.trim();
  if (trimmed && !pending.includes(trimmed)) {
    if (pending.length === 0) firstReportAt = Date.now();
    pending.push(trimmed);
  }
  schedule();
}

function schedule(): void {
  if (pending.length === 0) return;
  clearTimeout(timer);
  timer = setTimeout(speak, ANNOUNCE_DELAY);
}

function speak(): void {
  timer = undefined;
  // The change's other widgets are still loading: their news joins this message.
  if (awaited.size && Date.now() - firstReportAt < ANNOUNCE_MAX_WAIT) {
    timer = setTimeout(speak, ANNOUNCE_DELAY);
    return;
  }
  awaited.clear();
  const text = pending.join(' — ');
  pending = [];
  speakInRegion(text);
}
