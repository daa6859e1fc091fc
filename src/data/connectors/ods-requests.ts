/** The requests of the Opendatasoft connector (ods.ts, ods-pages.ts): `records` and its bounds. */
import type {FetchContext, ResolvedSource} from '../types.js';
import type {OdsRecords} from './ods-answers.js';
import {recordsUrl, type OdsPlan} from './odsql.js';

/** `records` bounds of Explore v2.1. */
export const RECORDS_MAX_LIMIT = 100;
export const RECORDS_MAX_WINDOW = 10_000;

/** A page of `records` for `plan`. */
export function records(
  source: ResolvedSource,
  plan: OdsPlan,
  ctx: FetchContext,
  page: {limit?: number; offset?: number},
): Promise<OdsRecords> {
  return ctx.fetchJson<OdsRecords>(recordsUrl(source, plan, page), init(ctx));
}

/** The API key, sent the way Opendatasoft reads it. */
export function init(ctx: FetchContext): {headers: Record<string, string>} | undefined {
  return ctx.apiKey ? {headers: {Authorization: `Apikey ${ctx.apiKey}`}} : undefined;
}
