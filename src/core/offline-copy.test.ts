import {expect, html, waitUntil} from '@open-wc/testing';
import FakeTimers, {type InstalledClock} from '@sinonjs/fake-timers';
import {createStore, get} from 'idb-keyval';
import {clearCache, datasetInfo, requestSettings} from '../data/index.js';
import {clearOfflineCopies, offlineCopySettings} from '../data/offline-store.js';
import {OFFLINE_RETRY_FIRST, OFFLINE_RETRY_MAX} from './offline-copy-controller.js';
import '../elements/odw-kpi/define.js';
import '../elements/odw-source/define.js';
import '../elements/odw-dashboard/define.js';
import {
  mount,
  normalize,
  part,
  requestLog,
  uniqueTag,
  untilOnClock,
  watchFetches,
} from '../../test/helpers.js';

const ODS_PATH = 'ods/api/explore/v2.1/catalog/datasets/populations-legales-2025/records';
const ORLEANS = 'epci = "Orléans Métropole"';

/** The records of the emulator, logged under `tag` and cut off by the outage named `tag`. */
function taggedOds(tag: string): string {
  return `/portal/~tag=${tag},outage=${tag}/${ODS_PATH}`;
}

/** The outages a test turned on, turned off after it. */
const outagesOn = new Set<string>();

/**
 * Cuts the emulator off, or back on, for the URLs of `tag` only: the tests that run meanwhile in
 * other browsers against the same emulator go on (tools/portal/outage.mjs).
 */
async function setOutage(tag: string, down: boolean): Promise<void> {
  const response = await fetch('/portal/__outage', {
    method: 'POST',
    body: JSON.stringify({down, name: tag}),
  });
  expect(response.ok, 'the emulator switched').to.equal(true);
  if (down) outagesOn.add(tag);
  else outagesOn.delete(tag);
}

/** The keys the offline copy holds in IndexedDB. */
async function keptKeys(): Promise<string[]> {
  const index = await get<Record<string, unknown>>(
    'odw-offline-index',
    createStore('odw-offline-copy', 'answers'),
  );
  return Object.keys(index ?? {});
}

function text(el: Element, name: string): string {
  return normalize(part(el, name)?.textContent);
}

async function kpi(template: ReturnType<typeof html>): Promise<Element> {
  const container = await mount(template);
  return container.querySelector('odw-kpi')!;
}

/** Waits of the page's timers now pending, in milliseconds from the fake clock's now. */
function pendingDelays(clock: InstalledClock): number[] {
  const timers = (clock as unknown as {timers?: Record<string, {callAt: number}>}).timers ?? {};
  return Object.values(timers)
    .map((timer) => timer.callAt - clock.now)
    .sort((a, b) => a - b);
}

const savedSettings = {...requestSettings};
const savedOffline = {...offlineCopySettings};

