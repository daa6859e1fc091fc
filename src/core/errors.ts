/** Errors of a widget's own configuration (as opposed to the data layer's, in `data/errors.ts`). */
import {QueryError} from '../data/errors.js';

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
