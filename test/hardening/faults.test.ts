import {expect, waitUntil} from '@open-wc/testing';
import FakeTimers, {type InstalledClock} from '@sinonjs/fake-timers';
import {html, render, type ReactiveElement} from 'lit';
import '../../src/index.js';
import {clearCache, requestSettings} from '../../src/data/request.js';
import type {OdwSource} from '../../src/elements/odw-source/odw-source.js';
import {
  ORLEANS,
  PORTAL,
  POPULATIONS,
  click,
  drawn,
  failed,
  normalize,
  part,
  requestsTagged,
  setSequence,
  shadow,
  shadowRoots,
  uniqueTag,
  watchErrors,
} from './helpers.js';
import {errorText, settledWidget, untilOnClock, watchFetches} from '../helpers.js';

/** Faults injected by the emulator into a dashboard of every element. */

const WIDGETS = 'odw-kpi, odw-chart, odw-map, odw-table, odw-filter';

function dashboard(src: string, where = ORLEANS) {
  return html`<odw-dashboard src=${src} where=${where} columns="2">
    <odw-kpi value="sum(population)" label="Habitants"></odw-kpi>
    <odw-chart x="commune" y="sum(population)" sort="-y" limit="5"></odw-chart>
    <odw-map
      mode="choropleth"
      shapes="/portal/files/communes-45-loiret.geojson"
      shapes-key="code"
      key="code_insee"
      value="sum(population)"
    ></odw-map>
    <odw-table columns="commune,population" page-size="5"></odw-table>
    <odw-filter field="commune" label="Commune"></odw-filter>
  </odw-dashboard>`;
}

