/** Message catalogues: each element's own (`messageCatalogue`), and the loaded error sentences. */
import type {Lang} from './lang.js';

export type MessageParams = Record<string, string | number>;

/** `message` with its `{name}` placeholders replaced by `params`. */
export function interpolate(message: string, params: MessageParams): string {
  return message.replace(/\{(\w+)\}/g, (placeholder, name: string) =>
    name in params ? String(params[name]) : placeholder,
  );
}

/**
 * An element's own catalogue, in French (first) and English: its strings load with the element,
 * and only its keys type-check. Returns its translation function.
 */
export function messageCatalogue<K extends string>(messages: {fr: Record<K, string>; en: Record<K, string>}) {
  return (lang: Lang, key: K, params: MessageParams = {}): string =>
    interpolate(messages[lang][key] ?? key, params);
}

/** What failed, when nothing more precise can be said or before the detailed sentences load. */
export const GENERIC_ERROR: Record<Lang, string> = {
  fr: 'Les données n’ont pas pu être chargées.',
  en: 'The data could not be loaded.',
};

/**
 * The sentence of an element's own error, which words itself (an invalid attribute, code that did
 * not load): no need to wait for the error words.
 */
export function ownWords(error: unknown, lang: Lang): string | undefined {
  const describe = (error as {describe?: unknown} | undefined)?.describe;
  return typeof describe === 'function' ? String(describe.call(error, lang)) : undefined;
}

/**
 * `describeError` of src/core/error-words.ts, set when that module runs: the frame then words an
 * error at once, without importing the module (which would load it on every page).
 */
export const errorWords: {describe?: (error: unknown, lang: Lang) => string} = {};
