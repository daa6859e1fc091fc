/**
 * The chart's marks as one Tab stop (a listbox whose active option is the focused mark): the
 * keys of chart-keys.ts move the focus, Enter or Space chooses, Escape closes the tooltip; the
 * focused mark's text stands beside it (chart-tooltip.ts).
 */
import type {ReactiveElement} from 'lit';
import type {ChartData, ChartPoint} from './chart-model.js';
import {nextPoint} from './chart-keys.js';
import {visiblePoints, type Box, type Scene} from './chart-scene.js';
import {showMarkTip} from './chart-tooltip.js';

export interface FocusOptions {
  /** The data shown; undefined before the first, or when Vega draws a page's specification. */
  data: () => ChartData | undefined;
  /** The series (or slices) the legend hides. */
  hidden: () => ReadonlySet<string>;
  /** The scene drawn, for the marks' boxes. */
  scene: () => Scene | undefined;
  plotWidth: () => number;
  tooltip: () => HTMLElement | null;
  /** Enter or Space on mark `index`. */
  choose: (index: number) => void;
}

/** The points a keyboard walks: drawn, of the series shown, a series after another. */
export function walkOrder(data: ChartData, hidden: ReadonlySet<string>, scene?: Scene): ChartPoint[] {
  const drawn = scene ? new Set(scene.marks.map((mark) => mark.i)) : undefined;
  const points = visiblePoints(data, hidden).filter(
    (point) => point.v !== null && (!drawn || drawn.has(point.i)),
  );
  const order = new Map<string, number>();
  for (const point of points) if (!order.has(point.s)) order.set(point.s, order.size);
  return points.sort((a, b) => order.get(a.s)! - order.get(b.s)! || a.c - b.c);
}

/** Which mark has the keyboard focus, and the listbox's focus and key handlers. */
export class MarkFocus {
  /** The focused mark (`ChartPoint.i`); -1 without the focus. */
  active = -1;
  /** Escape closed the tooltip; the next move opens it again. */
  private dismissed = false;
  private walk?: {data: ChartData; hidden: ReadonlySet<string>; scene?: Scene; points: ChartPoint[]};

  constructor(
    private readonly host: ReactiveElement,
    private readonly options: FocusOptions,
  ) {}

  /** The points a keyboard walks, computed again only when the data, the series shown or the drawing changed. */
  points(): ChartPoint[] {
    const data = this.options.data();
    if (!data) return [];
    const hidden = this.options.hidden();
    const scene = this.options.scene();
    const walk = this.walk;
    if (walk?.data === data && walk.hidden === hidden && walk.scene === scene) return walk.points;
    this.walk = {data, hidden, scene, points: walkOrder(data, hidden, scene)};
    return this.walk.points;
  }

  /** Focuses mark `index` (the ring redraws), its tooltip shown once drawn. */
  setActive(index: number): void {
    this.active = index;
    this.host.requestUpdate();
    void this.host.updateComplete.then(() => this.showTip());
  }

  readonly onFocus = (): void => {
    const points = this.points();
    this.dismissed = false;
    if (!points.some((point) => point.i === this.active)) this.setActive(points[0]?.i ?? -1);
    else this.showTip();
  };

  readonly onBlur = (): void => {
    this.hideTip();
    // The ring goes with the focus.
    this.active = -1;
    this.host.requestUpdate();
  };

  readonly onKeydown = (event: KeyboardEvent): void => {
    const points = this.points();
    if (!points.length) return;
    if (event.key === 'Escape') {
      this.dismissed = true;
      this.hideTip();
      return;
    }
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      if (this.active >= 0) this.options.choose(this.active);
      return;
    }
    const next = nextPoint(points, this.active, event.key);
    if (next === undefined) return;
    event.preventDefault();
    this.dismissed = false;
    this.setActive(next);
  };

  private showTip(): void {
    const tooltip = this.options.tooltip();
    const point = this.points().find((candidate) => candidate.i === this.active);
    if (!tooltip || !point || this.dismissed) return this.hideTip();
    showMarkTip(tooltip, point.tip, this.markBox(point.i), this.options.plotWidth());
  }

  private hideTip(): void {
    const tooltip = this.options.tooltip();
    if (tooltip) tooltip.hidden = true;
  }

  /** Where mark `index` stands in the plot. */
  private markBox(index: number): Box | undefined {
    const scene = this.options.scene();
    const mark = scene?.marks.find((candidate) => candidate.i === index);
    if (!mark) return undefined;
    const origin = scene!.origin ?? {x: 0, y: 0};
    return {...mark.box, x: mark.box.x + origin.x, y: mark.box.y + origin.y};
  }
}
