import {expect, html, waitUntil} from '@open-wc/testing';
import {parseFilter} from '../../data/index.js';
import type {OdwSource} from '../odw-source/odw-source.js';
import '../odw-kpi/define.js';
import '../odw-table/define.js';
import './define.js';
import {mount, normalize, requestLog, uniqueTag} from '../../../test/helpers.js';
import {
  ODS_PATH,
  ODS,
  LOIRET,
  ORLEANS_METROPOLE,
  root,
  choices,
  countOf,
  loaded,
  checkbox,
  kpiValue,
  tableRange,
  chips,
} from './filter-harness.test.js';

describe('odw-filter: cross-filtering and url-sync', function () {
  this.timeout(30_000);

  describe('cross-filtering', () => {
    it('moves a KPI and a table on the same source, and back', async () => {
      const container = await mount(
        html`<div>
          <odw-source id="round" src=${ODS}></odw-source>
          <odw-filter source="round" field="epci" where=${LOIRET}></odw-filter>
          <odw-kpi source="round" value="sum(population)"></odw-kpi>
          <odw-table source="round" columns="commune,population" sort="-population" page-size="5"></odw-table>
        </div>`,
      );
      const filter = container.querySelector('odw-filter')!;
      const kpi = container.querySelector('odw-kpi')!;
      const table = container.querySelector('odw-table')!;
      await loaded(filter);
      await waitUntil(() => kpiValue(kpi) === '67 808 450', 'France', {timeout: 15_000});
      const select = root(filter).querySelector('select')!;
      select.value = ORLEANS_METROPOLE;
      select.dispatchEvent(new Event('change'));
      await waitUntil(() => kpiValue(kpi) === '293 673', 'Orléans Métropole in the KPI', {timeout: 15_000});
      await waitUntil(() => tableRange(table) === 'Lignes 1 à 5 sur 22', 'and in the table', {
        timeout: 15_000,
      });
      expect(
        [...root(table).querySelector('tbody tr')!.children].map((cell) => normalize(cell.textContent)),
      ).to.deep.equal(['Orléans', '116 344']);
      root(filter).querySelector<HTMLButtonElement>('[part=reset]')!.click();
      await waitUntil(() => kpiValue(kpi) === '67 808 450', 'France again', {timeout: 15_000});
    });

    it('sends at most one request per distinct query when a change touches five widgets', async () => {
      const tag = uniqueTag();
      const container = await mount(
        html`<div>
          <odw-source id="five" src=${`/portal/~tag=${tag}/${ODS_PATH}`} where=${LOIRET}></odw-source>
          <odw-filter id="five-epci" source="five" field="epci" type="checkboxes"></odw-filter>
          <odw-filter id="five-commune" source="five" field="commune"></odw-filter>
          <odw-kpi source="five" value="sum(population)"></odw-kpi>
          <odw-kpi source="five" value="sum(population)" label="Habitants"></odw-kpi>
          <odw-table source="five" columns="commune,population" sort="-population"></odw-table>
        </div>`,
      );
      const [epci, commune] = container.querySelectorAll('odw-filter');
      const [kpi] = container.querySelectorAll('odw-kpi');
      await loaded(epci);
      await loaded(commune);
      await waitUntil(() => kpiValue(kpi) === '687 063', 'Loiret', {timeout: 15_000});
      await waitUntil(() => tableRange(container.querySelector('odw-table')!) !== '', 'table', {
        timeout: 15_000,
      });
      await fetch(`/portal/__requests?tag=${tag}`, {method: 'DELETE'});

      checkbox(epci, ORLEANS_METROPOLE).click();
      await waitUntil(() => kpiValue(kpi) === '293 673', 'every widget re-queried', {timeout: 15_000});
      await waitUntil(
        () => choices(commune).length === 22 && countOf(commune, 'Orléans') === undefined,
        'communes',
        {
          timeout: 15_000,
        },
      );
      // Every widget done: the log holds every request the change caused.
      await waitUntil(
        () =>
          [...container.querySelectorAll('odw-kpi, odw-table, odw-filter')].every(
            (widget) => root(widget).querySelector('[part=body]')?.getAttribute('aria-busy') === 'false',
          ),
        'every widget settled',
        {timeout: 15_000},
      );
      const urls = await requestLog(tag);
      expect(new Set(urls).size, `no query sent twice:\n${urls.join('\n')}`).to.equal(urls.length);
      // Two identical KPIs share one request; the epci filter's own counts come from the cache.
      const records = urls.filter((url) => url.includes('/records'));
      const facetsRequests = urls.filter((url) => url.includes('/facets'));
      expect(facetsRequests, 'only the commune filter re-counts').to.have.length(1);
      expect(records.length, urls.join('\n')).to.be.at.most(2);
    });

    it('aborts a query superseded by a newer change, and shows the newest data', async () => {
      const tag = uniqueTag();
      const container = await mount(
        html`<div>
          <odw-source id="slow" src=${`/portal/~tag=${tag},latency=800/${ODS_PATH}`}></odw-source>
          <odw-kpi source="slow" value="sum(population)"></odw-kpi>
        </div>`,
      );
      const source = container.querySelector<OdwSource>('odw-source')!;
      const kpi = container.querySelector('odw-kpi')!;
      await waitUntil(() => kpiValue(kpi) === '67 808 450', 'France', {timeout: 15_000});
      const signals: Array<{url: string; signal?: AbortSignal | null}> = [];
      const originalFetch = window.fetch;
      window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
        signals.push({url: String(input), signal: init?.signal});
        return originalFetch(input, init);
      };
      const shown: string[] = [];
      const observer = new MutationObserver(() => shown.push(kpiValue(kpi)));
      observer.observe(root(kpi), {subtree: true, childList: true, characterData: true});
      try {
        source.setFilter('epci', parseFilter('epci = "Dijon Métropole"'));
        const sentDijon = () => signals.some(({url}) => decodeURIComponent(url).includes('Dijon'));
        await waitUntil(sentDijon, 'the first query sent');
        source.setFilter('epci', parseFilter('epci = "Orléans Métropole"'));
        await waitUntil(() => kpiValue(kpi) === '293 673', 'the newest filter wins', {timeout: 15_000});
      } finally {
        window.fetch = originalFetch;
        observer.disconnect();
      }
      const dijon = signals.filter(({url}) => decodeURIComponent(url).includes('Dijon'));
      expect(dijon.length, 'the superseded query was sent').to.be.at.least(1);
      expect(
        dijon.every(({signal}) => signal?.aborted),
        'and aborted',
      ).to.equal(true);
      expect(shown, 'its figure never shown').not.to.include('258 630');
      expect(kpiValue(kpi)).to.equal('293 673');
    });
  });

  describe('url-sync', () => {
    const initialUrl = location.href;
    afterEach(() => history.replaceState(history.state, '', initialUrl));

    it('restores the filters from the query string after a reload, and writes changes back', async () => {
      const url = new URL(location.href);
      url.searchParams.set('shared.epci', 'epci = "Orléans Métropole"');
      url.searchParams.set('other.x', 'population > 1');
      history.replaceState(history.state, '', url);

      const container = await mount(
        html`<div>
          <odw-source id="shared" src=${ODS} url-sync></odw-source>
          <odw-filter key="epci" source="shared" field="epci" type="checkboxes" where=${LOIRET}></odw-filter>
          <odw-kpi source="shared" value="sum(population)"></odw-kpi>
        </div>`,
      );
      const filter = container.querySelector('odw-filter')!;
      const kpi = container.querySelector('odw-kpi')!;
      await waitUntil(() => kpiValue(kpi) === '293 673', 'the shared filter applied at once', {
        timeout: 15_000,
      });
      await loaded(filter);
      await waitUntil(() => chips(filter).length === 1, 'the control shows it');
      expect(checkbox(filter, ORLEANS_METROPOLE).checked).to.equal(true);

      checkbox(filter, 'Communauté de communes du Pithiverais').click();
      const params = new URLSearchParams(location.search);
      expect(params.get('shared.epci')).to.equal(
        'epci in ("Orléans Métropole", "Communauté de communes du Pithiverais")',
      );
      expect(params.get('other.x'), 'other parameters kept').to.equal('population > 1');
      root(filter).querySelector<HTMLButtonElement>('[part=reset]')!.click();
      expect(new URLSearchParams(location.search).has('shared.epci')).to.equal(false);
    });

    it('keeps the filters in the hash with url-sync="hash" and ignores a damaged parameter', async () => {
      const url = new URL(location.href);
      url.hash = new URLSearchParams({
        'hashed.taille': 'population >= 100000',
        'hashed.broken': 'epci = (',
      }).toString();
      history.replaceState(history.state, '', url);
      const container = await mount(
        html`<div>
          <odw-source id="hashed" src=${ODS} url-sync="hash" where='epci = "Orléans Métropole"'></odw-source>
          <odw-kpi source="hashed" value="count()"></odw-kpi>
        </div>`,
      );
      const source = container.querySelector<OdwSource>('odw-source')!;
      await waitUntil(() => kpiValue(container.querySelector('odw-kpi')!) === '1', 'Orléans only', {
        timeout: 15_000,
      });
      expect(source.filterEntries.map(([key]) => key)).to.deep.equal(['taille']);
      source.setFilter('taille', parseFilter('population >= 20000'));
      expect(new URLSearchParams(location.hash.slice(1)).get('hashed.taille')).to.equal(
        'population >= 20000',
      );
    });
  });
});
