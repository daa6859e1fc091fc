/** Step 1, the data: an address (or a catalogue search), then the dataset found and two widgets to start from. */
import {html, nothing, type TemplateResult} from 'lit';
import type {CatalogDataset} from '../../data/catalog.js';
import {formatDateTime, formatNumber} from '../../core/format.js';
import {emptyCatalogMessage, type LoadedDataset} from './builder-model.js';
import {firstWidget, suggestWidget} from './suggestions.js';
import {stepHeading, type BuilderView} from './view.js';
import {widgetText} from './words.js';

export function stepData(view: BuilderView): TemplateResult {
  const {model, t, say, dispatch} = view;
  const describedBy = ['url-help', model.addressError ? 'url-error' : '', model.loadError ? 'load-error' : '']
    .filter(Boolean)
    .join(' ');
  const submit = (event: Event) => {
    event.preventDefault();
    dispatch({type: 'address-submitted'});
  };
  return html`<section aria-labelledby="step1-heading">
    ${stepHeading(view, 1)}
    <form @submit=${submit} novalidate>
      <div class="field">
        <label for="url">${t('builder.url')}</label>
        <p class="help" id="url-help">${t('builder.url-help')}</p>
        <input
          id="url"
          type="url"
          autocomplete="url"
          required
          .value=${model.address}
          aria-invalid=${model.addressError ? 'true' : 'false'}
          aria-describedby=${describedBy}
          @input=${(event: Event) => dispatch({type: 'address-typed', text: (event.target as HTMLInputElement).value})}
        />
        ${model.addressError ? html`<p class="error" id="url-error">${say(model.addressError)}</p>` : nothing}
      </div>
      <div class="field">
        <label for="search">${t('builder.search')}</label>
        <p class="help" id="search-help">${t('builder.search-help')}</p>
        <input
          id="search"
          type="search"
          .value=${model.searchText}
          aria-describedby="search-help"
          @input=${(event: Event) => dispatch({type: 'search-typed', text: (event.target as HTMLInputElement).value})}
        />
      </div>
      <button type="submit" id="load">${t('builder.load')}</button>
    </form>
    ${view.loading ? html`<p class="help" id="loading">${say(model.status)}</p>` : nothing}
    ${model.loadError ? html`<p class="error" id="load-error" role="alert">${say(model.loadError)}</p>` : nothing}
    ${model.catalog && !model.data ? catalog(view) : nothing}
    ${model.data ? dataset(view, model.data) : nothing} ${model.data ? proposals(view) : nothing}
  </section>`;
}

function catalog(view: BuilderView): TemplateResult {
  const {result, text} = view.model.catalog!;
  if (!result.datasets.length) return html`<p id="catalog-empty">${view.say(emptyCatalogMessage(text))}</p>`;
  return html`<section aria-labelledby="catalog-heading">
    <h3 id="catalog-heading">${view.t('builder.catalog')}</h3>
    <ul class="datasets">
      ${result.datasets.map((item) => catalogDataset(view, item))}
    </ul>
  </section>`;
}

function catalogDataset({t, lang, dispatch}: BuilderView, dataset: CatalogDataset): TemplateResult {
  const facts = [
    dataset.publisher,
    dataset.license,
    dataset.modified ? formatDateTime(dataset.modified, lang) : undefined,
    dataset.recordsCount !== undefined
      ? `${formatNumber(dataset.recordsCount, lang)} ${t('builder.meta.rows').toLowerCase()}`
      : undefined,
  ].filter(Boolean);
  const several = dataset.sources.length > 1;
  return html`<li>
    <p><strong>${dataset.title}</strong></p>
    ${facts.length ? html`<p class="help">${facts.join(' · ')}</p>` : nothing}
    ${
      dataset.sources.length
        ? dataset.sources.map(
            (source) =>
              html`<button
                type="button"
                class="secondary"
                aria-label=${t('builder.choose-source', {title: source.title === dataset.title ? dataset.title : `${dataset.title} — ${source.title}`})}
                @click=${() => dispatch({type: 'source-chosen', source})}
              >
                ${t('builder.choose')}${several ? ` : ${source.title}` : ''}
              </button> `,
          )
        : html`<p class="help">${t('builder.no-source')}</p>`
    }
  </li>`;
}

/** The first chart and key figure proposed from the fields: one click to start from either. */
function proposals({t, fields, dispatch}: BuilderView): TemplateResult {
  const widgets = [firstWidget(fields), suggestWidget('kpi', fields)].filter(
    (widget, index, all) => all.findIndex((other) => other.kind === widget.kind) === index,
  );
  return html`<section aria-labelledby="proposals-heading">
    <h3 id="proposals-heading">${t('builder.proposals')}</h3>
    <ul class="widgets" id="proposals">
      ${widgets.map(
        (widget) =>
          html`<li>
            <button
              type="button"
              class="secondary"
              id="propose-${widget.kind}"
              @click=${() => dispatch({type: 'start-with', widget})}
            >
              ${t('builder.proposal.item', {kind: t(`builder.kind.${widget.kind}`), text: widgetText(widget, fields, t)})}
            </button>
          </li>`,
      )}
    </ul>
  </section>`;
}

/** The dataset's heading takes the focus when a catalogue choice (its button gone) loads it. */
function dataset({t, lang}: BuilderView, loaded: LoadedDataset): TemplateResult {
  const {meta, fields} = loaded.info;
  const unknown = t('builder.meta.unknown');
  return html`<section aria-labelledby="dataset-heading">
    <h3 id="dataset-heading" tabindex="-1">${t('builder.dataset')}</h3>
    <dl class="meta" id="dataset-meta">
      <dt>${t('builder.meta.title')}</dt>
      <dd>
        ${meta.pageUrl ? html`<a href=${meta.pageUrl}>${meta.title ?? loaded.src}</a>` : (meta.title ?? loaded.src)}
      </dd>
      <dt>${t('builder.meta.publisher')}</dt>
      <dd>${meta.publisher ?? unknown}</dd>
      <dt>${t('builder.meta.license')}</dt>
      <dd>
        ${meta.licenseUrl ? html`<a href=${meta.licenseUrl}>${meta.license ?? meta.licenseUrl}</a>` : (meta.license ?? unknown)}
      </dd>
      <dt>${t('builder.meta.modified')}</dt>
      <dd>${meta.modified ? formatDateTime(meta.modified, lang) : unknown}</dd>
      <dt>${t('builder.meta.rows')}</dt>
      <dd>${loaded.rows !== undefined ? formatNumber(loaded.rows, lang) : unknown}</dd>
    </dl>
    <div class="table-scroll" tabindex="0" role="region" aria-labelledby="fields-caption">
      <table id="fields">
        <caption id="fields-caption">
          ${t('builder.fields')}
        </caption>
        <thead>
          <tr>
            <th scope="col">${t('builder.field.label')}</th>
            <th scope="col">${t('builder.field.name')}</th>
            <th scope="col">${t('builder.field.type')}</th>
          </tr>
        </thead>
        <tbody>
          ${fields.map(
            (field) =>
              html`<tr>
                <td>${field.label}</td>
                <td><code>${field.name}</code></td>
                <td>${t(`builder.type.${field.type}`)}</td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>
  </section>`;
}
