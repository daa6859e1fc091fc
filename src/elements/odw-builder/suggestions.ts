/**
 * What the builder offers for a dataset, from its fields alone: which widget kinds and chart
 * types make sense, which fields fit each role, which bundled outlines a field can be joined to,
 * and a first KPI, chart, map, table and filter to start from. Pure functions, no request.
 */
import type {AggregateFn, FieldInfo} from '../../data/types.js';
import type {ChartType, FilterType, MapMode, WidgetKind, WidgetState} from './state.js';

/** The administrative level of an outline file, and the data fields that hold its codes. */
export type OutlineLevel = 'commune' | 'departement' | 'region';

/** An outline file shipped with the examples (`examples/data/`); `code` is the INSEE code of each area. */
export interface Outline {
  file: string;
  level: OutlineLevel;
  /** The property of the outlines joined to the data. */
  shapesKey: string;
}

export const OUTLINES: readonly Outline[] = [
  {file: 'regions.geojson', level: 'region', shapesKey: 'code'},
  {file: 'departements.geojson', level: 'departement', shapesKey: 'code'},
  {file: 'communes-45-loiret.geojson', level: 'commune', shapesKey: 'code'},
  {file: 'communes-21-cote-d-or.geojson', level: 'commune', shapesKey: 'code'},
  {file: 'communes-49-maine-et-loire.geojson', level: 'commune', shapesKey: 'code'},
];

/** Field names holding a code of each level (INSEE, COG), most specific first. */
const LEVEL_PATTERNS: Record<OutlineLevel, RegExp> = {
  commune: /^(code_?insee|insee(_?code)?|code_?commune(_?insee)?|codgeo|depcom|com_?code|code_?com|cog)$/i,
  departement: /^(code_?dep(artement)?|dep(artement)?_?code|num_?dep(artement)?|dep|departement)$/i,
  region: /^(code_?reg(ion)?|reg(ion)?_?code)$/i,
};

/** Field names holding the name of each area of a level, as the INSEE writes it (« La Chapelle-Saint-Mesmin »). */
const NAME_PATTERNS: Record<OutlineLevel, RegExp> = {
  commune: /^(commune|nom_?(de_?la_?)?commune|libelle_?commune|lib_?com(mune)?|libgeo|nom_?com)$/i,
  departement: /^(departement|nom_?(du_?)?dep(artement)?|libelle_?dep(artement)?|lib_?dep)$/i,
  region: /^(region|nom_?(de_?la_?)?reg(ion)?|libelle_?reg(ion)?|lib_?reg)$/i,
};

export const AGGREGATES: readonly AggregateFn[] = ['count', 'sum', 'avg', 'min', 'max', 'median'];

const NUMERIC_TYPES = new Set(['int', 'double']);
const DATE_TYPES = new Set(['date', 'datetime']);
const GEO_TYPES = new Set(['geo_point_2d', 'geo_shape']);

export function isNumeric(field: FieldInfo): boolean {
  return NUMERIC_TYPES.has(field.type);
}

export function isDate(field: FieldInfo): boolean {
  return DATE_TYPES.has(field.type);
}

/** Text and boolean fields: categories of a chart, choices of a filter. */
export function isCategory(field: FieldInfo): boolean {
  return field.type === 'text' || field.type === 'boolean';
}

export function hasGeo(fields: readonly FieldInfo[]): boolean {
  return fields.some((field) => GEO_TYPES.has(field.type));
}

/** The fields whose values are codes of `level`, best match first. */
export function keyFields(fields: readonly FieldInfo[], level: OutlineLevel): FieldInfo[] {
  return fields.filter((field) => field.type === 'text' && LEVEL_PATTERNS[level].test(field.name));
}

/**
 * The field naming each area of `level` in the data, if the dataset has one: the map names its
 * areas by it (`label`) rather than by the outlines, which may drop an article.
 */
