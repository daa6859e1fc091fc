/**
 * What an `odw-source` says once for all the widgets bound to it: one alert with « Réessayer »
 * when their data cannot be loaded, one notice when they show old data. Each widget keeps its
 * title and label and shows a short note in place (src/core/data-frame.ts).
 */
import {html, nothing, type TemplateResult} from 'lit';
import type {DatasetMeta} from '../../data/types.js';
import type {WidgetReport} from '../../core/data-source.js';
import {renderRetry} from '../../core/data-frame.js';
import {formatDateTime} from '../../core/format.js';
import {errorMessage, t} from '../../core/i18n.js';
import type {Lang} from '../../core/lang.js';
import {sourceText} from './odw-source.messages.js';

export type SourceStatus = {kind: 'failed'; error: unknown} | {kind: 'stale'; since: Date; offline: boolean};

/** A failure first (the first widget's); else the oldest data shown; else nothing to say. */
export function sourceStatus(reports: Iterable<WidgetReport>): SourceStatus | undefined {
  let stale: SourceStatus | undefined;
  for (const report of reports) {
    if (report.error !== undefined) return {kind: 'failed', error: report.error};
    if (report.stale && (!stale || (stale.kind === 'stale' && report.stale.since < stale.since))) {
      stale = {kind: 'stale', ...report.stale};
    }
  }
  return stale;
}

/** The dataset's name for a reader: its title once known, else the last named part of its URL. */
export function datasetName(meta: DatasetMeta | undefined, src: string | undefined): string {
  const title = meta?.title?.trim();
  if (title) return title;
  try {
    const url = new URL(src ?? '', document.baseURI);
    const named = /\/datasets\/([^/]+)/.exec(url.pathname)?.[1];
    const last = url.pathname.split('/').filter(Boolean).pop();
    return decodeURIComponent(named ?? last?.replace(/\.[a-z]+$/i, '') ?? url.host);
  } catch {
    return src ?? '';
  }
}

export function renderSourceStatus(
  status: SourceStatus | undefined,
  name: string,
  lang: Lang,
  retry: () => void,
): TemplateResult | typeof nothing {
  if (!status) return nothing;
  if (status.kind === 'failed') {
    return html`<div class="status error" part="status" role="alert">
      <p>${sourceText(lang, 'source.failed', {name})} ${errorMessage(status.error, lang)}</p>
      ${renderRetry(lang, retry)}
    </div>`;
  }
  const date = formatDateTime(status.since, lang);
  const notice = t(lang, status.offline ? 'offline.notice' : 'stale.notice', {date});
  return html`<div class="status stale" part="status" role="status">
    <p>${sourceText(lang, 'source.stale', {name, notice})}</p>
    ${renderRetry(lang, retry)}
  </div>`;
}

/** Whether `node` is `container` or inside it, shadow roots crossed. */
export function composedContains(container: Element, node: Node): boolean {
  let current: Node | null = node;
  while (current) {
    if (current === container) return true;
    current = current instanceof ShadowRoot ? current.host : current.parentNode;
  }
  return false;
}

/** The first of `elements` in document order (among those of one root; else the first given). */
export function firstInDocument<E extends Element>(elements: Iterable<E>): E | undefined {
  let first: E | undefined;
  for (const element of elements) {
    const precedes =
      first?.getRootNode() === element.getRootNode() &&
      Boolean(first.compareDocumentPosition(element) & Node.DOCUMENT_POSITION_PRECEDING);
    if (!first || precedes) first = element;
  }
  return first;
}

/** What a source of the same dataset is asked to do when it speaks for the others. */
export interface DatasetSource extends Element {
  requestUpdate(): void;
  reload(): void;
}

/**
 * The sources whose data is failing, by dataset: several sources of one dataset (one per commune,
 * say) fail together, and the first of them in the document speaks for all, with one « Réessayer »
 * that reloads them all.
 */
const failingByDataset = new Map<string, Set<DatasetSource>>();

/** The key of a source's dataset: its absolute address. */
export function datasetKey(src: string | undefined): string {
  try {
    return new URL(src ?? '', document.baseURI).href;
  } catch {
    return src ?? '';
  }
}

/** Marks `source` as failing (or not) for `dataset`; the others of that dataset update if it changed. */
export function setFailing(source: DatasetSource, dataset: string, failing: boolean): void {
  const sources = failingByDataset.get(dataset) ?? new Set<DatasetSource>();
  if (sources.has(source) === failing) return;
  if (failing) sources.add(source);
  else sources.delete(source);
  if (sources.size) failingByDataset.set(dataset, sources);
  else failingByDataset.delete(dataset);
  for (const other of sources) if (other !== source) other.requestUpdate();
}

/** The sources of `dataset` failing now. */
export function failingSources(dataset: string): DatasetSource[] {
  return [...(failingByDataset.get(dataset) ?? [])];
}
