import type {ReactiveController, ReactiveElement} from 'lit';
import {FrameResizeObserver} from '../../core/frame-resize-observer.js';

/** The element's part the drawing fills: present in every state, so its width is known before the data. */
const BODY = '[part~="body"]';

/**
 * The width the chart draws in: its body's content width, read once before the first drawing (so
 * the first render already draws, without a second pass), then followed with a ResizeObserver.
 * A width change redraws the chart.
 */
export class ChartSizeController implements ReactiveController {
  /** CSS pixels; 0 until the body is laid out (a hidden chart waits to be shown). */
  width = 0;
  private observer?: FrameResizeObserver;
  private observed?: Element;

  constructor(private readonly host: ReactiveElement) {
    host.addController(this);
  }

  /** Before each render: a chart that has never had a width reads it now, once laid out. */
  hostUpdate(): void {
    if (this.width > 0) return;
    const body = this.body();
    if (body?.isConnected) this.width = contentWidth(body);
  }

  hostUpdated(): void {
    const body = this.body();
    if (!body || body === this.observed) return;
    this.observer?.disconnect();
    this.observer ??= new FrameResizeObserver((entries) =>
      this.apply(Math.floor(entries[entries.length - 1].contentRect.width)),
    );
    this.observer.observe(body);
    this.observed = body;
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    this.observer = undefined;
    this.observed = undefined;
  }

  private apply(width: number): void {
    if (width > 0 && width !== this.width) {
      this.width = width;
      this.host.requestUpdate();
    }
  }

  private body(): HTMLElement | null {
    return this.host.renderRoot.querySelector<HTMLElement>(BODY);
  }
}

function contentWidth(element: HTMLElement): number {
  const style = getComputedStyle(element);
  const padding = (parseFloat(style.paddingLeft) || 0) + (parseFloat(style.paddingRight) || 0);
  return Math.max(0, Math.floor(element.clientWidth - padding));
}

/** Default height of the drawing, axes and legend included, in CSS pixels. */
const DEFAULT_HEIGHT = 320;

/** The `height` the page set, if a usable one. */
export function authorHeight(height: unknown): number | undefined {
  const value = Number(height);
  return Number.isFinite(value) && value > 80 ? value : undefined;
}

/** The height the chart draws in: the page's `height` or the default; the screen's in full screen. */
export function plotHeight(height: unknown, fullscreen: boolean): number {
  if (fullscreen) return Math.max(240, window.innerHeight - 200);
  return authorHeight(height) ?? DEFAULT_HEIGHT;
}
