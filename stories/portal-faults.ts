/** The portal emulator's fault sequences, for the stories of the stale state. */

/** Registers a fault sequence: each request through `~seq=<name>` takes the next fault, then "ok". */
export async function faultSequence(faults: string[]): Promise<string> {
  const name = `story-${Math.random().toString(36).slice(2, 10)}`;
  await fetch('/portal/__faults', {method: 'POST', body: JSON.stringify({name, faults})});
  return name;
}

/**
 * The emulator URL of `path` (e.g. `ods/api/…/records`) answering its first `good` requests, then
 * failing with a 500 for a long while: a widget with `refresh` draws its data, then every refresh
 * fails and the data stays, with the dated « la mise à jour a échoué » notice (the stale state).
 */
export async function failingAfter(path: string, good: number): Promise<string> {
  const sequence = await faultSequence([
    ...Array<string>(good).fill('ok'),
    ...Array<string>(2000).fill('status=500'),
  ]);
  return `/portal/~seq=${sequence}/${path}`;
}
