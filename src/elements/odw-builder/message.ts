/** Words the builder holds untranslated, and says in the language of the moment. */
import {QueryError} from '../../data/errors.js';
import {describeError, type Lang} from '../../core/i18n.js';
import {tb, type BuilderMessageKey} from './odw-builder.messages.js';

/** A message of the catalogue with its values, or an error to describe. */
export type Message = {key: BuilderMessageKey; params?: Record<string, string | number>} | {error: unknown};

/** A message in words; an error as the data layer describes it (a portal address said plainly). */
export function say(message: Message | undefined, lang: Lang): string {
  if (!message) return '';
  if ('key' in message) return tb(lang, message.key, message.params);
  const {error} = message;
  if (error instanceof QueryError && error.details.expected === 'portal-url')
    return tb(lang, 'builder.error.portal');
  return describeError(error, lang);
}
