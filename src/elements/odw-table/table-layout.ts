import type {ReactiveController, ReactiveControllerHost} from 'lit';
import {FrameResizeObserver} from '../../core/frame-resize-observer.js';

/**
 * `table`: rows and columns that fit. `scroll`: a table a little wider than its region, scrolled
 * sideways in it, first column fixed. `cards`: each row a card of « label : value » lines.
 */
export type TableLayout = 'table' | 'scroll' | 'cards';

/** Beyond this ratio of the table's natural width to its region's, scrolling hides too much: cards. */
const MOST_SCROLLED = 1.1;

type Host = ReactiveControllerHost & HTMLElement;

/**
 * Chooses the layout by measurement: the table's natural width (the narrowest it can be without
 * splitting a word, headers wrapped between words) against the width its region has. A table that
 * fits stays a table; one up to 10 % wider scrolls sideways in its region; a wider one (a
 * phone, many columns) becomes cards.
 *
 * The layout is the region's `data-layout` attribute, set here, not by the template: the cards are
 * drawn by CSS from the same table (odw-table.styles.ts), so switching renders nothing. The
 * region's `tabindex` goes with it: cards do not scroll, a table does.
 *
 * Measured after every render (new rows), at once so that the first paint is right; and one frame
 * after the widget changes size (a narrower column, text zoomed to 200 %), since changing sizes
 * inside a ResizeObserver callback would loop.
 */
export class TableLayoutController implements ReactiveController {
  private readonly observer = new FrameResizeObserver(() => this.measure());

  constructor(private readonly host: Host) {
    host.addController(this);
  }

  /** The layout shown now. */
  get layout(): TableLayout {
    const layout = this.region()?.getAttribute('data-layout');
    return layout === 'cards' || layout === 'scroll' ? layout : 'table';
  }

  hostConnected(): void {
    this.observer.observe(this.host);
  }

  hostDisconnected(): void {
    this.observer.disconnect();
  }

  hostUpdated(): void {
    this.measure();
  }

  private region(): HTMLElement | null | undefined {
    return this.host.shadowRoot?.querySelector<HTMLElement>('.scroller');
  }

  private measure(): void {
    const region = this.region();
    const table = region?.querySelector('table');
    if (!region || !table || region.clientWidth === 0) return;
    // The table laid out as a table for the time of one reading, before any paint.
    region.toggleAttribute('data-measuring', true);
    const natural = table.getBoundingClientRect().width;
    region.removeAttribute('data-measuring');
    const available = region.clientWidth + 1;
    const layout: TableLayout =
      natural <= available ? 'table' : natural <= available * MOST_SCROLLED ? 'scroll' : 'cards';
    if (region.getAttribute('data-layout') === layout) return;
    region.setAttribute('data-layout', layout);
    if (layout === 'cards') region.removeAttribute('tabindex');
    else region.tabIndex = 0;
  }
}
