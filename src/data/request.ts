/**
 * The network layer every connector goes through: GET only, no cookies, identical concurrent
 * requests shared, answers cached for the page, per-attempt timeout, retries with backoff on
 * network failures, 5xx and short 429s, and the API's error bodies turned into typed errors.
 *
 * Headers: the context adds `Accept` (unless the connector passes one) and nothing else. The API
 * key is exposed as `ctx.apiKey` and the connector that knows the portal's scheme sends it
 * (`Authorization: Apikey <key>` for Opendatasoft): the context never adds it on its own, so a key
 * meant for one portal never travels to another host (a CSV on a CDN, a basemap…).
 *
 * Cached and shared answers are the same object for every caller: treat them as read-only.
 * A shared request runs with the timeout of the caller that started it.
 */
import {FormatError, NetworkError} from './errors.js';
import type {FetchContext, FetchedText} from './types.js';
import {saveCopy, withOfflineCopy, type OfflineCopyOptions} from './offline-copy.js';
import {RetryableFailure} from './retryable-failure.js';
import {requestSettings} from './request-settings.js';

export {requestSettings} from './request-settings.js';

/** What `createFetchContext` accepts; the same fields as on `FetchContext`. */
export interface FetchContextOptions {
  /** Aborts this caller's requests (a shared request stops only when all its callers abort). */
  signal?: AbortSignal;
  /** Handed to connectors as `ctx.apiKey`; not sent by the context itself (see the module doc). */
  apiKey?: string;
  /** Skip cached answers and revalidate with the server. */
  fresh?: boolean;
  /** Milliseconds per attempt; default `requestSettings.timeout`; 0 or Infinity: none. */
  timeout?: number;
  /** Called as each request leaves (or is answered from the cache): work can wait for it. */
  onSend?: () => void;
  /**
   * Keep each good answer in the browser, and (with `fallback`) answer from that copy when the
   * portal cannot be reached; never for a request that carries an API key (offline-copy.ts).
   */
  offlineCopy?: OfflineCopyOptions;
}

type BodyKind = 'json' | 'text';

interface Payload {
  /** Parsed JSON for `json`, a `FetchedText` for `text`. */
  value: unknown;
  /** Body length in characters, to bound the cache. */
  size: number;
}

interface CacheEntry {
  payload: Payload;
  expires: number;
}

/** One network request and the callers waiting for it. */
interface SharedRequest {
  promise: Promise<Payload>;
  controller: AbortController;
  /** Callers still interested; the request is aborted when this falls to 0. */
  waiters: number;
  settled: boolean;
  /** One of its callers keeps offline copies: its answer is saved (whoever started it). */
  keepCopy: boolean;
}

const cache = new Map<string, CacheEntry>();
const inFlight = new Map<string, SharedRequest>();
/** The keys whose answer of this page's life is already in the offline copy. */
const copied = new Set<string>();

/** Suffix of the in-flight slot of a request started `fresh`, which non-fresh callers may join too. */
const FRESH_SLOT = '\u0000fresh';

/** Empties the answer cache (tests, or a page that wants everything reloaded). */
export function clearCache(): void {
  cache.clear();
}

/** A FetchContext for one `query()` or `datasetInfo()` call. */
export function createFetchContext(options: FetchContextOptions = {}): FetchContext {
  const {signal, apiKey, fresh, timeout} = options;
  return {
    signal,
    apiKey,
    fresh,
    timeout,
    async fetchJson<T = unknown>(url: string, init?: {headers?: Record<string, string>}): Promise<T> {
      return (await request('json', url, init?.headers, options)).value as T;
    },
    async fetchText(url: string, init?: {headers?: Record<string, string>}): Promise<string> {
      return ((await request('text', url, init?.headers, options)).value as FetchedText).text;
    },
    async fetchFile(url: string, init?: {headers?: Record<string, string>}): Promise<FetchedText> {
      return (await request('text', url, init?.headers, options)).value as FetchedText;
    },
  };
}

