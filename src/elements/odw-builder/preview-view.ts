/** The result beside the steps: the live preview, what a screen reader reads of it, and the code to copy. */
import {html, type TemplateResult} from 'lit';
import {styleProperties as cssProperties} from '../../core/style-properties.js';
import {radios} from './controls.js';
import {asDashboard, styleProperties} from './snippet.js';
import type {BuilderView} from './view.js';

/** What the result shows besides the model. */
export interface ResultView {
  /** The texts of the previewed widgets, once drawn. */
  reader: string[];
  code: string;
  /** Empty when the widget cannot go in a frame. */
  iframe: string;
  link: string;
  /** The embed page's resize script. */
  resize: string;
  /** A widget of the preview loaded or failed: read it again. */
  reread(): void;
  copy(code: string, button: string): void;
}

export function result(view: BuilderView, output: ResultView): TemplateResult {
  const {model, t, dispatch} = view;
  return html`<div class="result">
    <section aria-labelledby="preview-heading">
      <h2 id="preview-heading">${t('builder.preview')}</h2>
      ${radios(
        'preview-width',
        t('builder.preview.width'),
        model.previewWidth,
        [
          ['desktop', t('builder.preview.desktop')],
          ['mobile', t('builder.preview.mobile')],
        ],
        (value) => dispatch({type: 'preview-width', width: value as 'mobile' | 'desktop'}),
      )}
      <div
        id="preview-frame"
        part="preview"
        class="preview-frame ${model.previewWidth}"
        ${cssProperties(model.build ? styleProperties(model.build) : {})}
        @odw-load=${output.reread}
        @odw-error=${output.reread}
      ></div>
      <h3 id="reader-heading">${t('builder.reader')}</h3>
      <ul class="reader" id="reader" aria-labelledby="reader-heading">
        ${
          output.reader.length
            ? output.reader.map((text) => html`<li>${text}</li>`)
            : html`<li>${t('builder.reader.waiting')}</li>`
        }
      </ul>
    </section>
    <section aria-labelledby="code-heading">
      <h2 id="code-heading">${t('builder.code')}</h2>
      <p class="help" id="code-help">${t('builder.code-help')}</p>
      <pre
        part="code"
        id="code"
        tabindex="0"
        aria-labelledby="code-heading"
        aria-describedby="code-help"
      ><code>${output.code}</code></pre>
      <div class="actions">
        <button type="button" id="copy" @click=${() => output.copy(output.code, '#copy')}>
          ${t('builder.copy')}
        </button>
        <a id="link" href=${output.link} aria-describedby="link-help">${t('builder.link')}</a>
      </div>
      <p class="help" id="link-help">${t('builder.link-help')}</p>
      <textarea id="copy-source" class="copy-source" aria-hidden="true" tabindex="-1" readonly></textarea>
      ${iframeCode(view, output)}
    </section>
  </div>`;
}

/** The iframe of the embed page, for a CMS that forbids scripts. */
function iframeCode({model, t}: BuilderView, {iframe, resize, copy}: ResultView): TemplateResult {
  if (!iframe) {
    const why =
      model.build && asDashboard(model.build) ? 'builder.iframe-dashboard' : 'builder.iframe-filter';
    return html`<div class="iframe-code">
      <h3 id="iframe-heading">${t('builder.iframe')}</h3>
      <p class="help" id="iframe-help">${t(why)}</p>
    </div>`;
  }
  return html`<div class="iframe-code">
    <h3 id="iframe-heading">${t('builder.iframe')}</h3>
    <p class="help" id="iframe-help">${t('builder.iframe-help', {resize})}</p>
    <pre
      part="code"
      id="iframe-code"
      tabindex="0"
      aria-labelledby="iframe-heading"
      aria-describedby="iframe-help"
    ><code>${iframe}</code></pre>
    <div class="actions">
      <button type="button" id="copy-iframe" @click=${() => copy(iframe, '#copy-iframe')}>
        ${t('builder.copy-iframe')}
      </button>
    </div>
  </div>`;
}
