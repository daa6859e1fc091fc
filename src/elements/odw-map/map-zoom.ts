/**
 * How the map pans and zooms (d3-zoom): buttons, Ctrl + wheel, two fingers, and the keys on the
 * map itself. The wheel alone and one finger are left to the page, which scrolls. Part of the
 * lazily loaded map engine.
 */
import {zoom, type D3ZoomEvent, type ZoomBehavior, type ZoomTransform} from 'd3-zoom';

/** Pixels an arrow key pans the map by. */
const PAN_STEP = 80;
/** The factor of one step of zoom (a key, a button, a cluster). */
export const ZOOM_STEP = 2;

export interface ZoomHandlers {
  /** The wheel turned without Ctrl (or ⌘): the page scrolls, the map may say how to zoom. */
  onWheelWithoutCtrl(): void;
  /** A two-finger gesture starts (true) or ends (false). */
  onGesture(touching: boolean): void;
  /** The view moved; `byUser` unless a script moved it. */
  onZoom(transform: ZoomTransform, byUser: boolean): void;
}

export function mapZoom(handlers: ZoomHandlers): ZoomBehavior<HTMLElement, unknown> {
  return (
    zoom<HTMLElement, unknown>()
      // Touch listeners even where the browser does not announce a touch screen (d3 checks first).
      .touchable(() => true)
      // The wheel zooms only with Ctrl (or ⌘), and one finger does not pan (two fingers pinch and
      // pan), so the page still scrolls over the map.
      .filter((event: Event) => {
        if (event.type === 'wheel') {
          const wheel = event as WheelEvent;
          if (!wheel.ctrlKey && !wheel.metaKey) handlers.onWheelWithoutCtrl();
          return wheel.ctrlKey || wheel.metaKey;
        }
        if (event.type === 'touchstart') return (event as TouchEvent).touches.length >= 2;
        return !(event as MouseEvent).button;
      })
      .on('start', (event: D3ZoomEvent<HTMLElement, unknown>) => {
        if (event.sourceEvent?.type === 'touchstart') handlers.onGesture(true);
      })
      .on('end', () => handlers.onGesture(false))
      .on('zoom', (event: D3ZoomEvent<HTMLElement, unknown>) =>
        handlers.onZoom(event.transform, Boolean(event.sourceEvent)),
      )
  );
}

/** What the keys do on the map itself: zoom, pan, back to the initial view. */
export function zoomKeys(view: {
  zoomBy(factor: number): void;
  panBy(dx: number, dy: number): void;
  reset(): void;
}): Record<string, () => void> {
  return {
    '+': () => view.zoomBy(ZOOM_STEP),
    '=': () => view.zoomBy(ZOOM_STEP),
    '-': () => view.zoomBy(1 / ZOOM_STEP),
    _: () => view.zoomBy(1 / ZOOM_STEP),
    ArrowLeft: () => view.panBy(PAN_STEP, 0),
    ArrowRight: () => view.panBy(-PAN_STEP, 0),
    ArrowUp: () => view.panBy(0, PAN_STEP),
    ArrowDown: () => view.panBy(0, -PAN_STEP),
    '0': () => view.reset(),
    Home: () => view.reset(),
  };
}
