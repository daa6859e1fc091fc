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

/** The server answered with an HTTP error status (404 unknown dataset, 401 private, 5xx…). */
export class HttpError extends DataError {
  readonly code = 'http' as const;
  constructor(
    readonly status: number,
    message: string,
    url?: string,
    /** The API's own message when the body had one. */
    readonly apiMessage?: string,
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
 * what the parser wanted) or a query the API refused (`apiMessage`, e.g. an unknown field).
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
  ) {
    super(message, url);
  }
}

/** The answer is not what the API family returns (HTML instead of JSON, malformed CSV…). */
export class FormatError extends DataError {
  readonly code = 'format' as const;
}
