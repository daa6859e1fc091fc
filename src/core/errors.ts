/** Errors of a widget's own configuration (as opposed to the data layer's, in `data/errors.ts`). */
import {QueryError} from '../data/errors.js';
import type {Lang} from './lang.js';

export type ConfigErrorReason =
  /** `source="id"` names no `odw-source` in the document. */
  | 'source-not-found'
  /** Neither `source` nor `src` is set. */
  | 'no-source'
  /** An attribute or property the widget cannot use; subclasses word it with `describe(lang)`. */
  | 'invalid';

export class ConfigError extends Error {
  constructor(
    readonly reason: ConfigErrorReason,
    /** The `source` id for `source-not-found`. */
    readonly detail?: string,
  ) {
    super(
      reason === 'source-not-found'
        ? `No odw-source with id "${detail}"`
        : reason === 'invalid'
          ? `Invalid configuration: ${detail}`
          : 'Neither source nor src is set',
    );
    this.name = 'ConfigError';
  }
}

/**
 * The data came, but drawing it threw (src/core/data-element.ts `drawData`): an engine lacking
 * what the drawing calls, data the drawing did not expect. Trying again would draw the same.
 */
export const DRAW_FAILURE = {
  retryable: false,
  describe: (lang: Lang) =>
    lang === 'fr' ? 'Ce contenu n’a pas pu s’afficher.' : 'This content could not be shown.',
};

/** An aborted request (element removed, query superseded): never shown, never reported. */
export function isAbortError(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

/**
 * Trying again cannot fix a wrong expression or attribute, nor an error that says so
 * (`retryable: false`); it may fix the portal's failure.
 */
export function isRetryable(error: unknown): boolean {
  return !(
    error instanceof QueryError ||
    error instanceof ConfigError ||
    (error as {retryable?: boolean} | undefined)?.retryable === false
  );
}
