/**
 * Tuning knobs, read at each request. Tests shrink the delays; a page may too (e.g. fewer retries
 * on a kiosk that refreshes anyway). Durations in milliseconds.
 */
export const requestSettings = {
  /** Retries after the first attempt (so at most `retries + 1` requests). */
  retries: 3,
  /** First backoff delay; doubled at each retry, with jitter. */
  baseDelay: 300,
  /** Upper bound of one backoff delay. */
  maxDelay: 5_000,
  /** A 429 asking to wait longer than this fails at once with a QuotaError instead of waiting. */
  maxRetryAfter: 10_000,
  /** Per-attempt timeout when the context gives none. */
  timeout: 15_000,
  /** How long a cached answer is reused. */
  cacheTtl: 5 * 60_000,
  /** Most answers kept (least recently used dropped first). */
  cacheEntries: 200,
  /** Bodies longer than this (in characters) are not cached. */
  maxCachedChars: 20_000_000,
};
