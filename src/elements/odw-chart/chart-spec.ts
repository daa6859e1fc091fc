/**
 * The Vega specification of each chart type, written directly (small, and needing no Vega-Lite
 * compiler at run time). Data, labels, colours and sizes are filled in here; stacking and pie
 * angles are computed beforehand (chart-model.ts), so the specs use no data transform and no
 * expression but a few signals read by the expression interpreter.
 *
 * Every text comes from the data as a value (`field`), never inside an expression: Vega draws
 * it with `textContent`, so markup in a label stays text.
 */
import {scaleLinear} from 'd3-scale';
import type {Lang} from '../../core/i18n.js';
import {
  across,
  axisData,
  axisMarks,
  labelWidth,
  leftExtent,
  linearTicks,
  pointAt,
  spread,
  timeTicks,
  type Axis,
  type Tick,
} from './chart-axes.js';
import type {ChartData, ChartPoint} from './chart-model.js';

export interface ChartTheme {
  /** Categorical colours of the series and slices (`--odw-palette-1…8`). */
  palette: string[];
  /**
   * Ends of the sequential scheme of `color="value"` (lowest, highest value); without a start, a
   * light tint of the end towards the background.
   */
  sequential: {start?: string; end: string};
  text: string;
  muted: string;
  grid: string;
  background: string;
  focus: string;
  font: string;
  /** Forced colours: one system colour for every mark, separated by the background colour. */
  forced: boolean;
}

export interface SpecSize {
  width: number;
  height: number;
}

type Spec = Record<string, unknown>;

/** Longer legend labels are cut with « … ». */
const LEGEND_LABEL_LIMIT = 200;

const TIME_FORMATS: Record<string, string> = {
  year: '%Y',
  month: '%b %Y',
  week: '%d %b %Y',
  day: '%d %b %Y',
  hour: '%d %b %H:%M',
  date: '%d %b %Y',
};

/**
 * The shortest length of one period, in ms: no two ticks closer than one period, else a short
 * span (two months) gets weekly ticks all labelled « mars 2024 ».
 */
const DAY = 86_400_000;
const TIME_MIN_STEPS: Record<string, number> = {
  year: 365 * DAY,
  month: 28 * DAY,
  week: 7 * DAY,
  day: DAY,
  hour: DAY / 24,
};

/** Ticks of a value axis across `width` pixels: one per 110 px, 2 to 6. */
function bottomTicks(width: number): number {
  return Math.min(6, Math.max(2, Math.floor(width / 110)));
}

