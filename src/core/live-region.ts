/**
 * Where the page's one polite live region is drawn (src/core/announcer.ts says what goes in it):
 * in the shadow root of one connected widget, the first one still in the page, whose stylesheet
 * already hides it visually. No style is added to the page, which a strict CSP would forbid. The
 * gathering of news is not here: it loads with what makes news (a source's binding, a filter).
 */
import type {ReactiveControllerHost} from 'lit';

export interface RegionHost extends ReactiveControllerHost, Element {}

const hosts = new Set<RegionHost>();
/** The widget drawing the region now. */
let current: RegionHost | undefined;
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

/** Says `text` in the region. */
export function speakInRegion(text: string): void {
  spoken = text;
  regionHost()?.requestUpdate();
}
