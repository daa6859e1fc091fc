import {expect} from '@open-wc/testing';
import FakeTimers, {type InstalledClock} from '@sinonjs/fake-timers';
import {FormatError, HttpError, NetworkError, QueryError, QuotaError} from './errors.js';
import {clearCache, createFetchContext, requestSettings} from './request.js';
import {failureOf, failureOfText, ODS_MALFORMED, TABULAR_MALFORMED} from '../../test/real-answers.js';

const POPULATIONS = '7d3f6a2e-1c4b-4e8a-9f2d-5b6c7a8e9d01';
const RESTRICTED = '9a1b2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c5d';

const ODS_DATASET = 'ods/api/explore/v2.1/catalog/datasets/populations-legales-2025';
const JSON_FILE = 'files/populations-45-21-49.json';
const CSV_FILE = 'files/populations-legales-2025.csv';
/** The browser's fetch: the tests wrap `window.fetch` to see what the request layer sends. */
const realFetch = window.fetch.bind(window);
/** Real waits, for the emulator, even while a test runs the request layer on a fake clock. */
const realSetTimeout = window.setTimeout.bind(window);

function newTag(): string {
  return `req${Math.random().toString(36).slice(2, 10)}`;
}

/** A portal URL whose requests are logged under `tag`, with optional faults (`status=500`…). */
function portal(tag: string, path: string, faults = ''): string {
  return `/portal/~tag=${tag}${faults ? `,${faults}` : ''}/${path}`;
}

async function requestsLogged(tag: string): Promise<Array<{method: string; url: string; time: number}>> {
  const response = await realFetch(`/portal/__requests?tag=${encodeURIComponent(tag)}`);
  return ((await response.json()) as {requests: Array<{method: string; url: string; time: number}>}).requests;
}

async function countLogged(tag: string): Promise<number> {
  return (await requestsLogged(tag)).length;
}

/** Registers a fault sequence: request n of `~seq=<name>` gets `faults[n]`, then everything is ok. */
async function faultSequence(faults: string[]): Promise<string> {
  const name = newTag();
  const response = await realFetch('/portal/__faults', {
    method: 'POST',
    headers: {'content-type': 'application/json'},
    body: JSON.stringify({name, faults}),
  });
  expect(response.ok, 'fault sequence accepted').to.equal(true);
  return name;
}

async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject');
}

async function waitUntil(condition: () => Promise<boolean>, what: string, timeout = 3_000): Promise<void> {
  const deadline = performance.now() + timeout;
  while (!(await condition())) {
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await delay(20);
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => realSetTimeout(resolve, ms));
}

interface RecordsPage {
  total_count: number;
  results: Array<Record<string, unknown>>;
}

