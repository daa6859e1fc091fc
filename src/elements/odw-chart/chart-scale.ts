/**
 * The few scales the chart needs, on d3-array's `nice` and `ticks`: a linear map from values (or
 * times) to pixels, calendar ticks in UTC, and a colour ramp. Written here rather than taken from
 * d3-scale, whose time scale brings d3-time-format and whose interpolators bring d3-color's
 * colour parser: about 15 kB of a chart page for what these few lines do.
 */
import {nice, ticks} from 'd3-array';

export type Scale = (value: number) => number;

/** `domain` mapped linearly onto `range`. */
export function linear([d0, d1]: [number, number], [r0, r1]: [number, number]): Scale {
  const span = d1 - d0 || 1;
  return (value) => r0 + ((value - d0) / span) * (r1 - r0);
}

/** `domain` rounded outwards to round figures, and about `count` ticks across it. */
export function niceTicks(
  domain: [number, number],
  count: number,
): {domain: [number, number]; ticks: number[]} {
  const [start, stop] = nice(domain[0], domain[1], count);
  return {domain: [start, stop], ticks: ticks(start, stop, count)};
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export type CalendarUnit = 'hour' | 'day' | 'week' | 'month' | 'year';

/** Calendar steps, shortest first: unit, how many, and their length in ms (about). */
const STEPS: Array<[CalendarUnit, number, number]> = [
  ['hour', 1, HOUR],
  ['hour', 3, 3 * HOUR],
  ['hour', 6, 6 * HOUR],
  ['hour', 12, 12 * HOUR],
  ['day', 1, DAY],
  ['day', 2, 2 * DAY],
  ['week', 1, 7 * DAY],
  ['month', 1, 30 * DAY],
  ['month', 3, 91 * DAY],
  ['month', 6, 182 * DAY],
  ...[1, 2, 5, 10, 20, 50, 100].map((years): [CalendarUnit, number, number] => [
    'year',
    years,
    years * 365 * DAY,
  ]),
];

/** The first calendar boundary of `unit × step` at or after `time` (weeks start on Monday). */
function ceilTo(time: number, unit: CalendarUnit, step: number): number {
  const date = new Date(time);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth();
  let start: number;
  switch (unit) {
    case 'hour':
      start = Math.floor(time / (step * HOUR)) * step * HOUR;
      break;
    case 'day':
      start = Math.floor(time / DAY) * DAY;
      break;
    case 'week': {
      const midnight = Math.floor(time / DAY) * DAY;
      start = midnight - ((new Date(midnight).getUTCDay() + 6) % 7) * DAY;
      break;
    }
    case 'month':
      start = Date.UTC(year, Math.floor(month / step) * step, 1);
      break;
    case 'year':
      start = Date.UTC(Math.floor(year / step) * step, 0, 1);
      break;
  }
  while (start < time) start = advance(start, unit, step);
  return start;
}

function advance(time: number, unit: CalendarUnit, step: number): number {
  const date = new Date(time);
  switch (unit) {
    case 'hour':
      return time + step * HOUR;
    case 'day':
      return time + step * DAY;
    case 'week':
      return time + step * 7 * DAY;
    case 'month':
      return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + step, 1);
    case 'year':
      return Date.UTC(date.getUTCFullYear() + step, 0, 1);
  }
}

/**
 * At most `count` ticks on calendar boundaries between the domain's ends, never closer than
 * `minStep` ms; with the unit they fall on, which names how to write them.
 */
export function calendarTicks(
  [start, stop]: [number, number],
  count: number,
  minStep = 0,
): {unit: CalendarUnit; times: number[]} {
  const span = stop - start;
  const [unit, step] =
    STEPS.find(([, , length]) => length >= minStep && span / length <= Math.max(1, count)) ??
    STEPS[STEPS.length - 1];
  const times: number[] = [];
  for (
    let time = ceilTo(start, unit, step);
    time <= stop && times.length <= count;
    time = advance(time, unit, step)
  ) {
    times.push(time);
  }
  return {unit, times};
}

let context: CanvasRenderingContext2D | null | undefined;

/** A CSS colour as `[r, g, b]` (0–255), read back from a canvas: any form the page may write. */
function channels(colour: string): [number, number, number] {
  context ??= document.createElement('canvas').getContext('2d');
  if (!context) return [0, 0, 0];
  context.fillStyle = '#000000';
  context.fillStyle = colour;
  const written = String(context.fillStyle);
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(written);
  if (hex) return [1, 2, 3].map((index) => parseInt(hex[index], 16)) as [number, number, number];
  const rgb = written.match(/[\d.]+/g)?.map(Number) ?? [0, 0, 0];
  return [rgb[0], rgb[1], rgb[2]];
}

/** Colours from `from` (0) to `to` (1), mixed in RGB, written `#rrggbb`. */
export function colourRamp(from: string, to: string): (share: number) => string {
  const a = channels(from);
  const b = channels(to);
  return (share) => {
    const t = Math.min(1, Math.max(0, share));
    return `#${a
      .map((value, index) =>
        Math.round(value + (b[index] - value) * t)
          .toString(16)
          .padStart(2, '0'),
      )
      .join('')}`;
  };
}
