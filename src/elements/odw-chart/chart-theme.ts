/** The colours and text size a chart draws with, read from the element's theme tokens. */
import type {ChartTheme} from './chart-scene.js';
import {colourRamp} from './chart-scale.js';
import type {VegaLiteTheme} from './chart-to-vega-lite.js';

/** The theme of `element`: its `--_odw-*` tokens, or system colours under forced colours. */
export function readChartTheme(element: Element): ChartTheme {
  const style = getComputedStyle(element);
  const token = (name: string, fallback: string) =>
    style.getPropertyValue(`--_odw-${name}`).trim() || fallback;
  const forced = matchMedia('(forced-colors: active)').matches;
  const palette = [1, 2, 3, 4, 5, 6, 7, 8].map((index) => token(`palette-${index}`, '#0072b2'));
  const custom = (name: string) => style.getPropertyValue(`--odw-sequential-${name}`).trim() || undefined;
  return {
    palette,
    sequential: {start: custom('start'), end: custom('end') ?? palette[0]},
    text: forced ? 'CanvasText' : token('text-color', '#1f2328'),
    muted: forced ? 'CanvasText' : token('muted-color', '#59636e'),
    grid: forced ? 'GrayText' : token('border-color', '#d1d9e0'),
    background: forced ? 'Canvas' : token('background', '#ffffff'),
    font: token('font-family', 'sans-serif'),
    forced,
  };
}

/** Size of the chart's text in pixels: 0.75rem, so that it follows the reader's text size. */
export function chartFontSize(): number {
  return 0.75 * (parseFloat(getComputedStyle(document.documentElement).fontSize) || 16);
}

/** The colours of `theme` as chart-to-vega-lite.ts writes them into a specification. */
export function vegaLiteTheme(theme: ChartTheme): VegaLiteTheme {
  const end = theme.sequential.end;
  const start = theme.sequential.start ?? colourRamp(theme.background, end)(0.25);
  return {palette: theme.palette, sequential: [start, end], others: theme.muted};
}
