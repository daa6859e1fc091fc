/** The « all » choice of a select, in the grammar of its label. */
import type {Lang} from '../../core/i18n.js';
import {filterText} from './odw-filter.messages.js';

/** The grammatical gender of a filter's label in French (`label-gender`). */
export type LabelGender = 'f' | 'm';

/**
 * « Toutes les communes » for `label="Commune"` (or « Communes ») and `label-gender="f"`,
 * « Tous les départements » with `m`, « All communes » in English; « Toutes les valeurs »
 * without a gender or a label. The first word of the label is put in the plural (the rule of
 * most nouns: « type d’emplacement » becomes « types d’emplacement »); a label already in the
 * plural stays as written.
 */
export function allChoicesText(lang: Lang, gender: string | undefined, label: string | undefined): string {
  if (!label || (gender !== 'f' && gender !== 'm')) return filterText(lang, 'filter.all');
  const things = lowerFirst(pluralFirstWord(label, lang));
  return filterText(lang, gender === 'f' ? 'filter.all-feminine' : 'filter.all-masculine', {things});
}

function pluralFirstWord(label: string, lang: Lang): string {
  const [, word, rest] = /^(\S+)(.*)$/su.exec(label.trim())!;
  if (/[sxz]$/iu.test(word) || word === word.toUpperCase()) return label.trim();
  if (lang === 'fr' && /(eau|eu)$/iu.test(word)) return `${word}x${rest}`;
  if (lang === 'fr' && /al$/iu.test(word)) return `${word.slice(0, -2)}aux${rest}`;
  if (lang === 'en' && /[^aeiou]y$/iu.test(word)) return `${word.slice(0, -1)}ies${rest}`;
  return `${word}s${rest}`;
}

/** « Communes » → « communes »; an acronym (« EPCI ») stays as written. */
function lowerFirst(text: string): string {
  const [first = '', second = ''] = text;
  return second && second === second.toUpperCase() && /\p{L}/u.test(second)
    ? text
    : first.toLowerCase() + text.slice(1);
}
