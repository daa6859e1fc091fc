/**
 * The drawing of a page's Vega-Lite specification (chart-spec.ts): merged into the chart's own and
 * drawn by Vega-Lite and Vega. This module loads only for a chart with a `.spec`, and Vega only
 * when it draws (vega-engine.ts).
 */
import type {ReactiveElement} from 'lit';
import type {Lang} from '../../core/i18n.js';
import type {ChartData} from './chart-model.js';
import {OdwChartDrawnEvent} from './chart-events.js';
import {describeChart} from './chart-summary.js';
import {mergeSpec, vegaLiteSpec} from './chart-vega-lite.js';
import type {ChartView} from './vega-engine.js';
import {chartCodeLoader} from './chart-code-error.js';
import {sentence} from '../../core/sentence.js';

/** What the drawing reads of its chart. */
export interface SpecDrawingHost extends ReactiveElement {
  readonly description?: string;
}

export interface SpecDrawingOptions {
  lang: () => Lang;
  /** The page's specification (chart-spec.ts `userSpec`). */
  userSpec: () => object | undefined;
  /** The drawing's size, 0 wide until known. */
  size: () => {width: number; height: number};
  /** The text of the mark under the pointer (undefined: none), at the pointer. */
  tooltip: (text: string | undefined, clientX: number, clientY: number) => void;
  /** A mark clicked: its point's index. */
  choose: (index: number) => void;
}

/** Vega, downloaded once. */
export const loadEngine = chartCodeLoader(() => import('./vega-engine.js'));

export class SpecDrawing {
  /** Why the last drawing failed, shown by the chart. */
  error?: unknown;
  private view?: ChartView;
  private drawnData?: ChartData;
  private drawnContainer?: HTMLElement;
  private drawnSize = '';
  private drawing?: Promise<void>;

  constructor(
    private readonly host: SpecDrawingHost,
    private readonly options: SpecDrawingOptions,
  ) {}

  /** The chart left the page: Vega's view lets go of its listeners and timers. */
  finalize(): void {
    this.view?.finalize();
    this.view = undefined;
    this.drawnData = undefined;
    this.drawnContainer = undefined;
  }

  /** The Vega view, for the downloads, when a specification is drawn. */
  get vegaView(): ChartView | undefined {
    return this.view;
  }

  /** The colours or the scheme changed: the next update draws again. */
  forget(): void {
    this.drawnData = undefined;
  }

  /** Draws `data` when it, the container or the size changed since the last drawing. */
  async drawIfNeeded(data: ChartData | undefined): Promise<void> {
    const container = this.host.renderRoot.querySelector<HTMLElement>('.vega');
    const {width, height} = this.options.size();
    if (!container || !data || !container.isConnected || width <= 0) return;
    const size = `${width}x${height}`;
    if (this.drawing) {
      await this.drawing;
      return this.drawIfNeeded(data);
    }
    if (data === this.drawnData && container === this.drawnContainer && size === this.drawnSize) return;
    this.drawing = this.draw(container, data, size).finally(() => (this.drawing = undefined));
    await this.drawing;
  }

  private async draw(container: HTMLElement, data: ChartData, size: string): Promise<void> {
    const {width, height} = this.options.size();
    try {
      const pageSpec = this.options.userSpec()!;
      if (this.view && data === this.drawnData && container === this.drawnContainer) {
        await this.view.resize(width, height);
      } else {
        const engine = await loadEngine();
        const lang = this.options.lang();
        const spec = await engine.compileVegaLite(mergeSpec(vegaLiteSpec(data, {width, height}), pageSpec));
        const updated =
          this.view && container === this.drawnContainer && (await this.view.update(spec, lang));
        if (!updated) {
          this.view?.finalize();
          this.view = await engine.draw(spec, {
            container,
            lang,
            tooltip: (event, text) => this.options.tooltip(text, event?.clientX ?? 0, event?.clientY ?? 0),
            click: (_event, datum) => {
              if (datum && typeof datum.i === 'number') this.options.choose(datum.i);
            },
          });
        }
      }
      this.label(container, data);
      this.error = undefined;
    } catch (error) {
      this.error = error;
    }
    this.drawnData = data;
    this.drawnContainer = container;
    this.drawnSize = size;
    this.host.requestUpdate();
    this.host.dispatchEvent(new OdwChartDrawnEvent());
  }

  /** Vega's SVG is one image named by the summary. */
  private label(container: HTMLElement, data: ChartData): void {
    for (const name of ['role', 'aria-roledescription', 'aria-label']) container.removeAttribute(name);
    const svgElement = container.querySelector('svg');
    if (!svgElement) return;
    svgElement.setAttribute('role', 'img');
    const description = this.host.description?.trim();
    const summary = describeChart(data, this.options.lang());
    svgElement.setAttribute('aria-label', description ? `${sentence(summary)} ${description}` : summary);
    svgElement.setAttribute('part', 'svg');
  }
}