function request(
  kind: BodyKind,
  url: string,
  initHeaders: Record<string, string> | undefined,
  options: FetchContextOptions,
): Promise<Payload> {
  const {signal, fresh = false} = options;
  if (signal?.aborted) return Promise.reject(abortError());
  const headers = buildHeaders(kind, initHeaders);
  const key = requestKey(kind, url, headers);
  // Only a request started fresh bypassed the browser's HTTP cache, so only it satisfies a fresh caller.
  const offline = options.apiKey || headers.authorization ? undefined : options.offlineCopy;
  if (!fresh) {
    const cached = readCache(key);
    if (cached) {
      // The answer may have come to a caller that keeps no copy: this one keeps it, once.
      if (offline && !copied.has(key)) {
        copied.add(key);
        void saveCopy(key, cached, cached.size);
      }
      options.onSend?.();
      return Promise.resolve(cached);
    }
  }
  const shared =
    inFlight.get(key + FRESH_SLOT) ??
    (fresh ? undefined : inFlight.get(key)) ??
    startRequest(kind, url, headers, key, fresh, options.timeout ?? requestSettings.timeout);
  if (offline) shared.keepCopy = true;
  options.onSend?.();
  const answer = waitFor(shared, signal);
  return offline ? withOfflineCopy(answer, key, offline, signal) : answer;
}

function buildHeaders(kind: BodyKind, initHeaders: Record<string, string> = {}): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(initHeaders)) headers[name.toLowerCase()] = value;
  headers.accept ??= kind === 'json' ? 'application/json' : '*/*';
  return headers;
}

function requestKey(kind: BodyKind, url: string, headers: Record<string, string>): string {
  const sorted = Object.keys(headers)
    .sort()
    .map((name) => `${name}:${headers[name]}`);
  return JSON.stringify([kind, new URL(url, document.baseURI).href, ...sorted]);
}

function readCache(key: string): Payload | undefined {
  const entry = cache.get(key);
  if (!entry) return undefined;
  cache.delete(key);
  if (entry.expires <= Date.now()) return undefined;
  cache.set(key, entry); // most recently used goes last
  return entry.payload;
}

function writeCache(key: string, payload: Payload): void {
  if (payload.size > requestSettings.maxCachedChars) return;
  cache.delete(key);
  cache.set(key, {payload, expires: Date.now() + requestSettings.cacheTtl});
  while (cache.size > requestSettings.cacheEntries) cache.delete(cache.keys().next().value!);
}

function startRequest(
  kind: BodyKind,
  url: string,
  headers: Record<string, string>,
  key: string,
  fresh: boolean,
  timeout: number,
): SharedRequest {
  const slot = fresh ? key + FRESH_SLOT : key;
  const controller = new AbortController();
  const shared: SharedRequest = {
    controller,
    waiters: 0,
    settled: false,
    keepCopy: false,
    promise: Promise.resolve({value: null, size: 0}),
  };
  shared.promise = load(kind, url, headers, fresh, timeout, controller.signal)
    .then((payload) => {
      writeCache(key, payload);
      if (shared.keepCopy) {
        copied.add(key);
        void saveCopy(key, payload, payload.size);
      }
      return payload;
    })
    .finally(() => {
      shared.settled = true;
      if (inFlight.get(slot) === shared) inFlight.delete(slot);
    });
  // Each waiter observes the outcome; this only keeps an all-aborted request from being reported unhandled.
  shared.promise.catch(() => undefined);
  inFlight.set(slot, shared);
  return shared;
}

function waitFor(shared: SharedRequest, signal: AbortSignal | undefined): Promise<Payload> {
  shared.waiters++;
  if (!signal) return shared.promise;
  return abortable(shared.promise, signal, () => {
    shared.waiters--;
    if (shared.waiters === 0 && !shared.settled) {
      shared.controller.abort();
      for (const [slot, entry] of inFlight) if (entry === shared) inFlight.delete(slot);
    }
  });
}

