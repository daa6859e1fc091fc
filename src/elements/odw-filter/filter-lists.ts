/** The lists of choices of an `odw-filter`: a select, or checkboxes (one click or tap each). */
import {html, nothing, type TemplateResult} from 'lit';
import {repeat} from 'lit/directives/repeat.js';
import type {Filter} from '../../data/types.js';
import {formatNumber} from '../../core/format.js';
import type {Lang} from '../../core/lang.js';
import {choiceText, countsTell, listedChoices} from './filter-choices.js';
import type {FilterData} from './filter-load.js';
import {choicesFilter} from './filter-state.js';
import {filterText} from './odw-filter.messages.js';

export interface ChoiceList {
  data: FilterData;
  label: string;
  lang: Lang;
  /** The values chosen now (read again at each click: several may come before the next render). */
  chosen: () => string[];
  sort?: string;
  limit?: number;
  /** The select's first choice, « Toutes les communes ». */
  allText: string;
  apply: (filter: Filter | undefined) => void;
  /** The checkbox list scrolled. */
  onScroll: () => void;
}

/** A `<select>` of the choices, « Toutes les communes » first. */
export function renderSelect(list: ChoiceList): TemplateResult {
  const {data, label, lang} = list;
  const chosen = list.chosen();
  const choices = listedChoices(data.choices, chosen, list.sort, list.limit);
  const counts = countsTell(choices);
  const onChange = (event: Event) => {
    const {value} = event.target as HTMLSelectElement;
    list.apply(choicesFilter(data.field, value ? [value] : []));
  };
  return html`<label class="label" part="label" for="control">${label}</label>
    <select id="control" part="control" @change=${onChange}>
      <option value="" ?selected=${chosen.length === 0}>${list.allText}</option>
      ${repeat(
        choices,
        (choice) => String(choice.value),
        (choice) =>
          html`<option value=${String(choice.value)} ?selected=${chosen.includes(String(choice.value))}>
            ${choiceText(choice.value, data.field, lang)}${counts ? ` (${formatNumber(choice.count, lang)})` : ''}
          </option>`,
      )}
    </select>`;
}

/** A checkbox per choice, in a list that says how many follow below its edge. */
export function renderCheckboxes(list: ChoiceList): TemplateResult {
  const {data, label, lang} = list;
  const chosen = list.chosen();
  const toggle = (value: string, checked: boolean) => {
    // Read at the click: several clicks may come before the next render.
    const current = list.chosen().filter((other) => other !== value);
    const values = checked ? [...current, value] : current;
    list.apply(choicesFilter(data.field, values));
  };
  const choices = listedChoices(data.choices, chosen, list.sort, list.limit);
  const counts = countsTell(choices);
  if (choices.length === 0) {
    return html`<fieldset class="group" part="control">
      <legend class="label" part="label">${label}</legend>
      <p class="empty">${filterText(lang, 'filter.no-choice')}</p>
    </fieldset>`;
  }
  return html`<fieldset class="group" part="control">
    <legend class="label" part="label">${label}</legend>
    <ul class="choices" @scroll=${list.onScroll}>
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
              <span class="choice-label">${choiceText(choice.value, data.field, lang)}</span>
              ${counts ? html`<span class="count">(${formatNumber(choice.count, lang)})</span>` : nothing}
            </label>
          </li>`;
        },
      )}
    </ul>
    <p class="more" aria-hidden="true"></p>
  </fieldset>`;
}
