/**
 * What each API's error answers say, read in one place: the words shown to the user, whether the
 * answer refuses the query itself, when a quota resets, and the refusals a connector works
 * around (CKAN's SQL search off, the tabular API's aggregation not allowed). The request layer
 * (`request.ts`) parses each failed answer once into the `answer` of the typed error; everything
 * here reads that answer and fetches nothing. The shapes: `test/real-answers.ts`.
 */
import {HttpError, QueryError, type ApiAnswer} from '../errors.js';
import {isRecord} from './util.js';

/** The JSON of an error body (an object, or a bare string as CKAN answers), undefined if not JSON. */
export function parseErrorBody(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * The API's own words in an error body: a bare JSON string (CKAN's unknown action), ODS
 * `message` (else `error_code`), the tabular API's `errors[]` (`title`, and `detail` as text or
 * as an object with `message`), CKAN's `error` (text, or an object: see `ckanMessage`), `detail`.
 */
export function apiMessageOf(body: unknown): string | undefined {
  if (typeof body === 'string') return body.trim() || undefined;
  if (!isRecord(body)) return undefined;
  if (typeof body.message === 'string' && body.message) return body.message;
  if (Array.isArray(body.errors)) {
    const messages = body.errors.filter(isRecord).map(tabularMessage).filter(Boolean);
    if (messages.length) return messages.join('; ');
  }
  if (typeof body.error === 'string' && body.error) return body.error;
  if (isRecord(body.error)) return ckanMessage(body.error);
  if (typeof body.detail === 'string' && body.detail) return body.detail;
  if (typeof body.error_code === 'string' && body.error_code) return body.error_code;
  return undefined;
}

/** One tabular-API error: `Database error: column "nombre" does not exist`. */
function tabularMessage(error: Record<string, unknown>): string {
  const title = typeof error.title === 'string' ? error.title : '';
  const detail =
    typeof error.detail === 'string'
      ? error.detail
      : isRecord(error.detail) && typeof error.detail.message === 'string'
        ? error.detail.message
        : '';
  return title && detail ? `${title}: ${detail}` : title || detail;
}

/**
 * CKAN puts either `message` or, under each parameter at fault, a list of strings
 * (`{filters: ["field \"quater\" not in table"]}`) in `error`; other members (`info`) are
 * diagnostics, not messages.
 */
function ckanMessage(error: Record<string, unknown>): string | undefined {
  if (typeof error.message === 'string' && error.message) return error.message;
  const fields = Object.entries(error)
    .filter(([name]) => name !== '__type')
    .flatMap(([name, value]) => {
      const texts = (Array.isArray(value) ? value : [value]).filter(
        (item): item is string => typeof item === 'string' && item !== '',
      );
      return texts.length ? [`${name}: ${texts.join(', ')}`] : [];
    });
  if (fields.length) return fields.join('; ');
  return typeof error.__type === 'string' ? error.__type : undefined;
}

const ODS_QUERY_ERRORS = new Set(['ODSQLError', 'InvalidRESTParameterError']);

/**
 * The answer refuses the query itself, in words meant for its author: Opendatasoft's ODSQL
 * errors and the tabular API's database and query-string errors (400), CKAN's validation
 * errors (`success: false` with an `error` object, 400 or 409).
 */
export function isQueryRefusal(status: number, body: unknown): boolean {
  if (!isRecord(body)) return false;
  if (status === 400) {
    if (typeof body.error_code === 'string' && ODS_QUERY_ERRORS.has(body.error_code)) return true;
    if (Array.isArray(body.errors)) return true;
  }
  return (status === 400 || status === 409) && body.success === false && isRecord(body.error);
}

/** When Opendatasoft's 429 body says the quota resets (`reset_time`): visible cross-origin, unlike headers. */
export function quotaResetOf(body: unknown): Date | undefined {
  if (!isRecord(body) || typeof body.reset_time !== 'string') return undefined;
  const date = new Date(body.reset_time);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** The answer a typed error of the request layer came with, if any. */
function answerOf(error: unknown): ApiAnswer | undefined {
  return error instanceof HttpError || error instanceof QueryError ? error.answer : undefined;
}

/**
 * CKAN has SQL search off or refuses it, told by status and body: a 400 whose body is the bare
 * string naming `datastore_search_sql` as an unknown action (CKAN's default,
 * `ckan.datastore.sqlsearch.enabled = false`), or a 403 `Authorization Error`.
 */
export function isCkanSqlOff(error: unknown): boolean {
  const answer = answerOf(error);
  if (!answer) return false;
  const {status, body} = answer;
  if (status === 400 && typeof body === 'string')
    return /Action name not known: datastore_search_sql/.test(body);
  return (
    status === 403 && isRecord(body) && isRecord(body.error) && body.error.__type === 'Authorization Error'
  );
}

/** A 4xx the API answered for this very request (a function a column type lacks…), not a fault of the network. */
export function isClientFailure(error: unknown): boolean {
  const status = answerOf(error)?.status;
  return status !== undefined && status >= 400 && status < 500;
}

/**
 * The tabular API's refusal of aggregation for a resource (api-tabular's default): a 403 whose
 * `errors[]` says `Unauthorized parameters` or that aggregation parameters are not allowed. Any
 * other error (a 400 for an unknown column…) is the query's own and reaches the user.
 */
export function isTabularAggregationRefusal(error: unknown): boolean {
  if (!(error instanceof HttpError) || error.status !== 403 || !isRecord(error.answer?.body)) return false;
  const errors = error.answer.body.errors;
  return (
    Array.isArray(errors) &&
    errors.some(
      (entry) =>
        isRecord(entry) &&
        (entry.title === 'Unauthorized parameters' ||
          (typeof entry.detail === 'string' && /^Aggregation parameters .* not allowed/.test(entry.detail))),
    )
  );
}

/** Metadata that only enriches an answer: its absence (404, 403, no result…) is not an error. */
export async function optional<T>(promise: Promise<T>): Promise<T | undefined> {
  try {
    return await promise;
  } catch (error) {
    if (error instanceof HttpError || error instanceof QueryError) return undefined;
    throw error;
  }
}
