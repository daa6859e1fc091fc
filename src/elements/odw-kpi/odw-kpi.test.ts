import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import FakeTimers, {type InstalledClock} from '@sinonjs/fake-timers';
import {parseFilter, requestSettings} from '../../data/index.js';
import type {OdwSource} from '../odw-source/odw-source.js';
import './define.js';
import type {OdwKpi} from './odw-kpi.js';
import {
  faultSequence,
  mount,
  normalize,
  part,
  requestLog,
  uniqueTag,
  watchFetches,
} from '../../../test/helpers.js';

const ODS_PATH = 'ods/api/explore/v2.1/catalog/datasets/populations-legales-2025/records';
const ODS = `/portal/${ODS_PATH}`;
const RESOURCE = '7d3f6a2e-1c4b-4e8a-9f2d-5b6c7a8e9d01';
const TABULAR = `/portal/tabular/api/resources/${RESOURCE}/data/`;
const CKAN = `/portal/ckan/api/3/action/datastore_search?resource_id=${RESOURCE}`;
const CSV = '/portal/files/populations-legales-2025.csv';

const ORLEANS = 'epci = "Orléans Métropole"';
const DIJON = 'epci = "Dijon Métropole"';
const ANGERS = 'epci = "Communauté urbaine Angers Loire Métropole"';

function partText(el: Element, name: string): string {
  return normalize(part(el, name)?.textContent);
}

/** Waits until the widget shows a figure or a message (loaded, empty, error or stale). */
async function settled(el: Element, timeout = 15_000): Promise<void> {
  await waitUntil(() => part(el, 'value') || part(el, 'status'), `${el.outerHTML} never settled`, {timeout});
}

async function valueOf(el: Element): Promise<string> {
  await settled(el);
  return partText(el, 'value');
}

function taggedOds(tag: string, faults = ''): string {
  return `/portal/~tag=${tag}${faults ? `,${faults}` : ''}/${ODS_PATH}`;
}

/** The refresh timers of the page (`setInterval`) on a fake clock; everything else runs on time. */
function fakeIntervals(): InstalledClock {
  return FakeTimers.install({toFake: ['setInterval', 'clearInterval'], shouldAdvanceTime: false});
}

const savedSettings = {...requestSettings};