describe('request layer', () => {
  const defaults = {...requestSettings};
  const originalFetch = window.fetch;
  let fetchCalls: Array<{url: string; init: RequestInit | undefined}>;
  // The tests that wait for timers (timeouts, backoff, Retry-After) run them on a fake clock; the
  // emulator answers in real time, so a slow answer never beats the clock, however loaded the machine.
  let clock: InstalledClock | undefined;

  beforeEach(() => {
    clearCache();
    Object.assign(requestSettings, {retries: 3, baseDelay: 10, maxDelay: 40});
    fetchCalls = [];
    window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
      fetchCalls.push({url: String(input), init});
      return realFetch(input, init);
    };
  });

  afterEach(() => {
    clock?.uninstall();
    clock = undefined;
    window.fetch = originalFetch;
    Object.assign(requestSettings, defaults);
  });

  describe('requests sent', () => {
    it('omits credentials, asks CORS mode and JSON, and adds no header of its own beyond Accept', async () => {
      document.cookie = 'odw_probe=1; path=/';
      const tag = newTag();
      await createFetchContext({apiKey: 'secret'}).fetchJson(portal(tag, JSON_FILE));
      expect(fetchCalls).to.have.length(1);
      const init = fetchCalls[0].init!;
      expect(init.credentials).to.equal('omit');
      expect(init.mode).to.equal('cors');
      expect(init.method).to.equal('GET');
      expect(init.headers).to.deep.equal({accept: 'application/json'});
      document.cookie = 'odw_probe=; path=/; max-age=0';
    });

    it('passes the headers a connector gives, such as the API key', async () => {
      const tag = newTag();
      const ctx = createFetchContext({apiKey: 'secret'});
      await ctx.fetchJson(portal(tag, JSON_FILE), {headers: {Authorization: `Apikey ${ctx.apiKey}`}});
      expect(fetchCalls[0].init!.headers).to.deep.equal({
        accept: 'application/json',
        authorization: 'Apikey secret',
      });
    });

    it('answers parsed JSON from fetchJson', async () => {
      const tag = newTag();
      const page = await createFetchContext({}).fetchJson<RecordsPage>(
        portal(tag, `${ODS_DATASET}/records?limit=2`),
      );
      expect(page.total_count).to.be.greaterThan(100);
      expect(page.results).to.have.length(2);
    });

    it('answers text and its content type from fetchText and fetchFile', async () => {
      const tag = newTag();
      const ctx = createFetchContext({});
      const text = await ctx.fetchText(portal(tag, CSV_FILE));
      const file = await ctx.fetchFile!(portal(tag, CSV_FILE));
      expect(text).to.contain('population');
      expect(file.text).to.equal(text);
      expect(file.contentType).to.match(/^text\/csv/);
      expect(await countLogged(tag), 'fetchText and fetchFile share the cache').to.equal(1);
    });

    it('calls onSend once the request has left, and for an answer from the cache', async () => {
      const tag = newTag();
      const sent: number[] = [];
      const ctx = createFetchContext({onSend: () => sent.push(fetchCalls.length)});
      const first = ctx.fetchJson(portal(tag, JSON_FILE));
      expect(sent, 'called when fetch() has been called').to.deep.equal([1]);
      await first;
      await ctx.fetchJson(portal(tag, JSON_FILE));
      expect(sent, 'called again for the cached answer, with no new fetch').to.deep.equal([1, 1]);
    });
  });

  describe('dedupe and cache', () => {
    it('sends five identical concurrent requests once', async () => {
      const tag = newTag();
      const url = portal(tag, JSON_FILE);
      const answers = await Promise.all(
        Array.from({length: 5}, () => createFetchContext({}).fetchJson<unknown[]>(url)),
      );
      expect(await countLogged(tag)).to.equal(1);
      for (const answer of answers) expect(answer).to.equal(answers[0]);
      expect(answers[0]).to.be.an('array').that.is.not.empty;
    });

    it('does not share requests whose headers differ', async () => {
      const tag = newTag();
      const url = portal(tag, JSON_FILE);
      await Promise.all([
        createFetchContext({}).fetchJson(url, {headers: {Authorization: 'Apikey a'}}),
        createFetchContext({}).fetchJson(url, {headers: {Authorization: 'Apikey b'}}),
      ]);
      expect(await countLogged(tag)).to.equal(2);
    });

    it('reuses a cached answer for a later identical request', async () => {
      const tag = newTag();
      const url = portal(tag, JSON_FILE);
      const first = await createFetchContext({}).fetchJson(url);
      const second = await createFetchContext({}).fetchJson(url);
      expect(second).to.equal(first);
      expect(await countLogged(tag)).to.equal(1);
    });

    it('revalidates with fresh, and later requests get the fresh answer from the cache', async () => {
      const tag = newTag();
      const url = portal(tag, JSON_FILE);
      const first = await createFetchContext({}).fetchJson(url);
      const refreshed = await createFetchContext({fresh: true}).fetchJson(url);
      expect(await countLogged(tag)).to.equal(2);
      expect(fetchCalls[1].init!.cache).to.equal('no-cache');
      expect(refreshed).not.to.equal(first);
      expect(await createFetchContext({}).fetchJson(url)).to.equal(refreshed);
      expect(await countLogged(tag)).to.equal(2);
    });

    it('lets fresh callers join a fresh request in flight, and plain callers join it too', async () => {
      const tag = newTag();
      const url = portal(tag, JSON_FILE, 'latency=150');
      await Promise.all([
        createFetchContext({fresh: true}).fetchJson(url),
        createFetchContext({fresh: true}).fetchJson(url),
        createFetchContext({}).fetchJson(url),
      ]);
      expect(await countLogged(tag)).to.equal(1);
    });

    it('does not let a fresh caller join a plain request in flight', async () => {
      const tag = newTag();
      const url = portal(tag, JSON_FILE, 'latency=150');
      await Promise.all([
        createFetchContext({}).fetchJson(url),
        createFetchContext({fresh: true}).fetchJson(url),
      ]);
      expect(await countLogged(tag)).to.equal(2);
    });

    it('forgets cached answers once their time is up', async () => {
      requestSettings.cacheTtl = 50;
      const tag = newTag();
      const url = portal(tag, JSON_FILE);
      await createFetchContext({}).fetchJson(url);
      await delay(80);
      await createFetchContext({}).fetchJson(url);
      expect(await countLogged(tag)).to.equal(2);
    });

    it('drops the least recently used answer beyond the entry bound', async () => {
      requestSettings.cacheEntries = 2;
      const tag = newTag();
      const ctx = createFetchContext({});
      const url = (n: number) => portal(tag, `${ODS_DATASET}/records?limit=1&offset=${n}`);
      await ctx.fetchJson(url(0));
      await ctx.fetchJson(url(1));
      await ctx.fetchJson(url(0)); // cached; now the most recent
      await ctx.fetchJson(url(2)); // evicts url(1)
      expect(await countLogged(tag)).to.equal(3);
      await ctx.fetchJson(url(0));
      expect(await countLogged(tag)).to.equal(3);
      await ctx.fetchJson(url(1));
      expect(await countLogged(tag)).to.equal(4);
    });

    it('does not cache bodies over the size bound', async () => {
      requestSettings.maxCachedChars = 10;
      const tag = newTag();
      const url = portal(tag, JSON_FILE);
      await createFetchContext({}).fetchJson(url);
      await createFetchContext({}).fetchJson(url);
      expect(await countLogged(tag)).to.equal(2);
    });

    it('clearCache makes the next request go to the network', async () => {
      const tag = newTag();
      const url = portal(tag, JSON_FILE);
      await createFetchContext({}).fetchJson(url);
      clearCache();
      await createFetchContext({}).fetchJson(url);
      expect(await countLogged(tag)).to.equal(2);
    });
  });

  describe('abort', () => {
    it('rejects at once with an AbortError when the signal is already aborted, without a request', async () => {
      const tag = newTag();
      const error = await rejectionOf(
        createFetchContext({signal: AbortSignal.abort()}).fetchJson(portal(tag, JSON_FILE)),
      );
      expect(error).to.be.instanceOf(DOMException).with.property('name', 'AbortError');
      expect(fetchCalls).to.have.length(0);
    });

    it('rejects the waiter that aborts, while the other waiter still gets the data', async () => {
      const tag = newTag();
      const url = portal(tag, JSON_FILE, 'latency=300');
      const leaving = new AbortController();
      const left = createFetchContext({signal: leaving.signal}).fetchJson(url);
      const staying = createFetchContext({signal: new AbortController().signal}).fetchJson<unknown[]>(url);
      await delay(50);
      const abortedAt = performance.now();
      leaving.abort();
      const error = await rejectionOf(left);
      expect(performance.now() - abortedAt).to.be.lessThan(100);
      expect(error).to.be.instanceOf(DOMException).with.property('name', 'AbortError');
      expect(await staying).to.be.an('array').that.is.not.empty;
      expect(fetchCalls).to.have.length(1);
      expect(fetchCalls[0].init!.signal!.aborted).to.equal(false);
    });

    it('aborts the network request when every waiter has aborted', async () => {
      const tag = newTag();
      const url = portal(tag, JSON_FILE, 'latency=300');
      const first = new AbortController();
      const second = new AbortController();
      const answers = [first, second].map((c) => createFetchContext({signal: c.signal}).fetchJson(url));
      await delay(50);
      first.abort();
      expect(fetchCalls[0].init!.signal!.aborted).to.equal(false);
      second.abort();
      for (const answer of answers) {
        expect(await rejectionOf(answer)).to.have.property('name', 'AbortError');
      }
      expect(fetchCalls[0].init!.signal!.aborted).to.equal(true);
      // The aborted request is not joined by a later caller: it gets its own.
      expect(await createFetchContext({}).fetchJson(url)).to.be.an('array');
      expect(fetchCalls).to.have.length(2);
    });

    it('stops waiting between retries as soon as it is aborted', async () => {
      Object.assign(requestSettings, {baseDelay: 600, maxDelay: 600});
      clock = FakeTimers.install({toFake: ['setTimeout', 'clearTimeout']});
      const tag = newTag();
      const controller = new AbortController();
      // No timeout per attempt: once the 500 is read, the one timer is the backoff's.
      const answer = createFetchContext({signal: controller.signal, timeout: 0}).fetchJson(
        portal(tag, JSON_FILE, 'status=500'),
      );
      let settled = false;
      answer.then(
        () => (settled = true),
        () => (settled = true),
      );
      await waitUntil(async () => clock!.countTimers() === 1, 'the backoff after the first attempt');
      expect(await countLogged(tag), 'the first attempt').to.equal(1);
      const abortedAt = clock.now;
      controller.abort();
      await delay(0); // real time: the promises settle while the fake clock stands still
      expect(settled, 'settled at the abort, before the backoff ends').to.equal(true);
      expect(clock.now).to.equal(abortedAt);
      const error = await rejectionOf(answer);
      expect(error).to.be.instanceOf(DOMException).with.property('name', 'AbortError');
      expect(clock.countTimers(), 'the backoff timer is cleared').to.equal(0);
      await clock.tickAsync(requestSettings.maxDelay);
      expect(fetchCalls, 'no retry after the abort').to.have.length(1);
      expect(await countLogged(tag), 'no retry after the abort').to.equal(1);
    });
  });

  describe('timeout', () => {
    it('abandons slow attempts, retries, then fails with a timed-out NetworkError', async () => {
      const timeout = 100;
      requestSettings.retries = 2;
      clock = FakeTimers.install({toFake: ['setTimeout', 'clearTimeout']});
      const tag = newTag();
      let settled = false;
      const answer = createFetchContext({timeout}).fetchJson(portal(tag, JSON_FILE, 'latency=60000'));
      answer.then(
        () => (settled = true),
        () => (settled = true),
      );
      for (let attempt = 1; attempt <= requestSettings.retries + 1; attempt++) {
        // Sent, and received by the emulator, which holds it.
        await waitUntil(async () => (await countLogged(tag)) === attempt, `attempt ${attempt}`);
        expect(fetchCalls).to.have.length(attempt);
        const {signal} = fetchCalls[attempt - 1].init!;
        await clock.tickAsync(timeout - 1);
        expect(signal!.aborted, `attempt ${attempt} before its timeout`).to.equal(false);
        await clock.tickAsync(1);
        expect(signal!.aborted, `attempt ${attempt} at its timeout`).to.equal(true);
        if (attempt <= requestSettings.retries) {
          // The backoff before the next attempt, the one timer left; the next attempt leaves when it ends.
          expect(settled, `a retry after attempt ${attempt}`).to.equal(false);
          await waitUntil(async () => clock!.countTimers() === 1, `the backoff after attempt ${attempt}`);
          const abortedAt = clock.now;
          await clock.nextAsync();
          expect(clock.now - abortedAt).to.be.within(requestSettings.baseDelay / 2, requestSettings.maxDelay);
        }
      }
      const error = await rejectionOf(answer);
      expect(error).to.be.instanceOf(NetworkError);
      expect(error).to.include({timedOut: true, code: 'timeout'});
      expect(fetchCalls).to.have.length(requestSettings.retries + 1);
      expect(fetchCalls.every((call) => call.init!.signal!.aborted)).to.equal(true);
      expect(await countLogged(tag)).to.equal(requestSettings.retries + 1);
      expect(clock.countTimers(), 'no timer left behind').to.equal(0);
    });

    it('succeeds when the answer comes within the timeout', async () => {
      const timeout = 2_000;
      clock = FakeTimers.install({toFake: ['setTimeout', 'clearTimeout']});
      const tag = newTag();
      const answer = createFetchContext({timeout}).fetchJson(portal(tag, JSON_FILE, 'latency=100'));
      await waitUntil(async () => (await countLogged(tag)) === 1, 'the request');
      // The clock stands 1 ms short of the timeout while the emulator takes its 100 ms (real time).
      await clock.tickAsync(timeout - 1);
      expect(await answer).to.be.an('array');
      expect(fetchCalls).to.have.length(1);
      expect(fetchCalls[0].init!.signal!.aborted).to.equal(false);
      expect(clock.countTimers(), 'the timeout is cleared').to.equal(0);
    });
  });

  describe('retries', () => {
    it('retries a 500 and answers once the server recovers', async () => {
      const tag = newTag();
      const sequence = await faultSequence(['status=500', 'status=503', 'ok']);
      const answer = await createFetchContext({}).fetchJson(portal(tag, JSON_FILE, `seq=${sequence}`));
      expect(answer).to.be.an('array').that.is.not.empty;
      expect(await countLogged(tag)).to.equal(3);
    });

    it('fails with HttpError after retries + 1 attempts when the server keeps failing', async () => {
      const tag = newTag();
      const error = await rejectionOf(createFetchContext({}).fetchJson(portal(tag, JSON_FILE, 'status=500')));
      expect(error).to.be.instanceOf(HttpError).with.property('status', 500);
      expect(await countLogged(tag)).to.equal(requestSettings.retries + 1);
    });

    it('waits as long as a short Retry-After asks on a 429, then answers', async () => {
      // Date too: the wait is Retry-After's date minus now, exactly 1 000 ms on a clock standing still.
      clock = FakeTimers.install({now: Date.now(), toFake: ['setTimeout', 'clearTimeout', 'Date']});
      const tag = newTag();
      const sequence = await faultSequence(['status=429,retry-after=1', 'ok']);
      // No timeout per attempt: once the 429 is read, the one timer is the wait before the retry.
      const answer = createFetchContext({timeout: 0}).fetchJson(portal(tag, JSON_FILE, `seq=${sequence}`));
      await waitUntil(async () => clock!.countTimers() === 1, 'the wait after the 429');
      expect(await countLogged(tag), 'the first attempt').to.equal(1);
      await clock.tickAsync(999);
      expect(fetchCalls, 'no retry 1 ms before the second is up').to.have.length(1);
      expect(clock.countTimers(), 'still waiting').to.equal(1);
      await clock.tickAsync(1);
      expect(fetchCalls, 'the retry once the second is up').to.have.length(2);
      expect(await answer).to.be.an('array').that.is.not.empty;
      expect(await countLogged(tag)).to.equal(2);
    });

    it('fails at once with QuotaError and resetAt when the quota resets later', async () => {
      const tag = newTag();
      const error = await rejectionOf(
        createFetchContext({}).fetchJson(portal(tag, JSON_FILE, 'status=429,retry-after=3600')),
      );
      expect(error).to.be.instanceOf(QuotaError);
      const resetAt = (error as QuotaError).resetAt!;
      expect(Math.abs(resetAt.getTime() - (Date.now() + 3_600_000))).to.be.lessThan(60_000);
      expect(await countLogged(tag)).to.equal(1);
    });

    it('reads the reset time of an Opendatasoft quota from X-RateLimit-Reset', async () => {
      const tag = newTag();
      const url = portal(tag, `${ODS_DATASET}/records`, 'status=429,reset-after=7200');
      const error = await rejectionOf(createFetchContext({}).fetchJson(url));
      expect(error).to.be.instanceOf(QuotaError);
      const resetAt = (error as QuotaError).resetAt!;
      expect(Math.abs(resetAt.getTime() - (Date.now() + 7_200_000))).to.be.lessThan(60_000);
      expect((error as QuotaError).message).to.contain('Too many requests');
      expect(await countLogged(tag)).to.equal(1);
    });

    it('waits for a quota that resets within seconds, then answers', async () => {
      const tag = newTag();
      const sequence = await faultSequence(['status=429,reset-after=1', 'ok']);
      const answer = await createFetchContext({}).fetchJson(
        portal(tag, `${ODS_DATASET}/records?limit=1`, `seq=${sequence}`),
      );
      expect(answer).to.have.property('total_count');
      expect(await countLogged(tag)).to.equal(2);
    });

    it('fails with QuotaError when a short 429 persists after the retries', async () => {
      requestSettings.retries = 1;
      const tag = newTag();
      const error = await rejectionOf(
        createFetchContext({}).fetchJson(portal(tag, JSON_FILE, 'status=429,retry-after=0')),
      );
      expect(error).to.be.instanceOf(QuotaError);
      expect(await countLogged(tag)).to.equal(2);
    });

    it('retries a connection cut mid-body and answers once it holds', async () => {
      const tag = newTag();
      const sequence = await faultSequence(['cut', 'ok']);
      const answer = await createFetchContext({}).fetchJson(portal(tag, JSON_FILE, `seq=${sequence}`));
      expect(answer).to.be.an('array').that.is.not.empty;
      expect(await countLogged(tag)).to.equal(2);
    });

    it('fails with NetworkError when the connection is always cut', async () => {
      const tag = newTag();
      const error = await rejectionOf(createFetchContext({}).fetchJson(portal(tag, JSON_FILE, 'cut')));
      expect(error).to.be.instanceOf(NetworkError);
      expect(error).to.include({timedOut: false, code: 'network'});
      expect(await countLogged(tag)).to.equal(requestSettings.retries + 1);
    });
  });

  describe('errors', () => {
    it('turns an ODS 400 into a QueryError with the API message, without retrying', async () => {
      const tag = newTag();
      const url = portal(tag, `${ODS_DATASET}/records?select=${encodeURIComponent('sum(no_such_field)')}`);
      const error = await rejectionOf(createFetchContext({}).fetchJson(url));
      expect(error).to.be.instanceOf(QueryError);
      const {apiMessage} = (error as QueryError).details;
      expect(apiMessage).to.be.a('string').that.is.not.empty;
      expect((error as QueryError).message).to.contain(apiMessage);
      expect(await countLogged(tag)).to.equal(1);
    });

    it('turns a CKAN validation error into a QueryError naming the field, without retrying', async () => {
      const tag = newTag();
      const filters = encodeURIComponent(JSON.stringify({no_such_field: 'x'}));
      const url = portal(
        tag,
        `ckan/api/3/action/datastore_search?resource_id=7d3f6a2e-1c4b-4e8a-9f2d-5b6c7a8e9d01&filters=${filters}`,
      );
      const error = await rejectionOf(createFetchContext({}).fetchJson(url));
      expect(error).to.be.instanceOf(QueryError);
      expect((error as QueryError).details.apiMessage).to.contain('no_such_field');
      expect(await countLogged(tag)).to.equal(1);
    });

    it('tabular 400 Database error: a QueryError in the API’s words, its answer kept', async () => {
      const tag = newTag();
      const url = portal(tag, `tabular/api/resources/${POPULATIONS}/data/?nombre__exact=1`);
      const error = await rejectionOf(createFetchContext({}).fetchJson(url));
      expect(error).to.be.instanceOf(QueryError);
      expect((error as QueryError).details.apiMessage).to.match(
        /^Database error: column .*nombre does not exist$/,
      );
      expect((error as QueryError).answer?.status).to.equal(400);
      expect(await countLogged(tag)).to.equal(1);
    });

    it('tabular 403 Unauthorized parameters: an HttpError 403 whose answer holds errors[]', async () => {
      const url = portal(newTag(), `tabular/api/resources/${RESTRICTED}/data/?population__sum`);
      const error = (await rejectionOf(createFetchContext({}).fetchJson(url))) as HttpError;
      expect(error).to.be.instanceOf(HttpError).with.property('status', 403);
      expect(error.apiMessage).to.equal(
        `Unauthorized parameters: Aggregation parameters \`sum\` are not allowed for resource '${RESTRICTED}'`,
      );
      expect((error.answer?.body as {errors: unknown[]}).errors).to.have.length(1);
    });

    it('tabular detail as text, a plain-text 404: the words read, nothing invented', async () => {
      const malformed = (await failureOf(400, TABULAR_MALFORMED)) as QueryError;
      expect(malformed.details.apiMessage).to.equal(
        "Invalid query string: Malformed query: argument 'limit=1' could not be parsed",
      );
      const missing = (await failureOfText(404, '404: Not Found')) as HttpError;
      expect(missing).to.be.instanceOf(HttpError).with.property('status', 404);
      expect(missing.apiMessage).to.equal(undefined);
      expect(missing.answer?.body).to.equal('404: Not Found');
    });

    it('CKAN with SQL search off: 400 with a bare JSON string, read as the message', async () => {
      const url = portal(
        newTag(),
        `ckan/api/3/action/datastore_search_sql?sql=${encodeURIComponent('SELECT 1')}`,
      );
      const error = (await rejectionOf(createFetchContext({}).fetchJson(url))) as HttpError;
      expect(error).to.be.instanceOf(HttpError).with.property('status', 400);
      expect(error.apiMessage).to.equal('Bad request - Action name not known: datastore_search_sql');
      expect(error.answer?.body).to.equal('Bad request - Action name not known: datastore_search_sql');
    });

    it('CKAN error objects: message, else every list of strings under its parameter, never diagnostics', async () => {
      const validation = (await failureOf(409, {
        success: false,
        error: {
          query: ['(psycopg2.errors.UndefinedColumn) column "x" does not exist'],
          info: {statement: ['SELECT "x"'], params: [{}]},
          __type: 'Validation Error',
        },
      })) as QueryError;
      expect(validation.details.apiMessage).to.equal(
        'query: (psycopg2.errors.UndefinedColumn) column "x" does not exist',
      );
      const odsql = (await failureOf(400, ODS_MALFORMED)) as QueryError;
      expect(odsql.details.apiMessage).to.equal(ODS_MALFORMED.message);
    });

    it('turns a CKAN 403 into HttpError 403 with the API message', async () => {
      const tag = newTag();
      const url = portal(tag, 'ckan/api/3/action/datastore_search?resource_id=x', 'status=403');
      const error = await rejectionOf(createFetchContext({}).fetchJson(url));
      expect(error).to.be.instanceOf(HttpError).with.property('status', 403);
      expect((error as HttpError).apiMessage).to.contain('Access denied');
    });

    it('turns a 404 into HttpError 404, without retrying', async () => {
      const tag = newTag();
      const error = await rejectionOf(
        createFetchContext({}).fetchJson(
          portal(tag, 'ods/api/explore/v2.1/catalog/datasets/no-such-dataset'),
        ),
      );
      expect(error).to.be.instanceOf(HttpError).with.property('status', 404);
      expect(await countLogged(tag)).to.equal(1);
    });

    it('turns a 401 into HttpError 401, without retrying', async () => {
      const tag = newTag();
      const error = await rejectionOf(createFetchContext({}).fetchJson(portal(tag, JSON_FILE, 'status=401')));
      expect(error).to.be.instanceOf(HttpError).with.property('status', 401);
      expect(await countLogged(tag)).to.equal(1);
    });

    it('turns a malformed JSON body into a FormatError, without retrying', async () => {
      const tag = newTag();
      const error = await rejectionOf(createFetchContext({}).fetchJson(portal(tag, JSON_FILE, 'malformed')));
      expect(error).to.be.instanceOf(FormatError);
      expect(await countLogged(tag)).to.equal(1);
    });

    it('turns an HTML page where JSON was expected into a FormatError', async () => {
      const tag = newTag();
      const error = await rejectionOf(createFetchContext({}).fetchJson(portal(tag, JSON_FILE, 'html')));
      expect(error).to.be.instanceOf(FormatError);
      expect((error as FormatError).message).to.contain('HTML');
    });

    it('gives fetchFile the HTML content type so the caller can refuse it', async () => {
      const tag = newTag();
      const file = await createFetchContext({}).fetchFile!(portal(tag, CSV_FILE, 'html'));
      expect(file.contentType).to.match(/^text\/html/);
    });

    it('does not cache failures', async () => {
      const tag = newTag();
      const url = portal(tag, 'ods/api/explore/v2.1/catalog/datasets/no-such-dataset');
      await rejectionOf(createFetchContext({}).fetchJson(url));
      await rejectionOf(createFetchContext({}).fetchJson(url));
      expect(await countLogged(tag)).to.equal(2);
    });
  });
});
