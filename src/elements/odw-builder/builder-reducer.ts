/**
 * What the builder holds and how each user action changes it: a pure function of the model and an
 * action, without DOM or request. The element (odw-builder.ts) keeps the model, runs the requests
 * the model asks for (`request`), and renders the step views from it.
 */
import {and, formatFilter, parseFilter} from '../../data/index.js';
import type {Literal} from '../../data/types.js';
import {tb} from './odw-builder.messages.js';
import type {Message} from './message.js';
import {paletteProblems} from './contrast.js';
import {
  StateError,
  decodeState,
  type ChartType,
  type MapMode,
  type WidgetKind,
  type WidgetState,
} from './state.js';
import {
  conditionField,
  emptyCatalogMessage,
  fieldsOf,
  widgetOf,
  type BuilderAction,
  type BuilderModel,
  type LoadRequest,
  type Loaded,
  type NumberInput,
  type Step,
} from './builder-model.js';
import {
  aggregate,
  firstWidget,
  isDate,
  isNumeric,
  keyFields,
  nameField,
  mainMeasure,
  outlineOf,
  preferredOutline,
  suggestDashboard,
  suggestWidget,
  xFields,
} from './suggestions.js';

function withoutError(errors: Record<string, Message>, id: string): Record<string, Message> {
  const rest = {...errors};
  delete rest[id];
  return rest;
}

function request(model: BuilderModel, load: LoadRequest): BuilderModel {
  return {...model, request: {id: (model.request?.id ?? 0) + 1, load}};
}

function updateWidget(model: BuilderModel, change: Partial<WidgetState>): BuilderModel {
  const widget = widgetOf(model);
  if (!model.build || !widget) return model;
  const widgets = [...model.build.widgets];
  widgets[model.selected] = {...widget, ...change};
  return {...model, build: {...model.build, widgets}};
}

function go(model: BuilderModel, step: Step): BuilderModel {
  if (step > 1 && !model.build) return model;
  return {...model, step, stepVisits: model.stepVisits + 1};
}

/**
 * A widget as a dashboard proposes it. An untitled table is named after its dataset, as the
 * dashboard is: two regions of one name for a screen reader (axe's landmark-unique); a title of
 * its own tells them apart.
 */
function inDashboard(model: BuilderModel, widget: WidgetState): WidgetState {
  return widget.kind === 'table' && !widget.title
    ? {...widget, title: tb(model.lang, 'builder.table-title')}
    : widget;
}

function applyLoaded(model: BuilderModel, loaded: Loaded): BuilderModel {
  if (loaded.type === 'catalog') {
    const count = loaded.catalog.datasets.length;
    const status: Message =
      count === 0
        ? emptyCatalogMessage(loaded.text)
        : count === 1
          ? {key: 'builder.catalog-one'}
          : {key: 'builder.catalog-count', params: {count}};
    return {...model, catalog: {result: loaded.catalog, text: loaded.text}, data: undefined, status};
  }
  const {dataset} = loaded;
  const fields = dataset.info.fields;
  const failure: Message | undefined = !fields.length
    ? {key: 'builder.error.no-fields'}
    : dataset.rows === 0
      ? {key: 'builder.error.empty'}
      : undefined;
  if (failure) return {...model, loadError: failure, status: failure};
  const next: BuilderModel = {
    ...model,
    data: dataset,
    status: {
      key: 'builder.dataset-loaded',
      params: {title: dataset.info.meta.title ?? dataset.src, count: fields.length},
    },
    pendingState: undefined,
    selected: 0,
  };
  if (model.pendingState) return go({...next, build: model.pendingState}, 2);
  return {
    ...next,
    build: {src: dataset.src, api: dataset.api, dashboard: false, widgets: [firstWidget(fields)]},
  };
}

function chooseKind(model: BuilderModel, kind: WidgetKind | 'dashboard'): BuilderModel {
  const build = model.build;
  if (!build) return model;
  const fields = fieldsOf(model);
  if (kind === 'dashboard') {
    if (build.dashboard) return model;
    const widgets = suggestDashboard(fields).map((widget) => inDashboard(model, widget));
    const title = build.title ?? model.data?.info.meta.title;
    return {...model, build: {...build, dashboard: true, title, widgets}, selected: 0};
  }
  if (build.dashboard) {
    const widgets = [...build.widgets];
    widgets[model.selected] = inDashboard(model, suggestWidget(kind, fields));
    return {...model, build: {...build, widgets}};
  }
  return {...model, build: {...build, dashboard: false, widgets: [suggestWidget(kind, fields)]}, selected: 0};
}

