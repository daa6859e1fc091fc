/** The attributes of `odw-chart` besides every data widget's (src/core/schema.ts). */
import {defineAttributes} from '../../core/schema.js';

export const CHART_TYPES = ['column', 'bar', 'line', 'area', 'pie', 'donut', 'scatter'] as const;

export const chartAttributes = defineAttributes({
  /** The kind of chart (default `column`). */
  type: {kind: 'text', values: CHART_TYPES},
  /** The field of the categories or dates (a number field for `scatter`). */
  x: {kind: 'text', required: true},
  /** One or several aggregates, `sum(population)` or `sum(a), sum(b)` (default `count()`); bare fields for a scatter plot of records. */
  y: {kind: 'text'},
  /** A field whose values become series (a legend). */
  series: {kind: 'text'},
  /** Stacks the series (`percent`: shares of each category). */
  stack: {kind: 'text', values: ['normal', 'percent']},
  /** Order of the categories (default `x`; `-y` for pie and donut). */
  sort: {kind: 'text', values: ['x', '-x', 'y', '-y']},
  /** Only the first N categories (after `sort`). */
  limit: {kind: 'integer'},
  /** With `limit`, the rest summed in one « Autres » category. */
  others: {kind: 'boolean', default: false},
  /** Groups a date `x` by period, on the server. */
  timeunit: {kind: 'text', values: ['year', 'month', 'week', 'day', 'hour']},
  /** Height of the drawing in pixels (default 320); the width follows the container. */
  height: {kind: 'number'},
  /** Unit of the values, in the axis title, tooltips and table (« hab. »). */
  unit: {kind: 'text'},
  /** `value`: shades a single series by its value (sequential scheme). */
  color: {kind: 'text', values: ['value']},
  /** Clicking (or Enter on) a mark filters the source on it; again clears it. */
  filterOnClick: {kind: 'boolean', default: false},
  /** Writes each mark's value on or beside it (shares on a pie); on by default for pie and donut. */
  labels: {kind: 'text', values: ['on', 'off']},
});
