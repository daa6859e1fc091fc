/**
 * Where a widget's actions row (actions-menu-view.ts) sits: on the title's line, at its end, when
 * that keeps the frame at most as tall as with the row under the title and every word of the title
 * still fits; under the title otherwise (a phone, a long title, no title). Measured, since it
 * depends on the title's words, the language and the reader's text size: the frame's `.widget`
 * gets `data-actions="inline"`, and its title the row's size as `--_odw-actions-width` /
 * `-height`, which actions-menu.styles.ts reads to keep the title clear of the row. On the title
 * only: a custom property set on the frame would restyle everything in it, a chart's every mark.
 */
import type {ReactiveController, ReactiveElement} from 'lit';

export class ActionsPlacement implements ReactiveController {
  private observer?: ResizeObserver;
  private widget?: HTMLElement;
  private row?: HTMLElement;
  private placedFor = '';
  private placedTitle?: HTMLElement;
  /** The frame's width and the row's when last placed: only a change of either places again. */
  private placedSizes = '';
  private frame = 0;

  constructor(private readonly host: ReactiveElement) {
    host.addController(this);
  }

  hostUpdated(): void {
    const row = this.host.renderRoot.querySelector<HTMLElement>('.frame-actions') ?? undefined;
    const widget = row?.closest<HTMLElement>('.widget') ?? undefined;
    if (!row || !widget) {
      this.stopObserving();
      return;
    }
    if (row !== this.row || widget !== this.widget) this.observe(widget, row);
    // A new title, language or set of actions: placed again (the sizes may stay the same) before
    // the next paint, in the frame's own layout rather than forcing two in the middle of the update.
    const title = widget.querySelector<HTMLElement>(':scope > .title') ?? undefined;
    const key = `${title?.textContent ?? ''}\n${row.textContent ?? ''}`;
    // A title drawn anew has lost the sizes set on it.
    if (key !== this.placedFor || title !== this.placedTitle) this.placeBeforePaint();
  }

  hostDisconnected(): void {
    this.stopObserving();
  }

  private observe(widget: HTMLElement, row: HTMLElement): void {
    this.stopObserving();
    this.widget = widget;
    this.row = row;
    this.observer = new ResizeObserver(() => {
      // Only a new width (of the frame, or of the row as its font loads) can change the answer;
      // placing changes heights, which would report again. The first report, of the sizes just
      // placed for, changes nothing either.
      if (this.sizes() === this.placedSizes) return;
      // Out of the observer's callback: the layout it changes is reported at the next frame, not as a loop.
      this.placeBeforePaint();
    });
    this.observer.observe(widget);
    this.observer.observe(row);
  }

  private stopObserving(): void {
    this.observer?.disconnect();
    this.observer = undefined;
    cancelAnimationFrame(this.frame);
    this.widget?.removeAttribute('data-actions');
    this.widget = this.row = undefined;
    this.placedFor = this.placedSizes = '';
    this.placedTitle = undefined;
  }

  private placeBeforePaint(): void {
    cancelAnimationFrame(this.frame);
    this.frame = requestAnimationFrame(() => this.place());
  }

  private rowWidth(): number {
    return Math.ceil(this.row?.getBoundingClientRect().width ?? 0);
  }

  private sizes(): string {
    return `${this.widget?.clientWidth} ${this.rowWidth()}`;
  }

  /** Tries the row on the title's line, and keeps it there if that is no taller and nothing overflows. */
  private place(): void {
    const {widget, row} = this;
    if (!widget || !row?.isConnected) return;
    const title = widget.querySelector<HTMLElement>(':scope > .title');
    this.placedFor = `${title?.textContent ?? ''}\n${row.textContent ?? ''}`;
    this.placedTitle = title ?? undefined;
    widget.removeAttribute('data-actions');
    if (!title || widget.clientWidth === 0) {
      this.placedSizes = this.sizes();
      return;
    }
    const under = contentTop(row) - title.getBoundingClientRect().top;
    title.style.setProperty('--_odw-actions-width', `${this.rowWidth()}px`);
    title.style.setProperty('--_odw-actions-height', `${Math.ceil(row.getBoundingClientRect().height)}px`);
    widget.setAttribute('data-actions', 'inline');
    const beside = contentTop(row) - title.getBoundingClientRect().top;
    if (overflows(title) || beside > under) widget.removeAttribute('data-actions');
    this.placedSizes = this.sizes();
  }
}

/**
 * Whether a word of the title reaches past its content box (into the room kept for the row): beside
 * the row, the title breaks no word (actions-menu.styles.ts), so a word too long shows here.
 */
function overflows(title: HTMLElement): boolean {
  const text = document.createRange();
  text.selectNodeContents(title);
  const box = title.getBoundingClientRect();
  const style = getComputedStyle(title);
  const rtl = style.direction === 'rtl';
  const end = rtl ? box.left + parseFloat(style.paddingLeft) : box.right - parseFloat(style.paddingRight);
  const words = text.getBoundingClientRect();
  return rtl ? words.left < end - 1 : words.right > end + 1;
}

/** Where what follows the row starts: its next shown sibling, else the end of its parent. */
function contentTop(row: HTMLElement): number {
  let next = row.nextElementSibling;
  while (next && next.getClientRects().length === 0) next = next.nextElementSibling;
  return next ? next.getBoundingClientRect().top : row.parentElement!.getBoundingClientRect().bottom;
}
