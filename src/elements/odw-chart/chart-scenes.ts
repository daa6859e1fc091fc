/**
 * The scene a chart draws (chart-scene.ts), laid out again only when what it depends on changed:
 * the data, the size, the theme, the text size, the series shown, the value labels, the language.
 */
import type {Lang} from '../../core/i18n.js';
import type {ChartData} from './chart-model.js';
import {visiblePoints, type ChartTheme, type Scene} from './chart-scene.js';
import {layoutCartesian} from './chart-layout.js';
import {drawsShapes} from './chart-plan.js';
import {shapeLayouts} from './chart-shape-loader.js';
import {canvasMeasure} from './chart-text.js';
import {chartFontSize, readChartTheme} from './chart-theme.js';

export interface SceneRequest {
  data: ChartData;
  lang: Lang;
  width: number;
  height: number;
  /** The height may grow so that every category's label shows. */
  grow: boolean;
  hidden: ReadonlySet<string>;
  labels: boolean;
  patternId: string;
}

export class ChartScenes {
  /** The last scene laid out, and the theme it was drawn in. */
  scene?: Scene;
  theme?: ChartTheme;
  private key = '';
  private data?: ChartData;

  /**
   * The scene of `request`, read in `element`'s theme; undefined until the chart has a width. A
   * line, area, scatter, pie or donut is laid out with chart-shape-layouts.ts, which the chart's
   * load awaits before its data is drawn (odw-chart.ts).
   */
  sceneFor(element: Element, request: SceneRequest): Scene | undefined {
    const {data, lang, width, height, grow, hidden, labels, patternId} = request;
    if (width <= 0) return undefined;
    const theme = readChartTheme(element);
    const fontSize = chartFontSize();
    const key = JSON.stringify([theme, fontSize, width, height, grow, [...hidden], labels, lang]);
    if (this.scene && this.data === data && key === this.key) return this.scene;
    this.theme = theme;
    const input = {
      data,
      points: visiblePoints(data, hidden),
      width,
      height,
      grow,
      theme,
      measure: canvasMeasure(theme.font, fontSize),
      fontSize,
      lang,
      labels,
      patternId,
    };
    const round = data.plan.type === 'pie' || data.plan.type === 'donut';
    this.scene = round
      ? shapeLayouts().layoutRound(input)
      : layoutCartesian(input, drawsShapes(data.plan.type) ? shapeLayouts().placeLineMarks : undefined);
    this.key = key;
    this.data = data;
    return this.scene;
  }

  /** Lays the next scene out again (a web font arrived: its texts measure differently). */
  forget(): void {
    this.key = '';
  }
}
