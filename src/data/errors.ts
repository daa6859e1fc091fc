/** Typed errors of the data layer. Every failure a widget can show is one of these. */

export type DataErrorCode = 'network' | 'timeout' | 'http' | 'quota' | 'query' | 'format';

export abstract class DataError extends Error {
  abstract readonly code: DataErrorCode;
  constructor(
    message: string,
    readonly url?: string,
    options?: {cause?: unknown},
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** The network failed: offline, DNS, connection cut, CORS, or a timeout (`timedOut`). */
export class NetworkError extends DataError {
  readonly code: DataErrorCode;
  constructor(
    message: string,
    url?: string,
    readonly timedOut = false,
    options?: {cause?: unknown},
  ) {
    super(message, url, options);
    this.code = timedOut ? 'timeout' : 'network';
  }
}

/**
 * What the API answered to a failed request: its status and its body (parsed JSON — an object,
 * or the bare string CKAN answers to an unknown action — else the text). Connectors read it to
 * recognise a refusal by its status and its body, never by the status alone.
 */
export interface ApiAnswer {
  status: number;
  body: unknown;
}

/** The server answered with an HTTP error status (404 unknown dataset, 401 private, 5xx…). */
export class HttpError extends DataError {
  readonly code = 'http' as const;
  constructor(
    readonly status: number,
    message: string,
    url?: string,
    /** The API's own message when the body had one. */
    readonly apiMessage?: string,
    readonly answer?: ApiAnswer,
  ) {
    super(message, url);
  }
}

/** The API quota is exhausted (429); `resetAt` when the API said when it resets. */
export class QuotaError extends DataError {
  readonly code = 'quota' as const;
  constructor(
    message: string,
    url?: string,
    readonly resetAt?: Date,
  ) {
    super(message, url);
  }
}

/**
 * The query is wrong: an expression that does not parse (`column` is 1-based, `expected` says
 * what the parser wanted), a query the API refused (`apiMessage`, e.g. an unknown field, and the
 * `answer` it came in), or an answer that cannot be the query's (`expected: 'finite-number'` for
 * an aggregate that overflowed, `'answer-key'` for an aggregate the portal left out, `found`
 * naming it; `'separator'` for a file read as one column, `found` the separator seen in it).
 */
export class QueryError extends DataError {
  readonly code = 'query' as const;
  constructor(
    message: string,
    readonly details: {
      expression?: string;
      column?: number;
      expected?: string;
      found?: string;
      apiMessage?: string;
    } = {},
    url?: string,
    readonly answer?: ApiAnswer,
  ) {
    super(message, url);
  }
}

/** The answer is not what the API family returns (HTML instead of JSON, malformed CSV…). */
export class FormatError extends DataError {
  readonly code = 'format' as const;
}
