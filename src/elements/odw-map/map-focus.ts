/**
 * Moving the keyboard focus among the marks of the map (areas, points, clusters), which take one
 * stop of the Tab order between them (a roving tabindex), and the two-tone ring around the focused
 * mark. Part of the lazily loaded map engine.
 */
import {compareText} from '../../data/collation.js';
import {svgElement} from './svg.js';

/** A focusable mark, where it is on screen and what orders it by value. */
export interface Mark {
  /** Stable across redraws: `a<key>` for an area, `p<index>` for a point, `c<id>` for a cluster. */
  id: string;
  element: SVGElement;
  x: number;
  y: number;
  /** The area's value, the point's size or the cluster's count; `null` without one. */
  value: number | null;
  name: string;
}

export type Direction = 'left' | 'right' | 'up' | 'down';

export const ARROW_DIRECTIONS: Readonly<Record<string, Direction>> = {
  ArrowLeft: 'left',
  ArrowRight: 'right',
  ArrowUp: 'up',
  ArrowDown: 'down',
};

/**
 * The mark nearest to `from` in `direction`: first among those within 45° of it, else among
 * all those ahead, sideways distance counting double. Undefined at the edge of the map.
 */
export function neighbourIn(direction: Direction, from: Mark, marks: readonly Mark[]): Mark | undefined {
  let best: Mark | undefined;
  let bestScore = Infinity;
  let bestInCone = false;
  for (const mark of marks) {
    if (mark === from) continue;
    const dx = mark.x - from.x;
    const dy = mark.y - from.y;
    const ahead = direction === 'right' ? dx : direction === 'left' ? -dx : direction === 'down' ? dy : -dy;
    const aside = Math.abs(direction === 'left' || direction === 'right' ? dy : dx);
    if (ahead <= 0) continue;
    const inCone = aside <= ahead;
    const score = inCone ? Math.hypot(dx, dy) : ahead + 2 * aside;
    if ((inCone && !bestInCone) || (inCone === bestInCone && score < bestScore)) {
      best = mark;
      bestScore = score;
      bestInCone = inCone;
    }
  }
  return best;
}

/** The marks from the highest value to the lowest, those without a value last, ties by name. */
export function byValue(marks: readonly Mark[]): Mark[] {
  return [...marks].sort(
    (a, b) => (b.value ?? -Infinity) - (a.value ?? -Infinity) || compareText(a.name, b.name),
  );
}

/**
 * Where `key` moves the focus from `from`: the neighbour in the arrow's direction; with Page Down
 * and Page Up the next lower and higher value; with Home and End the highest and the lowest.
 * `null` when the key moves nowhere from there (an edge), undefined when it is not such a key.
 */
export function markFor(key: string, from: Mark, marks: readonly Mark[]): Mark | null | undefined {
  const direction = ARROW_DIRECTIONS[key];
  if (direction) return neighbourIn(direction, from, marks) ?? null;
  if (!['PageDown', 'PageUp', 'Home', 'End'].includes(key)) return undefined;
  const ordered = byValue(marks);
  const at = ordered.indexOf(from);
  // End: the lowest value; the marks without one come after it, by Page Down.
  const valued = ordered.filter((mark) => mark.value !== null).length;
  const last = (valued || ordered.length) - 1;
  const index = key === 'Home' ? 0 : key === 'End' ? last : at + (key === 'PageDown' ? 1 : -1);
  return ordered[index] ?? null;
}

/** Keeps exactly one mark in the Tab order: the last one focused, or else the highest value. */
export class RovingFocus {
  private activeId?: string;

  get active(): string | undefined {
    return this.activeId;
  }

  /** Gives `marks` their tabindex; returns the one in the Tab order. */
  apply(marks: readonly Mark[], ordered: () => Mark[] = () => byValue(marks)): Mark | undefined {
    let active = marks.find((mark) => mark.id === this.activeId);
    if (!active) {
      active = ordered()[0];
      this.activeId = active?.id;
    }
    for (const mark of marks) mark.element.setAttribute('tabindex', mark === active ? '0' : '-1');
    return active;
  }

  /** `mark` becomes the one in the Tab order (it was focused, or is about to be). */
  select(mark: Mark, marks: readonly Mark[]): void {
    this.activeId = mark.id;
    for (const other of marks) other.element.setAttribute('tabindex', other.id === mark.id ? '0' : '-1');
  }

  forget(): void {
    this.activeId = undefined;
  }
}

/**
 * The focus ring of a mark, drawn above every mark: a wide halo of the background under a ring
 * of the focus colour, so that one of the two reaches 3:1 against whatever surrounds the mark.
 */
export class FocusRing {
  readonly element: SVGGElement = svgElement('g', {class: 'focus-ring', 'aria-hidden': 'true'});
  private target?: SVGElement;

  show(target: SVGElement | undefined, areaTransform: string): void {
    this.target = target;
    this.update(areaTransform);
  }

  /** Follows the mark as the view moves (areas share the transform of their layer). */
  update(areaTransform: string): void {
    const target = this.target;
    this.element.replaceChildren();
    if (!target?.isConnected) return;
    for (const kind of ['halo', 'ring']) {
      const common = {
        class: kind,
        fill: 'none',
        'vector-effect': 'non-scaling-stroke',
        'stroke-linejoin': 'round',
      };
      if (target instanceof SVGPathElement) {
        this.element.append(
          svgElement('path', {...common, d: target.getAttribute('d') ?? '', transform: areaTransform}),
        );
      } else {
        const r = Number(target.querySelector('circle')?.getAttribute('r') ?? 0) + 2;
        this.element.append(
          svgElement('circle', {...common, r: String(r), transform: target.getAttribute('transform') ?? ''}),
        );
      }
    }
  }
}
