/**
 * The chart's tooltip, one text-only element: above the pointer for the mark under it, beside the
 * mark that has the keyboard focus (above it, else below, never over it).
 */
import type {ChartPoint} from './chart-model.js';
import type {Box} from './chart-scene.js';

const GAP = 8;

/** `text` above the pointer at (clientX, clientY), within `plot`; no text hides the tooltip. */
export function showPointerTip(
  tooltip: HTMLElement,
  plot: HTMLElement,
  text: string | undefined,
  clientX: number,
  clientY: number,
): void {
  if (!text) {
    tooltip.hidden = true;
    return;
  }
  tooltip.textContent = text;
  tooltip.hidden = false;
  const box = plot.getBoundingClientRect();
  const left = Math.min(clientX - box.left + 12, Math.max(0, box.width - tooltip.offsetWidth));
  tooltip.style.left = `${Math.max(0, left)}px`;
  tooltip.style.top = `${Math.max(0, clientY - box.top - tooltip.offsetHeight - GAP)}px`;
}

/** `text` centred over `mark` (in the plot's coordinates), within `plotWidth`; no text hides it. */
export function showMarkTip(
  tooltip: HTMLElement,
  text: string | undefined,
  mark: Box | undefined,
  plotWidth: number,
): void {
  if (!text || !mark) {
    tooltip.hidden = true;
    return;
  }
  tooltip.textContent = text;
  tooltip.hidden = false;
  const width = tooltip.offsetWidth;
  const height = tooltip.offsetHeight;
  const left = Math.min(Math.max(0, mark.x + mark.width / 2 - width / 2), Math.max(0, plotWidth - width));
  const above = mark.y - height - GAP;
  tooltip.style.left = `${left}px`;
  tooltip.style.top = `${above >= 0 ? above : mark.y + mark.height + GAP}px`;
}

/** The drawing's pointer handlers: the tooltip of the mark under the pointer, a click chooses it. */
export class MarkPointer {
  constructor(
    private readonly options: {
      /** The drawn points (undefined: none, or a page's specification, which shows its own). */
      points: () => readonly ChartPoint[] | undefined;
      show: (text: string | undefined, clientX: number, clientY: number) => void;
      choose: (index: number) => void;
    },
  ) {}

  readonly onClick = (event: MouseEvent): void => {
    const index = markAt(event);
    if (index !== undefined) this.options.choose(index);
  };

  readonly onMove = (event: PointerEvent): void => {
    const points = this.options.points();
    if (!points) return;
    const index = markAt(event);
    const point = index === undefined ? undefined : points.find((candidate) => candidate.i === index);
    this.options.show(point?.tip, event.clientX, event.clientY);
  };

  readonly onLeave = (): void => {
    if (this.options.points()) this.options.show(undefined, 0, 0);
  };
}

/** The index of the mark an event happened on. */
function markAt(event: Event): number | undefined {
  const mark = (event.target as Element | null)?.closest?.('[data-i]');
  return mark ? Number(mark.getAttribute('data-i')) : undefined;
}
