/**
 * What the builder holds: the model, the actions that change it (builder-reducer.ts), and what
 * the views read from it. Plain data, no DOM.
 */
import type {CatalogResult, CatalogSource} from '../../data/catalog.js';
import type {ApiFamily, CompareOp, DatasetInfo, FieldInfo} from '../../data/types.js';
import type {Lang} from '../../core/i18n.js';
import type {Message} from './message.js';
import type {BuilderState, ChartType, MapMode, WidgetKind, WidgetState} from './state.js';
import {filterFields} from './suggestions.js';

export type Step = 1 | 2 | 3;

/** What the first step loads: an address typed by the webmaster, or a source picked in a catalogue. */
export type LoadRequest =
  {type: 'address'; url: string; text: string} | {type: 'source'; src: string; api?: ApiFamily};

export interface LoadedDataset {
  src: string;
  api?: ApiFamily;
  info: DatasetInfo;
  rows?: number;
}

export type Loaded =
  {type: 'dataset'; dataset: LoadedDataset} | {type: 'catalog'; catalog: CatalogResult; text: string};

/** A condition being composed on step 3, before it joins the widget's `where`. */
export interface Condition {
  field?: string;
  op: CompareOp;
  value: string;
}

/** The number inputs, and what each sets. */
export type NumberInput = 'limit' | 'height' | 'refresh';

export interface BuilderModel {
  /** The builder's language, for the words a widget gets (an untitled table's title). */
  lang: Lang;
  step: Step;
  /** Incremented on each move between steps: the element then focuses the step's heading. */
  stepVisits: number;
  address: string;
  searchText: string;
  addressError?: Message;
  loadError?: Message;
  /** The last load asked for, numbered so that asking twice for one address loads twice. */
  request?: {id: number; load: LoadRequest};
  catalog?: {result: CatalogResult; text: string};
  data?: LoadedDataset;
  build?: BuilderState;
  /** The widget being edited among `build.widgets`. */
  selected: number;
  /** The polite announcement; cleared then set again to say the same words twice. */
  status?: Message;
  stateWarning?: Message;
  /** The state restored from a link, applied once its dataset is loaded. */
  pendingState?: BuilderState;
  previewWidth: 'mobile' | 'desktop';
  /** Errors of the inputs, by input id (`where`, `limit`, `condition`…). */
  errors: Record<string, Message>;
  condition: Condition;
}

export type BuilderAction =
  | {type: 'lang'; lang: Lang}
  | {type: 'open'; src: string}
  | {type: 'restore'; code: string}
  | {type: 'address-typed'; text: string}
  | {type: 'search-typed'; text: string}
  | {type: 'address-submitted'}
  | {type: 'source-chosen'; source: CatalogSource}
  | {type: 'dataset-loading'}
  | {type: 'loaded'; loaded: Loaded}
  | {type: 'load-failed'; error: unknown}
  | {type: 'go'; step: Step}
  | {type: 'start-with'; widget: WidgetState}
  | {type: 'choose-kind'; kind: WidgetKind | 'dashboard'}
  | {type: 'choose-chart-type'; chartType: ChartType}
  | {type: 'choose-map-mode'; mode: MapMode}
  | {type: 'choose-outline'; file: string}
  | {type: 'add-widget'; kind: WidgetKind}
  | {type: 'remove-widget'; index: number}
  | {type: 'select-widget'; index: number}
  | {type: 'update-widget'; change: Partial<WidgetState>}
  | {type: 'update-build'; change: Partial<BuilderState>}
  | {type: 'number-typed'; input: NumberInput; text: string}
  | {type: 'where-typed'; text: string}
  | {type: 'colours-typed'; text: string}
  | {type: 'condition-changed'; change: Partial<Condition>}
  | {type: 'condition-added'}
  | {type: 'preview-width'; width: 'mobile' | 'desktop'}
  | {type: 'status'; message?: Message};

export function initialModel(lang: Lang): BuilderModel {
  return {
    lang,
    step: 1,
    stepVisits: 0,
    address: '',
    searchText: '',
    selected: 0,
    previewWidth: 'desktop',
    errors: {},
    condition: {op: '=', value: ''},
  };
}

export function fieldsOf(model: BuilderModel): FieldInfo[] {
  return model.data?.info.fields ?? [];
}

export function widgetOf(model: BuilderModel): WidgetState | undefined {
  return model.build?.widgets[model.selected];
}

/** The field a condition is composed on: the one chosen, or the first a filter can act on. */
export function conditionField(model: BuilderModel): FieldInfo | undefined {
  const fields = filterFields(fieldsOf(model));
  return fields.find((candidate) => candidate.name === model.condition.field) ?? fields[0];
}

export function emptyCatalogMessage(text: string | undefined): Message {
  return text ? {key: 'builder.catalog-empty-text', params: {text}} : {key: 'builder.catalog-empty'};
}