/** `promise`, or an AbortError as soon as `signal` aborts, when `onAbort` runs too. */
function abortable<T>(promise: Promise<T>, signal: AbortSignal, onAbort: () => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const abort = () => {
      reject(abortError());
      onAbort();
    };
    const settle =
      <V>(then: (value: V) => void) =>
      (value: V) => {
        signal.removeEventListener('abort', abort);
        then(value);
      };
    signal.addEventListener('abort', abort, {once: true});
    promise.then(settle(resolve), settle(reject));
  });
}

async function load(
  kind: BodyKind,
  url: string,
  headers: Record<string, string>,
  fresh: boolean,
  timeout: number,
  signal: AbortSignal,
): Promise<Payload> {
  for (let attempt = 0; ; attempt++) {
    let failure: RetryableFailure;
    try {
      return await attemptOnce(kind, url, headers, fresh, timeout, signal);
    } catch (error) {
      if (!(error instanceof RetryableFailure)) throw error;
      failure = error;
    }
    if (attempt >= requestSettings.retries) throw failure.error;
    await sleep(failure.delay ?? backoffDelay(attempt), signal);
  }
}

function backoffDelay(attempt: number): number {
  const ceiling = Math.min(requestSettings.maxDelay, requestSettings.baseDelay * 2 ** attempt);
  // Jitter spreads the retries of many widgets that failed together.
  return ceiling * (0.5 + Math.random() / 2);
}

async function attemptOnce(
  kind: BodyKind,
  url: string,
  headers: Record<string, string>,
  fresh: boolean,
  timeout: number,
  signal: AbortSignal,
): Promise<Payload> {
  if (signal.aborted) throw abortError();
  const attempt = new AbortController();
  const abortAttempt = () => attempt.abort();
  signal.addEventListener('abort', abortAttempt);
  let timedOut = false;
  const timer =
    timeout > 0 && Number.isFinite(timeout)
      ? setTimeout(() => {
          timedOut = true;
          attempt.abort();
        }, timeout)
      : undefined;
  try {
    let response: Response;
    let body: string;
    try {
      response = await fetch(url, {
        method: 'GET',
        headers,
        credentials: 'omit',
        mode: 'cors',
        cache: fresh ? 'no-cache' : 'default',
        signal: attempt.signal,
      });
      // Read inside the timeout: a connection cut mid-body fails here, as a network failure.
      body = await response.text();
    } catch (cause) {
      if (signal.aborted) throw abortError();
      throw new RetryableFailure(
        timedOut
          ? new NetworkError(`No answer within ${timeout} ms`, url, true, {cause})
          : new NetworkError('The network request failed', url, false, {cause}),
      );
    }
    if (!response.ok) {
      // The error answers' reading loads with the first one: a page that draws never needs it.
      const {statusFailure} = await import('./http-failure.js');
      throw statusFailure(response, body, url);
    }
    return interpret(kind, url, response, body);
  } finally {
    clearTimeout(timer);
    signal.removeEventListener('abort', abortAttempt);
  }
}

/** A 2xx answer's body, parsed as the caller asked. */
function interpret(kind: BodyKind, url: string, response: Response, body: string): Payload {
  if (kind === 'text') {
    const fetched: FetchedText = {text: body, contentType: response.headers.get('content-type') ?? ''};
    return {value: fetched, size: body.length};
  }
  try {
    return {value: JSON.parse(body), size: body.length};
  } catch (cause) {
    const found = /^\s*</.test(body) ? 'an HTML page' : 'invalid or truncated JSON';
    throw new FormatError(`Expected JSON, got ${found}`, url, {cause});
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.reject(abortError());
  let timer: ReturnType<typeof setTimeout>;
  return abortable(new Promise((resolve) => (timer = setTimeout(resolve, ms))), signal, () =>
    clearTimeout(timer),
  );
}

function abortError(): DOMException {
  return new DOMException('The request was aborted', 'AbortError');
}
