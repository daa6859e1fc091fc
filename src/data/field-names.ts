/**
 * What a field's name says about its values: digits under a name such as `code_insee`,
 * `idBeneficiaire`, `SIRET` or `cp` are a code (shown as written, never summed), not a quantity.
 */

import type {FieldInfo} from './types.js';

/**
 * Words naming identifiers; a word starting with `code` (`codecommune`) counts too. `num` and
 * `numero` name numbers that identify (Météo-France `NUM_POSTE`); not `no`, which also counts
 * (`no_of_beds`).
 */
const IDENTIFIER_WORDS = new Set([
  'id',
  'ids',
  'identifiant',
  'siren',
  'siret',
  'insee',
  'cp',
  'codgeo',
  'num',
  'numero',
  'numéro',
]);

/**
 * The words of a name in lower case, split at anything not a letter or digit and at camelCase
 * humps: `idBeneficiaire` → `id beneficiaire`, `Code_commune` → `code commune`.
 */
export function nameWords(name: string): string[] {
  return name
    .replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** Whether a field's name names an identifier (`code*`, `id*`, `siret`, `siren`, `insee`, `cp`, `num`…). */
export function isIdentifierName(name: string): boolean {
  return nameWords(name).some((word) => IDENTIFIER_WORDS.has(word) || word.startsWith('code'));
}

/** Whether a field's name names a day (`date`, `jour`, Météo-France's `AAAAMMJJ`). */
export function isDateName(name: string): boolean {
  return nameWords(name).some((word) => /^(?:date|jour|aaaammjj\w*)$/.test(word));
}

/**
 * Whether a field's values are codes, shown as written (`78012958100010`, never
 * « 78 012 958 100 010 »): a field typed as text (a portal's profile saying "string"), or one
 * whose name names an identifier, even when the values came as numbers.
 */
export function isCodeField(field: FieldInfo | undefined): boolean {
  return field !== undefined && (field.type === 'text' || isIdentifierName(field.name));
}