export function nameField(fields: readonly FieldInfo[], level: OutlineLevel): FieldInfo | undefined {
  return fields.find((field) => field.type === 'text' && NAME_PATTERNS[level].test(field.name));
}

/** The outlines some field of the dataset can be joined to. */
export function joinableOutlines(fields: readonly FieldInfo[]): Outline[] {
  return OUTLINES.filter((outline) => keyFields(fields, outline.level).length > 0);
}

export function outlineOf(file: string | undefined): Outline | undefined {
  return OUTLINES.find((outline) => outline.file === file);
}

/** The outline proposed first: départements (the whole country, a level most datasets have), then régions. */
export function preferredOutline(fields: readonly FieldInfo[]): Outline | undefined {
  const outlines = joinableOutlines(fields);
  return (
    outlines.find((candidate) => candidate.level === 'departement') ??
    outlines.find((candidate) => candidate.level === 'region') ??
    outlines[0]
  );
}

/** Map modes the data allows: points with a geo field, choropleth with a code of a bundled outline. */
export function mapModes(fields: readonly FieldInfo[]): MapMode[] {
  const modes: MapMode[] = [];
  if (hasGeo(fields)) modes.push('points');
  if (joinableOutlines(fields).length) modes.push('choropleth');
  return modes;
}

/** Chart types the data allows: a time axis needs a date, a scatter two numbers, the others a category or date. */
export function chartTypes(fields: readonly FieldInfo[]): ChartType[] {
  const types: ChartType[] = [];
  const axis = fields.some((field) => isCategory(field) || isDate(field));
  if (axis) types.push('column', 'bar');
  if (fields.some(isDate)) types.push('line', 'area');
  if (axis) types.push('pie', 'donut');
  if (fields.filter(isNumeric).length >= 2) types.push('scatter');
  return types;
}

/** Widget kinds the data allows (a filter needs something to choose from; a map, see `mapModes`). */
export function widgetKinds(fields: readonly FieldInfo[]): WidgetKind[] {
  const kinds: WidgetKind[] = ['kpi'];
  if (chartTypes(fields).length) kinds.push('chart');
  if (mapModes(fields).length) kinds.push('map');
  kinds.push('table');
  if (filterFields(fields).length) kinds.push('filter');
  return kinds;
}

/** Fields a chart of `type` can put on its x axis. */
export function xFields(fields: readonly FieldInfo[], type: ChartType): FieldInfo[] {
  if (type === 'scatter') return fields.filter(isNumeric);
  if (type === 'line' || type === 'area') return fields.filter(isDate);
  return [...fields.filter(isCategory), ...fields.filter(isDate)];
}

/** Fields a filter can act on, and the controls that fit each. */
export function filterFields(fields: readonly FieldInfo[]): FieldInfo[] {
  return fields.filter((field) => isCategory(field) || isNumeric(field) || isDate(field));
}

export function filterTypes(field: FieldInfo | undefined): FilterType[] {
  if (!field) return [];
  if (isNumeric(field)) return ['range'];
  if (isDate(field)) return ['date-range'];
  return ['select', 'checkboxes', 'search'];
}

/** Aggregates that apply to `field`: sums and averages of numbers only. */
export function aggregatesFor(field: FieldInfo | undefined): AggregateFn[] {
  if (!field) return ['count'];
  return isNumeric(field) ? [...AGGREGATES] : ['count'];
}

/** `sum(population)` → `{fn: 'sum', field: 'population'}`; `count()` → `{fn: 'count'}`. */
export function splitAggregate(text: string | undefined): {fn: AggregateFn; field?: string} {
  const match = /^\s*(count|sum|avg|min|max|median)\(\s*([^()]*?)\s*\)\s*$/.exec(text ?? '');
  if (!match) return {fn: 'count'};
  const fn = match[1] as AggregateFn;
  return fn === 'count' || !match[2] ? {fn: 'count'} : {fn, field: match[2]};
}

export function aggregate(fn: AggregateFn, field?: string): string {
  return fn === 'count' || !field ? 'count()' : `${fn}(${field})`;
}

