/** Step 2, the widget: its kind (or a dashboard of several), then what it shows, among what the fields allow. */
import {html, nothing, type TemplateResult} from 'lit';
import type {AggregateFn} from '../../data/types.js';
import type {BuilderMessageKey} from './odw-builder.messages.js';
import {fieldSelect, options, radios, selectField, textField} from './controls.js';
import {CHART_TYPES, FILTER_TYPES, NUMBER_FORMATS, TIME_UNITS} from './state.js';
import type {ChartType, MapMode, WidgetKind, WidgetState} from './state.js';
import {
  aggregate,
  aggregatesFor,
  chartTypes,
  filterFields,
  filterTypes,
  isDate,
  isNumeric,
  joinableOutlines,
  keyFields,
  mapModes,
  outlineOf,
  splitAggregate,
  widgetKinds,
  xFields,
} from './suggestions.js';
import {stepHeading, type BuilderView} from './view.js';
import {widgetText} from './words.js';

export function stepWidget(view: BuilderView): TemplateResult {
  const {model, t, fields, dispatch} = view;
  const build = model.build!;
  const kinds = widgetKinds(fields);
  const kindValue = build.dashboard ? 'dashboard' : build.widgets[0].kind;
  return html`<section aria-labelledby="step2-heading">
    ${stepHeading(view, 2)}
    ${radios(
      'kind',
      t('builder.kind'),
      kindValue,
      [...options(t, 'kind', kinds), ['dashboard', t('builder.kind.dashboard')]],
      (value) => dispatch({type: 'choose-kind', kind: value as WidgetKind | 'dashboard'}),
      kinds.includes('map') ? undefined : t('builder.kind.no-map'),
    )}
    ${build.dashboard ? dashboardList(view, kinds) : nothing} ${widgetEditor(view, kinds)}
  </section>`;
}

function dashboardList(view: BuilderView, kinds: WidgetKind[]): TemplateResult {
  const {model, t, fields, dispatch} = view;
  const {widgets} = model.build!;
  return html`<fieldset>
      <legend>${t('builder.dashboard.widgets')}</legend>
      <ol class="widgets" id="dashboard-widgets">
        ${widgets.map(
          (widget, index) =>
            html`<li>
              <span id="widget-${index}-name"
                >${t('builder.dashboard.item', {
                  number: index + 1,
                  kind: t(`builder.kind.${widget.kind}`),
                  text: widgetText(widget, fields, t),
                })}</span
              >
              ${
                index === model.selected
                  ? html`<strong> (${t('builder.dashboard.editing')})</strong>`
                  : html`<button
                      type="button"
                      class="secondary"
                      id="edit-${index}"
                      aria-describedby="widget-${index}-name"
                      @click=${() => dispatch({type: 'select-widget', index})}
                    >
                      ${t('builder.dashboard.edit')}
                    </button>`
              }
              ${
                widgets.length > 1
                  ? html`<button
                      type="button"
                      class="secondary"
                      id="remove-${index}"
                      aria-describedby="widget-${index}-name"
                      @click=${() => dispatch({type: 'remove-widget', index})}
                    >
                      ${t('builder.dashboard.remove')}
                    </button>`
                  : nothing
              }
            </li>`,
        )}
      </ol>
      <div class="actions">
        ${kinds.map(
          (kind) =>
            html`<button
              type="button"
              class="secondary"
              id="add-${kind}"
              @click=${() => dispatch({type: 'add-widget', kind})}
            >
              ${t('builder.dashboard.add', {kind: t(`builder.kind.${kind}`)})}
            </button>`,
        )}
      </div>
    </fieldset>
    ${radios(
      'edited-kind',
      t('builder.edited-widget'),
      view.widget!.kind,
      options(t, 'kind', kinds),
      (value) => dispatch({type: 'choose-kind', kind: value as WidgetKind}),
    )}`;
}

function widgetEditor(view: BuilderView, kinds: WidgetKind[]): TemplateResult | typeof nothing {
  const {widget, t, dispatch} = view;
  if (!widget || !kinds.includes(widget.kind)) return nothing;
  const update = (change: Partial<WidgetState>) => dispatch({type: 'update-widget', change});
  switch (widget.kind) {
    case 'kpi':
      return html`${aggregateFields(view, 'value', widget.value, (value) => update({value}))}
      ${textField('kpi-label', t('builder.kpi.label'), widget.label, (label) => update({label}))}
      ${textField('kpi-unit', t('builder.kpi.unit'), widget.unit, (unit) => update({unit}))}
      ${selectField(
        'kpi-format',
        t('builder.kpi.format'),
        widget.format ?? '',
        [['', t('builder.format.auto')], ...options(t, 'format', NUMBER_FORMATS)],
        (format) => update({format: (format || undefined) as WidgetState['format']}),
      )}`;
    case 'chart':
      return chartEditor(view, widget, update);
    case 'map':
      return mapEditor(view, widget, update);
    case 'table':
      return tableEditor(view, widget, update);
    case 'filter':
      return filterEditor(view, widget, update);
  }
}

type Update = (change: Partial<WidgetState>) => void;

