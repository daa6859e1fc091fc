/**
 * The `.spec` path: the chart's data and encodings as a Vega-Lite specification, into which the
 * page's specification is merged before the (lazily loaded) Vega-Lite compiler runs. Data comes
 * only from the widget's source: a specification that names a URL is refused (chart-spec.ts).
 *
 * The data rows carry `category` (the x label), `time` (epoch ms on a time axis), `series`,
 * `value`, and the stack bounds `start` / `end`.
 */
import type {ChartData} from './chart-model.js';

type Json = Record<string, unknown>;

/** Deep merge: objects merge, anything else (arrays included) from `extra` replaces. */
export function mergeSpec(base: Json, extra: object): Json {
  const merged: Json = {...base};
  for (const [key, value] of Object.entries(extra)) {
    const current = merged[key];
    merged[key] =
      isPlainObject(current) && isPlainObject(value) ? mergeSpec(current, value) : (value as unknown);
  }
  return merged;
}

function isPlainObject(value: unknown): value is Json {
  return Boolean(value) && typeof value === 'object' && !Array.isArray(value);
}

export function vegaLiteSpec(data: ChartData, size: {width: number; height: number}): Json {
  const {plan} = data;
  const many = data.series.length > 1;
  const values = data.points
    .filter((point) => point.v !== null)
    .map((point) => ({
      category: point.k,
      time: point.t,
      series: point.s,
      value: point.v,
      start: point.v0,
      end: point.v1,
    }));
  const category = {field: 'category', type: 'nominal', sort: null, title: data.xLabel};
  const value = {field: 'end', type: 'quantitative', title: data.yLabel};
  const colour = many ? {color: {field: 'series', type: 'nominal', title: data.seriesLabel ?? null}} : {};
  const base: Json = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: size.width,
    height: size.height,
    autosize: {type: 'fit', contains: 'padding'},
    data: {values},
  };
  switch (plan.type) {
    case 'column':
    case 'bar': {
      const [band, length] = plan.type === 'column' ? ['x', 'y'] : ['y', 'x'];
      return {
        ...base,
        mark: {type: 'bar', tooltip: true},
        encoding: {[band]: category, [length]: value, [`${length}2`]: {field: 'start'}, ...colour},
      };
    }
    case 'line':
    case 'area':
      return {
        ...base,
        mark: {type: plan.type, point: true, tooltip: true},
        encoding: {
          x: data.time ? {field: 'time', type: 'temporal', title: data.xLabel} : category,
          y: value,
          ...(plan.type === 'area' ? {y2: {field: 'start'}} : {}),
          ...colour,
        },
      };
    case 'pie':
    case 'donut':
      return {
        ...base,
        mark: {type: 'arc', tooltip: true, ...(plan.type === 'donut' ? {innerRadius: 50} : {})},
        encoding: {
          theta: {field: 'value', type: 'quantitative'},
          color: {field: 'category', type: 'nominal', sort: null, title: data.xLabel},
          order: {field: 'start'},
        },
      };
    case 'scatter':
      return {
        ...base,
        mark: {type: 'point', tooltip: true},
        encoding: {
          x: {field: 'time', type: 'quantitative', title: data.xLabel},
          y: {field: 'value', type: 'quantitative', title: data.yLabel},
          ...colour,
        },
      };
  }
}
