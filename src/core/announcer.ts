/**
 * One polite live region per page for what changes after a filter: « Filtre Commune : Olivet —
 * Habitants : 22 150 — Tableau Communes : lignes 1 à 5 sur 5 ». Widgets report; the reports of one
 * change are gathered and said at once, never as a burst of separate messages and never twice.
 *
 * The region lives in the shadow root of one connected widget (the first one still in the page),
 * whose stylesheet already hides it visually: no style is added to the page, which a strict CSP
 * would forbid.
 */
import type {ReactiveControllerHost} from 'lit';

/** Quiet time after the last report before the gathered reports are said. */
export const ANNOUNCE_DELAY = 600;
/** Longest wait for the widgets a change concerns: then what is known is said (never silence). */
export const ANNOUNCE_MAX_WAIT = 8_000;

interface RegionHost extends ReactiveControllerHost, Element {}

const hosts = new Set<RegionHost>();
/** The widget drawing the region now. */
let current: RegionHost | undefined;
let pending: string[] = [];
let timer: ReturnType<typeof setTimeout> | undefined;
/** The widgets whose news of the current change is still to come. */
const awaited = new Set<object>();
/** When the first report of the current change came. */
let firstReportAt = 0;
/** What the region says now. */
let spoken = '';

/** The widget whose shadow root holds the region: the current one while connected, else the first. */
function regionHost(): RegionHost | undefined {
  if (!current?.isConnected) current = [...hosts].find((host) => host.isConnected);
  return current;
}

/** A widget that can hold the region joins (on connect) or leaves (on disconnect). */
export function joinAnnouncer(host: RegionHost): void {
  hosts.add(host);
}

export function leaveAnnouncer(host: RegionHost): void {
  hosts.delete(host);
  if (current !== host) return;
  current = undefined;
  regionHost()?.requestUpdate();
}

/** Whether `host` draws the region, and its text. */
export function announcerText(host: RegionHost): string | undefined {
  return regionHost() === host ? spoken : undefined;
}

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
  spoken = pending.join(' — ');
  pending = [];
  regionHost()?.requestUpdate();
}
