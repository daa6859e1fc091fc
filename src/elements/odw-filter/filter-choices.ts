/** The choices an `odw-filter` lists: which, in what order, and how each one reads. */
import {compareText} from '../../data/collation.js';
import type {FieldInfo} from '../../data/types.js';
import {formatNumber} from '../../core/format.js';
import type {Lang} from '../../core/lang.js';
import {tableText} from '../odw-table/odw-table.messages.js';
import type {ChoiceValue} from './filter-state.js';

export interface FilterChoice {
  value: ChoiceValue;
  /** Records with this value under the other filters of the source. */
  count: number;
}

const DEFAULT_LIMIT = 100;

/** The choices to list: sorted (`sort="label"`), limited, with the chosen ones always present. */
export function listedChoices(
  all: readonly FilterChoice[],
  chosen: readonly string[],
  sort: string | undefined,
  limitAttribute: number | undefined,
): FilterChoice[] {
  const choices = [...all];
  for (const value of chosen) {
    if (!choices.some((choice) => String(choice.value) === value)) choices.push({value, count: 0});
  }
  if (sort === 'label') {
    choices.sort((a, b) => compareText(String(a.value), String(b.value), {numeric: true}));
  }
  const limit = Math.round(Number(limitAttribute)) > 0 ? Math.round(Number(limitAttribute)) : DEFAULT_LIMIT;
  return choices.filter((choice, index) => index < limit || chosen.includes(String(choice.value)));
}

/**
 * Whether the counts tell anything: where each value is one row (a commune per row, say),
 * « (1) » after every choice would only be noise.
 */
export function countsTell(choices: readonly FilterChoice[]): boolean {
  return choices.some((choice) => choice.count !== 1);
}

/** A choice as read: « Oui » / « Non », French-formatted numbers, text as it is. */
export function choiceText(value: ChoiceValue, field: FieldInfo, lang: Lang): string {
  if (field.type === 'boolean')
    return tableText(lang, value === true || value === 'true' ? 'table.yes' : 'table.no');
  if ((field.type === 'int' || field.type === 'double') && Number.isFinite(Number(value))) {
    return formatNumber(Number(value), lang);
  }
  return String(value);
}
