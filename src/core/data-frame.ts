/**
 * The frame every data widget draws around its data: the heading, the text alternative, the body
 * in its state (placeholder, data, empty, error with « Réessayer », stale notice) and the
 * attribution footer. Pure rendering: the state comes from src/core/data-task-controller.ts.
 */
import {html, nothing, type TemplateResult} from 'lit';
import {join} from 'lit/directives/join.js';
import {QueryError} from '../data/errors.js';
import type {DatasetMeta} from '../data/types.js';
import type {DataView, LoadedState} from './data-task-controller.js';
import {ConfigError} from './errors.js';
import {formatDate, formatDateTime} from './format.js';
import {errorMessage, t} from './i18n.js';
import type {Lang} from './lang.js';
import {safeLinkUrl} from './url.js';

export interface FrameContent<D> {
  lang: Lang;
  title?: string;
  description?: string;
  headingLevel?: number;
  noAttribution: boolean;
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
    case 'error':
      return {body: renderError(view.error, lang, content.retry), busy: false};
    case 'data': {
      const {loaded} = view;
      const data = content.isEmpty(loaded.data)
        ? html`<p class="status empty" part="status">${t(lang, 'empty')}</p>`
        : content.renderData(loaded.data);
      const notice = view.stale ? renderStaleNotice(loaded, lang, content.retry) : nothing;
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

function renderError(error: unknown, lang: Lang, retry: () => void): TemplateResult {
  // Trying again cannot fix a wrong expression or attribute: no button then.
  const retryable = !(error instanceof QueryError || error instanceof ConfigError);
  return html`<div class="status error" part="status" role="alert">
    <p>${errorMessage(error, lang)}</p>
    ${retryable ? renderRetry(lang, retry) : nothing}
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

function renderRetry(lang: Lang, retry: () => void): TemplateResult {
  return html`<button type="button" class="retry" part="retry" @click=${retry}>${t(lang, 'retry')}</button>`;
}

function renderFooter(meta: DatasetMeta, lang: Lang): unknown {
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
    items.push(
      html`<span
        >${t(lang, 'footer.license')}
        ${licenseUrl ? html`<a href=${licenseUrl}>${license}</a>` : license}</span
      >`,
    );
  }
  const modified = meta.modified ? formatDate(meta.modified, lang) : '';
  if (modified) items.push(html`<span>${t(lang, 'footer.modified', {date: modified})}</span>`);
  if (items.length === 0) return nothing;
  return html`<div class="footer" part="footer">
    <p>${join(items, () => html`<span aria-hidden="true"> · </span>`)}</p>
  </div>`;
}
