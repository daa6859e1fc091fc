/** The attributes of `odw-kpi` besides every data widget's (src/core/schema.ts). */
import {defineAttributes} from '../../core/schema.js';

export const NUMBER_FORMATS = ['integer', 'decimal', 'compact', 'percent'] as const;

export const kpiAttributes = defineAttributes({
  /** What to show: an aggregate (`count()`, `sum(population)`, `avg(f)`, `min(f)`, `max(f)`, `median(f)`) over the filtered records, or a bare field when `where` picks one record. Default `count()`. */
  value: {kind: 'text'},
  /** What the figure is (« Habitants »); part of its accessible text. */
  label: {kind: 'text'},
  /** Appended to the figure after a no-break space (« hab. »). */
  unit: {kind: 'text'},
  /** `integer` (`116 344`, the default for whole numbers), `decimal` (`12,5`, the default otherwise), `compact` (`1,2 M`) or `percent` (a ratio: 0.125 → `12,5 %`). */
  format: {kind: 'text', values: NUMBER_FORMATS},
  /** Exact number of decimals (`decimal`, `compact`, `percent`). */
  decimals: {kind: 'integer'},
  /** An aggregate to compare with (default: `value` itself, with `compare-where`). */
  compare: {kind: 'text'},
  /** The filter of the comparison; it replaces this widget's `where` (the source's filters still apply). */
  compareWhere: {kind: 'text'},
  /** A fixed reference number instead of a comparison query. */
  compareValue: {kind: 'number'},
  /** Names the reference (« 2024 », « Dijon Métropole »); without it the reference figure is shown. */
  compareLabel: {kind: 'text'},
});