function chooseChartType(model: BuilderModel, type: ChartType): BuilderModel {
  const widget = widgetOf(model);
  if (!widget) return model;
  const fields = fieldsOf(model);
  const candidates = xFields(fields, type);
  const x = candidates.some((field) => field.name === widget.x) ? widget.x : candidates[0]?.name;
  const xField = fields.find((field) => field.name === x);
  let y = widget.y;
  if (type === 'scatter') {
    const numbers = fields.filter(isNumeric).filter((field) => field.name !== x);
    y = numbers.some((field) => field.name === y) ? y : numbers[0]?.name;
  } else if (!y || !/\(/.test(y)) {
    const measure = mainMeasure(fields);
    y = aggregate(measure ? 'sum' : 'count', measure?.name);
  }
  const round = type === 'pie' || type === 'donut';
  const continuous = type === 'scatter' || type === 'line' || type === 'area';
  return updateWidget(model, {
    chartType: type,
    x,
    y,
    timeunit: xField && isDate(xField) ? (widget.timeunit ?? 'year') : undefined,
    sort: continuous ? undefined : round ? '-y' : widget.sort,
    limit: continuous ? undefined : (widget.limit ?? (round ? 6 : 10)),
    description: undefined,
  });
}

function chooseMapMode(model: BuilderModel, mode: MapMode): BuilderModel {
  if (mode === 'points') {
    return updateWidget(model, {
      mode,
      shapes: undefined,
      key: undefined,
      label: undefined,
      value: undefined,
      description: undefined,
    });
  }
  const fields = fieldsOf(model);
  const outline = preferredOutline(fields);
  const measure = mainMeasure(fields);
  return updateWidget(model, {
    mode,
    shapes: outline?.file,
    key: outline ? keyFields(fields, outline.level)[0]?.name : undefined,
    label: outline ? nameField(fields, outline.level)?.name : undefined,
    value: widgetOf(model)?.value ?? aggregate(measure ? 'sum' : 'count', measure?.name),
    description: undefined,
  });
}

function chooseOutline(model: BuilderModel, file: string): BuilderModel {
  const outline = outlineOf(file);
  if (!outline) return model;
  const keys = keyFields(fieldsOf(model), outline.level);
  const current = widgetOf(model)?.key;
  const key = keys.some((field) => field.name === current) ? current : keys[0]?.name;
  const label = nameField(fieldsOf(model), outline.level)?.name;
  return updateWidget(model, {shapes: file, key, label, description: undefined});
}

/** A whole positive number, or undefined when empty; an error on the input otherwise. */
function typeNumber(model: BuilderModel, input: NumberInput, text: string): BuilderModel {
  const errors = withoutError(model.errors, input);
  const value = text.trim() ? Number(text) : undefined;
  if (value !== undefined && (!Number.isInteger(value) || value <= 0)) {
    return {...model, errors: {...errors, [input]: {key: 'builder.number-invalid'}}};
  }
  const next = {...model, errors};
  return input === 'refresh'
    ? {...next, build: next.build && {...next.build, refresh: value}}
    : updateWidget(next, {[input]: value});
}

function typeWhere(model: BuilderModel, text: string): BuilderModel {
  const errors = withoutError(model.errors, 'where');
  if (text.trim()) {
    try {
      parseFilter(text);
    } catch (error) {
      errors.where = {error};
    }
  }
  return updateWidget({...model, errors}, {where: text.trim() || undefined});
}

function addCondition(model: BuilderModel): BuilderModel {
  const field = conditionField(model);
  const value = model.condition.value.trim();
  const errors = withoutError(model.errors, 'condition');
  if (!field || !value || (isNumeric(field) && !Number.isFinite(Number(value)))) {
    return {...model, errors: {...errors, condition: {key: 'builder.condition.invalid'}}};
  }
  const literal: Literal = isNumeric(field)
    ? {type: 'number', value: Number(value)}
    : isDate(field)
      ? {type: 'date', value}
      : {type: 'string', value};
  const ordered = isNumeric(field) || isDate(field);
  const op = ordered || model.condition.op === '!=' ? model.condition.op : '=';
  const current = widgetOf(model)?.where?.trim();
  let existing;
  try {
    existing = current ? parseFilter(current) : undefined;
  } catch {
    existing = undefined;
  }
  const combined = and(existing, {type: 'compare', field: field.name, op, value: literal});
  const next = typeWhere({...model, errors}, combined ? formatFilter(combined) : '');
  return {...next, condition: {field: field.name, op: '=', value: ''}};
}

export function reduce(model: BuilderModel, action: BuilderAction): BuilderModel {
  switch (action.type) {
    case 'lang':
      return {...model, lang: action.lang};
    case 'open':
      return request({...model, address: action.src}, {type: 'address', url: action.src, text: ''});
    case 'restore':
      try {
        const restored = decodeState(action.code);
        const next = {...model, pendingState: restored, address: restored.src};
        return request(next, {type: 'source', src: restored.src, api: restored.api});
      } catch (error) {
        const where =
          error instanceof StateError && error.path ? error.path : tb(model.lang, 'builder.state-root');
        return {...model, stateWarning: {key: 'builder.state-invalid', params: {where}}};
      }
    case 'address-typed':
      return {...model, address: action.text};
    case 'search-typed':
      return {...model, searchText: action.text};
    case 'address-submitted': {
      const url = model.address.trim();
      if (!url) return {...model, loadError: undefined, addressError: {key: 'builder.url-required'}};
      const next: BuilderModel = {
        ...model,
        loadError: undefined,
        addressError: undefined,
        catalog: undefined,
        status: {key: 'builder.loading-catalog'},
      };
      return request(next, {type: 'address', url, text: model.searchText.trim()});
    }
    case 'source-chosen': {
      const {src, api} = action.source;
      return request({...model, loadError: undefined, address: src}, {type: 'source', src, api});
    }
    case 'dataset-loading':
      return {...model, status: {key: 'builder.loading-dataset'}};
    case 'loaded':
      return applyLoaded(model, action.loaded);
    case 'load-failed':
      return {...model, loadError: {error: action.error}, status: {error: action.error}};
    case 'go':
      return go(model, action.step);
    case 'start-with':
      if (!model.build) return model;
      return go(
        {...model, build: {...model.build, dashboard: false, widgets: [action.widget]}, selected: 0},
        2,
      );
    case 'choose-kind':
      return chooseKind(model, action.kind);
    case 'choose-chart-type':
      return chooseChartType(model, action.chartType);
    case 'choose-map-mode':
      return chooseMapMode(model, action.mode);
    case 'choose-outline':
      return chooseOutline(model, action.file);
    case 'add-widget': {
      if (!model.build) return model;
      const widgets = [
        ...model.build.widgets,
        inDashboard(model, suggestWidget(action.kind, fieldsOf(model))),
      ];
      return {...model, build: {...model.build, widgets}, selected: widgets.length - 1};
    }
    case 'remove-widget': {
      if (!model.build || model.build.widgets.length <= 1) return model;
      const widgets = model.build.widgets.filter((_, position) => position !== action.index);
      return {
        ...model,
        build: {...model.build, widgets},
        selected: Math.min(model.selected, widgets.length - 1),
      };
    }
    case 'select-widget':
      return model.build?.widgets[action.index] ? {...model, selected: action.index} : model;
    case 'update-widget':
      return updateWidget(model, action.change);
    case 'update-build':
      return model.build ? {...model, build: {...model.build, ...action.change}} : model;
    case 'number-typed':
      return typeNumber(model, action.input, action.text);
    case 'where-typed':
      return typeWhere(model, action.text);
    case 'colours-typed': {
      if (!model.build) return model;
      const colours = action.text.trim() || undefined;
      // The first problem is said at once; the field lists them all.
      const [problem] = paletteProblems(colours, model.build.theme, model.lang);
      return {...model, build: {...model.build, colours}, status: problem};
    }
    case 'condition-changed':
      return {...model, condition: {...model.condition, ...action.change}};
    case 'condition-added':
      return addCondition(model);
    case 'preview-width':
      return {...model, previewWidth: action.width};
    case 'status':
      return {...model, status: action.message};
  }
}
