/**
 * The store of the offline copy (offline-copy.ts; README, « Degraded mode that survives a
 * reload »): the last good answer to each request, kept in the browser so that a page loaded while the portal cannot be reached still
 * shows its figures, dated. IndexedDB holds it, or localStorage where IndexedDB is missing or
 * refused (some private modes); IndexedDB is laid out as idb-keyval lays out a custom store (the
 * tests read it with idb-keyval). The store is capped in characters, oldest answer dropped first,
 * and an answer older than `maxAge` is never used.
 *
 * Nothing here may break a widget: a full, refused or corrupt storage means no copy, silently.
 */

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

/** One operation on a storage: read a key (undefined when absent), write it, or delete it. */
type Backend = (operation: 'get' | 'put' | 'delete', key: string, value?: unknown) => Promise<unknown>;

const INDEX_KEY = 'odw-offline-index';
const LOCAL_PREFIX = 'odw-offline:';

/** The result of an IndexedDB request, or the end of a transaction. */
function settled<T>(request: IDBRequest<T> | IDBTransaction): Promise<T> {
  const target = request as unknown as Record<string, unknown>;
  return new Promise((resolve, reject) => {
    target.oncomplete = target.onsuccess = () => resolve(target.result as T);
    target.onabort = target.onerror = () => reject(request.error);
  });
}

let database: Promise<IDBDatabase> | undefined;

/** The database of the copy, opened on first use, and again if the browser closed it. */
function openDatabase(): Promise<IDBDatabase> {
  if (database) return database;
  const opening = indexedDB.open('odw-offline-copy');
  opening.onupgradeneeded = () => opening.result.createObjectStore('answers');
  database = settled(opening);
  database.then(
    (db) => (db.onclose = () => (database = undefined)),
    () => (database = undefined),
  );
  return database;
}

/** IndexedDB: database `odw-offline-copy`, object store `answers`, answers under their keys. */
const indexedDbBackend: Backend = async (operation, key, value) => {
  const store = (await openDatabase())
    .transaction('answers', operation === 'get' ? 'readonly' : 'readwrite')
    .objectStore('answers');
  if (operation === 'get') return settled(store.get(key));
  if (operation === 'put') store.put(value, key);
  else store.delete(key);
  return settled(store.transaction);
};

const localStorageBackend: Backend = async (operation, key, value) => {
  const name = LOCAL_PREFIX + key;
  if (operation === 'put') localStorage.setItem(name, JSON.stringify(value));
  else if (operation === 'delete') localStorage.removeItem(name);
  else {
    const text = localStorage.getItem(name);
    return text === null ? undefined : (JSON.parse(text) as unknown);
  }
};

/** IndexedDB failed to open once in `auto` mode: localStorage from then on. */
let indexedDbRefused = false;

async function backend(): Promise<Backend> {
  const {storage} = offlineCopySettings;
  if (storage === 'localstorage') return localStorageBackend;
  if (storage === 'indexeddb') return indexedDbBackend;
  if (indexedDbRefused || typeof indexedDB === 'undefined') return localStorageBackend;
  try {
    await indexedDbBackend('get', INDEX_KEY);
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
  // The oldest answers go first: while expired or while the new one does not fit under the cap,
  // then while the storage is full, until nothing else is left to drop.
  const byAge = Object.keys(index).sort((a, b) => index[a].savedAt - index[b].savedAt);
  let total = size;
  for (const name of byAge) total += index[name].size;
  const dropOldest = async () => {
    const name = byAge.shift()!;
    total -= index[name].size;
    delete index[name];
    await store('delete', name);
  };
  while (byAge.length && (total > maxChars || now - index[byAge[0]].savedAt > maxAge)) await dropOldest();
  for (;;) {
    try {
      await store('put', key, {savedAt: now, payload} satisfies Entry);
      break;
    } catch (error) {
      if (!byAge.length) throw error;
      await dropOldest();
    }
  }
  index[key] = {savedAt: now, size};
  await store('put', INDEX_KEY, index);
}

async function readIndex(store: Backend): Promise<Index> {
  try {
    const index = await store('get', INDEX_KEY);
    return typeof index === 'object' && index !== null ? (index as Index) : {};
  } catch {
    return {};
  }
}

/** The last good answer to `key`, unless there is none or it is too old. Never throws. */
export async function readCopy(key: string): Promise<OfflineCopy | undefined> {
  try {
    const entry = (await (await backend())('get', key)) as Entry | undefined;
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
    for (const key of Object.keys(index)) await store('delete', key);
    await store('delete', INDEX_KEY);
  } catch {
    // Nothing kept, or nothing reachable: nothing to clear.
  }
}
