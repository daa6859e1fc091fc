import {html, nothing, type PropertyValues, type TemplateResult} from 'lit';
import {state} from 'lit/decorators.js';
import {repeat} from 'lit/directives/repeat.js';
import {compareText} from '../../data/collation.js';
import {QueryError, datasetInfo, facets} from '../../data/index.js';
import type {FieldInfo, Filter, QueryResult} from '../../data/types.js';
import {OdwDataElement, type DataTarget, type LoadOptions, type Loaded} from '../../core/data-element.js';
import {ConfigError} from '../../core/errors.js';
import {formatDate, formatNumber} from '../../core/format.js';
import type {Lang} from '../../core/i18n.js';
import {foldText, searchWords} from '../odw-table/cells.js';
import {FocusKeeper} from '../odw-table/focus-keeper.js';
import {allChoicesText} from './all-choices.js';
import {
  choicesFilter,
  dateRangeFilter,
  rangeFilter,
  readBounds,
  readChoices,
  type Bounds,
  type ChoiceValue,
} from './filter-state.js';
import {filterStyles} from './odw-filter.styles.js';
import {applyDefaults, propertiesOf, type AttributeValues} from '../../core/schema.js';
import {filterAttributes} from './odw-filter.schema.js';
import {OwnFilter} from '../../core/own-filter.js';
import {tableText} from '../odw-table/odw-table.messages.js';
import {filterText} from './odw-filter.messages.js';
import {announce} from '../../core/announcer.js';

export type FilterType = 'select' | 'checkboxes' | 'search' | 'range' | 'date-range';

export interface FilterChoice {
  value: ChoiceValue;
  /** Records with this value under the other filters of the source. */
  count: number;
}

/** A `type` that names no control: a typo is shown, not silently drawn as a select. */
class FilterTypeError extends ConfigError {
  constructor(readonly value: string) {
    super('invalid', `type "${value}"`);
  }

  describe(lang: Lang): string {
    return filterText(lang, 'filter.error.type', {value: this.value});
  }
}

/** What an `odw-filter` offers: the field, its choices with counts, or the bounds of its values. */
export interface FilterData {
  field: FieldInfo;
  choices: FilterChoice[];
  /** Smallest and largest value under the other filters (`range`, `date-range`). */
  bounds: Bounds<number | string>;
}

const TYPES: readonly FilterType[] = ['select', 'checkboxes', 'search', 'range', 'date-range'];
const SEARCH_DELAY = 300;
const RANGE_DELAY = 600;
/** A search matching more values than this asks for a more precise text (the URL would be too long). */
const MAX_SEARCH_VALUES = 100;
const DEFAULT_LIMIT = 100;

// The fields are typed from the attribute schema (src/core/schema.ts).
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export interface OdwFilter extends AttributeValues<typeof filterAttributes> {}

