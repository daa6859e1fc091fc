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

interface RegionHost extends ReactiveControllerHost, Element {}

const hosts = new Set<RegionHost>();
/** The widget drawing the region now. */
let current: RegionHost | undefined;
let pending: string[] = [];
let timer: ReturnType<typeof setTimeout> | undefined;
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

/** Reports what changed; said with the other reports of the same change. */
export function announce(text: string): void {
  const trimmed = text.trim();
  if (!trimmed || pending.includes(trimmed)) return;
  pending.push(trimmed);
  clearTimeout(timer);
  timer = setTimeout(speak, ANNOUNCE_DELAY);
}

function speak(): void {
  timer = undefined;
  spoken = pending.join(' — ');
  pending = [];
  regionHost()?.requestUpdate();
}
