/**
 * `structuredClone` where the engine has it, else a copy made here: Safari 15.0 to 15.3 lack it
 * (tools/browser-floor.mjs), and Vega-Lite calls it as it loads. The CDN build hands Vega-Lite this
 * function instead (rollup.config.mjs `vegaAtFloor`), so that a chart drawn from a `.spec` still
 * draws there.
 */
export function structuredCopy<T>(value: T): T {
  // eslint-disable-next-line no-restricted-globals -- checked first: the floor may lack it
  return typeof structuredClone === 'function' ? structuredClone(value) : copyStructure(value);
}

/**
 * A deep copy of what a specification holds: arrays, plain objects, dates, regular expressions,
 * maps and sets, each copied once however often it is met (cycles included); anything else as is.
 */
export function copyStructure<T>(value: T, copies = new Map<unknown, unknown>()): T {
  if (typeof value !== 'object' || value === null) return value;
  if (copies.has(value)) return copies.get(value) as T;
  const copyOf = (inner: unknown) => copyStructure(inner, copies);
  let copy: unknown;
  if (value instanceof Date) copy = new Date(value.getTime());
  else if (value instanceof RegExp) copy = new RegExp(value.source, value.flags);
  else if (value instanceof Map) {
    const map = new Map();
    copies.set(value, map);
    for (const [key, inner] of value) map.set(copyOf(key), copyOf(inner));
    return map as T;
  } else if (value instanceof Set) {
    const set = new Set();
    copies.set(value, set);
    for (const inner of value) set.add(copyOf(inner));
    return set as T;
  } else if (Array.isArray(value)) {
    const array: unknown[] = [];
    copies.set(value, array);
    for (const inner of value) array.push(copyOf(inner));
    return array as T;
  } else {
    const object: Record<string, unknown> = {};
    copies.set(value, object);
    for (const [key, inner] of Object.entries(value)) object[key] = copyOf(inner);
    return object as T;
  }
  copies.set(value, copy);
  return copy as T;
}
