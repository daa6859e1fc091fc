/**
 * What an `odw-filter` shows under its control: each active value as a button that removes it
 * (a range or a search as one), and « Réinitialiser ».
 */
import {html, type TemplateResult} from 'lit';
import type {FieldInfo, Filter} from '../../data/types.js';
import {formatDate, formatNumber} from '../../core/format.js';
import type {Lang} from '../../core/lang.js';
import {choiceText} from './filter-choices.js';
import type {FilterType} from './filter-load.js';
import {choicesFilter, readBounds} from './filter-state.js';
import {filterText} from './odw-filter.messages.js';

export interface SummaryItem {
  text: string;
  remove: () => void;
}

export interface SummaryContext {
  type: FilterType;
  /** The control's filter in force. */
  filter: Filter | undefined;
  /** The text typed in a `search` control. */
  searchText: string;
  /** The values chosen now (read again at each click: several may come before the next render). */
  chosen: () => string[];
  field: FieldInfo;
  lang: Lang;
  reset: () => void;
  apply: (filter: Filter | undefined) => void;
}

/** The active values, as read, each with what removes it. */
export function summaryItems(context: SummaryContext): SummaryItem[] {
  const {type, filter, lang} = context;
  if (type === 'range' || type === 'date-range') {
    const {min, max} = readBounds(filter);
    const show = (value: number | string) =>
      type === 'date-range' ? formatDate(String(value), lang) : formatNumber(Number(value), lang);
    const text =
      min !== undefined && max !== undefined
        ? filterText(lang, 'filter.between', {min: show(min), max: show(max)})
        : min !== undefined
          ? filterText(lang, 'filter.at-least', {min: show(min)})
          : filterText(lang, 'filter.at-most', {max: show(max!)});
    return [{text, remove: context.reset}];
  }
  if (type === 'search' && context.searchText.trim()) {
    return [
      {text: filterText(lang, 'filter.contains', {text: context.searchText.trim()}), remove: context.reset},
    ];
  }
  return context.chosen().map((value) => ({
    text: choiceText(value, context.field, lang),
    remove: () =>
      context.apply(
        choicesFilter(
          context.field,
          context.chosen().filter((other) => other !== value),
        ),
      ),
  }));
}

/** The chips and « Réinitialiser »; each gives the focus back to the control (`focusControl`). */
export function renderSummary(
  items: SummaryItem[],
  label: string,
  lang: Lang,
  reset: () => void,
  focusControl: () => void,
): TemplateResult {
  return html`<div class="summary" part="summary">
    <ul class="chips" aria-label=${`${filterText(lang, 'filter.active')} : ${label}`}>
      ${items.map(
        (item) =>
          html`<li>
            <button
              type="button"
              class="chip"
              aria-label=${filterText(lang, 'filter.remove', {value: item.text})}
              @click=${() => {
                item.remove();
                focusControl();
              }}
            >
              <span>${item.text}</span><span aria-hidden="true">✕</span>
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
        reset();
        focusControl();
      }}
    >
      ${filterText(lang, 'filter.reset')}
    </button>
  </div>`;
}