describe('odw-kpi', function () {
  // Real requests to the emulator, sometimes several in a row, on a machine shared with other runs.
  this.timeout(30_000);

  beforeEach(() => {
    // Fast backoff: the retry behaviour is the same, the tests just wait less.
    Object.assign(requestSettings, {baseDelay: 5, maxDelay: 20});
  });
  let clock: InstalledClock | undefined;
  let fetches: ReturnType<typeof watchFetches> | undefined;
  afterEach(() => {
    Object.assign(requestSettings, savedSettings);
    clock?.uninstall();
    clock = undefined;
    fetches?.stop();
    fetches = undefined;
  });

  describe('figures', () => {
    it('shows the population of three métropoles from one Opendatasoft source', async () => {
      const el = await mount(
        html`<div>
          <odw-source id="pop" src=${ODS}></odw-source>
          <odw-kpi source="pop" value="sum(population)" where=${ORLEANS} label="Habitants"></odw-kpi>
          <odw-kpi source="pop" value="sum(population)" where=${DIJON} label="Habitants"></odw-kpi>
          <odw-kpi source="pop" value="sum(population)" where=${ANGERS} label="Habitants"></odw-kpi>
        </div>`,
      );
      const [orleans, dijon, angers] = el.querySelectorAll('odw-kpi');
      expect(await valueOf(orleans)).to.equal('293 673');
      expect(await valueOf(dijon)).to.equal('258 630');
      expect(await valueOf(angers)).to.equal('308 806');
      expect(partText(orleans, 'label')).to.equal('Habitants');
    });

    for (const [family, src] of [
      ['the data.gouv.fr tabular API', TABULAR],
      ['CKAN', CKAN],
      ['a CSV file', CSV],
    ]) {
      it(`computes the same figure through ${family}`, async () => {
        const el = await fixture(
          html`<odw-kpi src=${src} value="sum(population)" where=${ORLEANS}></odw-kpi>`,
        );
        expect(await valueOf(el)).to.equal('293 673');
      });
    }

    it('gives the figure, its label and unit one accessible text', async () => {
      const el = await fixture(
        html`<odw-kpi
          src=${ODS}
          value="sum(population)"
          where=${ORLEANS}
          label="Habitants"
          unit="hab."
        ></odw-kpi>`,
      );
      expect(await valueOf(el)).to.equal('293 673 hab.');
      const figure = el.shadowRoot!.querySelector('.kpi')!;
      const names = figure
        .getAttribute('aria-labelledby')!
        .split(' ')
        .map((id) => normalize(el.shadowRoot!.getElementById(id)!.textContent));
      expect(names.join(' ')).to.equal('Habitants 293 673 hab.');
      expect(part(el, 'value')!.localName).to.equal('p');
    });

    it('shows the value of a field when where picks one record', async () => {
      const el = await fixture(
        html`<odw-kpi src=${ODS} value="population" where='code_insee = "45234"'></odw-kpi>`,
      );
      expect(await valueOf(el)).to.equal('116 344');
    });

    it('shows the text of a text field', async () => {
      const el = await fixture(
        html`<odw-kpi src=${ODS} value="commune" where='code_insee = "45234"'></odw-kpi>`,
      );
      expect(await valueOf(el)).to.equal('Orléans');
    });

    it('formats compact figures: the population of France in millions', async () => {
      const el = await fixture(html`<odw-kpi src=${ODS} value="sum(population)" format="compact"></odw-kpi>`);
      expect(await valueOf(el)).to.equal('67,8 M');
    });

    it('formats the value as a ratio with format="percent"', async () => {
      const el = await fixture(
        html`<odw-kpi src=${ODS} value="count()" where=${ORLEANS} format="percent"></odw-kpi>`,
      );
      // 22 communes read as a ratio: 22 = 2 200 %.
      expect(await valueOf(el)).to.equal('2 200 %');
    });

    it('shows up to two decimals for a non-integer figure', async () => {
      const el = await fixture(html`<odw-kpi src=${ODS} value="avg(population)" where=${ORLEANS}></odw-kpi>`);
      // 293 673 inhabitants / 22 communes
      expect(await valueOf(el)).to.equal('13 348,77');
    });

    it('speaks English with lang="en": figure, footer and messages', async () => {
      const el = await fixture(
        html`<odw-kpi lang="en" src=${ODS} value="sum(population)" where=${ORLEANS}></odw-kpi>`,
      );
      expect(await valueOf(el)).to.equal('293,673');
      await waitUntil(() => part(el, 'footer'), 'footer');
      expect(partText(el, 'footer')).to.match(/^Source:/);
      expect(partText(el, 'footer')).to.match(/Updated [A-Z][a-z]+ \d{1,2}, \d{4}/);
    });

    it('shows « Aucune donnée » when nothing matches', async () => {
      const el = await fixture(
        html`<odw-kpi src=${ODS} value="sum(population)" where='epci = "Nulle part"'></odw-kpi>`,
      );
      await settled(el);
      expect(partText(el, 'status')).to.equal('Aucune donnée');
      expect(part(el, 'retry')).to.equal(null);
    });
  });

  describe('answers that cannot be a figure', () => {
    it('says so when a sum overflows, instead of « Aucune donnée »', async () => {
      const src = `data:application/json;charset=utf-8,${encodeURIComponent('[{"x": 1e308}, {"x": 1e308}]')}`;
      for (const [lang, message] of [
        ['fr', 'Le résultat de « sum(x) » n’est pas un nombre fini (dépassement de capacité ?).'],
        ['en', 'The result of “sum(x)” is not a finite number (an overflow?).'],
      ]) {
        const el = await fixture(html`<odw-kpi lang=${lang} src=${src} api="json" value="sum(x)"></odw-kpi>`);
        await settled(el);
        expect(partText(el, 'status')).to.equal(message);
        expect(part(el, 'status')!.getAttribute('role')).to.equal('alert');
      }
    });

    it('says the portal ignored the aggregation when its 200 answer lacks the column asked for', async () => {
      const original = window.fetch;
      // An Opendatasoft-like portal that answers the records, not the select it was sent.
      window.fetch = async (input: RequestInfo | URL) => {
        const url = new URL(String(input instanceof Request ? input.url : input));
        const body = url.pathname.endsWith('/records')
          ? {total_count: 2, results: [{population: 12}, {population: 30}]}
          : {
              dataset_id: 'x',
              fields: [{name: 'population', label: 'Population', type: 'int'}],
              metas: {default: {}},
            };
        return new Response(JSON.stringify(body), {headers: {'Content-Type': 'application/json'}});
      };
      try {
        const el = await fixture(
          html`<odw-kpi
            src="https://ignore.example.fr/api/explore/v2.1/catalog/datasets/x/records"
            value="sum(population)"
          ></odw-kpi>`,
        );
        await settled(el);
        expect(partText(el, 'status')).to.equal(
          'Le portail de données a répondu sans la colonne « sum(population) » demandée : il a ignoré l’agrégation.',
        );
      } finally {
        window.fetch = original;
      }
    });
  });

  describe('comparison', () => {
    it('shows the evolution against another filter, with a sign, a word and an arrow', async () => {
      const el = await fixture(
        html`<odw-kpi
          src=${ODS}
          value="sum(population)"
          where=${ORLEANS}
          compare-where=${DIJON}
          compare-label="Dijon Métropole"
        ></odw-kpi>`,
      );
      await waitUntil(() => part(el, 'comparison'), 'comparison', {timeout: 15_000});
      // (293 673 − 258 630) / 258 630 = +13,5 %
      expect(partText(el, 'comparison')).to.equal('▲ En hausse : +13,5 % par rapport à Dijon Métropole');
      expect(part(el, 'comparison')!.querySelector('[aria-hidden="true"]')!.textContent).to.equal('▲');
    });

    it('compares with a fixed value, showing it when no label is given', async () => {
      const el = await fixture(
        html`<odw-kpi src=${ODS} value="sum(population)" where=${ORLEANS} compare-value="300000"></odw-kpi>`,
      );
      await waitUntil(() => part(el, 'comparison'), 'comparison', {timeout: 15_000});
      expect(partText(el, 'comparison')).to.equal('▼ En baisse : -2,1 % par rapport à 300 000');
    });

    it('compares ratios in percentage points', async () => {
      const el = await fixture(
        html`<odw-kpi
          src=${ODS}
          value="count()"
          where=${ORLEANS}
          format="percent"
          compare-value="21.5"
        ></odw-kpi>`,
      );
      await waitUntil(() => part(el, 'comparison'), 'comparison', {timeout: 15_000});
      // 22 against 21.5 read as ratios: 2 200 % against 2 150 %.
      expect(partText(el, 'comparison')).to.equal('▲ En hausse : +50 points par rapport à 2 150 %');
    });

    it('compares two aggregates under the same filter', async () => {
      const el = await fixture(
        html`<odw-kpi
          src=${ODS}
          value="sum(population_totale)"
          where=${ORLEANS}
          compare="sum(population)"
          compare-label="la population municipale"
        ></odw-kpi>`,
      );
      await waitUntil(() => part(el, 'comparison'), 'comparison', {timeout: 15_000});
      expect(partText(el, 'comparison')).to.match(
        /^▲ En hausse : \+\d+(,\d)? % par rapport à la population municipale$/,
      );
    });
  });

  describe('attribution', () => {
    it('shows the dataset, publisher, licence and last update, linked to the dataset page', async () => {
      const el = await fixture(html`<odw-kpi src=${ODS} value="sum(population)" where=${ORLEANS}></odw-kpi>`);
      await waitUntil(() => part(el, 'footer'), 'footer', {timeout: 15_000});
      const footer = partText(el, 'footer');
      // One line (src/core/data-frame.ts), the date short; « Mis à jour le » is for screen readers.
      expect(footer).to.match(
        /^Source : Populations légales 2025 des communes, Insee · Licence Ouverte v2\.0 \(Etalab\) · Mis à jour le \d{1,2} (janv\.|févr\.|mars|avr\.|mai|juin|juil\.|août|sept\.|oct\.|nov\.|déc\.) \d{4}$/,
      );
      const links = [...part(el, 'footer')!.querySelectorAll('a')].map((a) => a.getAttribute('href'));
      expect(
        links.some((href) => href?.endsWith('/portal/ods/explore/dataset/populations-legales-2025/')),
      ).to.equal(true);
    });

    it('hides the footer with no-attribution', async () => {
      const el = await fixture(
        html`<odw-kpi src=${ODS} value="sum(population)" where=${ORLEANS} no-attribution></odw-kpi>`,
      );
      expect(await valueOf(el)).to.equal('293 673');
      expect(part(el, 'footer')).to.equal(null);
    });
  });

  describe('title and description', () => {
    it('shows title as the heading, without a tooltip over the widget, and reads the description', async () => {
      const el = await fixture(
        html`<odw-kpi
          src=${ODS}
          value="sum(population)"
          where=${ORLEANS}
          title="Orléans Métropole"
          description="Somme des populations municipales des 22 communes"
        ></odw-kpi>`,
      );
      await settled(el);
      const heading = part(el, 'title')!;
      expect(heading.getAttribute('role')).to.equal('heading');
      expect(heading.getAttribute('aria-level'), 'no heading before it in the page').to.equal('2');
      expect(normalize(heading.textContent)).to.equal('Orléans Métropole');
      expect(part(el, 'base')!.getAttribute('title')).to.equal('');
      expect(normalize(el.shadowRoot!.getElementById('description')!.textContent)).to.match(/^Somme/);
    });
  });

  describe('requests', () => {
    it('makes one request per distinct query for five identical KPIs', async () => {
      const tag = uniqueTag();
      const el = await mount(
        html`<div>
          <odw-source id="shared" src=${taggedOds(tag)}></odw-source>
          ${[1, 2, 3, 4, 5].map(
            () =>
              html`<odw-kpi
                source="shared"
                value="sum(population)"
                where=${ORLEANS}
                label="Habitants"
              ></odw-kpi>`,
          )}
        </div>`,
      );
      for (const kpi of el.querySelectorAll('odw-kpi')) expect(await valueOf(kpi)).to.equal('293 673');
      const urls = await requestLog(tag);
      expect(urls.filter((url) => url.includes('/records')).length, urls.join('\n')).to.equal(1);
      expect(new Set(urls).size, 'no URL requested twice').to.equal(urls.length);
    });

    it('checks an expression before any request and points at its column', async () => {
      const tag = uniqueTag();
      const el = await mount(
        html`<div>
          <odw-kpi src=${taggedOds(tag)} value="sum(population"></odw-kpi>
          <odw-kpi src=${ODS} value="sum(population)" where=${ORLEANS}></odw-kpi>
        </div>`,
      );
      const [broken, healthy] = el.querySelectorAll('odw-kpi');
      await settled(broken);
      expect(partText(broken, 'status')).to.equal(
        '« sum(population » : parenthèse fermante attendue, colonne 15',
      );
      expect(part(broken, 'retry'), 'retrying cannot fix an expression').to.equal(null);
      expect(await valueOf(healthy)).to.equal('293 673');
      expect(await requestLog(tag)).to.deep.equal([]);
    });

    it('re-queries when a filter is set on the source, after odw-filter-change', async () => {
      const el = await mount(
        html`<div>
          <odw-source id="filtered" src=${ODS}></odw-source>
          <odw-kpi source="filtered" value="sum(population)"></odw-kpi>
        </div>`,
      );
      const source = el.querySelector<OdwSource>('odw-source')!;
      const kpi = el.querySelector('odw-kpi')!;
      expect(await valueOf(kpi)).to.equal('67 808 450');
      const changes: unknown[] = [];
      source.addEventListener('odw-filter-change', (event) => changes.push(event.detail.filters));
      source.setFilter('x', parseFilter('code_departement = "45"'));
      await waitUntil(() => partText(kpi, 'value') === '687 063', 'the Loiret only', {timeout: 15_000});
      expect(changes).to.deep.equal([[parseFilter('code_departement = "45"')]]);
      source.clearFilters();
      await waitUntil(() => partText(kpi, 'value') === '67 808 450', 'France again', {timeout: 15_000});
    });

    it('aborts its request when removed, and fires nothing afterwards', async () => {
      const tag = uniqueTag();
      const kpi = document.createElement('odw-kpi');
      kpi.src = taggedOds(tag, 'latency=2000');
      kpi.value = 'count()';
      const events: string[] = [];
      kpi.addEventListener('odw-load', () => events.push('load'));
      kpi.addEventListener('odw-error', () => events.push('error'));
      fetches = watchFetches(tag);
      document.body.append(kpi);
      await waitUntil(async () => (await requestLog(tag)).length > 0, 'request sent', {timeout: 10_000});
      expect(fetches.pending(), 'requests in flight').to.be.greaterThan(0);
      kpi.remove();
      // Aborted, the requests settle at once; not aborted, they would settle with the answer 2 s later.
      await waitUntil(() => fetches!.pending() === 0, 'requests settled', {timeout: 5_000});
      await kpi.updateComplete;
      expect(events).to.deep.equal([]);
      // Back in the page, it loads again.
      document.body.append(kpi);
      await waitUntil(() => events.includes('load'), 'loaded after reconnection', {timeout: 15_000});
      kpi.remove();
    });

    it('stops its refresh timer when removed', async () => {
      const tag = uniqueTag();
      clock = fakeIntervals();
      fetches = watchFetches(tag);
      const el = await fixture<OdwKpi>(
        html`<odw-kpi src=${taggedOds(tag)} value="count()" refresh="1"></odw-kpi>`,
      );
      await settled(el);
      const first = (await requestLog(tag)).length;
      await clock.tickAsync(1000);
      await waitUntil(async () => (await requestLog(tag)).length > first, 'a refresh', {timeout: 10_000});
      await waitUntil(() => fetches!.pending() === 0, 'the refresh answered', {timeout: 10_000});
      el.remove();
      expect(clock.countTimers(), 'timers left').to.equal(0);
      const afterRemoval = fetches.calls.length;
      await clock.tickAsync(5000);
      expect(fetches.calls.length, 'requests after removal').to.equal(afterRemoval);
    });
  });

  describe('failures', () => {
    /**
     * Each fault comes first in a sequence; the widget shows `message`, then « Réessayer » loads
     * the figure. A healthy widget beside it keeps working.
     */
    async function failsThenRecovers(faults: string[], message: RegExp, retries = 0) {
      requestSettings.retries = retries;
      const tag = uniqueTag();
      const sequence = await faultSequence(faults);
      const el = await mount(
        html`<div>
          <odw-kpi
            src=${taggedOds(tag, `seq=${sequence}`)}
            value="sum(population)"
            where=${ORLEANS}
          ></odw-kpi>
          <odw-kpi src=${ODS} value="sum(population)" where=${DIJON}></odw-kpi>
        </div>`,
      );
      const [failing, healthy] = el.querySelectorAll('odw-kpi');
      const errors: unknown[] = [];
      failing.addEventListener('odw-error', (event) => errors.push(event.detail.error));
      await settled(failing);
      expect(partText(failing, 'status')).to.match(message);
      expect(part(failing, 'status')!.getAttribute('role')).to.equal('alert');
      expect(await valueOf(healthy)).to.equal('258 630');
      // Every faulty answer of the sequence has been used before retrying.
      await waitUntil(async () => (await requestLog(tag)).length >= faults.length, 'faults used', {
        timeout: 15_000,
      });
      (part(failing, 'retry') as HTMLButtonElement).click();
      await waitUntil(() => partText(failing, 'value') === '293 673', 'recovered', {timeout: 15_000});
      expect(part(failing, 'status')).to.equal(null);
      return errors;
    }

    it('says the dataset is missing on a 404', async () => {
      await failsThenRecovers(['status=404'], /^Jeu de données introuvable/);
    });

    it('says the portal has an error after retrying a 500', async () => {
      // Two requests (records and metadata), each tried twice.
      await failsThenRecovers(['status=500', 'status=500', 'status=500', 'status=500'], /HTTP 500/, 1);
    });

    it('gives the reset time of an exhausted quota (long Retry-After)', async () => {
      await failsThenRecovers(
        ['status=429,retry-after=7200'],
        /^Le quota de requêtes .* atteint jusqu’(à \d{2}:\d{2}|au \d{1,2} \S+ \d{4} à \d{2}:\d{2})\./,
      );
    });

    it('says the portal is too slow on a timeout', async () => {
      requestSettings.timeout = 2500;
      await failsThenRecovers(['latency=5000', 'latency=5000'], /trop de temps à répondre/);
    });

    it('says the answer is not in the expected format on malformed JSON', async () => {
      await failsThenRecovers(['malformed'], /format attendu/);
    });

    it('says the portal does not respond when the connection is cut', async () => {
      await failsThenRecovers(['cut', 'cut'], /ne répond pas/);
    });
  });

  describe('degraded mode', () => {
    it('keeps the last figure with a dated notice when a refresh fails', async () => {
      requestSettings.retries = 0;
      const tag = uniqueTag();
      const sequence = await faultSequence(['ok', 'ok', ...Array<string>(30).fill('status=500')]);
      clock = fakeIntervals();
      fetches = watchFetches(tag);
      const el = await fixture<OdwKpi>(
        html`<odw-kpi
          src=${taggedOds(tag, `seq=${sequence}`)}
          value="sum(population)"
          where=${ORLEANS}
          refresh="1"
        ></odw-kpi>`,
      );
      expect(await valueOf(el)).to.equal('293 673');
      await clock.tickAsync(1000);
      await waitUntil(() => part(el, 'status'), 'stale notice', {timeout: 15_000});
      expect(partText(el, 'value')).to.equal('293 673');
      expect(partText(el, 'status')).to.match(
        /^Données du \d{1,2} \S+ \d{4} à \d{2}:\d{2} — la mise à jour a échoué Réessayer$/,
      );
      expect(part(el, 'footer'), 'the attribution stays').not.to.equal(null);
      // The next refreshes fail too: figure and notice stay on screen, also while they are tried.
      const shown = (moment: string) => {
        expect(partText(el, 'value'), moment).to.equal('293 673');
        expect(partText(el, 'status'), moment).to.match(/^Données du /);
      };
      for (let refresh = 2; refresh <= 4; refresh++) {
        await waitUntil(() => fetches!.pending() === 0, `refresh ${refresh - 1} answered`, {timeout: 10_000});
        const sent = fetches.calls.length;
        await clock.tickAsync(1000);
        await waitUntil(() => fetches!.calls.length > sent, `refresh ${refresh} sent`, {timeout: 10_000});
        await el.updateComplete;
        shown(`refresh ${refresh} in flight`);
        await waitUntil(() => fetches!.pending() === 0, `refresh ${refresh} answered`, {timeout: 10_000});
        await el.updateComplete;
        shown(`refresh ${refresh} failed`);
      }
      el.remove();
    });

    it('recovers from the stale state with « Réessayer », even while a failed refresh still has a request running', async () => {
      requestSettings.retries = 0;
      // The refresh fails at once on one request while the other fails 1.5 s later: the retry must
      // not wait on that one.
      const sequence = await faultSequence(['ok', 'ok', 'status=500', 'latency=1500,status=500']);
      const el = await fixture(
        html`<odw-kpi
          src=${taggedOds(uniqueTag(), `seq=${sequence}`)}
          value="count()"
          refresh="1"
        ></odw-kpi>`,
      );
      await waitUntil(() => part(el, 'status'), 'stale notice', {timeout: 15_000});
      el.removeAttribute('refresh');
      (part(el, 'retry') as HTMLButtonElement).click();
      await waitUntil(() => !part(el, 'status'), 'fresh again', {timeout: 15_000});
      expect(partText(el, 'value')).to.equal('34 964');
    });
  });

  describe('accessibility', () => {
    it('is accessible once loaded, with a comparison', async () => {
      const el = await fixture(
        html`<odw-kpi
          src=${ODS}
          value="sum(population)"
          where=${ORLEANS}
          label="Habitants"
          unit="hab."
          title="Orléans Métropole"
          compare-value="280000"
        ></odw-kpi>`,
      );
      await waitUntil(() => part(el, 'comparison') && part(el, 'footer'), 'loaded', {timeout: 15_000});
      await expect(el).to.be.accessible();
    });

    it('is accessible while loading', async () => {
      const el = await fixture(
        html`<odw-kpi
          src=${taggedOds(uniqueTag(), 'latency=3000')}
          value="count()"
          label="Communes"
        ></odw-kpi>`,
      );
      expect(part(el, 'body')!.getAttribute('aria-busy')).to.equal('true');
      await expect(el).to.be.accessible();
      el.remove();
    });

    it('is accessible when empty', async () => {
      const el = await fixture(
        html`<odw-kpi src=${ODS} value="sum(population)" where='epci = "Nulle part"'></odw-kpi>`,
      );
      await settled(el);
      await expect(el).to.be.accessible();
    });

    it('is accessible with an error', async () => {
      const el = await fixture(
        html`<odw-kpi src=${taggedOds(uniqueTag(), 'status=404')} value="count()"></odw-kpi>`,
      );
      await settled(el);
      await expect(el).to.be.accessible();
    });

    it('is accessible when stale', async () => {
      requestSettings.retries = 0;
      const sequence = await faultSequence(['ok', 'ok', ...Array<string>(30).fill('status=500')]);
      const el = await fixture(
        html`<odw-kpi
          src=${taggedOds(uniqueTag(), `seq=${sequence}`)}
          value="count()"
          refresh="1"
        ></odw-kpi>`,
      );
      await waitUntil(() => part(el, 'status'), 'stale notice', {timeout: 15_000});
      await expect(el).to.be.accessible();
      el.remove();
    });

    for (const theme of ['light', 'dark', 'dsfr']) {
      it(`is accessible in the ${theme} theme`, async () => {
        const el = await fixture(
          html`<odw-kpi
            theme=${theme}
            src=${ODS}
            value="sum(population)"
            where=${ORLEANS}
            label="Habitants"
            title="Orléans Métropole"
            compare-value="300000"
          ></odw-kpi>`,
        );
        await waitUntil(() => part(el, 'comparison') && part(el, 'footer'), 'loaded', {timeout: 15_000});
        await expect(el).to.be.accessible();
      });
    }
  });
});
