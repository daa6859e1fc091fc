/**
 * The Vega-Lite specification of what a chart draws, for `chart.toVegaLite()`: the same marks, stack,
 * order, colours and titles, with the drawn points inlined as `values` (« Autres » included), so
 * that Vega-Lite draws the same chart without the widget. Pure: the theme comes from the caller.
 *
 * Each row of `values` carries `category` (the label of the band or slice), `series`, `value`,
 * `tip` (the chart's tooltip text), `categoryIndex` and `seriesIndex` (the chart's order), and
 * `time` (ISO, UTC) on a time axis or `x` in a scatter plot of records.
 */
import type {TopLevelSpec} from 'vega-lite';
import type {TimeUnit} from '../../data/types.js';
import type {ChartData, ChartPoint} from './chart-model.js';
import type {StackMode} from './chart-plan.js';

export interface VegaLiteTheme {
  /** Categorical colours of the series and slices, `--odw-palette-1…8` in order. */
  palette: readonly string[];
  /** Colours of the lowest and highest value with `color="value"`. */
  sequential: readonly [string, string];
  /** The colour of the « Autres » slice: a neutral grey. */
  others: string;
}

export interface VegaLiteSize {
  width: number;
  height: number;
}

type Json = Record<string, unknown>;

/** Vega-Lite's time unit of each period; weeks start on the day the answer gives, not Sunday. */
const TIME_UNITS: Record<TimeUnit, string> = {
  year: 'year',
  month: 'yearmonth',
  week: 'yearmonthdate',
  day: 'yearmonthdate',
  hour: 'yearmonthdatehours',
};

/** A donut's hole: 55 % of the radius (half the smaller side in Vega-Lite), as the chart draws it. */
const DONUT_HOLE = 'min(width, height) / 2 * 0.55';

/**
 * The Vega-Lite specification equivalent to the chart of `data` in `theme`; `size` gives the
 * drawn width and height (Vega-Lite's defaults without it).
 */
export function chartToVegaLite(data: ChartData, theme: VegaLiteTheme, size?: VegaLiteSize): TopLevelSpec {
  const {plan} = data;
  const round = plan.type === 'pie' || plan.type === 'donut';
  const path = plan.type === 'line' || plan.type === 'area';
  const many = data.series.length > 1;
  // An area of several series is always stacked (chart-model.ts, layoutPoints).
  const stack: StackMode | undefined = plan.stack ?? (plan.type === 'area' && many ? 'normal' : undefined);
  // Lines and areas keep their empty periods so that gaps stay gaps; a slice needs a positive value.
  const shown = data.points.filter((point) =>
    round ? point.v !== null && point.v > 0 : path || point.v !== null,
  );

  const spec: Json = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    ...(size ? {width: size.width, height: size.height} : {}),
    data: {values: shown.map((point) => row(point, data))},
  };
  const tooltip = {field: 'tip', type: 'nominal'};
  const value = {
    field: 'value',
    type: 'quantitative',
    title: data.unit ? `${data.yLabel} (${data.unit})` : data.yLabel,
  };

  if (round) {
    const slices = [...new Set(shown.map((point) => point.k))];
    const others = data.categories.find((category) => category.others)?.label;
    let colour = 0;
    const range = slices.map((label) =>
      label === others ? theme.others : theme.palette[colour++ % theme.palette.length],
    );
    return {
      ...spec,
      mark: {type: 'arc', ...(plan.type === 'donut' ? {innerRadius: {expr: DONUT_HOLE}} : {})},
      encoding: {
        theta: {field: 'value', type: 'quantitative', stack: true},
        order: {field: 'categoryIndex', type: 'quantitative'},
        color: {field: 'category', type: 'nominal', title: data.xLabel, scale: {domain: slices, range}},
        tooltip,
      },
    } as TopLevelSpec;
  }

  const colour = colourOf(data, theme);
  if (plan.type === 'scatter' && plan.records) {
    return {
      ...spec,
      mark: {type: 'circle', size: 50, opacity: 0.8, ...colour.mark},
      encoding: {
        x: {field: 'x', type: 'quantitative', title: data.xLabel, scale: {zero: false}},
        y: {...value, scale: {zero: false}},
        ...colour.encoding,
        tooltip,
      },
    } as TopLevelSpec;
  }

  const labels = data.categories.map((category) => category.label);
  const category = {field: 'category', type: 'nominal', title: data.xLabel, scale: {domain: labels}};
  const stacked = {
    ...value,
    stack: stack === 'percent' ? 'normalize' : stack ? 'zero' : null,
    ...(stack === 'percent' ? {axis: {format: '.0%'}} : {}),
  };
  const order = stack ? {order: {field: 'seriesIndex', type: 'quantitative'}} : {};

  if (path) {
    const x =
      data.time && plan.timeunit
        ? {
            field: 'time',
            type: 'temporal',
            title: data.xLabel,
            timeUnit: {unit: TIME_UNITS[plan.timeunit], utc: true},
          }
        : data.time
          ? {field: 'time', type: 'temporal', title: data.xLabel, scale: {type: 'utc'}}
          : {...category, type: 'ordinal'};
    return {
      ...spec,
      mark: {
        type: plan.type,
        point: true,
        ...(plan.type === 'area' ? {opacity: 0.7} : {strokeWidth: 2}),
        ...colour.mark,
      },
      encoding: {x, y: stacked, ...order, ...colour.encoding, tooltip},
    } as TopLevelSpec;
  }

  // Column, bar, and a scatter plot of groups drawn over its categories.
  const [band, length] = plan.type === 'bar' ? ['y', 'x'] : ['x', 'y'];
  const grouped = many && !stack;
  return {
    ...spec,
    mark: {type: plan.type === 'scatter' ? 'circle' : 'bar', ...colour.mark},
    encoding: {
      [band]: category,
      [length]: stacked,
      ...(grouped
        ? {[`${band}Offset`]: {field: 'series', type: 'nominal', scale: {domain: data.series}}}
        : {}),
      ...order,
      ...colour.encoding,
      tooltip,
    },
  } as TopLevelSpec;
}

function row(point: ChartPoint, data: ChartData): Json {
  const values: Json = {
    category: point.k,
    series: point.s,
    value: point.v,
    tip: point.tip,
    categoryIndex: point.c,
    seriesIndex: data.series.indexOf(point.s),
  };
  if (data.plan.records) values.x = point.t;
  else if (data.time && point.t !== undefined) values.time = new Date(point.t).toISOString();
  return values;
}

/** Several series: one palette colour each; `color="value"`: shaded by value; else the first colour. */
function colourOf(data: ChartData, theme: VegaLiteTheme): {mark: Json; encoding: Json} {
  if (data.series.length > 1) {
    return {
      mark: {},
      encoding: {
        color: {
          field: 'series',
          type: 'nominal',
          title: data.seriesLabel ?? null,
          scale: {domain: data.series, range: theme.palette},
        },
      },
    };
  }
  if (data.plan.color === 'value') {
    return {
      mark: {},
      encoding: {
        color: {
          field: 'value',
          type: 'quantitative',
          legend: null,
          scale: {range: theme.sequential, interpolate: 'lab', zero: false},
        },
      },
    };
  }
  return {mark: {color: theme.palette[0]}, encoding: {}};
}