/**
 * A control that filters an `odw-source`: a list of the field's values with their record counts
 * (`select`, `checkboxes`), a text search over those values (`search`), or bounds (`range`,
 * `date-range`). It writes its filter into the source (`setFilter(key, filter)`), which makes
 * every widget bound to the source re-query once.
 *
 * Counts come from the API (Opendatasoft facets, a grouped count elsewhere) and follow the other
 * filters as Opendatasoft portals do: the counts of a field ignore that field's own filter
 * (disjunctive within a field), and apply every other filter (conjunctive across fields).
 *
 * Each control shows its own active values under it, each removable by a button, and a
 * « Réinitialiser » button that clears its filter: the summary lives where the filter is set.
 *
 * Several values are chosen with one click or tap each: `multiple` draws the checkbox list,
 * never a native `<select multiple>` (which needs Ctrl-click). A list longer than its box says how
 * many choices follow below (« 13 de plus »). Counts are shown only when they tell something
 * (not where each value is one row). `label-gender` gives the select's first choice its grammar:
 * `label="Communes" label-gender="f"` reads « Toutes les communes », `label="Département"
 * label-gender="m"` « Tous les départements »; without it, « Toutes les valeurs ».
 *
 * `search` matches the typed words (accents and case ignored) against the field's values and
 * filters on the values found (`field in (…)`), so it works on every API; beyond 100 matching
 * values it asks for a more precise text.
 *
 * @summary A select, checkboxes, search or range control that filters a source.
 *
 *
 * @csspart base - The frame around everything.
 * @csspart body - The control, or the loading and error states.
 * @csspart label - The label.
 * @csspart control - The `<select>`, the checkbox list, the search box or the range inputs.
 * @csspart summary - The active values and the « Réinitialiser » button.
 * @csspart reset - The « Réinitialiser » button.
 * @csspart status - The error messages.
 *
 * @cssprop --odw-filter-list-max-height - Height beyond which the checkbox list scrolls (default 16rem).
 * @cssprop --odw-font-family - Font stack.
 * @cssprop --odw-text-color - Text.
 * @cssprop --odw-muted-color - Counts.
 * @cssprop --odw-background - Background.
 * @cssprop --odw-border-color - Borders.
 * @cssprop --odw-accent - Buttons and chosen values.
 * @cssprop --odw-focus-color - Focus ring.
 * @cssprop --odw-radius - Corner radius.
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class OdwFilter extends OdwDataElement<FilterData> {
  static override styles = [...OdwDataElement.styles, filterStyles];

  static override properties = propertiesOf(filterAttributes);

  private readonly ownFilter = new OwnFilter(this, () => this.filterKey);

  /** The text typed in a `search` control (kept while the filter is applied). */
  @state() private searchText = '';

  @state() private searchHint?: 'too-many' | 'no-match';

  private inputTimer?: ReturnType<typeof setTimeout>;
  private lastData?: FilterData;

  private readonly moreObserver = new ResizeObserver(() => this.showMoreBelow());

  constructor() {
    super();
    applyDefaults(this, filterAttributes);
    // A control has no attribution of its own: the widgets it filters show it.
    this.noAttribution = true;
    new FocusKeeper(this, () => ['#control', 'fieldset input', '[part~=reset]', '[part~=retry]']);
  }

  /** The key of this control's filter in the source. */
  get filterKey(): string {
    return this.key?.trim() || this.id || this.field?.trim() || 'filter';
  }

  /** The filter this control has set on its source, if any. */
  get value(): Filter | undefined {
    return this.ownFilter.current;
  }

  /** Clears this control's filter. */
  reset(): void {
    this.searchText = '';
    this.searchHint = undefined;
    const input = this.renderRoot.querySelector<HTMLInputElement>('input[type=search]');
    if (input) input.value = '';
    this.apply(undefined);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.inputTimer);
    this.moreObserver.disconnect();
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const list = this.renderRoot.querySelector('.choices');
    this.moreObserver.disconnect();
    if (list) this.moreObserver.observe(list);
    this.showMoreBelow();
  }

  /**
   * Writes under a scrolling checkbox list how many choices are below its bottom edge (more than
   * half hidden). Written straight into its element, which holds no template part: measuring
   * after each render and scroll must not render again.
   */
  private showMoreBelow(): void {
    const list = this.renderRoot.querySelector<HTMLElement>('.choices');
    const more = this.renderRoot.querySelector<HTMLElement>('.more');
    if (!list || !more) return;
    const bottom = list.getBoundingClientRect().bottom;
    const below = [...list.children].filter((item) => {
      const box = item.getBoundingClientRect();
      return box.top + box.height / 2 > bottom;
    }).length;
    more.textContent = below
      ? filterText(this.currentLang, 'filter.more', {count: formatNumber(below, this.currentLang)})
      : '';
  }

  protected override queryDependencies(): readonly unknown[] {
    // The source's revision (in the base key) re-runs the query after every change; a change of
    // this control's own filter leaves its query the same, answered from the cache.
    return [this.type, this.field, this.filterKey];
  }

  protected override keepsDataWhileLoading(): boolean {
    return true;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('field') || changed.has('type')) this.searchText = '';
  }

  protected override async load(target: DataTarget, options: LoadOptions): Promise<Loaded<FilterData>> {
    if (!TYPES.includes(this.type)) throw new FilterTypeError(this.type);
    const name = this.field?.trim();
    if (!name) throw new QueryError('odw-filter needs a field', {expected: 'field'});
    // Disjunctive counts: every filter of the source but this control's own.
    const where = this.ownFilter.whereWithoutOwn();
    const request = {
      api: target.api,
      apiKey: target.apiKey,
      signal: options.signal,
      fresh: options.fresh,
      offlineCopy: options.offlineCopy,
    };
    const type = this.controlType;
    let field: FieldInfo | undefined;
    let choices: FilterChoice[] = [];
    let bounds: Bounds<number | string> = {};
    let result: QueryResult;
    if (type === 'range' || type === 'date-range') {
      result = await this.runQuery(
        {...target, where},
        {
          select: [
            {type: 'aggregate', fn: 'min', field: name, as: 'min'},
            {type: 'aggregate', fn: 'max', field: name, as: 'max'},
          ],
        },
        options,
      );
      field = result.fields.find((candidate) => candidate.name === name);
      bounds = readAggregateBounds(result.rows[0], type);
    } else {
      const [info, [values]] = await Promise.all([
        datasetInfo(target.src, request),
        facets(target.src, [name], {...request, where}),
      ]);
      field = info.fields.find((candidate) => candidate.name === name);
      choices = values?.values.map(({value, count}) => ({value, count})) ?? [];
      result = {...info, rows: [], total: choices.length};
    }
    const data: FilterData = {
      field: field ?? {
        name,
        label: name,
        type: type === 'date-range' ? 'date' : type === 'range' ? 'double' : 'text',
      },
      choices,
      bounds,
    };
    this.lastData = data;
    // The footer stays empty: a control has no attribution of its own.
    return {data, result: {...result, meta: {}}};
  }

  /** The label stays when the choices cannot be loaded: a reader still knows which control failed. */
  protected override stateLabel(): string | undefined {
    return this.label?.trim() || this.field?.trim();
  }

  protected override isEmpty(): boolean {
    // The control stays (with no choice) so that its label and reset remain.
    return false;
  }

  protected override renderData(data: FilterData, lang: Lang): TemplateResult {
    const label = this.label?.trim() || data.field.label || data.field.name;
    let control: TemplateResult;
    switch (this.multiple && this.controlType === 'select' ? 'checkboxes' : this.controlType) {
      case 'checkboxes':
        control = this.renderCheckboxes(data, label, lang);
        break;
      case 'search':
        control = this.renderSearch(label, lang);
        break;
      case 'range':
      case 'date-range':
        control = this.renderRange(data, label, lang);
        break;
      default:
        control = this.renderSelect(data, label, lang);
    }
    return html`<div class="filter">${control} ${this.renderSummary(data, label, lang)}</div>`;
  }

  private get controlType(): FilterType {
    return TYPES.includes(this.type) ? this.type : 'select';
  }

  /**
   * Writes this control's filter into the source (which tells every bound widget), and says it in
   * the page's live region with the news of the widgets it changes (src/core/announcer.ts).
   */
  private apply(filter: Filter | undefined): void {
    this.ownFilter.set(filter);
    const data = this.lastData;
    if (!data) return;
    const lang = this.currentLang;
    const label = this.label?.trim() || data.field.label || data.field.name;
    const values = filter ? this.summaryItems(data, lang).map((item) => item.text) : [];
    announce(
      filterText(lang, 'filter.announce', {
        label,
        values: values.length
          ? values.join(', ')
          : allChoicesText(lang, this.labelGender, this.label?.trim()),
      }),
    );
  }

  private get chosen(): string[] {
    return readChoices(this.value);
  }

  /** The choices to list: sorted, limited, with the chosen ones always present. */
  private listedChoices(data: FilterData): FilterChoice[] {
    const chosen = this.chosen;
    const choices = [...data.choices];
    for (const value of chosen) {
      if (!choices.some((choice) => String(choice.value) === value)) choices.push({value, count: 0});
    }
    if (this.sort === 'label') {
      choices.sort((a, b) => compareText(String(a.value), String(b.value), {numeric: true}));
    }
    const limit = Math.round(Number(this.limit)) > 0 ? Math.round(Number(this.limit)) : DEFAULT_LIMIT;
    return choices.filter((choice, index) => index < limit || chosen.includes(String(choice.value)));
  }

  /**
   * Whether the counts tell anything: where each value is one row (a commune per row, say),
   * « (1) » after every choice would only be noise.
   */
  private static countsTell(choices: FilterChoice[]): boolean {
    return choices.some((choice) => choice.count !== 1);
  }

  private choiceText(value: ChoiceValue, field: FieldInfo, lang: Lang): string {
    if (field.type === 'boolean')
      return tableText(lang, value === true || value === 'true' ? 'table.yes' : 'table.no');
    if ((field.type === 'int' || field.type === 'double') && Number.isFinite(Number(value))) {
      return formatNumber(Number(value), lang);
    }
    return String(value);
  }

  private renderSelect(data: FilterData, label: string, lang: Lang): TemplateResult {
    const chosen = this.chosen;
    const choices = this.listedChoices(data);
    const counts = OdwFilter.countsTell(choices);
    const onChange = (event: Event) => {
      const {value} = event.target as HTMLSelectElement;
      this.apply(choicesFilter(data.field, value ? [value] : []));
    };
    return html`<label class="label" part="label" for="control">${label}</label>
      <select id="control" part="control" @change=${onChange}>
        <option value="" ?selected=${chosen.length === 0}>
          ${allChoicesText(lang, this.labelGender, this.label?.trim())}
        </option>
        ${repeat(
          choices,
          (choice) => String(choice.value),
          (choice) =>
            html`<option value=${String(choice.value)} ?selected=${chosen.includes(String(choice.value))}>
              ${this.choiceText(choice.value, data.field, lang)}${counts ? ` (${formatNumber(choice.count, lang)})` : ''}
            </option>`,
        )}
      </select>`;
  }

  private renderCheckboxes(data: FilterData, label: string, lang: Lang): TemplateResult {
    const chosen = this.chosen;
    const toggle = (value: string, checked: boolean) => {
      // Read at the click: several clicks may come before the next render.
      const current = this.chosen.filter((other) => other !== value);
      const values = checked ? [...current, value] : current;
      this.apply(choicesFilter(data.field, values));
    };
    const choices = this.listedChoices(data);
    const counts = OdwFilter.countsTell(choices);
    if (choices.length === 0) {
      return html`<fieldset class="group" part="control">
        <legend class="label" part="label">${label}</legend>
        <p class="empty">${filterText(lang, 'filter.no-choice')}</p>
      </fieldset>`;
    }
    return html`<fieldset class="group" part="control">
      <legend class="label" part="label">${label}</legend>
      <ul class="choices" @scroll=${this.showMoreBelow}>
        ${repeat(
          choices,
          (choice) => String(choice.value),
          (choice) => {
            const value = String(choice.value);
            return html`<li>
              <label class="choice">
                <input
                  type="checkbox"
                  .value=${value}
                  .checked=${chosen.includes(value)}
                  @change=${(event: Event) => toggle(value, (event.target as HTMLInputElement).checked)}
                />
                <span class="choice-label">${this.choiceText(choice.value, data.field, lang)}</span>
                ${counts ? html`<span class="count">(${formatNumber(choice.count, lang)})</span>` : nothing}
              </label>
            </li>`;
          },
        )}
      </ul>
      <p class="more" aria-hidden="true"></p>
    </fieldset>`;
  }

  private renderSearch(label: string, lang: Lang): TemplateResult {
    const onInput = (event: Event) => {
      const text = (event.target as HTMLInputElement).value;
      clearTimeout(this.inputTimer);
      this.inputTimer = setTimeout(() => this.applySearch(text), SEARCH_DELAY);
    };
    return html`<label class="label" part="label" for="control">${label}</label>
      <input
        id="control"
        part="control"
        type="search"
        autocomplete="off"
        aria-describedby="hint"
        .value=${this.searchText}
        @input=${onInput}
      />
      <p id="hint" class="hint" role="status">
        ${this.searchHint ? filterText(lang, `filter.${this.searchHint}`, {count: formatNumber(this.matchCount, lang)}) : nothing}
      </p>`;
  }

  private matchCount = 0;

  /** Filters on the values of the field that hold every typed word. */
  private applySearch(text: string): void {
    const data = this.lastData;
    this.searchText = text;
    const words = searchWords(text);
    if (!data || words.length === 0) {
      this.searchHint = undefined;
      this.apply(undefined);
      return;
    }
    const matches = data.choices
      .filter((choice) => {
        const folded = foldText(String(choice.value));
        return words.every((word) => folded.includes(word));
      })
      .map((choice) => choice.value);
    this.matchCount = matches.length;
    if (matches.length > MAX_SEARCH_VALUES) {
      this.searchHint = 'too-many';
      this.apply(undefined);
      return;
    }
    this.searchHint = matches.length === 0 ? 'no-match' : undefined;
    // No value matches: a filter that keeps nothing, so the widgets say « Aucune donnée ».
    this.apply(choicesFilter(data.field, matches.length ? matches : [text.trim()]));
  }

  private renderRange(data: FilterData, label: string, lang: Lang): TemplateResult {
    const dates = this.controlType === 'date-range';
    const current = readBounds(this.value);
    const inputValue = (value: number | string | undefined) =>
      value === undefined ? '' : dates ? String(value).slice(0, 10) : String(value);
    const limit = (value: number | string | undefined) =>
      value === undefined ? nothing : dates ? String(value).slice(0, 10) : String(value);
    const onChange = () => {
      clearTimeout(this.inputTimer);
      this.inputTimer = setTimeout(() => this.applyRange(data), RANGE_DELAY);
    };
    const onCommit = () => {
      clearTimeout(this.inputTimer);
      this.applyRange(data);
    };
    const input = (id: 'min' | 'max', text: string) =>
      html`<span class="bound">
        <label for=${id}>${text}</label>
        <input
          id=${id}
          type=${dates ? 'date' : 'number'}
          inputmode=${dates ? nothing : 'decimal'}
          step=${dates ? nothing : 'any'}
          min=${limit(data.bounds.min)}
          max=${limit(data.bounds.max)}
          placeholder=${dates || data.bounds[id] === undefined ? nothing : formatNumber(Number(data.bounds[id]), lang)}
          .value=${inputValue(current[id])}
          @input=${onChange}
          @change=${onCommit}
        />
      </span>`;
    return html`<fieldset class="group" part="control">
      <legend class="label" part="label">${label}</legend>
      <div class="bounds">
        ${input('min', filterText(lang, dates ? 'filter.from' : 'filter.min'))}
        ${input('max', filterText(lang, dates ? 'filter.to' : 'filter.max'))}
      </div>
    </fieldset>`;
  }

  private applyRange(data: FilterData): void {
    const read = (id: string) =>
      this.renderRoot.querySelector<HTMLInputElement>(`#${id}`)?.value.trim() ?? '';
    const [min, max] = [read('min'), read('max')];
    if (this.controlType === 'date-range') {
      this.apply(dateRangeFilter(data.field.name, {min: min || undefined, max: max || undefined}));
      return;
    }
    const number = (text: string) =>
      text !== '' && Number.isFinite(Number(text)) ? Number(text) : undefined;
    this.apply(rangeFilter(data.field.name, {min: number(min), max: number(max)}));
  }

  /** The active values, each removable, and « Réinitialiser ». */
  private renderSummary(data: FilterData, label: string, lang: Lang): unknown {
    const filter = this.value;
    if (!filter) return nothing;
    const chips = this.summaryItems(data, lang);
    const focusControl = () =>
      void this.updateComplete.then(() =>
        this.renderRoot.querySelector<HTMLElement>('#control, #min, fieldset input')?.focus(),
      );
    return html`<div class="summary" part="summary">
      <ul class="chips" aria-label=${`${filterText(lang, 'filter.active')} : ${label}`}>
        ${chips.map(
          (chip) =>
            html`<li>
              <button
                type="button"
                class="chip"
                aria-label=${filterText(lang, 'filter.remove', {value: chip.text})}
                @click=${() => {
                  chip.remove();
                  focusControl();
                }}
              >
                <span>${chip.text}</span><span aria-hidden="true">✕</span>
              </button>
            </li>`,
        )}
      </ul>
      <button
        type="button"
        class="reset"
        part="reset"
        aria-label=${filterText(lang, 'filter.reset-named', {label})}
        @click=${() => {
          this.reset();
          focusControl();
        }}
      >
        ${filterText(lang, 'filter.reset')}
      </button>
    </div>`;
  }

  private summaryItems(data: FilterData, lang: Lang): Array<{text: string; remove: () => void}> {
    const type = this.controlType;
    if (type === 'range' || type === 'date-range') {
      const {min, max} = readBounds(this.value);
      const show = (value: number | string) =>
        type === 'date-range' ? formatDate(String(value), lang) : formatNumber(Number(value), lang);
      const text =
        min !== undefined && max !== undefined
          ? filterText(lang, 'filter.between', {min: show(min), max: show(max)})
          : min !== undefined
            ? filterText(lang, 'filter.at-least', {min: show(min)})
            : filterText(lang, 'filter.at-most', {max: show(max!)});
      return [{text, remove: () => this.reset()}];
    }
    if (type === 'search' && this.searchText.trim()) {
      return [
        {
          text: filterText(lang, 'filter.contains', {text: this.searchText.trim()}),
          remove: () => this.reset(),
        },
      ];
    }
    const chosen = this.chosen;
    return chosen.map((value) => ({
      text: this.choiceText(value, data.field, lang),
      remove: () =>
        this.apply(
          choicesFilter(
            data.field,
            this.chosen.filter((other) => other !== value),
          ),
        ),
    }));
  }
}

function readAggregateBounds(
  row: Record<string, unknown> | undefined,
  type: 'range' | 'date-range',
): Bounds<number | string> {
  const bound = (value: unknown): number | string | undefined => {
    if (value === null || value === undefined || value === '') return undefined;
    if (type === 'date-range') return String(value).slice(0, 10);
    const number = Number(value);
    return Number.isFinite(number) ? number : undefined;
  };
  return {min: bound(row?.min), max: bound(row?.max)};
}
