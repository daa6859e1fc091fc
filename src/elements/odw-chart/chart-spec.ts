/**
 * The `.spec` path of odw-chart: a page's Vega-Lite specification (the `.spec` property or a
 * `<script type="application/json">` child, read as text and never run), checked before any
 * request. Its drawing (chart-spec-drawing.ts) loads only for a chart that has one, while the data
 * travels, and Vega only when it draws: a chart without a specification downloads neither.
 */
import type {ReactiveController} from 'lit';
import type {ChartData} from './chart-model.js';
import {ChartConfigError} from './chart-plan.js';
import {chartCodeLoader} from './chart-code-error.js';
import type {SpecDrawing, SpecDrawingOptions, SpecDrawingHost} from './chart-spec-drawing.js';
import type {ChartView} from './vega-engine.js';

/** What the controller reads of its chart: what its drawing reads, and the `.spec` property. */
export interface SpecHost extends SpecDrawingHost {
  readonly spec?: object;
}

/** The drawing's module, downloaded once. */
const loadDrawingModule = chartCodeLoader(() => import('./chart-spec-drawing.js'));

/** Throws when the specification would load anything (data, image, lookup) from a URL. */
export function checkSpec(spec: unknown): void {
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      if (key === 'url' && typeof value === 'string')
        throw new ChartConfigError('chart.error.spec-url', {url: value});
      visit(value);
    }
  };
  visit(spec);
}

export class ChartSpec implements ReactiveController {
  /** The JSON child's text, read at each connection and update. */
  childText?: string;
  /** The drawing, once its module loaded (`load`). */
  private drawing?: SpecDrawing;

  constructor(
    private readonly host: SpecHost,
    private readonly options: Omit<SpecDrawingOptions, 'userSpec'>,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.readChild();
  }

  hostDisconnected(): void {
    this.drawing?.finalize();
  }

  /** Whether the chart is drawn from a page's specification. */
  get active(): boolean {
    return Boolean(this.host.spec || this.childText?.trim());
  }

  /** Why the last drawing failed, shown by the chart. */
  get error(): unknown {
    return this.drawing?.error;
  }

  /** The Vega view, for the downloads, when a specification is drawn. */
  get vegaView(): ChartView | undefined {
    return this.drawing?.vegaView;
  }

  readChild(): void {
    const script = this.host.querySelector(':scope > script[type="application/json"]');
    this.childText = script?.textContent ?? undefined;
  }

  /** The specification merged into the generated one: the property wins over the child. */
  userSpec(): object | undefined {
    if (this.host.spec) return this.host.spec;
    if (!this.childText?.trim()) return undefined;
    try {
      return JSON.parse(this.childText) as object;
    } catch (error) {
      throw new ChartConfigError('chart.error.spec-json', {message: (error as Error).message});
    }
  }

  /** Loads the drawing, then starts Vega's download (its failure is the drawing's to show). */
  async load(): Promise<void> {
    const {SpecDrawing, loadEngine} = await loadDrawingModule();
    this.drawing ??= new SpecDrawing(this.host, {...this.options, userSpec: () => this.userSpec()});
    void loadEngine().catch(() => undefined);
  }

  /** The colours or the scheme changed: the next update draws again. */
  forget(): void {
    this.drawing?.forget();
  }

  /** Draws `data` when it, the container or the size changed since the last drawing. */
  drawIfNeeded(data: ChartData | undefined): Promise<void> {
    return this.drawing?.drawIfNeeded(data) ?? Promise.resolve();
  }
}
