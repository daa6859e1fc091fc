/**
 * The store of the offline copy (offline-copy.ts; README, « Degraded mode that survives a
 * reload »): the last good answer to each request, kept in the browser so that a page loaded while the portal cannot be reached still
 * shows its figures, dated. IndexedDB holds it, or localStorage where IndexedDB is missing or
 * refused (some private modes). The store is capped in characters, oldest answer dropped first,
 * and an answer older than `maxAge` is never used.
 *
 * Nothing here may break a widget: a full, refused or corrupt storage means no copy, silently.
 */
import {createStore, del, get, set, type UseStore} from 'idb-keyval';

/** Durations in milliseconds, sizes in characters; read at each use (tests shrink them). */
export const offlineCopySettings = {
  /** Characters kept in all (bodies of the answers): oldest dropped first beyond. */
  maxChars: 4_000_000,
  /** An answer older than this is dropped, never shown. */
  maxAge: 30 * 24 * 3600_000,
  /** `auto`: IndexedDB, else localStorage. */
  storage: 'auto' as 'auto' | 'indexeddb' | 'localstorage',
};

export interface OfflineCopy {
  payload: unknown;
  savedAt: Date;
}

interface Entry {
  savedAt: number;
  payload: unknown;
}

/** Per kept key: when it was saved and its size, to drop the oldest when over the cap. */
type Index = Record<string, {savedAt: number; size: number}>;

interface Backend {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  del(key: string): Promise<void>;
}

const INDEX_KEY = 'odw-offline-index';
const LOCAL_PREFIX = 'odw-offline:';

let idbStore: UseStore | undefined;

const indexedDbBackend: Backend = {
  get: (key) => get(key, (idbStore ??= createStore('odw-offline-copy', 'answers'))),
  set: (key, value) => set(key, value, (idbStore ??= createStore('odw-offline-copy', 'answers'))),
  del: (key) => del(key, (idbStore ??= createStore('odw-offline-copy', 'answers'))),
};

const localStorageBackend: Backend = {
  get: async (key) => {
    const text = localStorage.getItem(LOCAL_PREFIX + key);
    return text === null ? undefined : (JSON.parse(text) as unknown);
  },
  set: async (key, value) => localStorage.setItem(LOCAL_PREFIX + key, JSON.stringify(value)),
  del: async (key) => localStorage.removeItem(LOCAL_PREFIX + key),
};

/** IndexedDB failed to open once in `auto` mode: localStorage from then on. */
let indexedDbRefused = false;

async function backend(): Promise<Backend> {
  const {storage} = offlineCopySettings;
  if (storage === 'localstorage') return localStorageBackend;
  if (storage === 'indexeddb') return indexedDbBackend;
  if (indexedDbRefused || typeof indexedDB === 'undefined') return localStorageBackend;
  try {
    await indexedDbBackend.get(INDEX_KEY);
    return indexedDbBackend;
  } catch {
    indexedDbRefused = true;
    return localStorageBackend;
  }
}

/** Saves run one after the other: each rewrites the index. */
let writes: Promise<unknown> = Promise.resolve();

/** Keeps `payload` as the last good answer to `key` (`size` in characters). Never throws. */
export function saveCopy(key: string, payload: unknown, size: number): Promise<void> {
  const write = writes.then(() => save(key, payload, size)).catch(() => undefined);
  writes = write;
  return write;
}

async function save(key: string, payload: unknown, size: number): Promise<void> {
  const {maxChars, maxAge} = offlineCopySettings;
  if (size > maxChars) return;
  const store = await backend();
  const index = await readIndex(store);
  const now = Date.now();
  delete index[key];
  // Expired first, then the oldest, until the new answer fits under the cap.
  const byAge = Object.entries(index).sort(([, a], [, b]) => a.savedAt - b.savedAt);
  let total = byAge.reduce((sum, [, entry]) => sum + entry.size, 0) + size;
  for (const [name, entry] of byAge) {
    if (total <= maxChars && now - entry.savedAt <= maxAge) break;
    total -= entry.size;
    delete index[name];
    await store.del(name);
  }
  // A full storage: drop the oldest and try again, until nothing else is left to drop.
  for (;;) {
    try {
      await store.set(key, {savedAt: now, payload} satisfies Entry);
      break;
    } catch (error) {
      const oldest = Object.entries(index).sort(([, a], [, b]) => a.savedAt - b.savedAt)[0]?.[0];
      if (!oldest) throw error;
      delete index[oldest];
      await store.del(oldest);
    }
  }
  index[key] = {savedAt: now, size};
  await store.set(INDEX_KEY, index);
}

async function readIndex(store: Backend): Promise<Index> {
  try {
    const index = await store.get(INDEX_KEY);
    return typeof index === 'object' && index !== null ? (index as Index) : {};
  } catch {
    return {};
  }
}

/** The last good answer to `key`, unless there is none or it is too old. Never throws. */
export async function readCopy(key: string): Promise<OfflineCopy | undefined> {
  try {
    const entry = (await (await backend()).get(key)) as Entry | undefined;
    if (!entry || typeof entry.savedAt !== 'number') return undefined;
    if (Date.now() - entry.savedAt > offlineCopySettings.maxAge) return undefined;
    return {payload: entry.payload, savedAt: new Date(entry.savedAt)};
  } catch {
    return undefined;
  }
}

/** Empties the offline copy (tests, or a page that wants no trace left). Never throws. */
export async function clearOfflineCopies(): Promise<void> {
  await writes;
  try {
    const store = await backend();
    const index = await readIndex(store);
    for (const key of Object.keys(index)) await store.del(key);
    await store.del(INDEX_KEY);
  } catch {
    // Nothing kept, or nothing reachable: nothing to clear.
  }
}
