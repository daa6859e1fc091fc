import {expect, html, waitUntil} from '@open-wc/testing';
import FakeTimers from '@sinonjs/fake-timers';
import {formatFilter, parseFilter} from '../../data/index.js';
import type {OdwSource} from '../odw-source/odw-source.js';
import '../odw-kpi/define.js';
import '../odw-table/define.js';
import './define.js';
import type {OdwFilter} from './odw-filter.js';
import {mount, normalize} from '../../../test/helpers.js';
import {
  ODS,
  LOIRET,
  ORLEANS_METROPOLE,
  root,
  choices,
  countOf,
  loaded,
  checkbox,
  kpiValue,
  chips,
} from './filter-harness.test.js';

const FESTIVALS = '/portal/ods/api/explore/v2.1/catalog/datasets/festivals-du-finistere/records';
const CSV = '/portal/files/populations-legales-2025.csv';

function setInput(input: HTMLInputElement, value: string, event: 'input' | 'change' = 'input'): void {
  input.value = value;
  input.dispatchEvent(new Event(event));
}

describe('odw-filter: choices and controls', function () {
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
    it('sets one value with a select, several with one click each where multiple (checkboxes, never a select multiple)', async () => {
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

      expect(root(several).querySelector('select'), 'no select multiple').to.equal(null);
      checkbox(several, 'Olivet').click();
      checkbox(several, 'Orléans').click();
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
      // The pause is counted on a fake clock: 300 ms after the last key, not before.
      const clock = FakeTimers.install({toFake: ['setTimeout', 'clearTimeout']});
      try {
        setInput(input, 'saint je');
        clock.tick(200);
        setInput(input, 'saint jean');
        clock.tick(299);
        expect(source.getFilter('nom'), 'nothing before the pause').to.equal(undefined);
        clock.tick(1);
        expect(source.getFilter('nom'), 'applied after the pause').to.not.equal(undefined);
      } finally {
        clock.uninstall();
      }
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
});
