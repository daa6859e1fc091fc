/**
 * The chart finished drawing (or failed to draw, then its message is shown): after each data
 * change, resize, theme or language change. What a screenshot or a test waits for.
 */
export class OdwChartDrawnEvent extends Event {
  static readonly eventName = 'odw-chart-drawn';
  constructor() {
    super(OdwChartDrawnEvent.eventName, {bubbles: true, composed: true});
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'odw-chart-drawn': OdwChartDrawnEvent;
  }
}