function chartEditor(view: BuilderView, widget: WidgetState, update: Update): TemplateResult {
  const {t, fields, dispatch} = view;
  const types = chartTypes(fields);
  const type = widget.chartType ?? 'column';
  const xField = fields.find((field) => field.name === widget.x);
  const chooseX = (x: string) => {
    const field = fields.find((candidate) => candidate.name === x);
    update({
      x,
      timeunit: field && isDate(field) ? (widget.timeunit ?? 'year') : undefined,
      description: undefined,
    });
  };
  return html`${radios(
    'chart-type',
    t('builder.chart.type'),
    type,
    CHART_TYPES.filter((candidate) => types.includes(candidate)).map((candidate) => [
      candidate,
      t(`builder.chart.${candidate}`),
    ]),
    (value) => dispatch({type: 'choose-chart-type', chartType: value as ChartType}),
    types.includes('line') ? undefined : t('builder.chart.time-only'),
  )}
  ${fieldSelect(
    'chart-x',
    t(type === 'scatter' ? 'builder.chart.x-scatter' : 'builder.chart.x'),
    widget.x,
    xFields(fields, type),
    chooseX,
  )}
  ${
    xField && isDate(xField)
      ? selectField(
          'chart-timeunit',
          t('builder.chart.timeunit'),
          widget.timeunit ?? '',
          [['', t('builder.timeunit.none')], ...options(t, 'timeunit', TIME_UNITS)],
          (unit) => update({timeunit: (unit || undefined) as WidgetState['timeunit']}),
        )
      : nothing
  }
  ${
    type === 'scatter'
      ? fieldSelect('chart-y', t('builder.chart.y-scatter'), widget.y, fields.filter(isNumeric), (y) =>
          update({y, description: undefined}),
        )
      : aggregateFields(view, 'y', widget.y, (y) => update({y, description: undefined}))
  }`;
}

function mapEditor(view: BuilderView, widget: WidgetState, update: Update): TemplateResult {
  const {t, fields, dispatch} = view;
  const modes = mapModes(fields);
  const mode = widget.mode ?? modes[0];
  const outline = outlineOf(widget.shapes);
  const outlineChoices = joinableOutlines(fields).map((candidate): [string, string] => [
    candidate.file,
    t(`builder.outline.${candidate.file}` as BuilderMessageKey),
  ]);
  return html`${radios('map-mode', t('builder.map.mode'), mode, options(t, 'map', modes), (value) =>
    dispatch({type: 'choose-map-mode', mode: value as MapMode}),
  )}
  ${
    mode === 'choropleth'
      ? html`${selectField(
          'map-shapes',
          t('builder.map.shapes'),
          widget.shapes ?? '',
          outlineChoices,
          (file) => dispatch({type: 'choose-outline', file}),
        )}
        ${
          outline
            ? fieldSelect(
                'map-key',
                t('builder.map.key'),
                widget.key,
                keyFields(fields, outline.level),
                (key) => update({key, description: undefined}),
                t('builder.map.key-help'),
              )
            : nothing
        }
        ${aggregateFields(view, 'value', widget.value, (value) => update({value, description: undefined}))}`
      : nothing
  }`;
}

function tableEditor({t, fields}: BuilderView, widget: WidgetState, update: Update): TemplateResult {
  const chosen = new Set((widget.columns ?? '').split(',').filter(Boolean));
  const toggle = (name: string, checked: boolean) => {
    const next = fields
      .map((field) => field.name)
      .filter((candidate) => (candidate === name ? checked : chosen.has(candidate)));
    update({columns: next.join(',') || undefined});
  };
  return html`<fieldset>
    <legend>${t('builder.table.columns')}</legend>
    ${fields.map(
      (field, index) =>
        html`<div class="choice">
          <input
            type="checkbox"
            id="column-${index}"
            .checked=${chosen.has(field.name)}
            @change=${(event: Event) => toggle(field.name, (event.target as HTMLInputElement).checked)}
          />
          <label for="column-${index}">${field.label} (${field.name})</label>
        </div>`,
    )}
  </fieldset>`;
}

function filterEditor({t, fields}: BuilderView, widget: WidgetState, update: Update): TemplateResult {
  const field = fields.find((candidate) => candidate.name === widget.field);
  const types = filterTypes(field);
  const chooseField = (name: string) => {
    const allowed = filterTypes(fields.find((candidate) => candidate.name === name));
    update({field: name, filterType: allowed.includes(widget.filterType!) ? widget.filterType : allowed[0]});
  };
  return html`${fieldSelect('filter-field', t('builder.filter.field'), widget.field, filterFields(fields), chooseField)}
  ${radios(
    'filter-type',
    t('builder.filter.type'),
    widget.filterType ?? types[0],
    FILTER_TYPES.filter((type) => types.includes(type)).map((type) => [type, t(`builder.filter.${type}`)]),
    (value) => update({filterType: value as WidgetState['filterType']}),
  )}
  ${textField('filter-label', t('builder.filter.label'), widget.label, (label) => update({label}))}`;
}

/** An aggregate as two choices: the calculation, and the numeric field it applies to. */
function aggregateFields(
  {t, fields}: BuilderView,
  id: string,
  expression: string | undefined,
  change: (value: string) => void,
): TemplateResult {
  const {fn, field} = splitAggregate(expression);
  const numeric = fields.filter(isNumeric);
  const functions: AggregateFn[] = numeric.length ? aggregatesFor(numeric[0]) : ['count'];
  return html`${selectField(
    `${id}-fn`,
    t('builder.aggregate'),
    fn,
    options(t, 'aggregate', functions),
    (chosen) => change(aggregate(chosen as AggregateFn, field ?? numeric[0]?.name)),
  )}
  ${
    fn === 'count'
      ? nothing
      : fieldSelect(
          `${id}-field`,
          t('builder.measure'),
          field,
          numeric,
          (name) => change(aggregate(fn, name)),
          t('builder.measure-help'),
        )
  }`;
}
