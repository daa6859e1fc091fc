import {expect, html, waitUntil} from '@open-wc/testing';
import {createStore, get} from 'idb-keyval';
import {clearCache, requestSettings} from '../data/index.js';
import {clearOfflineCopies, offlineCopySettings} from '../data/offline-store.js';
import {OFFLINE_RETRY_FIRST, OFFLINE_RETRY_MAX} from './offline-copy-controller.js';
import '../elements/odw-kpi/define.js';
import '../elements/odw-source/define.js';
import '../elements/odw-dashboard/define.js';
import {mount, normalize, part, requestLog, sleep, uniqueTag} from '../../test/helpers.js';

const ODS_PATH = 'ods/api/explore/v2.1/catalog/datasets/populations-legales-2025/records';
const ORLEANS = 'epci = "Orléans Métropole"';

function taggedOds(tag: string): string {
  return `/portal/~tag=${tag}/${ODS_PATH}`;
}

async function setOutage(down: boolean): Promise<void> {
  const response = await fetch('/portal/__outage', {method: 'POST', body: JSON.stringify({down})});
  expect(response.ok, 'the emulator switched').to.equal(true);
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

/**
 * A fake clock for the long waits only (the offline retries, the request timeouts): `setTimeout`
 * calls of a second or more wait for `tick`; the short ones the test helpers poll with stay real.
 */
function fakeLongTimers() {
  const realSetTimeout = window.setTimeout;
  const realClearTimeout = window.clearTimeout;
  let now = 0;
  let nextId = 1_000_000;
  const pending = new Map<number, {at: number; run: () => void}>();
  window.setTimeout = ((handler: () => void, delay = 0, ...args: unknown[]) => {
    if (delay < 1000) return realSetTimeout(handler, delay, ...args);
    const id = nextId++;
    pending.set(id, {at: now + delay, run: () => handler(...(args as []))});
    return id;
  }) as typeof window.setTimeout;
  window.clearTimeout = ((id?: number) => {
    if (id !== undefined && pending.has(id)) pending.delete(id);
    else realClearTimeout(id);
  }) as typeof window.clearTimeout;
  return {
    /** Waits of at least a second now pending, in milliseconds from now. */
    pendingDelays: () => [...pending.values()].map((timer) => timer.at - now).sort((a, b) => a - b),
    tick(ms: number) {
      now += ms;
      for (const [id, timer] of [...pending].sort(([, a], [, b]) => a.at - b.at)) {
        if (timer.at > now) continue;
        pending.delete(id);
        timer.run();
      }
    },
    restore() {
      window.setTimeout = realSetTimeout;
      window.clearTimeout = realClearTimeout;
    },
  };
}

/** `waitUntil` whose deadline is measured with `performance.now()`, untouched by the fake clock. */
async function until(condition: () => unknown, message: string, timeout = 15_000): Promise<void> {
  const deadline = performance.now() + timeout;
  for (;;) {
    if (await condition()) return;
    if (performance.now() > deadline) throw new Error(`Timed out: ${message}`);
    await sleep(50);
  }
}

const savedSettings = {...requestSettings};
const savedOffline = {...offlineCopySettings};

describe('offline copy (degraded mode that survives a reload)', function () {
  this.timeout(60_000);

  beforeEach(async () => {
    await clearOfflineCopies();
    clearCache();
    requestSettings.retries = 0;
  });

  afterEach(async () => {
    await setOutage(false);
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
    await setOutage(true);
    const clock = fakeLongTimers();
    try {
      const el = await kpi(
        html`<odw-kpi src=${taggedOds(tag)} value="sum(population)" where=${ORLEANS}></odw-kpi>`,
      );
      await until(() => text(el, 'value') === '293 673', 'the copy');
      expect(text(el, 'status')).to.match(
        /^Données du \d{1,2} \S+ \d{4} à \d{2}:\d{2} — le portail ne répond pas Réessayer$/,
      );
      expect(part(el, 'status')!.getAttribute('role')).to.equal('status');
      await expect(el).to.be.accessible();

      // Tried again after 5 s, then 10 s…, never more than a minute apart; still down, the copy stays.
      expect(clock.pendingDelays()).to.include(OFFLINE_RETRY_FIRST);
      const logged = (await requestLog(tag)).length;
      clock.tick(OFFLINE_RETRY_FIRST);
      await until(() => clock.pendingDelays().includes(2 * OFFLINE_RETRY_FIRST), 'second wait doubled');
      expect(text(el, 'status')).to.match(/le portail ne répond pas/);
      for (let wait = 2 * OFFLINE_RETRY_FIRST; wait < OFFLINE_RETRY_MAX; wait *= 2) {
        clock.tick(wait);
        const next = Math.min(2 * wait, OFFLINE_RETRY_MAX);
        await until(() => clock.pendingDelays().includes(next), `then ${next} ms`);
      }

      // Back up: the next try replaces the copy and the notice goes.
      clock.tick(OFFLINE_RETRY_MAX);
      await until(() => clock.pendingDelays().includes(OFFLINE_RETRY_MAX), 'a minute at most');
      await setOutage(false);
      clock.tick(OFFLINE_RETRY_FIRST);
      await sleep(300);
      expect((await requestLog(tag)).length, 'no try before its time').to.equal(logged);
      expect(text(el, 'status')).to.match(/le portail ne répond pas/);
      clock.tick(OFFLINE_RETRY_MAX);
      await until(() => !part(el, 'status'), 'live again');
      expect(text(el, 'value')).to.equal('293 673');
      expect((await requestLog(tag)).length).to.be.greaterThan(logged);
      expect(
        clock.pendingDelays().filter((delay) => delay >= OFFLINE_RETRY_FIRST && delay <= OFFLINE_RETRY_MAX),
      ).to.deep.equal([]);
    } finally {
      clock.restore();
    }
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
    await setOutage(true);
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
        await setOutage(true);
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
