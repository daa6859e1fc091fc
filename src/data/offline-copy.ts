/**
 * The offline copy (README, « Degraded mode that survives a reload »): the last good answer to each
 * request, kept in the browser, stands in for the portal when it cannot be reached at page load.
 * The store itself (offline-store.ts, with IndexedDB's wrapper) loads on first use, after the first
 * answer or failure: no page waits for it before drawing.
 */
import {HttpError, NetworkError, QuotaError} from './errors.js';

/** What a caller of the network layer asks of the offline copy. */
export interface OfflineCopyOptions {
  /** Answer from the copy when the portal cannot be reached (else only keep answers). */
  fallback: boolean;
  /** Told the date of each copy used for an answer. */
  onCopy(savedAt: Date): void;
}

const store = () => import('./offline-store.js');

/** Keeps `payload` as the last good answer to `key` (`size` in characters). Never throws. */
export function saveCopy(key: string, payload: unknown, size: number): Promise<void> {
  return store().then(
    (offline) => offline.saveCopy(key, payload, size),
    () => undefined,
  );
}

/** Whether `error` says the portal could not be reached (what the copy stands in for). */
export function isUnreachable(error: unknown): boolean {
  return (
    error instanceof NetworkError ||
    error instanceof QuotaError ||
    (error instanceof HttpError && error.status >= 500)
  );
}

/** Answers a failure to reach the portal from the copy, when the caller allows it and there is one. */
export function withOfflineCopy<T>(
  answer: Promise<T>,
  key: string,
  options: OfflineCopyOptions,
  signal: AbortSignal | undefined,
): Promise<T> {
  return answer.catch(async (error: unknown) => {
    if (!options.fallback || signal?.aborted || !isUnreachable(error)) throw error;
    const copy = await store().then(
      (offline) => offline.readCopy(key),
      () => undefined,
    );
    if (!copy) throw error;
    options.onCopy(copy.savedAt);
    return copy.payload as T;
  });
}
