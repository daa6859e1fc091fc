import {expect, waitUntil} from '@open-wc/testing';
import FakeTimers, {type InstalledClock} from '@sinonjs/fake-timers';
import {html, render} from 'lit';
import '../../src/index.js';
import {clearCache, requestSettings} from '../../src/data/request.js';
import {ORLEANS, PORTAL, POPULATIONS, drawn, requestsTagged, uniqueTag, watchErrors} from './helpers.js';

/** No cookies on requests; a removed widget leaves no timer and no request running. */

interface Call {
  url: string;
  init?: RequestInit;
}

describe('hardening: requests and lifecycle', function () {
  this.timeout(60_000);
  let container: HTMLElement;
  let watcher: ReturnType<typeof watchErrors>;
  const realFetch = window.fetch;
  let calls: Call[];

  beforeEach(() => {
    clearCache();
    watcher = watchErrors();
    calls = [];
    window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
      const url = input instanceof Request ? input.url : String(input);
      calls.push({url, init});
      return realFetch(input, init);
    };
    container = document.createElement('div');
    container.style.width = '900px';
    document.body.append(container);
  });

  let clock: InstalledClock | undefined;

  afterEach(() => {
    clock?.uninstall();
    clock = undefined;
    window.fetch = realFetch;
    render(html``, container);
    container.remove();
    document.cookie = 'odw-hardening=; max-age=0; path=/';
    watcher.stop();
    expect(watcher.errors, 'uncaught errors').to.deep.equal([]);
  });

  const portalCalls = () => calls.filter(({url}) => url.includes(`${PORTAL}/`) && !url.includes('/__'));
  const taggedCalls = (tag: string) => portalCalls().filter(({url}) => url.includes(tag));

  /** The refresh timers (`setInterval`) on a fake clock; requests and their waits run on time. */
  const fakeIntervals = () =>
    FakeTimers.install({toFake: ['setInterval', 'clearInterval'], shouldAdvanceTime: false});

  it('sends no cookie and no credentials with any request', async () => {
    document.cookie = 'odw-hardening=secret; path=/';
    expect(document.cookie).to.include('odw-hardening=secret');
    const tag = uniqueTag('cookies');
    render(
      html`<odw-dashboard src=${`${PORTAL}/~tag=${tag}/${POPULATIONS}`} where=${ORLEANS}>
          <odw-kpi value="sum(population)"></odw-kpi>
          <odw-chart x="commune" y="sum(population)" limit="3" sort="-y"></odw-chart>
          <odw-map
            mode="choropleth"
            shapes="/portal/files/communes-45-loiret.geojson"
            shapes-key="code"
            key="code_insee"
            value="sum(population)"
          ></odw-map>
          <odw-table columns="commune" page-size="3"></odw-table>
          <odw-filter field="commune"></odw-filter>
        </odw-dashboard>
        <odw-kpi
          src=${`${PORTAL}/~tag=${tag}/files/populations-legales-2025.csv`}
          value="count()"
        ></odw-kpi>`,
      container,
    );
    for (const widget of container.querySelectorAll('odw-kpi, odw-chart, odw-map, odw-table, odw-filter')) {
      await drawn(widget);
    }
    expect(portalCalls().length).to.be.greaterThan(4);
    for (const {url, init} of portalCalls()) {
      expect(init?.credentials, url).to.equal('omit');
      const headers = new Headers(init?.headers);
      expect(headers.has('cookie'), url).to.equal(false);
      expect(headers.has('authorization'), url).to.equal(false);
    }
    expect((await requestsTagged(tag)).length).to.be.greaterThan(4);
  });

  it('stops refreshing once removed', async () => {
    const tag = uniqueTag('refresh');
    clock = fakeIntervals();
    render(
      html`<odw-kpi src=${`${PORTAL}/~tag=${tag}/${POPULATIONS}`} value="count()" refresh="1"></odw-kpi>`,
      container,
    );
    const kpi = container.querySelector('odw-kpi')!;
    await drawn(kpi);
    // The timer does run: a second request comes. Its controller loads on its own (it may come in
    // after the figure under load): armed first, then the clock moves.
    await waitUntil(() => clock!.countTimers() > 0, 'the refresh timer armed', {timeout: 10_000});
    const sent = taggedCalls(tag).length;
    await clock.tickAsync(1000);
    await waitUntil(async () => (await requestsTagged(tag)).length > sent, 'refreshed', {timeout: 10_000});
    kpi.remove();
    expect(clock.countTimers(), 'timers left').to.equal(0);
    const before = taggedCalls(tag).length;
    await clock.tickAsync(5000);
    expect(taggedCalls(tag).length, 'requests after removal').to.equal(before);
  });

  it('stops refreshing a source removed with its widgets', async () => {
    const tag = uniqueTag('source-refresh');
    clock = fakeIntervals();
    render(
      html`<odw-source id=${tag} src=${`${PORTAL}/~tag=${tag}/${POPULATIONS}`} refresh="1"></odw-source>
        <odw-kpi source=${tag} value="count()"></odw-kpi>
        <odw-table source=${tag} columns="commune" page-size="3"></odw-table>`,
      container,
    );
    for (const widget of container.querySelectorAll('odw-kpi, odw-table')) await drawn(widget);
    await waitUntil(() => clock!.countTimers() > 0, 'the refresh timer armed', {timeout: 10_000});
    const sent = taggedCalls(tag).length;
    await clock.tickAsync(1000);
    await waitUntil(async () => (await requestsTagged(tag)).length > sent, 'refreshed', {timeout: 10_000});
    render(html``, container);
    expect(clock.countTimers(), 'timers left').to.equal(0);
    const before = taggedCalls(tag).length;
    await clock.tickAsync(5000);
    expect(taggedCalls(tag).length, 'requests after removal').to.equal(before);
  });

  it('aborts a request in flight when removed', async () => {
    const tag = uniqueTag('in-flight');
    render(
      html`<odw-kpi src=${`${PORTAL}/~latency=20000,tag=${tag}/${POPULATIONS}`} value="count()"></odw-kpi>`,
      container,
    );
    // The records and, for the attribution, the dataset's metadata.
    await waitUntil(() => taggedCalls(tag).length >= 2, 'both requests sent');
    await waitUntil(async () => (await requestsTagged(tag)).length >= 2, 'both requests received');
    const pending = taggedCalls(tag);
    const signals = pending.map(({init}) => init!.signal!);
    expect(signals.map((signal) => signal.aborted)).to.not.include(true);
    // The request layer's waits (retry backoff, per-attempt timeout) on a fake clock from here; the
    // attempts' timeouts set before are real timers, cleared as such.
    clock = FakeTimers.install({
      toFake: ['setTimeout', 'clearTimeout'],
      shouldAdvanceTime: false,
      shouldClearNativeTimers: true,
    });
    container.querySelector('odw-kpi')!.remove();
    await clock.tickAsync(0);
    expect(
      signals.map((signal) => signal.aborted),
      'requests aborted',
    ).to.not.include(false);
    // Not retried after the abort either, however long the backoff would be.
    await clock.tickAsync(requestSettings.retries * requestSettings.maxDelay + requestSettings.timeout);
    expect(taggedCalls(tag)).to.have.length(pending.length);
  });
});
