/**
 * Step 3, the details: titles and the text alternative, which rows, sorting and sizes, a template
 * for several communes, and the look.
 */
import {html, nothing, type TemplateResult} from 'lit';
import {numberField, selectField, textField, options} from './controls.js';
import {condition, template} from './details-rows.js';
import {look} from './look-fields.js';
import {labelOf, mainCategory, mainMeasure} from './suggestions.js';
import type {BuilderState, WidgetState} from './state.js';
import {stepHeading, type BuilderView} from './view.js';
import {needsDescription, proposal, widgetText} from './words.js';

export function stepDetails(view: BuilderView): TemplateResult {
  const {model, t, fields, say, dispatch} = view;
  const build = model.build!;
  const widget = view.widget!;
  const updateBuild = (change: Partial<BuilderState>) => dispatch({type: 'update-build', change});
  const measure = mainMeasure(fields);
  const category = mainCategory(fields);
  const example = measure ? `${measure.name} > 1000` : category ? `${category.name} = "…"` : 'champ = "…"';
  const which = build.dashboard
    ? ` — ${t('builder.dashboard.item', {number: model.selected + 1, kind: t(`builder.kind.${widget.kind}`), text: widgetText(widget, fields, t)})}`
    : '';
  const number = (input: 'limit' | 'height', label: string, help?: string) =>
    numberField(
      input,
      label,
      widget[input],
      (text) => dispatch({type: 'number-typed', input, text}),
      help,
      say(model.errors[input]) || undefined,
    );
  return html`<section aria-labelledby="step3-heading">
    ${stepHeading(view, 3)}
    ${
      build.dashboard
        ? html`<fieldset>
            <legend>${t('builder.details.dashboard')}</legend>
            ${textField('dashboard-title', t('builder.widget-title'), build.title, (title) => updateBuild({title}))}
            ${textField('dashboard-description', t('builder.description'), build.description, (description) =>
              updateBuild({description}),
            )}
          </fieldset>`
        : nothing
    }
    <fieldset>
      <legend>${t('builder.details.widget')}${which}</legend>
      ${textField('widget-title', t('builder.widget-title'), widget.title, (title) =>
        dispatch({type: 'update-widget', change: {title}}),
      )}
      ${description(view, widget)}
      ${textField(
        'where',
        t('builder.where'),
        widget.where,
        (where) => dispatch({type: 'where-typed', text: where ?? ''}),
        t('builder.where-help', {example}),
        say(model.errors.where) || undefined,
      )}
      ${condition(view)} ${sort(view, widget)}
      ${
        widget.kind === 'chart' || widget.kind === 'table'
          ? number(
              'limit',
              t(widget.kind === 'table' ? 'builder.limit-table' : 'builder.limit'),
              t('builder.limit-help'),
            )
          : nothing
      }
      ${widget.kind === 'chart' || widget.kind === 'map' ? number('height', t('builder.height')) : nothing}
    </fieldset>
    ${template(view)} ${look(view)}
  </section>`;
}

/**
 * The text alternative: required for a chart or a map, whose drawing says nothing to a screen
 * reader, and proposed from what the widget shows; written into both codes (snippet.ts).
 */
function description(view: BuilderView, widget: WidgetState): TemplateResult {
  const {model, t, fields, dispatch} = view;
  const proposed = proposal(widget, fields, model.data?.info.meta.title ?? '', t);
  const required = needsDescription(widget);
  const missing = required && widget.description !== undefined && !widget.description.trim();
  return html`<div class="field">
    <label for="widget-description">${t('builder.description')}</label>
    <p class="help" id="widget-description-help">${t('builder.description-help')}</p>
    <textarea
      id="widget-description"
      rows="3"
      ?required=${required}
      aria-required=${required ? 'true' : 'false'}
      aria-invalid=${missing ? 'true' : 'false'}
      aria-describedby=${missing ? 'widget-description-help widget-description-error' : 'widget-description-help'}
      .value=${widget.description ?? proposed ?? ''}
      @change=${(event: Event) =>
        dispatch({type: 'update-widget', change: {description: (event.target as HTMLTextAreaElement).value}})}
    ></textarea>
    ${missing ? html`<p class="error" id="widget-description-error">${t('builder.description-required')}</p>` : nothing}
    ${
      proposed
        ? html`<p>
            <button
              type="button"
              class="secondary"
              id="propose"
              @click=${() => dispatch({type: 'update-widget', change: {description: undefined}})}
            >
              ${t('builder.description-propose')}
            </button>
          </p>`
        : nothing
    }
  </div>`;
}

function sort({t, fields, dispatch}: BuilderView, widget: WidgetState): TemplateResult | typeof nothing {
  const none: [string, string] = ['', t('builder.sort.none')];
  if (widget.kind === 'chart' && widget.chartType !== 'scatter') {
    return selectField(
      'sort',
      t('builder.sort'),
      widget.sort ?? '',
      [none, ...options(t, 'sort', ['x', '-x', 'y', '-y'])],
      (value) =>
        dispatch({type: 'update-widget', change: {sort: value || undefined, description: undefined}}),
    );
  }
  if (widget.kind === 'table') {
    const columns = (widget.columns ?? '').split(',').filter(Boolean);
    const names = columns.length ? columns : fields.map((field) => field.name);
    const choices = names.flatMap((name): Array<[string, string]> => [
      [name, t('builder.sort.asc', {field: labelOf(fields, name)})],
      [`-${name}`, t('builder.sort.desc', {field: labelOf(fields, name)})],
    ]);
    return selectField('sort', t('builder.sort'), widget.sort ?? '', [none, ...choices], (value) =>
      dispatch({type: 'update-widget', change: {sort: value || undefined}}),
    );
  }
  return nothing;
}
