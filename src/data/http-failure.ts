/**
 * An answer that is not 2xx, as the network layer (request.ts) reads it: a typed error, worth
 * another try or not, with the wait the server asked for and the API's own words from its body.
 * Loaded by request.ts on a page's first failed answer only.
 */
import {DataError, HttpError, QueryError, QuotaError} from './errors.js';
import {apiMessageOf, isQueryRefusal, parseErrorBody, quotaResetOf} from './connectors/api-errors.js';
import {requestSettings} from './request-settings.js';
import {RetryableFailure} from './retryable-failure.js';

export function statusFailure(response: Response, body: string, url: string): RetryableFailure | DataError {
  const {status} = response;
  const parsed = parseErrorBody(body);
  const apiMessage = apiMessageOf(parsed);
  const answer = {status, body: parsed ?? body};
  const withApi = (text: string) => (apiMessage ? `${text}: ${apiMessage}` : text);

  if (status === 429) {
    const resetAt = quotaReset(response.headers, parsed);
    const wait = resetAt ? resetAt.getTime() - Date.now() : undefined;
    const error = new QuotaError(withApi('The API quota is exhausted'), url, resetAt);
    if (wait !== undefined && wait > requestSettings.maxRetryAfter) return error;
    return new RetryableFailure(error, wait !== undefined && wait > 0 ? wait : undefined);
  }
  if (status >= 500) {
    const retryAt = retryAfter(response.headers);
    const wait = retryAt ? retryAt.getTime() - Date.now() : undefined;
    const delay = wait !== undefined && wait > 0 && wait <= requestSettings.maxRetryAfter ? wait : undefined;
    return new RetryableFailure(
      new HttpError(status, withApi(`Server error ${status}`), url, apiMessage, answer),
      delay,
    );
  }
  if (apiMessage && isQueryRefusal(status, parsed)) {
    return new QueryError(`The API refused the query: ${apiMessage}`, {apiMessage}, url, answer);
  }
  if (status === 401 || status === 403) {
    return new HttpError(
      status,
      withApi(`Access denied (${status}): the dataset is private or needs an API key`),
      url,
      apiMessage,
      answer,
    );
  }
  if (status === 404) return new HttpError(404, withApi('Not found (404)'), url, apiMessage, answer);
  return new HttpError(status, withApi(`HTTP error ${status}`), url, apiMessage, answer);
}

/** When a 429's quota resets: `Retry-After`, else `X-RateLimit-Reset`, else what the body says. */
function quotaReset(headers: Headers, body: unknown): Date | undefined {
  const fromRetryAfter = retryAfter(headers);
  if (fromRetryAfter) return fromRetryAfter;
  const reset = Number(headers.get('x-ratelimit-reset') ?? NaN);
  if (Number.isFinite(reset) && reset > 0) return new Date(reset * 1000);
  // Cross-origin, the headers above are hidden unless the portal exposes them; the body is not.
  return quotaResetOf(body);
}

/** `Retry-After` is either delay-seconds or an HTTP date. */
function retryAfter(headers: Headers): Date | undefined {
  const value = headers.get('retry-after')?.trim();
  if (!value) return undefined;
  if (/^\d+(\.\d+)?$/.test(value)) return new Date(Date.now() + Number(value) * 1000);
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}
