import {and, parseFilter} from '../data/index.js';
import type {Filter} from '../data/types.js';
import type {DataSource} from './data-source.js';

export interface OwnFilterHost {
  readonly sourceElement?: DataSource;
  /** The widget's own extra filter, in the expression language. */
  readonly where?: string;
}

/**
 * The filter a widget sets on its source under its key (a chart or a map with `filter-on-click`,
 * an `odw-filter`), and what the widget queries so that its own filter does not narrow its own
 * choices: every filter of the source but its own. It holds no state: the source does.
 */
export class OwnFilter {
  constructor(
    private readonly host: OwnFilterHost,
    /** The key of the widget's filter in the source. */
    private readonly key: () => string,
  ) {}

  /** The filter the widget has set, if any. */
  get current(): Filter | undefined {
    return this.host.sourceElement?.getFilter(this.key());
  }

  /** The source's base `where` and filters but the widget's own, and the widget's `where`. */
  whereWithoutOwn(): Filter | undefined {
    const widget = this.host.where?.trim() ? parseFilter(this.host.where) : undefined;
    const source = this.host.sourceElement;
    return and(source ? source.filterExcept(this.key()) : undefined, widget);
  }

  /** Sets the widget's filter (`undefined` removes it). */
  set(filter: Filter | undefined): void {
    this.host.sourceElement?.setFilter(this.key(), filter);
  }

  /** Click-to-toggle: sets `filter`, or removes it when it is the one in force. Returns whether it is set. */
  toggle(filter: Filter): boolean {
    const same = JSON.stringify(this.current) === JSON.stringify(filter);
    this.set(same ? undefined : filter);
    return !same;
  }
}
