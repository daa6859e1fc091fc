/**
 * What an `odw-filter` loads: the field and its values with their counts (`select`, `checkboxes`,
 * `search`), or the smallest and largest value (`range`, `date-range`), under every filter of the
 * source but the control's own.
 */
import {datasetInfo, facets} from '../../data/index.js';
import type {FieldInfo, Filter, QueryResult, Selection} from '../../data/types.js';
import type {DataTarget, LoadOptions, Loaded} from '../../core/data-element.js';
import type {FilterChoice} from './filter-choices.js';
import type {Bounds} from './filter-state.js';

export type FilterType = 'select' | 'checkboxes' | 'search' | 'range' | 'date-range';

/** What an `odw-filter` offers: the field, its choices with counts, or the bounds of its values. */
export interface FilterData {
  field: FieldInfo;
  choices: FilterChoice[];
  /** Smallest and largest value under the other filters (`range`, `date-range`). */
  bounds: Bounds<number | string>;
}

/**
 * Loads the control's data. `target.where` holds every filter of the source but the control's
 * own (disjunctive counts); `aggregate` runs the bounds' query through the widget.
 */
export async function loadFilterData(
  type: FilterType,
  name: string,
  target: DataTarget & {where?: Filter},
  options: LoadOptions,
  aggregate: (select: Selection[]) => Promise<QueryResult>,
): Promise<Loaded<FilterData>> {
  const request = {
    api: target.api,
    apiKey: target.apiKey,
    signal: options.signal,
    fresh: options.fresh,
    offlineCopy: options.offlineCopy,
  };
  let field: FieldInfo | undefined;
  let choices: FilterChoice[] = [];
  let bounds: Bounds<number | string> = {};
  let result: QueryResult;
  if (type === 'range' || type === 'date-range') {
    result = await aggregate([
      {type: 'aggregate', fn: 'min', field: name, as: 'min'},
      {type: 'aggregate', fn: 'max', field: name, as: 'max'},
    ]);
    field = result.fields.find((candidate) => candidate.name === name);
    bounds = readAggregateBounds(result.rows[0], type);
  } else {
    const [info, [values]] = await Promise.all([
      datasetInfo(target.src, request),
      facets(target.src, [name], {...request, where: target.where}),
    ]);
    field = info.fields.find((candidate) => candidate.name === name);
    choices = values?.values.map(({value, count}) => ({value, count})) ?? [];
    result = {...info, rows: [], total: choices.length};
  }
  const data: FilterData = {
    field: field ?? {
      name,
      label: name,
      type: type === 'date-range' ? 'date' : type === 'range' ? 'double' : 'text',
    },
    choices,
    bounds,
  };
  // The footer stays empty: a control has no attribution of its own.
  return {data, result: {...result, meta: {}}};
}

function readAggregateBounds(
  row: Record<string, unknown> | undefined,
  type: 'range' | 'date-range',
): Bounds<number | string> {
  const bound = (value: unknown): number | string | undefined => {
    if (value === null || value === undefined || value === '') return undefined;
    if (type === 'date-range') return String(value).slice(0, 10);
    const number = Number(value);
    return Number.isFinite(number) ? number : undefined;
  };
  return {min: bound(row?.min), max: bound(row?.max)};
}
