/**
 * The frame's words, in French (first) and English, and the rules that pick the language of an
 * element. The sentences that say what failed are in src/core/error-words.ts: a page loads them on
 * its first error (`errorMessage`), every page that draws without one never does.
 */
import type {Lang} from './lang.js';
import {GENERIC_ERROR, errorWords, interpolate, ownWords, type MessageParams} from './messages.js';

export {LANGS, normalizeLang, resolveLang, type Lang} from './lang.js';
export {messageCatalogue, type MessageParams} from './messages.js';
export {describeError} from './error-words.js';

const fr = {
  loading: 'Chargement…',
  empty: 'Aucune donnée',
  retry: 'Réessayer',
  'announce.updated': '{name} : mis à jour',
  'announce.empty': '{name} : aucune donnée',
  'stale.notice': 'Données du {date} — la mise à jour a échoué',
  'offline.notice': 'Données du {date} — le portail ne répond pas',
  'footer.source': 'Source :',
  'footer.license': 'Licence {name}',
  'footer.modified': 'Mis à jour le',
  'footer.dataset': 'Voir le jeu de données',
};

type CoreMessageKey = keyof typeof fr;

/** The core's keys: the frame's words; each element has its own catalogue. */
export type MessageKey = CoreMessageKey;

const en: Record<CoreMessageKey, string> = {
  loading: 'Loading…',
  empty: 'No data',
  retry: 'Retry',
  'announce.updated': '{name}: updated',
  'announce.empty': '{name}: no data',
  'stale.notice': 'Data from {date} — the update failed',
  'offline.notice': 'Data from {date} — the portal is not responding',
  'footer.source': 'Source:',
  'footer.license': '{name} licence',
  'footer.modified': 'Updated',
  'footer.dataset': 'View the dataset',
};

const catalogue: Record<Lang, Record<MessageKey, string>> = {fr, en};

/** The message `key` in `lang`, with `{name}` placeholders replaced by `params`. */
export function t(lang: Lang, key: MessageKey, params: MessageParams = {}): string {
  return interpolate(catalogue[lang][key], params);
}

/**
 * What failed, in `lang`, as the frame shows it: `describeError`'s sentence once its words are
 * loaded; before, an element's own error says its own at once, and any other a short sentence in a
 * text node that the detailed one replaces as soon as the words arrive (a page without error never
 * downloads them). Plain text, never HTML.
 */
export function errorMessage(error: unknown, lang: Lang): string | Text {
  if (errorWords.describe) return errorWords.describe(error, lang);
  const own = ownWords(error, lang);
  if (own !== undefined) return own;
  const text = document.createTextNode(GENERIC_ERROR[lang]);
  void import('./error-words.js').then(
    ({describeError}) => (text.data = describeError(error, lang)),
    // The words could not load (the page's server is unreachable too): the short sentence stays.
    () => undefined,
  );
  return text;
}
