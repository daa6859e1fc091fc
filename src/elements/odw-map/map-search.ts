/**
 * « Trouver une commune »: a combobox (WAI-ARIA 1.2, list autocomplete) listing the areas or
 * points whose name holds what is typed, in French order, accents and case ignored. Choosing one
 * focuses its mark on the map, which announces it.
 */
import {html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult} from 'lit';
import {compareText} from '../../data/collation.js';
import {formatNumber} from '../../core/format.js';
import type {Lang} from '../../core/i18n.js';
import type {ChoroplethData, PointsData} from './map-types.js';
import {mapText} from './odw-map.messages.js';

/** Most names listed at once. */
const MAX_OPTIONS = 8;

/** A mark that can be found by its name: `id` as `MapView.focusMark` takes it. */
export interface Findable {
  id: string;
  name: string;
}

/** The areas, or the named points, as `MapView.focusMark` finds them. */
export function findable(data: ChoroplethData | PointsData): Findable[] {
  return data.mode === 'choropleth'
    ? data.areas.map((area) => ({id: `a${area.key}`, name: area.name}))
    : data.points.flatMap((point, i) => (point.label ? [{id: `p${i}`, name: point.label}] : []));
}

/** « Trouver une commune », « un département »…: what the areas are, read from the joined field's name. */
export function searchLabel(data: ChoroplethData | PointsData, key: string | undefined, lang: Lang): string {
  if (data.mode === 'points') return mapText(lang, 'map.search-points');
  const name = (key ?? '').toLowerCase();
  if (/dep/.test(name)) return mapText(lang, 'map.search-departements');
  if (/reg/.test(name)) return mapText(lang, 'map.search-regions');
  if (/insee|commune|com\b|codgeo/.test(name)) return mapText(lang, 'map.search-communes');
  return mapText(lang, 'map.search-areas');
}

/** Lower case, without accents, ligatures spelt out, apostrophes and hyphens as spaces. */
export function fold(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/['’\-‐]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The names matching `text`: those starting with it first, then those holding it, each in French order. */
export function matches(items: readonly Findable[], text: string): Findable[] {
  const wanted = fold(text);
  if (!wanted) return [];
  const starting: Findable[] = [];
  const holding: Findable[] = [];
  for (const item of items) {
    const name = fold(item.name);
    if (name.startsWith(wanted)) starting.push(item);
    else if (name.includes(wanted)) holding.push(item);
  }
  const byName = (a: Findable, b: Findable) => compareText(a.name, b.name);
  return [...starting.sort(byName), ...holding.sort(byName)];
}

export class MapSearchController implements ReactiveController {
  private text = '';
  private found: Findable[] = [];
  private activeIndex = -1;
  private open = false;

  /** `choose`: focuses the mark of the chosen item; false when it cannot be shown. */
  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly choose: (item: Findable) => boolean,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.open = false;
  }

  /** `label`: the visible label; `name`: the full accessible name, which says which map. */
  render(items: readonly Findable[], lang: Lang, label: string, name: string): TemplateResult {
    const shown = this.found.slice(0, MAX_OPTIONS);
    const expanded = this.open && shown.length > 0;
    const active = expanded && this.activeIndex >= 0 ? `search-option-${this.activeIndex}` : undefined;
    return html`<div class="search" part="search">
      <label for="search-input">${label}</label>
      <input
        id="search-input"
        type="text"
        role="combobox"
        autocomplete="off"
        spellcheck="false"
        aria-label=${name}
        aria-autocomplete="list"
        aria-expanded=${expanded ? 'true' : 'false'}
        aria-controls="search-list"
        aria-activedescendant=${active ?? nothing}
        .value=${this.text}
        @input=${(event: Event) => this.onInput((event.target as HTMLInputElement).value, items)}
        @keydown=${(event: KeyboardEvent) => this.onKeyDown(event)}
        @blur=${() => this.close()}
      />
      <ul id="search-list" role="listbox" aria-label=${name} ?hidden=${!expanded}>
        ${shown.map(
          (item, i) =>
            html`<li
              id="search-option-${i}"
              role="option"
              aria-selected=${i === this.activeIndex ? 'true' : 'false'}
              @mousedown=${(event: Event) => event.preventDefault()}
              @click=${() => this.pick(item)}
            >
              ${item.name}
            </li>`,
        )}
      </ul>
      <p class="visually-hidden" role="status">
        ${
          this.open && this.text.trim()
            ? mapText(lang, this.found.length === 1 ? 'map.search-found-one' : 'map.search-found', {
                count: formatNumber(this.found.length, lang),
              })
            : nothing
        }
      </p>
    </div>`;
  }

  private onInput(value: string, items: readonly Findable[]): void {
    this.text = value;
    this.found = matches(items, value);
    this.activeIndex = -1;
    this.open = true;
    this.host.requestUpdate();
  }

  private onKeyDown(event: KeyboardEvent): void {
    const count = Math.min(this.found.length, MAX_OPTIONS);
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp':
        if (!count) return;
        this.open = true;
        this.activeIndex =
          event.key === 'ArrowDown' ? (this.activeIndex + 1) % count : (this.activeIndex - 1 + count) % count;
        break;
      case 'Enter': {
        const item = this.found[Math.max(0, this.activeIndex)];
        if (!this.open || !item) return;
        this.pick(item);
        break;
      }
      case 'Escape':
        if (!this.open && !this.text) return;
        if (!this.open) this.text = '';
        this.close();
        break;
      default:
        return;
    }
    event.preventDefault();
    event.stopPropagation();
    this.host.requestUpdate();
  }

  private pick(item: Findable): void {
    this.text = item.name;
    this.close();
    this.choose(item);
  }

  private close(): void {
    if (!this.open) return;
    this.open = false;
    this.activeIndex = -1;
    this.host.requestUpdate();
  }
}
