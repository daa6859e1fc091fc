import {html, nothing, type PropertyValues, type TemplateResult} from 'lit';
import {state} from 'lit/decorators.js';
import {QueryError} from '../../data/index.js';
import type {Filter} from '../../data/types.js';
import {OdwDataElement, type DataTarget, type LoadOptions, type Loaded} from '../../core/data-element.js';
import {ConfigError} from '../../core/errors.js';
import {formatNumber} from '../../core/format.js';
import type {Lang} from '../../core/i18n.js';
import {foldText, searchWords} from '../odw-table/cells.js';
import {FocusKeeper} from '../odw-table/focus-keeper.js';
import {allChoicesText} from './all-choices.js';
import {choicesFilter, dateRangeFilter, rangeFilter, readBounds, readChoices} from './filter-state.js';
import {filterStyles} from './odw-filter.styles.js';
import {applyDefaults, propertiesOf, type AttributeValues} from '../../core/schema.js';
import {filterAttributes} from './odw-filter.schema.js';
import {OwnFilter} from '../../core/own-filter.js';
import {filterText} from './odw-filter.messages.js';
import {announce} from '../../core/announcer.js';
import {FrameResizeObserver} from '../../core/frame-resize-observer.js';
import {renderCheckboxes, renderSelect, type ChoiceList} from './filter-lists.js';
import {loadFilterData, type FilterData, type FilterType} from './filter-load.js';
import {renderSummary, summaryItems, type SummaryItem} from './filter-summary.js';

export type {FilterData, FilterType} from './filter-load.js';

export type {FilterChoice} from './filter-choices.js';

/** A `type` that names no control: a typo is shown, not silently drawn as a select. */
class FilterTypeError extends ConfigError {
  constructor(readonly value: string) {
    super('invalid', `type "${value}"`);
  }

  describe(lang: Lang): string {
    return filterText(lang, 'filter.error.type', {value: this.value});
  }
}

const TYPES: readonly FilterType[] = ['select', 'checkboxes', 'search', 'range', 'date-range'];
const SEARCH_DELAY = 300;
const RANGE_DELAY = 600;
/** A search matching more values than this asks for a more precise text (the URL would be too long). */
const MAX_SEARCH_VALUES = 100;

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

  /** The list's size changed: its count of hidden choices is written again (in the next frame). */
  private readonly moreObserver = new FrameResizeObserver(() => this.showMoreBelow());

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
    const loaded = await loadFilterData(this.controlType, name, {...target, where}, options, (select) =>
      this.runQuery({...target, where}, {select}, options),
    );
    this.lastData = loaded.data;
    return loaded;
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
        control = renderCheckboxes(this.choiceList(data, label, lang));
        break;
      case 'search':
        control = this.renderSearch(label, lang);
        break;
      case 'range':
      case 'date-range':
        control = this.renderRange(data, label, lang);
        break;
      default:
        control = renderSelect(this.choiceList(data, label, lang));
    }
    return html`<div class="filter">${control} ${this.renderSummary(data, label, lang)}</div>`;
  }

  private choiceList(data: FilterData, label: string, lang: Lang): ChoiceList {
    return {
      data,
      label,
      lang,
      chosen: () => this.chosen,
      sort: this.sort,
      limit: this.limit,
      allText: allChoicesText(lang, this.labelGender, this.label?.trim()),
      apply: (filter) => this.apply(filter),
      onScroll: () => this.showMoreBelow(),
    };
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
    const values = filter ? this.activeItems(data, lang).map((item) => item.text) : [];
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

  /** The active values, each removable, and « Réinitialiser », which give the focus back to the control. */
  private renderSummary(data: FilterData, label: string, lang: Lang): unknown {
    if (!this.value) return nothing;
    const focusControl = () =>
      void this.updateComplete.then(() =>
        this.renderRoot.querySelector<HTMLElement>('#control, #min, fieldset input')?.focus(),
      );
    return renderSummary(this.activeItems(data, lang), label, lang, () => this.reset(), focusControl);
  }

  private activeItems(data: FilterData, lang: Lang): SummaryItem[] {
    return summaryItems({
      type: this.controlType,
      filter: this.value,
      searchText: this.searchText,
      chosen: () => this.chosen,
      field: data.field,
      lang,
      reset: () => this.reset(),
      apply: (filter) => this.apply(filter),
    });
  }
}