describe('offline copy (degraded mode that survives a reload)', function () {
  this.timeout(60_000);
  let clock: InstalledClock | undefined;
  let fetches: ReturnType<typeof watchFetches> | undefined;

  beforeEach(async () => {
    await clearOfflineCopies();
    clearCache();
    requestSettings.retries = 0;
  });

  afterEach(async () => {
    clock?.uninstall();
    clock = undefined;
    fetches?.stop();
    fetches = undefined;
    for (const tag of outagesOn) await setOutage(tag, false);
    Object.assign(requestSettings, savedSettings);
    Object.assign(offlineCopySettings, savedOffline);
    await clearOfflineCopies();
  });

  it('shows the kept copy with its date when the portal is down at reload, retries with backoff, then shows live data', async () => {
    const tag = uniqueTag();
    const first = await kpi(
      html`<odw-kpi src=${taggedOds(tag)} value="sum(population)" where=${ORLEANS}></odw-kpi>`,
    );
    await waitUntil(() => text(first, 'value') === '293 673', 'first load', {timeout: 15_000});
    await waitUntil(async () => (await keptKeys()).length === 2, 'records and metadata kept');
    first.remove();

    // « Reload »: nothing in memory, the portal unreachable.
    clearCache();
    await setOutage(tag, true);
    // The offline retries and the requests' timeouts on a fake clock; the emulator answers on time.
    clock = FakeTimers.install({
      toFake: ['setTimeout', 'clearTimeout'],
      shouldAdvanceTime: false,
      shouldClearNativeTimers: true,
    });
    fetches = watchFetches(tag);
    const el = await kpi(
      html`<odw-kpi src=${taggedOds(tag)} value="sum(population)" where=${ORLEANS}></odw-kpi>`,
    );
    const on = clock;
    const until = (condition: () => unknown, message: string) => untilOnClock(on, condition, message);
    await until(() => text(el, 'value') === '293 673', 'the copy');
    expect(text(el, 'status')).to.match(
      /^Données du \d{1,2} \S+ \d{4} à \d{2}:\d{2} — le portail ne répond pas Réessayer$/,
    );
    expect(part(el, 'status')!.getAttribute('role')).to.equal('status');
    // Tried again after 5 s, then 10 s…, never more than a minute apart; still down, the copy stays.
    expect(pendingDelays(clock)).to.include(OFFLINE_RETRY_FIRST);
    // axe waits on timers of its own: 10 ms of fake time at each check let it finish.
    let checked: unknown;
    Promise.resolve(expect(el).to.be.accessible()).then(
      () => (checked = 'accessible'),
      (error: unknown) => (checked = error),
    );
    await untilOnClock(clock, () => checked, 'axe checked', {step: 10});
    if (checked !== 'accessible') throw checked;

    const logged = (await requestLog(tag)).length;
    await clock.tickAsync(OFFLINE_RETRY_FIRST);
    await until(() => pendingDelays(on).includes(2 * OFFLINE_RETRY_FIRST), 'second wait doubled');
    expect(text(el, 'status')).to.match(/le portail ne répond pas/);
    for (let wait = 2 * OFFLINE_RETRY_FIRST; wait < OFFLINE_RETRY_MAX; wait *= 2) {
      await clock.tickAsync(wait);
      const next = Math.min(2 * wait, OFFLINE_RETRY_MAX);
      await until(() => pendingDelays(on).includes(next), `then ${next} ms`);
    }

    // Back up: the next try replaces the copy and the notice goes.
    await clock.tickAsync(OFFLINE_RETRY_MAX);
    await until(() => pendingDelays(on).includes(OFFLINE_RETRY_MAX), 'a minute at most');
    await setOutage(tag, false);
    const asked = fetches.calls.length;
    await clock.tickAsync(OFFLINE_RETRY_FIRST);
    expect(fetches.calls.length, 'no try before its time').to.equal(asked);
    expect(pendingDelays(clock)).to.include(OFFLINE_RETRY_MAX - OFFLINE_RETRY_FIRST);
    expect(text(el, 'status')).to.match(/le portail ne répond pas/);
    await clock.tickAsync(OFFLINE_RETRY_MAX);
    await until(() => !part(el, 'status'), 'live again');
    expect(text(el, 'value')).to.equal('293 673');
    expect((await requestLog(tag)).length).to.be.greaterThan(logged);
    expect(
      pendingDelays(clock).filter((delay) => delay >= OFFLINE_RETRY_FIRST && delay <= OFFLINE_RETRY_MAX),
    ).to.deep.equal([]);
  });

  it('with no-offline-copy keeps nothing and says the portal does not answer', async () => {
    const tag = uniqueTag();
    const template = html`<odw-kpi
      no-offline-copy
      src=${taggedOds(tag)}
      value="sum(population)"
      where=${ORLEANS}
    ></odw-kpi>`;
    const first = await kpi(template);
    await waitUntil(() => text(first, 'value') === '293 673', 'first load', {timeout: 15_000});
    first.remove();
    expect(await keptKeys()).to.deep.equal([]);
    clearCache();
    await setOutage(tag, true);
    const el = await kpi(template);
    await waitUntil(() => part(el, 'status')?.getAttribute('role') === 'alert', 'error', {timeout: 15_000});
    expect(text(el, 'status')).to.match(/ne répond pas/);
    expect(part(el, 'value')).to.equal(null);
  });

  it('takes no-offline-copy from the source and from a dashboard around the widget', async () => {
    const container = await mount(html`
      <odw-source id="offline-source" no-offline-copy src=${taggedOds(uniqueTag())}></odw-source>
      <odw-kpi source="offline-source" value="count()"></odw-kpi>
      <odw-dashboard no-offline-copy src=${taggedOds(uniqueTag())}
        ><odw-kpi value="count()"></odw-kpi
      ></odw-dashboard>
    `);
    const [fromSource, inDashboard] = container.querySelectorAll('odw-kpi');
    await waitUntil(() => text(fromSource, 'value') && text(inDashboard, 'value'), 'both drawn', {
      timeout: 15_000,
    });
    expect(await keptKeys()).to.deep.equal([]);
  });

  it('keeps nothing of a request that carries an API key', async () => {
    const el = await kpi(
      html`<odw-kpi api-key="secret" src=${taggedOds(uniqueTag())} value="count()"></odw-kpi>`,
    );
    await waitUntil(() => text(el, 'value'), 'drawn', {timeout: 15_000});
    expect(await keptKeys()).to.deep.equal([]);
  });

  it('keeps an answer that a caller keeping no copy asked for first, in flight or from the memory cache', async () => {
    const keeps = {fallback: true, onCopy: () => undefined};
    const inFlight = taggedOds(uniqueTag());
    // The map's field lookup and a widget's query ask for the same metadata at once.
    await Promise.all([datasetInfo(inFlight), datasetInfo(inFlight, {offlineCopy: keeps})]);
    const cachedTag = uniqueTag();
    const cached = taggedOds(cachedTag);
    await datasetInfo(cached);
    await datasetInfo(cached, {offlineCopy: keeps});
    const metadata = (src: string) => new URL(src.replace(/\/records$/, ''), document.baseURI).href;
    await waitUntil(
      async () => {
        const keys = (await keptKeys()).join(' ');
        return keys.includes(metadata(inFlight)) && keys.includes(metadata(cached));
      },
      'both answers kept',
      {timeout: 10_000},
    );
    await setOutage(cachedTag, true);
    clearCache();
    const info = await datasetInfo(cached, {offlineCopy: keeps});
    expect(info.meta.title).to.equal('Populations légales 2025 des communes');
  });

  it('drops the oldest answers beyond its cap, and never uses one older than 30 days', async () => {
    const {readCopy, saveCopy} = await import('../data/offline-store.js');
    offlineCopySettings.maxChars = 100;
    await saveCopy('a', 'a', 50);
    await saveCopy('b', 'b', 40);
    await saveCopy('c', 'c', 30);
    expect(await readCopy('a')).to.equal(undefined);
    expect((await readCopy('b'))?.payload).to.equal('b');
    expect((await readCopy('c'))?.payload).to.equal('c');
    await saveCopy('too-big', 'x', 101);
    expect(await readCopy('too-big')).to.equal(undefined);
    const realNow = Date.now;
    try {
      Date.now = () => realNow() + 30 * 24 * 3600_000 + 1000;
      expect(await readCopy('c')).to.equal(undefined);
    } finally {
      Date.now = realNow;
    }
  });

  for (const storage of ['localstorage', 'indexeddb'] as const) {
    it(`never breaks a widget when the storage is full or refused (${storage})`, async () => {
      offlineCopySettings.storage = storage;
      const target = storage === 'localstorage' ? Storage.prototype : IDBObjectStore.prototype;
      const method = storage === 'localstorage' ? 'setItem' : 'put';
      const real = (target as unknown as Record<string, unknown>)[method];
      (target as unknown as Record<string, unknown>)[method] = () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
      try {
        const tag = uniqueTag();
        const el = await kpi(
          html`<odw-kpi src=${taggedOds(tag)} value="sum(population)" where=${ORLEANS}></odw-kpi>`,
        );
        await waitUntil(() => text(el, 'value') === '293 673', 'drawn', {timeout: 15_000});
        // Down at reload with nothing kept: the usual error, no crash.
        el.remove();
        clearCache();
        await setOutage(tag, true);
        const again = await kpi(
          html`<odw-kpi src=${taggedOds(tag)} value="sum(population)" where=${ORLEANS}></odw-kpi>`,
        );
        await waitUntil(() => part(again, 'status')?.getAttribute('role') === 'alert', 'error', {
          timeout: 15_000,
        });
        expect(text(again, 'status')).to.match(/ne répond pas/);
      } finally {
        (target as unknown as Record<string, unknown>)[method] = real;
      }
    });
  }
});