/**
 * The first numeric field worth adding up: totals (`population`) before rates or identifiers.
 * Fields whose name says they are codes, years or ranks are skipped when another exists.
 */
export function mainMeasure(fields: readonly FieldInfo[]): FieldInfo | undefined {
  const numeric = fields.filter(isNumeric);
  const meaningful = numeric.filter(
    (field) => !/(^|_)(id|code|num|n|ndeg|annee|year|rang|dept|sk)(_|$)/i.test(field.name),
  );
  return meaningful[0] ?? numeric[0];
}

/** The category with the most readable values: a name (`commune`) before a code or an id. */
export function mainCategory(fields: readonly FieldInfo[]): FieldInfo | undefined {
  const categories = fields.filter((field) => field.type === 'text');
  const named = categories.filter(
    (field) => !/(^|_)(id|code|siren|siret|insee|osm|url|site|ndeg)(_|$)/i.test(field.name),
  );
  return named[0] ?? categories[0];
}

/** A first widget of each kind the data allows, made from its fields. */
export function suggestWidget(kind: WidgetKind, fields: readonly FieldInfo[]): WidgetState {
  const measure = mainMeasure(fields);
  const value = aggregate(measure ? 'sum' : 'count', measure?.name);
  switch (kind) {
    case 'kpi':
      return {kind, value, label: measure?.label};
    case 'chart': {
      const types = chartTypes(fields);
      const category = mainCategory(fields);
      const date = fields.find(isDate);
      if (category && types.includes('bar')) {
        return {kind, chartType: 'bar', x: category.name, y: value, sort: '-y', limit: 10};
      }
      if (date) return {kind, chartType: 'line', x: date.name, y: value, timeunit: 'year'};
      const [first, second] = fields.filter(isNumeric);
      return {kind, chartType: 'scatter', x: first?.name, y: second?.name};
    }
    case 'map': {
      const outline = preferredOutline(fields);
      if (!hasGeo(fields) && outline) {
        const label = nameField(fields, outline.level)?.name;
        return {
          kind,
          mode: 'choropleth',
          shapes: outline.file,
          key: keyFields(fields, outline.level)[0].name,
          ...(label ? {label} : {}),
          value,
        };
      }
      return {kind, mode: 'points'};
    }
    case 'table': {
      const columns = fields.filter((field) => !GEO_TYPES.has(field.type)).slice(0, 5);
      return {
        kind,
        columns: columns.map((field) => field.name).join(','),
        sort: measure ? `-${measure.name}` : undefined,
        limit: 10,
      };
    }
    case 'filter': {
      const field = mainCategory(fields) ?? filterFields(fields)[0];
      return {kind, field: field?.name, filterType: filterTypes(field)[0]};
    }
  }
}

/** The widgets proposed as soon as a dataset is chosen: a chart (or KPI), and a dashboard's set. */
export function suggestDashboard(fields: readonly FieldInfo[]): WidgetState[] {
  const kinds = widgetKinds(fields);
  const widgets: WidgetState[] = [suggestWidget('kpi', fields)];
  if (kinds.includes('filter')) widgets.unshift(suggestWidget('filter', fields));
  if (kinds.includes('chart')) widgets.push(suggestWidget('chart', fields));
  if (kinds.includes('map')) widgets.push(suggestWidget('map', fields));
  widgets.push(suggestWidget('table', fields));
  return widgets;
}

/** The first widget offered: a chart when the data allows one, else a KPI. */
export function firstWidget(fields: readonly FieldInfo[]): WidgetState {
  return widgetKinds(fields).includes('chart')
    ? suggestWidget('chart', fields)
    : suggestWidget('kpi', fields);
}

/** The label of a field, or its name when the metadata has none. */
export function labelOf(fields: readonly FieldInfo[], name: string | undefined): string {
  return fields.find((field) => field.name === name)?.label || name || '';
}
