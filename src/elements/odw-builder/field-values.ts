/**
 * Loads the values of the text fields a condition and a template pick from, once each, among the
 * rows the widget shows; aborted when the builder leaves the page.
 */
import type {ReactiveController, ReactiveControllerHost} from 'lit';
import {facets} from '../../data/index.js';
import {compareText} from '../../data/collation.js';
import type {ApiFamily} from '../../data/types.js';
import type {FieldValues} from './controls.js';

/**
 * Most values of a text field listed for a condition: up to this many, a list to pick from; beyond
 * (the 35 000 communes of France), the box suggests the most frequent ones as the user types.
 */
const CONDITION_VALUES = 2000;

export class FieldValuesController implements ReactiveController {
  /** The dataset and condition the values were read under. */
  private scope?: string;
  private values = new Map<string, FieldValues>();
  private readonly loading = new Set<string>();
  private aborter = new AbortController();

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.aborter.abort();
    this.aborter = new AbortController();
    this.loading.clear();
  }

  valuesOf(name: string): FieldValues | undefined {
    return this.values.get(name);
  }

  /** Loads the values of `names` in the rows of `src` that `where` keeps, those not loaded yet. */
  load(src: string, api: ApiFamily | undefined, where: string, names: Array<string | undefined>): void {
    const scope = `${src}\n${where}`;
    if (this.scope !== scope) {
      this.scope = scope;
      this.values = new Map();
    }
    for (const name of names) {
      if (!name || this.values.has(name) || this.loading.has(`${scope}\n${name}`)) continue;
      this.loading.add(`${scope}\n${name}`);
      facets(src, [name], {api, where, signal: this.aborter.signal}).then(
        ([facet]) => {
          if (this.scope !== scope) return;
          const all = facet?.values ?? [];
          const values = all.slice(0, CONDITION_VALUES).map(({value}) => String(value));
          this.values = new Map(this.values).set(name, {
            values: values.sort((a, b) => compareText(a, b, {numeric: true})),
            complete: all.length <= CONDITION_VALUES,
          });
          this.host.requestUpdate();
        },
        // Without the values (or with a condition being typed), the value is typed.
        () => undefined,
      );
    }
  }
}