describe('hardening: faults from the portal', function () {
  this.timeout(60_000);
  let container: HTMLElement;
  let watcher: ReturnType<typeof watchErrors>;
  const saved = {...requestSettings};
  const sequences: string[] = [];
  async function sequence(name: string, faults: string[]): Promise<void> {
    sequences.push(name);
    await setSequence(name, faults);
  }

  let clock: InstalledClock | undefined;
  let fetches: ReturnType<typeof watchFetches> | undefined;

  beforeEach(() => {
    clearCache();
    watcher = watchErrors();
    container = document.createElement('div');
    container.style.width = '1000px';
    document.body.append(container);
  });

  afterEach(async () => {
    clock?.uninstall();
    clock = undefined;
    fetches?.stop();
    fetches = undefined;
    Object.assign(requestSettings, saved);
    render(html``, container);
    container.remove();
    // Only this suite's sequences: other suites' are theirs.
    for (const name of sequences.splice(0)) {
      await fetch(`${PORTAL}/__faults?name=${encodeURIComponent(name)}`, {method: 'DELETE'});
    }
    watcher.stop();
    expect(watcher.errors, 'uncaught errors').to.deep.equal([]);
  });

  function widgets(): Element[] {
    return [...container.querySelectorAll(WIDGETS)];
  }

  /** What every root of the page holds that matches `selector`, shadow roots included. */
  function everywhere(selector: string): Element[] {
    return [container, ...shadowRoots(container)].flatMap((root) => [...root.querySelectorAll(selector)]);
  }

  /**
   * Waits until every widget says in place that its data is unavailable, and checks that the page
   * holds one alert, from the source, with one « Réessayer »; returns the alert's text.
   */
  async function failedOnce(): Promise<string> {
    for (const widget of widgets()) expect(await failed(widget)).to.equal('Données indisponibles');
    const alerts = everywhere('[role=alert]');
    expect(alerts.length, 'alerts').to.equal(1);
    expect(alerts[0].getRootNode()).to.equal(container.querySelector('odw-source')!.shadowRoot);
    expect(everywhere('[part~=retry]').length, 'retry buttons').to.equal(1);
    return normalize(alerts[0].textContent);
  }

  it('500: one alert for the shared source, retried a bounded number of times, recovers with its one « Réessayer »', async () => {
    Object.assign(requestSettings, {retries: 1, baseDelay: 10, maxDelay: 20});
    const tag = uniqueTag('500');
    await sequence(tag, Array<string>(200).fill('status=500'));
    render(dashboard(`${PORTAL}/~seq=${tag},tag=${tag}/${POPULATIONS}`), container);
    expect(await failedOnce()).to.equal(
      'Les données « populations-legales-2025 » n’ont pas pu être chargées. ' +
        'Le portail de données rencontre une erreur (HTTP 500). Réessayez plus tard. Réessayer',
    );
    // Each widget keeps its label: a reader knows which figure and which control failed.
    const [kpi, , , , filter] = widgets();
    expect(normalize(part(kpi, 'label')?.textContent)).to.equal('Habitants');
    expect(normalize(part(filter, 'label')?.textContent)).to.equal('Commune');
    // Each distinct request: one attempt and one retry, no more (a request its widget no longer
    // needs, once another of its requests failed, may stop before its retry).
    const counts = new Map<string, number>();
    for (const {url} of await requestsTagged(tag)) counts.set(url, (counts.get(url) ?? 0) + 1);
    expect(Math.max(...counts.values())).to.equal(2);

    await fetch(`${PORTAL}/__faults?name=${tag}`, {method: 'DELETE'});
    const retry = everywhere('[part~=retry]')[0] as HTMLButtonElement;
    retry.focus();
    retry.click();
    for (const widget of widgets()) await drawn(widget);
    expect(normalize(part(kpi, 'value')?.textContent)).to.equal('293 673');
    expect(everywhere('[role=alert]')).to.deep.equal([]);
    // The focus went to the first widget of the source, not to the page's body.
    expect(document.activeElement).to.equal(kpi);
    expect(kpi.shadowRoot!.activeElement).to.equal(part(kpi, 'body'));
  });

  it('500 on an odw-source of the page: one alert where the source stands, the widgets keep their names', async () => {
    Object.assign(requestSettings, {retries: 0});
    const tag = uniqueTag('500-source');
    await sequence(tag, Array<string>(100).fill('status=500'));
    render(
      html`<odw-source
          id=${tag}
          src=${`${PORTAL}/~seq=${tag},tag=${tag}/${POPULATIONS}`}
          where=${ORLEANS}
        ></odw-source>
        <odw-filter source=${tag} field="commune" type="checkboxes" label="Commune"></odw-filter>
        <odw-kpi source=${tag} value="sum(population)" label="Habitants"></odw-kpi>
        <odw-chart source=${tag} title="Population par commune" x="commune" y="sum(population)"></odw-chart>`,
      container,
    );
    expect(await failedOnce()).to.match(
      /^Les données « populations-legales-2025 » n’ont pas pu être chargées/,
    );
    const [filter, kpi, chart] = widgets();
    expect(normalize(part(filter, 'label')?.textContent)).to.equal('Commune');
    expect(normalize(part(kpi, 'label')?.textContent)).to.equal('Habitants');
    expect(normalize(part(chart, 'title')?.textContent)).to.equal('Population par commune');
    const source = container.querySelector('odw-source')!;
    await expect(source).to.be.accessible();
    for (const widget of widgets()) await expect(widget).to.be.accessible();

    await fetch(`${PORTAL}/__faults?name=${tag}`, {method: 'DELETE'});
    click(everywhere('[part~=retry]')[0]);
    for (const widget of widgets()) await drawn(widget);
    expect(source.hasAttribute('data-status'), 'the source hides again').to.equal(false);
    expect(document.activeElement).to.equal(filter);
  });

  it('a widget with its own src keeps its own alert and « Réessayer »', async () => {
    Object.assign(requestSettings, {retries: 0});
    const tag = uniqueTag('500-own');
    const src = `${PORTAL}/~status=500,tag=${tag}/${POPULATIONS}`;
    render(
      html`<odw-kpi src=${src} value="sum(population)" label="Habitants"></odw-kpi>
        <odw-kpi src=${src} value="count()" label="Communes"></odw-kpi>`,
      container,
    );
    for (const widget of widgets()) {
      expect(await failed(widget)).to.equal(
        'Le portail de données rencontre une erreur (HTTP 500). Réessayez plus tard. Réessayer',
      );
      expect(part(widget, 'retry')).to.not.equal(null);
    }
    expect(normalize(part(widgets()[1], 'label')?.textContent)).to.equal('Communes');
    expect(everywhere('[role=alert]').length).to.equal(2);
  });

  it('429 with Retry-After: waits as asked, then draws everything', async () => {
    // Backoff delays far shorter than Retry-After: a client that ignored it would retry within 20 ms.
    Object.assign(requestSettings, {retries: 3, baseDelay: 10, maxDelay: 20});
    const tag = uniqueTag('429');
    await sequence(tag, Array<string>(500).fill('status=429,retry-after=1'));
    fetches = watchFetches(tag);
    // The request layer's waits on a fake clock; the emulator answers on time.
    clock = FakeTimers.install({toFake: ['setTimeout', 'clearTimeout'], shouldAdvanceTime: false});
    render(dashboard(`${PORTAL}/~seq=${tag},tag=${tag}/${POPULATIONS}`), container);
    await untilOnClock(clock, async () => (await requestsTagged(tag)).length >= 3, 'first requests refused');
    await untilOnClock(clock, () => fetches!.pending() === 0, 'every refusal received');
    const refused = fetches.calls.map(({url}) => url);
    // 300 ms of the 1 s asked for: nothing is asked again.
    await clock.tickAsync(300);
    expect(fetches.calls.map(({url}) => url)).to.deep.equal(refused);
    await fetch(`${PORTAL}/__faults?name=${tag}`, {method: 'DELETE'});
    await untilOnClock(clock, () => widgets().every(settledWidget), 'every widget settled', {step: 50});
    for (const widget of widgets()) expect(errorText(widget), widget.localName).to.equal('');
    const urls = (await requestsTagged(tag)).map(({url}) => url);
    expect(urls.length, 'retried').to.be.greaterThan(new Set(urls).size);
  });

  it('429 asking to wait too long: says the quota is reached, without waiting', async () => {
    Object.assign(requestSettings, {retries: 3, baseDelay: 10, maxDelay: 20});
    const tag = uniqueTag('quota');
    render(dashboard(`${PORTAL}/~status=429,retry-after=3600,tag=${tag}/${POPULATIONS}`), container);
    expect(await failedOnce()).to.match(/quota de requêtes/);
    const urls = (await requestsTagged(tag)).map(({url}) => url);
    expect(urls.length, 'no retry').to.equal(new Set(urls).size);
  });

  it('timeout: says the portal takes too long', async () => {
    Object.assign(requestSettings, {retries: 0, timeout: 300});
    const tag = uniqueTag('timeout');
    render(dashboard(`${PORTAL}/~latency=5000,tag=${tag}/${POPULATIONS}`), container);
    expect(await failedOnce()).to.match(/ Le portail de données met trop de temps à répondre\. Réessayer$/);
  });

  it('connection cut: says the portal does not answer', async () => {
    Object.assign(requestSettings, {retries: 0});
    const tag = uniqueTag('cut');
    render(dashboard(`${PORTAL}/~cut,tag=${tag}/${POPULATIONS}`), container);
    expect(await failedOnce()).to.match(
      / Le portail de données ne répond pas\. Vérifiez votre connexion\. Réessayer$/,
    );
  });

  it('slow answers out of order: the newest filter wins', async () => {
    const tag = uniqueTag('order');
    const src = `${PORTAL}/~seq=${tag},tag=${tag}/${POPULATIONS}`;
    render(
      html`<odw-source id=${tag} src=${src}></odw-source>
        <odw-dashboard source=${tag}>
          <odw-kpi value="sum(population)"></odw-kpi>
          <odw-chart x="commune" y="sum(population)" sort="-y" limit="3"></odw-chart>
          <odw-table columns="commune,epci" page-size="3" sort="-population"></odw-table>
          <odw-filter field="commune" label="Commune"></odw-filter>
        </odw-dashboard>`,
      container,
    );
    for (const widget of widgets()) await drawn(widget);
    const source = container.querySelector<OdwSource>('odw-source')!;
    const epci = (name: string) => ({
      type: 'compare' as const,
      field: 'epci',
      op: '=' as const,
      value: {type: 'string' as const, value: name},
    });
    // The first change is answered slowly…
    await sequence(tag, Array<string>(100).fill('latency=1500'));
    fetches = watchFetches('Dijon');
    source.setFilter('epci', epci('Dijon Métropole'));
    await waitUntil(
      async () => (await requestsTagged(tag)).some(({url}) => decodeURIComponent(url).includes('Dijon')),
      'the slow requests sent',
    );
    // …the second at once.
    await fetch(`${PORTAL}/__faults?name=${tag}`, {method: 'DELETE'});
    source.setFilter('epci', epci('Communauté urbaine Angers Loire Métropole'));
    const [kpi, chart, table] = widgets();
    const value = () => normalize(part(kpi, 'value')?.textContent);
    const cells = () =>
      [...shadow(table).querySelectorAll('tbody td')].map((cell) => normalize(cell.textContent));
    const axis = () => [...shadow(chart).querySelectorAll('.vega svg text')].map((text) => text.textContent);
    const angersEverywhere = () =>
      value() === '308 806' &&
      cells().includes('Communauté urbaine Angers Loire Métropole') &&
      axis().includes('Angers');
    await waitUntil(angersEverywhere, 'Angers shown', {timeout: 20_000});
    // Once the slow answers have come (or were aborted), Angers is still shown everywhere.
    await waitUntil(() => fetches!.pending() === 0, 'the slow answers settled', {timeout: 10_000});
    for (const widget of widgets()) await (widget as ReactiveElement).updateComplete;
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    expect(angersEverywhere(), 'Angers still shown').to.equal(true);
    expect(cells()).to.not.include('Dijon Métropole');
    expect(axis()).to.not.include('Dijon');
  });
});
