/** Small helpers shared by the connectors. */
import type {FieldType, Filter, GroupKey, Selection} from '../types.js';

/**
 * `base` + `path` + query string; every name and value percent-encoded (spaces as `%20`). An
 * empty value writes the bare name (`code__isnull`), the form flag-like operators take.
 */
export function buildUrl(
  base: string,
  path: string,
  params: ReadonlyArray<readonly [string, string]> = [],
): string {
  const query = params
    .map(([name, value]) =>
      value === '' ? encodeURIComponent(name) : `${encodeURIComponent(name)}=${encodeURIComponent(value)}`,
    )
    .join('&');
  return base + path + (query ? `?${query}` : '');
}

/** `[lat, lon]` (Opendatasoft exports, older APIs) → `{lat, lon}`; other values unchanged. */
export function toLatLon(value: unknown): unknown {
  if (
    Array.isArray(value) &&
    value.length === 2 &&
    typeof value[0] === 'number' &&
    typeof value[1] === 'number'
  ) {
    return {lat: value[0], lon: value[1]};
  }
  return value;
}

/** One field's distinct values and how many records hold each. */
export interface FacetValues {
  field: string;
  values: Array<{value: string | number | boolean; count: number}>;
}

/**
 * The filter with its constant parts folded: an empty `in` or `or` matches nothing, an empty
 * `and` everything. Answers `true` (no constraint), `false` (nothing matches) or a filter free of
 * constants, so that translators never have to spell "always false" in a language without it.
 */
export function simplifyFilter(filter: Filter | undefined): Filter | boolean {
  if (!filter) return true;
  switch (filter.type) {
    case 'and':
    case 'or': {
      // A part that is `decisive` (false in an `and`, true in an `or`) decides the whole.
      const decisive = filter.type === 'or';
      const parts: Filter[] = [];
      for (const part of filter.filters.map(simplifyFilter)) {
        if (part === decisive) return decisive;
        if (typeof part === 'object') parts.push(part);
      }
      return parts.length === 0
        ? !decisive
        : parts.length === 1
          ? parts[0]
          : {type: filter.type, filters: parts};
    }
    case 'not': {
      const inner = simplifyFilter(filter.filter);
      return typeof inner === 'boolean' ? !inner : {type: 'not', filter: inner};
    }
    case 'in':
      return filter.values.length === 0 ? false : filter;
    default:
      return filter;
  }
}

/**
 * The group key a field selection reads in a grouped query: the key of the same name and field,
 * else the plain (no time unit) key of that field.
 */
export function groupKeyOf(
  groupBy: readonly GroupKey[],
  selection: Extract<Selection, {type: 'field'}>,
): GroupKey | undefined {
  return (
    groupBy.find((key) => key.as === selection.as && key.field === selection.field) ??
    groupBy.find((key) => !key.timeunit && key.field === selection.field)
  );
}

/**
 * Plain text of an HTML fragment (metadata descriptions): scripts and styles go with their
 * content, block ends become line breaks, other tags go, entities are decoded. Parsed as a
 * `<template>`'s content, which is inert (no script runs, nothing loads) and, unlike a DOMParser
 * document, costs no new document (up to 10 ms on a page's first answer); only `textContent` is
 * read, and the result is text, to be inserted as text. (The data layer needs a document: the
 * network layer resolves URLs against `document.baseURI`, request.ts.)
 */
export function htmlToText(html: string): string {
  const marked = html
    .replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<br\s*\/?>|<\/(?:p|div|li|h[1-6]|tr|blockquote|pre|ul|ol|table)>/gi, '$&\n');
  const template = document.createElement('template');
  template.innerHTML = marked;
  const text = template.content.textContent ?? '';
  return text
    .split('\n')
    .map((line) => line.replace(/[ \t\r\f\v]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Maps a type name of another platform onto the Opendatasoft names; `text` when unknown. */
export function fieldType(name: string | undefined, table: Record<string, FieldType>): FieldType {
  return (name && table[name.toLowerCase()]) || 'text';
}

/** True when `value` is a plain object (not an array, not null). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
