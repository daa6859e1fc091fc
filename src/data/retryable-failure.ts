import type {DataError} from './errors.js';

/** A failed attempt worth another try; `error` is what the caller gets if none is left. */
export class RetryableFailure {
  constructor(
    readonly error: DataError,
    /** The server's requested wait (Retry-After…), when it gave a short one. */
    readonly delay?: number,
  ) {}
}