export function buildSpec(data: ChartData, theme: ChartTheme, size: SpecSize, lang: Lang): Spec {
  const {plan} = data;
  const drawn: ChartPoint[] = data.points.filter((point) => point.v !== null);
  const many = data.series.length > 1;
  const round = plan.type === 'pie' || plan.type === 'donut';
  const colourDomain = round ? drawn.map((point) => point.k) : data.series;
  const percent = plan.stack === 'percent';
  const valueFormat = percent ? '.0%' : ',~f';

  const spec: Spec = {
    width: size.width,
    height: size.height,
    padding: 4,
    autosize: {type: 'fit', contains: 'padding'},
    background: null,
    signals: [{name: 'active', value: -1}],
    data: [
      {name: 'points', values: drawn},
      {name: 'all', values: data.points},
    ],
    config: {
      legend: {
        labelColor: theme.text,
        titleColor: theme.text,
        labelFont: theme.font,
        titleFont: theme.font,
        labelFontSize: 12,
        titleFontSize: 12,
        labelLimit: LEGEND_LABEL_LIMIT,
        aria: false,
      },
      text: {font: theme.font, fill: theme.text},
    },
  };

  const colour = {
    name: 'colour',
    type: 'ordinal',
    domain: colourDomain,
    range: theme.forced ? [theme.text] : theme.palette,
  };
  // color="value": one series shaded from light (lowest) to dark (highest). The length or position
  // of the mark still tells the value, so colour is never the only cue; system colours override it.
  const shaded = plan.color === 'value' && !many && !round && !theme.forced && drawn.length > 0;
  const sequentialEnd = theme.sequential.end;
  const shade = {
    name: 'shade',
    type: 'linear',
    domain: shadeDomain(drawn),
    range: [theme.sequential.start ?? tint(sequentialEnd, theme.background), sequentialEnd],
    interpolate: 'lab',
    zero: false,
  };
  // The focused mark (keyboard) gets a thick outline in the focus colour; light shades get a thin
  // outline in the darkest shade so that they stand out from the background.
  const restingStroke = theme.forced ? theme.background : shaded ? sequentialEnd : null;
  const focusStroke = {
    stroke: [{test: 'datum.i === active', value: theme.focus}, {value: restingStroke}],
    strokeWidth: [{test: 'datum.i === active', value: 3}, {value: restingStroke ? 1 : 0}],
  };
  const single = shaded
    ? {scale: 'shade', field: 'v'}
    : {value: theme.forced ? theme.text : theme.palette[0]};
  const fill = many || round ? {scale: 'colour', field: round ? 'k' : 's'} : single;
  const legend =
    (many || round) && drawn.length
      ? [
          {
            fill: 'colour',
            title: round ? data.xLabel : (data.seriesLabel ?? ''),
            orient: size.width < 480 ? 'bottom' : 'right',
            direction: 'vertical',
            symbolType: 'square',
            aria: false,
          },
        ]
      : [];
  const categoryDomain = data.categories.map((category) => category.label);
  const categoryTicks: Tick[] = categoryDomain.map((label) => ({v: label, label}));
  const valueDomain = extentOf(drawn, percent);
  const axisTheme = {text: theme.text, muted: theme.muted, grid: theme.grid, font: theme.font};
  // The legend's share of the width, when it stands on the right of the plot.
  const legendWidth =
    legend.length && size.width >= 480
      ? 18 +
        14 +
        Math.max(0, ...colourDomain.map((label) => labelWidth(label, theme.font, LEGEND_LABEL_LIMIT)))
      : 0;
  /** The plot's width once `left` (the left axis) and the legend are set beside it. */
  const plotWidth = (left: Axis) => Math.max(40, size.width - 8 - leftExtent(left, theme.font) - legendWidth);
  /** The axes' data, signals and marks around the chart's own marks. */
  const withAxes = (axes: Axis[], marks: Spec[]) => {
    const drawnAxes = axes.map((axis) => axisMarks(axis, axisTheme));
    (spec.data as Spec[]).push(...axisData(axes));
    (spec.signals as Spec[]).push(...drawnAxes.flatMap((axis) => axis.signals));
    spec.marks = [
      ...drawnAxes.flatMap((axis) => axis.under),
      ...marks,
      ...drawnAxes.flatMap((axis) => axis.over),
    ];
  };
  const valueTitle = axisTitle(data);

  switch (plan.type) {
    case 'column':
    case 'bar': {
      const vertical = plan.type === 'column';
      const [band, value] = vertical ? ['x', 'y'] : ['y', 'x'];
      const grouped = many && !plan.stack;
      const angled = vertical && categoryDomain.length * 56 > size.width;
      // Across the width, French figures (« 12 000 000 ») need room: fewer ticks when narrow.
      const values = linearTicks(valueDomain, vertical ? 5 : bottomTicks(size.width), valueFormat, lang);
      const categoryAxis: Axis = {
        name: band,
        orient: vertical ? 'bottom' : 'left',
        scale: 'band',
        band: true,
        ticks: categoryTicks,
        title: data.xLabel,
        angled,
      };
      const valueAxis: Axis = {
        name: value,
        orient: vertical ? 'left' : 'bottom',
        scale: 'value',
        grid: true,
        ticks: values.ticks,
        title: valueTitle,
      };
      if (!vertical) {
        valueAxis.ticks = spread(values.ticks, across(values.domain), plotWidth(categoryAxis), theme.font);
      }
      spec.scales = [
        {
          name: 'band',
          type: 'band',
          domain: categoryDomain,
          range: vertical ? 'width' : 'height',
          padding: 0.2,
        },
        {
          name: 'value',
          type: 'linear',
          domain: valueDomain,
          range: vertical ? 'height' : 'width',
          nice: true,
          zero: true,
        },
        colour,
        ...(shaded ? [shade] : []),
        ...(grouped
          ? [
              {
                name: 'inner',
                type: 'band',
                domain: data.series,
                range: {signal: "[0, bandwidth('band')]"},
                padding: 0.05,
              },
            ]
          : []),
      ];
      const position = grouped
        ? {
            [band]: {scale: 'band', field: 'k', offset: {scale: 'inner', field: 's'}},
            [vertical ? 'width' : 'height']: {scale: 'inner', band: 1},
          }
        : {[band]: {scale: 'band', field: 'k'}, [vertical ? 'width' : 'height']: {scale: 'band', band: 1}};
      const bars = [
        {
          type: 'rect',
          aria: false,
          name: 'marks',
          from: {data: 'points'},
          encode: {
            update: {
              ...position,
              [value]: {scale: 'value', field: 'v1'},
              [`${value}2`]: {scale: 'value', field: 'v0'},
              fill,
              tooltip: {field: 'tip'},
              cursor: {value: 'pointer'},
              ...focusStroke,
            },
          },
        },
      ];
      withAxes(vertical ? [categoryAxis, valueAxis] : [valueAxis, categoryAxis], bars);
      spec.legends = legend;
      return spec;
    }
    case 'line':
    case 'area': {
      const time = data.time;
      const area = plan.type === 'area';
      spec.scales = [
        time
          ? {name: 'x', type: 'utc', domain: timeExtent(data.points), range: 'width'}
          : {name: 'x', type: 'point', domain: categoryDomain, range: 'width', padding: 0.5},
        {
          name: 'value',
          type: 'linear',
          domain: valueDomain,
          range: 'height',
          nice: true,
          zero: area || valueDomain[0] >= 0,
        },
        colour,
        ...(shaded ? [shade] : []),
      ];
      const values = linearTicks(valueDomain, 5, valueFormat, lang);
      const valueAxis: Axis = {
        name: 'y',
        orient: 'left',
        scale: 'value',
        grid: true,
        ticks: values.ticks,
        title: valueTitle,
      };
      const width = plotWidth(valueAxis);
      let xTicks: Tick[];
      if (time) {
        const extent = timeExtent(data.points);
        const ticks = timeTicks(
          extent,
          Math.min(8, Math.max(2, Math.floor(size.width / 90))),
          plan.timeunit ? TIME_MIN_STEPS[plan.timeunit] : undefined,
          TIME_FORMATS[plan.timeunit ?? 'date'],
          lang,
        );
        xTicks = spread(ticks, across(extent), width, theme.font);
      } else {
        xTicks = spread(categoryTicks, pointAt(categoryTicks.length), width, theme.font);
      }
      const xAxis: Axis = {name: 'x', orient: 'bottom', scale: 'x', ticks: xTicks, title: data.xLabel};
      const xField = time ? 't' : 'k';
      const stroke = many
        ? {scale: 'colour', field: 's'}
        : {value: theme.forced ? theme.text : shaded ? sequentialEnd : theme.palette[0]};
      const lines = [
        {
          type: 'group',
          aria: false,
          from: {facet: {name: 'series', data: 'all', groupby: 's'}},
          marks: [
            {
              type: area ? 'area' : 'line',
              aria: false,
              from: {data: 'series'},
              sort: {field: 'datum.c'},
              encode: {
                update: {
                  x: {scale: 'x', field: xField},
                  y: {scale: 'value', field: 'v1'},
                  ...(area
                    ? {
                        y2: {scale: 'value', field: 'v0'},
                        fill: many ? {scale: 'colour', field: 's'} : stroke,
                        fillOpacity: {value: 0.7},
                      }
                    : {stroke, strokeWidth: {value: 2}}),
                  defined: {field: 'ok'},
                  interpolate: {value: 'linear'},
                },
              },
            },
          ],
        },
        {
          type: 'symbol',
          aria: false,
          name: 'marks',
          from: {data: 'points'},
          encode: {
            update: {
              x: {scale: 'x', field: xField},
              y: {scale: 'value', field: 'v1'},
              size: {value: drawn.length > 60 ? 20 : 50},
              fill: many ? {scale: 'colour', field: 's'} : shaded ? single : stroke,
              tooltip: {field: 'tip'},
              cursor: {value: 'pointer'},
              ...focusStroke,
            },
          },
        },
      ];
      withAxes([xAxis, valueAxis], lines);
      spec.legends = legend;
      return spec;
    }
    case 'pie':
    case 'donut': {
      spec.scales = [colour];
      const radius = 'min(width, height) / 2 - 4';
      spec.marks = [
        {
          type: 'arc',
          aria: false,
          name: 'marks',
          from: {data: 'points'},
          encode: {
            update: {
              x: {signal: 'width / 2'},
              y: {signal: 'height / 2'},
              startAngle: {field: 'a0'},
              endAngle: {field: 'a1'},
              outerRadius: {signal: radius},
              innerRadius: plan.type === 'donut' ? {signal: `(${radius}) * 0.55`} : {value: 0},
              padAngle: {value: 0.005},
              fill: {scale: 'colour', field: 'k'},
              tooltip: {field: 'tip'},
              cursor: {value: 'pointer'},
              stroke: [{test: 'datum.i === active', value: theme.focus}, {value: theme.background}],
              strokeWidth: [{test: 'datum.i === active', value: 3}, {value: 1}],
            },
          },
        },
      ];
      spec.legends = legend;
      return spec;
    }
    case 'scatter': {
      const xDomain = extentOf(
        drawn.map((point) => ({...point, v0: point.t ?? 0, v1: point.t ?? 0})),
        false,
      );
      spec.scales = [
        {name: 'x', type: 'linear', domain: xDomain, range: 'width', nice: true, zero: false},
        {name: 'value', type: 'linear', domain: valueDomain, range: 'height', nice: true, zero: false},
        colour,
        ...(shaded ? [shade] : []),
      ];
      const valueAxis: Axis = {
        name: 'y',
        orient: 'left',
        scale: 'value',
        grid: true,
        ticks: linearTicks(valueDomain, 5, ',~f', lang).ticks,
        title: valueTitle,
      };
      const xValues = linearTicks(xDomain, bottomTicks(size.width), ',~f', lang);
      const xAxis: Axis = {
        name: 'x',
        orient: 'bottom',
        scale: 'x',
        grid: true,
        ticks: spread(xValues.ticks, across(xValues.domain), plotWidth(valueAxis), theme.font),
        title: data.xLabel,
      };
      const points = [
        {
          type: 'symbol',
          aria: false,
          name: 'marks',
          from: {data: 'points'},
          encode: {
            update: {
              x: {scale: 'x', field: 't'},
              y: {scale: 'value', field: 'v1'},
              size: {value: 50},
              fill: many ? {scale: 'colour', field: 's'} : single,
              fillOpacity: {value: 0.8},
              tooltip: {field: 'tip'},
              cursor: {value: 'pointer'},
              ...focusStroke,
            },
          },
        },
      ];
      withAxes([xAxis, valueAxis], points);
      spec.legends = legend;
      return spec;
    }
  }
}

function axisTitle(data: ChartData): string {
  return data.unit ? `${data.yLabel} (${data.unit})` : data.yLabel;
}

/** The lowest and highest drawn value (a one-value domain widened so that it keeps the darkest shade). */
function shadeDomain(points: ChartPoint[]): [number, number] {
  const values = points.map((point) => point.v!);
  const min = Math.min(...values);
  const max = Math.max(...values);
  return min === max ? [min - 1, max] : [min, max];
}

/** A light tint of `colour`: a quarter of the way from the background. */
function tint(colour: string, background: string): string {
  return scaleLinear<string>().range([background, colour])(0.25);
}

function extentOf(points: ChartPoint[], percent: boolean): [number, number] {
  if (percent) return [0, 1];
  let min = 0;
  let max = 0;
  for (const point of points) {
    min = Math.min(min, point.v0, point.v1);
    max = Math.max(max, point.v0, point.v1);
  }
  if (min === max) max = min + 1;
  return [min, max];
}

function timeExtent(points: ChartPoint[]): [number, number] {
  const times = points.map((point) => point.t ?? 0);
  const min = Math.min(...times);
  const max = Math.max(...times);
  return min === max ? [min - 86_400_000, max + 86_400_000] : [min, max];
}
