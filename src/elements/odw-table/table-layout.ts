import type {ReactiveController, ReactiveControllerHost} from 'lit';

/** `table`: rows and columns. `cards`: each row a card of « label : value » lines. */
export type TableLayout = 'table' | 'cards';

type Host = ReactiveControllerHost & HTMLElement;

/**
 * Chooses between the table and the cards by measurement: the table's natural width (the
 * narrowest it can be without splitting a word, headers wrapped between words) against the width
 * its region has. Measured whenever the widget or the table changes size: a narrower column, text
 * zoomed to 200 %, new rows (the observer's first report comes with the first rows). Measuring in
 * the observer, not after each render, changes the layout outside Lit's update.
 *
 * The measure lays the table out as a table for a moment (the region's `data-measuring`
 * attribute, see odw-table.styles.ts), reads its width and puts the cards back, all before the
 * browser paints, so nothing flickers.
 */
export class TableLayoutController implements ReactiveController {
  layout: TableLayout = 'table';

  private readonly observer = new ResizeObserver(() => this.measure());
  private observedTable?: Element;

  constructor(private readonly host: Host) {
    host.addController(this);
  }

  hostConnected(): void {
    this.observer.observe(this.host);
  }

  hostDisconnected(): void {
    this.observer.disconnect();
    this.observedTable = undefined;
  }

  hostUpdated(): void {
    const table = this.host.shadowRoot?.querySelector('table');
    if (table && table !== this.observedTable) {
      if (this.observedTable) this.observer.unobserve(this.observedTable);
      this.observer.observe(table);
      this.observedTable = table;
    }
  }

  private measure(): void {
    const region = this.host.shadowRoot?.querySelector<HTMLElement>('.scroller');
    const table = region?.querySelector('table');
    if (!region || !table || region.clientWidth === 0) return;
    region.toggleAttribute('data-measuring', true);
    const overflows = table.getBoundingClientRect().width > region.clientWidth + 1;
    region.removeAttribute('data-measuring');
    const layout: TableLayout = overflows ? 'cards' : 'table';
    if (layout !== this.layout) {
      this.layout = layout;
      this.host.requestUpdate();
    }
  }
}
