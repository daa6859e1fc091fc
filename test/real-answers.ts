/**
 * Answers recorded from the real APIs, byte for byte where they fail, and a way to run one
 * through the real request layer. Where each shape comes from:
 * - tabular API: api-tabular `api_tabular/core/error.py` (`{"errors": [{"code", "title",
 *   "detail"}]}`, `code` a Sentry event id or null), its aggregation refusal (`PermissionError`
 *   « Aggregation parameters `…` are not allowed for resource '…' », answered 403 « Unauthorized
 *   parameters ») and PostgREST's error object as `detail` (title « Database error »);
 * - CKAN: `ckan/views/api.py`: an unknown action is `_finish_bad_request`, HTTP 400 with the bare
 *   JSON string « Bad request - Action name not known: … »; `ValidationError` is 409 with lists
 *   of strings under each parameter; `numeric` values as strings (the datastore's JSON);
 * - Opendatasoft: Explore v2.1 `{"message", "error_code"}`.
 */
import {createFetchContext} from '../src/data/request.js';

export const TABULAR_RESOURCE = '5c4e1452-3850-4b59-b11c-3dd51d7fb8b5';

/** api-tabular's 403 to `<col>__sum` on a resource outside `ALLOW_AGGREGATION`. */
export const TABULAR_AGGREGATION_REFUSED = {
  errors: [
    {
      code: null,
      title: 'Unauthorized parameters',
      detail: `Aggregation parameters \`sum\` are not allowed for resource '${TABULAR_RESOURCE}'`,
    },
  ],
};

/** api-tabular's 400 relaying PostgREST's error for an unknown column. */
export const TABULAR_UNKNOWN_COLUMN = {
  errors: [
    {
      code: null,
      title: 'Database error',
      detail: {code: '42703', details: null, hint: null, message: 'column "nombre" does not exist'},
    },
  ],
};

/** api-tabular's 400 for an argument it cannot parse. */
export const TABULAR_MALFORMED = {
  errors: [
    {
      code: null,
      title: 'Invalid query string',
      detail: "Malformed query: argument 'limit=1' could not be parsed",
    },
  ],
};

/** CKAN's answer when `datastore_search_sql` is off (its default): a bare JSON string. */
export const CKAN_SQL_OFF = 'Bad request - Action name not known: datastore_search_sql';

/** CKAN's 409 for a filter on a field the resource lacks. */
export const CKAN_UNKNOWN_FILTER = {
  help: 'https://ckan.example.fr/api/3/action/help_show?name=datastore_search',
  success: false,
  error: {filters: ['field "quater" not in table'], __type: 'Validation Error'},
};

/** Opendatasoft's 400 for a malformed ODSQL clause. */
export const ODS_MALFORMED = {
  message: 'ODSQL query is malformed: Unknown field: distinct Clause(s) containing the error(s): select.',
  error_code: 'ODSQLError',
};

let answers = 0;

/**
 * The error the request layer makes of an answer `status` whose body is `body` as JSON (a string
 * becomes a bare JSON string, as CKAN writes it), as a connector receives it from `ctx.fetchJson`.
 */
export function failureOf(status: number, body: unknown): Promise<Error> {
  return failureOfText(status, JSON.stringify(body));
}

/** The same, with the body's exact text (`404: Not Found`, a bare JSON string…). */
export async function failureOfText(status: number, text: string): Promise<Error> {
  const original = window.fetch;
  window.fetch = async () =>
    new Response(text, {status, headers: {'Content-Type': 'application/json; charset=utf-8'}});
  try {
    await createFetchContext().fetchJson(`https://answers.example.fr/${++answers}`);
  } catch (error) {
    if (error instanceof Error) return error;
    throw error;
  } finally {
    window.fetch = original;
  }
  throw new Error(`An answer ${status} did not fail`);
}
