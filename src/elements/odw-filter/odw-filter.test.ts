import {expect, html, waitUntil} from '@open-wc/testing';
import type {TemplateResult} from 'lit';
import {formatFilter, parseFilter} from '../../data/index.js';
import type {OdwSource} from '../odw-source/odw-source.js';
import '../odw-kpi/define.js';
import '../odw-table/define.js';
import './define.js';
import type {OdwFilter} from './odw-filter.js';
import {mount, normalize, requestLog, sleep, uniqueTag} from '../../../test/helpers.js';

const ODS_PATH = 'ods/api/explore/v2.1/catalog/datasets/populations-legales-2025/records';
const ODS = `/portal/${ODS_PATH}`;
const FESTIVALS = '/portal/ods/api/explore/v2.1/catalog/datasets/festivals-du-finistere/records';
const CSV = '/portal/files/populations-legales-2025.csv';
const LOIRET = 'code_departement = "45"';
const ORLEANS_METROPOLE = 'Orléans Métropole';

function root(el: Element): ShadowRoot {
  return el.shadowRoot!;
}

/** `[text, count]` of each choice of a select or checkbox list; the count undefined where none is shown. */
function choices(el: Element): Array<[string, number | undefined]> {
  const count = (text: string | undefined) =>
    text === undefined ? undefined : Number(text.replace(/[() ]/g, ''));
  const options = [...root(el).querySelectorAll('option')].filter((option) => option.value !== '');
  if (options.length) {
    return options.map((option) => {
      const [, text, shown] = /^(.*?)(?: \(([\d ]+)\))?$/.exec(normalize(option.textContent))!;
      return [text, count(shown)];
    });
  }
  return [...root(el).querySelectorAll('.choice')].map((choice) => [
    normalize(choice.querySelector('.choice-label')!.textContent),
    count(choice.querySelector('.count')?.textContent ?? undefined),
  ]);
}

function countOf(el: Element, text: string): number | undefined {
  return choices(el).find(([choice]) => choice === text)?.[1];
}

async function loaded(el: Element): Promise<void> {
  await waitUntil(
    () => root(el).querySelector('[part~=control]') || root(el).querySelector('[part=status]'),
    'the filter never loaded',
    {timeout: 15_000},
  );
}

function checkbox(el: Element, text: string): HTMLInputElement {
  const choice = [...root(el).querySelectorAll('.choice')].find(
    (candidate) => normalize(candidate.querySelector('.choice-label')!.textContent) === text,
  );
  if (!choice) throw new Error(`no choice « ${text} »`);
  return choice.querySelector('input')!;
}

function kpiValue(el: Element): string {
  return normalize(root(el).querySelector('[part=value]')?.textContent);
}

function tableRange(el: Element): string {
  return normalize(root(el).querySelector('.range')?.textContent);
}

function chips(el: Element): string[] {
  return [...root(el).querySelectorAll('.chip')].map((chip) =>
    normalize(chip.textContent).replace(/\s*✕$/, ''),
  );
}

function setInput(input: HTMLInputElement, value: string, event: 'input' | 'change' = 'input'): void {
  input.value = value;
  input.dispatchEvent(new Event(event));
}

