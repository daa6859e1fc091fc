/**
 * The frame every data widget draws around its data: the heading, the text alternative, the body
 * in its state (placeholder, data, empty, error with « Réessayer », stale notice) and the
 * attribution footer. Pure rendering: the state comes from src/core/data-task-controller.ts.
 *
 * A widget bound to an `odw-source` (`shared`) leaves its failures and stale notices to the
 * source, which says them once for all its widgets (src/elements/odw-source/source-status.ts):
 * the widget keeps its title and label and shows a short note in place, without « Réessayer ».
 */
import {html, nothing, type TemplateResult} from 'lit';
import type {DatasetMeta} from '../data/types.js';
import type {DataView, LoadedState} from './data-task-controller.js';
import {isRetryable} from './errors.js';
import {formatDateTime, formatShortDate, toDate} from './format.js';
import {errorMessage, t} from './i18n.js';
import type {Lang} from './lang.js';
import type {SharedNotes} from './source-link.js';
import {safeLinkUrl} from './url.js';

export interface FrameContent<D> {
  lang: Lang;
  title?: string;
  description?: string;
  headingLevel?: number;
  noAttribution: boolean;
  /**
   * Given when the widget's bound source says its failures and stale notices (one alert for all
   * its widgets): the notes the widget shows in place (src/core/source-binding-controller.ts).
   */
  shared?: SharedNotes;
  /** The widget's own label (a key figure's, a control's), kept in the error state. */
  label?: string;
  view: DataView<D>;
  renderData: (data: D) => unknown;
  isEmpty: (data: D) => boolean;
  renderPlaceholder: () => TemplateResult;
  retry: () => void;
}

export function renderFrame<D>(content: FrameContent<D>): TemplateResult {
  const {lang, view} = content;
  const title = content.title?.trim();
  const described = Boolean(content.description?.trim());
  const {body, meta, busy} = renderBody(content);
  const level = Math.round(Number(content.headingLevel));
  // title="" stops the host's `title` attribute from showing as a tooltip over the whole widget.
  return html`<div
    class="widget"
    part="base"
    title=""
    role=${title ? 'group' : nothing}
    aria-labelledby=${title ? 'title' : nothing}
  >
    ${
      title
        ? html`<div
            id="title"
            class="title"
            part="title"
            role="heading"
            aria-level=${String(level >= 1 && level <= 6 ? level : 3)}
          >
            ${content.title}
          </div>`
        : nothing
    }
    ${
      described
        ? html`<p id="description" class="visually-hidden" part="description">${content.description}</p>`
        : nothing
    }
    <div class="body" part="body" tabindex="-1" aria-busy=${busy ? 'true' : 'false'}>${body}</div>
    ${meta && !content.noAttribution && view.kind === 'data' ? renderFooter(meta, lang) : nothing}
  </div>`;
}

function renderBody<D>(content: FrameContent<D>): {body: unknown; meta?: DatasetMeta; busy: boolean} {
  const {view, lang} = content;
  switch (view.kind) {
    case 'placeholder':
      return {body: content.renderPlaceholder(), busy: true};
    case 'error': {
      const label = content.label?.trim()
        ? html`<p class="label" part="label">${content.label.trim()}</p>`
        : nothing;
      const state =
        content.shared && isRetryable(view.error)
          ? content.shared.unavailable(lang)
          : renderError(view.error, lang, content.retry);
      return {body: html`${label}${state}`, busy: false};
    }
    case 'data': {
      const {loaded} = view;
      const data = content.isEmpty(loaded.data)
        ? html`<p class="status empty" part="status">${t(lang, 'empty')}</p>`
        : content.renderData(loaded.data);
      const notice = !view.stale
        ? nothing
        : content.shared
          ? // The source says why and offers « Réessayer »; the widget dates what it shows.
            content.shared.since(loaded.copiedAt ?? loaded.loadedAt, lang)
          : renderStaleNotice(loaded, lang, content.retry);
      return {body: html`${data}${notice}`, meta: loaded.result.meta, busy: view.busy};
    }
  }
}

/** The placeholder while loading. */
export function renderSkeleton(lang: Lang): TemplateResult {
  return html`<div class="skeleton">
    <span class="visually-hidden">${t(lang, 'loading')}</span>
    <div class="skeleton-line short"></div>
    <div class="skeleton-line large"></div>
  </div>`;
}

export function renderError(error: unknown, lang: Lang, retry: () => void): TemplateResult {
  return html`<div class="status error" part="status" role="alert">
    <p>${errorMessage(error, lang)}</p>
    ${isRetryable(error) ? renderRetry(lang, retry) : nothing}
  </div>`;
}

function renderStaleNotice<D>(loaded: LoadedState<D>, lang: Lang, retry: () => void): TemplateResult {
  return html`<div class="status stale" part="status" role="status">
    <p>
      ${
        loaded.copiedAt
          ? t(lang, 'offline.notice', {date: formatDateTime(loaded.copiedAt, lang)})
          : t(lang, 'stale.notice', {date: formatDateTime(loaded.loadedAt, lang)})
      }
    </p>
    ${renderRetry(lang, retry)}
  </div>`;
}

export function renderRetry(lang: Lang, retry: () => void): TemplateResult {
  return html`<button type="button" class="retry" part="retry" @click=${retry}>${t(lang, 'retry')}</button>`;
}

/**
 * The attribution on one line that wraps only when it must: « Source : Populations légales 2025,
 * Insee · Licence Ouverte · 19 déc. 2024 » (the date read out as « Mis à jour le … »).
 */
export function renderFooter(meta: DatasetMeta, lang: Lang): unknown {
  const items: TemplateResult[] = [];
  const pageUrl = safeLinkUrl(meta.pageUrl);
  const title = meta.title?.trim();
  const publisher = meta.publisher?.trim();
  if (title || publisher || pageUrl) {
    const names = [title, publisher].filter(Boolean).join(', ');
    items.push(
      html`<span
        >${t(lang, 'footer.source')}
        ${pageUrl ? html`<a href=${pageUrl}>${names || t(lang, 'footer.dataset')}</a>` : names}</span
      >`,
    );
  }
  const license = meta.license?.trim();
  if (license) {
    const licenseUrl = safeLinkUrl(meta.licenseUrl);
    // « Licence Ouverte », « Open Database License » say what they are; « ODbL » alone is named.
    const name = /licen[cs]e/i.test(license) ? license : t(lang, 'footer.license', {name: license});
    items.push(html`<span>${licenseUrl ? html`<a href=${licenseUrl}>${name}</a>` : name}</span>`);
  }
  const modified = meta.modified ? toDate(meta.modified) : undefined;
  if (modified) {
    items.push(
      html`<span class="date"
        ><span class="visually-hidden">${t(lang, 'footer.modified')} </span
        >${formatShortDate(modified, lang)}</span
      >`,
    );
  }
  if (items.length === 0) return nothing;
  const separated = items.flatMap((item, index) =>
    index ? [html`<span aria-hidden="true"> · </span>`, item] : [item],
  );
  return html`<div class="footer" part="footer">
    <p>${separated}</p>
  </div>`;
}