describe('odw-filter', function () {
  this.timeout(30_000);

  describe('choices and counts', () => {
    it('lists the values of epci with their counts from the facets, under the source filter, by count', async () => {
      const container = await mount(
        html`<div>
          <odw-source id="loiret" src=${ODS} where=${LOIRET}></odw-source>
          <odw-filter source="loiret" field="epci" label="Intercommunalité"></odw-filter>
        </div>`,
      );
      const filter = container.querySelector('odw-filter')!;
      await loaded(filter);
      const list = choices(filter);
      expect(list).to.have.length(16);
      expect(list[0]).to.deep.equal(['Communauté de communes Canaux et Forêts en Gâtinais', 38]);
      expect(countOf(filter, ORLEANS_METROPOLE)).to.equal(22);
      const counts = list.map(([, count]) => count ?? 0);
      expect(counts).to.deep.equal([...counts].sort((a, b) => b - a));
      expect(normalize(root(filter).querySelector('label[for=control]')!.textContent)).to.equal(
        'Intercommunalité',
      );
      expect(normalize(root(filter).querySelector('option')!.textContent)).to.equal('Toutes les valeurs');
    });

    it('shows no count where each value is one row, and the range bounds in French', async () => {
      const container = await mount(
        html`<div>
          <odw-source id="one-row-each" src=${ODS} where='epci = "Orléans Métropole"'></odw-source>
          <odw-filter source="one-row-each" field="commune" type="checkboxes"></odw-filter>
          <odw-filter source="one-row-each" field="commune"></odw-filter>
          <odw-filter source="one-row-each" field="population" type="range"></odw-filter>
        </div>`,
      );
      const [checkboxes, select, range] = container.querySelectorAll('odw-filter');
      for (const filter of [checkboxes, select, range]) await loaded(filter);
      for (const filter of [checkboxes, select]) {
        expect(choices(filter)).to.have.length(22);
        expect(
          choices(filter).every(([, count]) => count === undefined),
          'no « (1) »',
        ).to.equal(true);
      }
      const bounds = [...root(range).querySelectorAll('input')].map((input) => normalize(input.placeholder));
      expect(bounds).to.deep.equal(['524', '116 344']);
      await expect(checkboxes).to.be.accessible();
    });

    it('sorts the choices by label with sort="label", and takes the label from the metadata', async () => {
      const container = await mount(
        html`<div>
          <odw-source id="loiret-label" src=${ODS} where=${LOIRET}></odw-source>
          <odw-filter source="loiret-label" field="epci" sort="label" type="checkboxes"></odw-filter>
        </div>`,
      );
      const filter = container.querySelector('odw-filter')!;
      await loaded(filter);
      const names = choices(filter).map(([name]) => name);
      expect(names).to.deep.equal(
        [...names].sort(new Intl.Collator('fr', {numeric: true, sensitivity: 'base'}).compare),
      );
      expect(normalize(root(filter).querySelector('legend')!.textContent)).to.not.equal('');
    });

    it('counts disjunctively within a field and conjunctively across fields', async () => {
      const container = await mount(
        html`<div>
          <odw-source id="disjunctive" src=${ODS} where='code_departement in ("45", "21", "49")'></odw-source>
          <odw-filter id="f-epci" source="disjunctive" field="epci" type="checkboxes"></odw-filter>
          <odw-filter id="f-dep" source="disjunctive" field="code_departement" type="checkboxes"></odw-filter>
        </div>`,
      );
      const [epci, departement] = container.querySelectorAll('odw-filter');
      await loaded(epci);
      await loaded(departement);
      const dijonBefore = countOf(epci, 'Dijon Métropole');
      expect(dijonBefore).to.equal(23);
      const loiretBefore = countOf(departement, '45');
      expect(loiretBefore).to.equal(325);

      checkbox(epci, ORLEANS_METROPOLE).click();
      const source = container.querySelector<OdwSource>('odw-source')!;
      expect(formatFilter(source.getFilter('f-epci')!)).to.equal('epci = "Orléans Métropole"');
      // Across fields: the départements count only Orléans Métropole's communes.
      await waitUntil(() => countOf(departement, '45') === 22, 'Loiret restricted to Orléans Métropole', {
        timeout: 15_000,
      });
      expect(countOf(departement, '21')).to.equal(undefined);
      // Within the field: the other métropoles keep their counts, to be added to the choice.
      expect(countOf(epci, 'Dijon Métropole')).to.equal(23);
      checkbox(epci, 'Dijon Métropole').click();
      expect(formatFilter(source.getFilter('f-epci')!)).to.equal(
        'epci in ("Orléans Métropole", "Dijon Métropole")',
      );
      await waitUntil(() => countOf(departement, '21') === 23, 'Côte-d’Or counted too', {timeout: 15_000});

      // A filter on the other field restricts this one's counts.
      checkbox(departement, '21').click();
      await waitUntil(() => countOf(epci, ORLEANS_METROPOLE) === 0, 'Orléans Métropole outside Côte-d’Or', {
        timeout: 15_000,
      });
      expect(checkbox(epci, ORLEANS_METROPOLE).checked, 'a chosen value stays listed').to.equal(true);
      expect(countOf(epci, 'Dijon Métropole')).to.equal(23);
    });

    it('counts through a grouped count on a CSV file too', async () => {
      const container = await mount(
        html`<div>
          <odw-source id="csv-loiret" src=${CSV} where=${LOIRET}></odw-source>
          <odw-filter source="csv-loiret" field="epci"></odw-filter>
        </div>`,
      );
      const filter = container.querySelector('odw-filter')!;
      await waitUntil(() => countOf(filter, ORLEANS_METROPOLE) === 22, 'counted', {timeout: 15_000});
      expect(choices(filter)).to.have.length(16);
    });
  });

  describe('controls', () => {
    it('sets one value with a select, several with select multiple', async () => {
      const container = await mount(
        html`<div>
          <odw-source id="selects" src=${ODS} where=${LOIRET}></odw-source>
          <odw-filter id="single" source="selects" field="epci"></odw-filter>
          <odw-filter
            id="several"
            source="selects"
            field="commune"
            multiple
            where='epci = "Orléans Métropole"'
          ></odw-filter>
        </div>`,
      );
      const source = container.querySelector<OdwSource>('odw-source')!;
      const [single, several] = container.querySelectorAll<OdwFilter>('odw-filter');
      await loaded(single);
      await loaded(several);
      const select = root(single).querySelector('select')!;
      select.value = ORLEANS_METROPOLE;
      select.dispatchEvent(new Event('change'));
      expect(formatFilter(source.getFilter('single')!)).to.equal('epci = "Orléans Métropole"');

      const multiple = root(several).querySelector('select')!;
      expect(multiple.multiple).to.equal(true);
      for (const option of multiple.options) option.selected = ['Orléans', 'Olivet'].includes(option.value);
      multiple.dispatchEvent(new Event('change'));
      expect(source.getFilter('several')).to.deep.equal(parseFilter('commune in ("Olivet", "Orléans")'));

      select.value = '';
      select.dispatchEvent(new Event('change'));
      expect(source.getFilter('single')).to.equal(undefined);
    });

    it('filters a number range, with the bounds of the data as hints', async () => {
      const container = await mount(
        html`<div>
          <odw-source id="ranges" src=${ODS} where='epci = "Orléans Métropole"'></odw-source>
          <odw-filter
            id="taille"
            source="ranges"
            field="population"
            type="range"
            label="Population"
          ></odw-filter>
          <odw-kpi source="ranges" value="count()"></odw-kpi>
        </div>`,
      );
      const source = container.querySelector<OdwSource>('odw-source')!;
      const filter = container.querySelector('odw-filter')!;
      const kpi = container.querySelector('odw-kpi')!;
      await loaded(filter);
      const min = root(filter).querySelector<HTMLInputElement>('#min')!;
      const max = root(filter).querySelector<HTMLInputElement>('#max')!;
      expect(max.max).to.equal('116344');
      expect(normalize(root(filter).querySelector('label[for=min]')!.textContent)).to.equal('Minimum');
      setInput(min, '10000', 'change');
      expect(formatFilter(source.getFilter('taille')!)).to.equal('population >= 10000');
      await waitUntil(() => kpiValue(kpi) === '7', 'seven communes of 10 000 or more', {timeout: 15_000});
      await waitUntil(() => chips(filter).length === 1, 'summary');
      expect(chips(filter)).to.deep.equal(['à partir de 10 000']);
      setInput(max, '20000', 'change');
      expect(formatFilter(source.getFilter('taille')!)).to.equal(
        'population >= 10000 and population <= 20000',
      );
      await waitUntil(() => chips(filter)[0] === '10 000 à 20 000', 'both bounds');
    });

    it('filters a date range, the last day included', async () => {
      const container = await mount(
        html`<div>
          <odw-source id="dates" src=${FESTIVALS}></odw-source>
          <odw-filter
            id="quand"
            source="dates"
            field="date_debut_ancien"
            type="date-range"
            label="Début"
          ></odw-filter>
          <odw-kpi source="dates" value="count()"></odw-kpi>
        </div>`,
      );
      const source = container.querySelector<OdwSource>('odw-source')!;
      const filter = container.querySelector('odw-filter')!;
      await loaded(filter);
      const from = root(filter).querySelector<HTMLInputElement>('#min')!;
      const to = root(filter).querySelector<HTMLInputElement>('#max')!;
      expect(from.type).to.equal('date');
      expect(from.min).to.match(/^\d{4}-\d{2}-\d{2}$/);
      expect(normalize(root(filter).querySelector('label[for=min]')!.textContent)).to.equal('Du');
      setInput(from, '2018-07-01', 'change');
      setInput(to, '2018-07-31', 'change');
      expect(formatFilter(source.getFilter('quand')!)).to.equal(
        "date_debut_ancien >= date'2018-07-01' and date_debut_ancien < date'2018-08-01'",
      );
      await waitUntil(() => chips(filter).length === 1, 'summary', {timeout: 15_000});
      expect(chips(filter)).to.deep.equal(['1 juillet 2018 à 31 juillet 2018']);
      const kpi = container.querySelector('odw-kpi')!;
      await waitUntil(() => Number(kpiValue(kpi)) > 0 && Number(kpiValue(kpi)) < 55, 'July festivals', {
        timeout: 15_000,
      });
    });

    it('searches the values of a field as the user types (debounced), accents ignored', async () => {
      const container = await mount(
        html`<div>
          <odw-source id="searching" src=${ODS} where='epci = "Orléans Métropole"'></odw-source>
          <odw-filter id="nom" source="searching" field="commune" type="search" label="Commune"></odw-filter>
          <odw-kpi source="searching" value="count()"></odw-kpi>
        </div>`,
      );
      const source = container.querySelector<OdwSource>('odw-source')!;
      const filter = container.querySelector('odw-filter')!;
      await loaded(filter);
      const input = root(filter).querySelector<HTMLInputElement>('input[type=search]')!;
      setInput(input, 'saint je');
      setInput(input, 'saint jean');
      expect(source.getFilter('nom'), 'nothing before the pause').to.equal(undefined);
      await waitUntil(() => source.getFilter('nom') !== undefined, 'applied after the pause');
      expect(source.getFilter('nom')).to.deep.equal(
        parseFilter('commune in ("Saint-Jean-de-Braye", "Saint-Jean-de-la-Ruelle", "Saint-Jean-le-Blanc")'),
      );
      await waitUntil(() => kpiValue(container.querySelector('odw-kpi')!) === '3', 'three communes', {
        timeout: 15_000,
      });
      expect(chips(filter)).to.deep.equal(['contient « saint jean »']);
      setInput(input, 'checy');
      await waitUntil(() => formatFilter(source.getFilter('nom')!) === 'commune = "Chécy"', 'accent ignored');
      setInput(input, 'zzz');
      await waitUntil(() => normalize(root(filter).querySelector('.hint')!.textContent) !== '', 'hint');
      expect(normalize(root(filter).querySelector('.hint')!.textContent)).to.equal(
        'Aucune valeur ne correspond.',
      );
    });
  });

  describe('summary and reset', () => {
    it('removes active values one by one, and resets them all', async () => {
      const container = await mount(
        html`<div>
          <odw-source id="summary" src=${ODS} where=${LOIRET}></odw-source>
          <odw-filter id="summary-epci" source="summary" field="epci" type="checkboxes"></odw-filter>
        </div>`,
      );
      const source = container.querySelector<OdwSource>('odw-source')!;
      const filter = container.querySelector('odw-filter')!;
      await loaded(filter);
      expect(root(filter).querySelector('[part=reset]'), 'no reset without a filter').to.equal(null);
      checkbox(filter, ORLEANS_METROPOLE).click();
      checkbox(filter, 'Communauté de communes du Pithiverais').click();
      await waitUntil(() => chips(filter).length === 2, 'two chips');
      expect(chips(filter)).to.deep.equal([ORLEANS_METROPOLE, 'Communauté de communes du Pithiverais']);
      const first = root(filter).querySelector<HTMLButtonElement>('.chip')!;
      expect(first.getAttribute('aria-label')).to.equal('Retirer le filtre Orléans Métropole');
      first.click();
      expect(formatFilter(source.getFilter('summary-epci')!)).to.equal(
        'epci = "Communauté de communes du Pithiverais"',
      );
      await waitUntil(() => chips(filter).length === 1, 'one chip left');
      expect(checkbox(filter, ORLEANS_METROPOLE).checked).to.equal(false);
      const reset = root(filter).querySelector<HTMLButtonElement>('[part=reset]')!;
      expect(normalize(reset.textContent)).to.equal('Réinitialiser');
      reset.click();
      expect(source.getFilter('summary-epci')).to.equal(undefined);
      await waitUntil(() => chips(filter).length === 0, 'no chip');
    });
  });

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
      await sleep(300);
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
        await sleep(200);
        source.setFilter('epci', parseFilter('epci = "Orléans Métropole"'));
        await waitUntil(() => kpiValue(kpi) === '293 673', 'the newest filter wins', {timeout: 15_000});
        await sleep(1200);
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

  describe('accessibility', () => {
    const variants: Array<[string, TemplateResult]> = [
      ['select', html`<odw-filter source="a11y" field="epci" label="Intercommunalité"></odw-filter>`],
      ['select multiple', html`<odw-filter source="a11y" field="epci" multiple></odw-filter>`],
      ['checkboxes', html`<odw-filter source="a11y" field="epci" type="checkboxes"></odw-filter>`],
      ['search', html`<odw-filter source="a11y" field="commune" type="search"></odw-filter>`],
      ['range', html`<odw-filter source="a11y" field="population" type="range"></odw-filter>`],
      [
        'dark checkboxes',
        html`<odw-filter theme="dark" source="a11y" field="epci" type="checkboxes"></odw-filter>`,
      ],
      ['dsfr select', html`<odw-filter theme="dsfr" source="a11y" field="epci"></odw-filter>`],
    ];
    for (const [name, control] of variants) {
      it(`is accessible as ${name}, with an active filter`, async () => {
        const container = await mount(
          html`<div>
            <odw-source id="a11y" src=${ODS} where=${LOIRET}></odw-source>
            ${control}
          </div>`,
        );
        const filter = container.querySelector('odw-filter')!;
        await loaded(filter);
        const source = container.querySelector<OdwSource>('odw-source')!;
        const field = filter.getAttribute('field')!;
        source.setFilter(
          filter.filterKey,
          parseFilter(field === 'population' ? 'population >= 1000' : `${field} = "Orléans Métropole"`),
        );
        await waitUntil(() => chips(filter).length === 1 || field === 'commune', 'summary', {
          timeout: 15_000,
        });
        await expect(filter).to.be.accessible();
      });
    }

    it('is accessible as a date range and while loading', async () => {
      const container = await mount(
        html`<div>
          <odw-source id="a11y-dates" src=${FESTIVALS}></odw-source>
          <odw-filter source="a11y-dates" field="date_debut_ancien" type="date-range"></odw-filter>
          <odw-source id="a11y-slow" src=${`/portal/~latency=3000/${ODS_PATH}`}></odw-source>
          <odw-filter source="a11y-slow" field="epci"></odw-filter>
        </div>`,
      );
      const [dates, slow] = container.querySelectorAll('odw-filter');
      await expect(slow).to.be.accessible();
      await loaded(dates);
      await expect(dates).to.be.accessible();
    });
  });
});
