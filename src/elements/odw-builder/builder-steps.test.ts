import {expect, waitUntil} from '@open-wc/testing';
import {shadow} from '../../../test/helpers.js';
import {
  $,
  text,
  builder,
  datasetShown,
  select,
  next,
  previewed,
  ODS_PAGE,
  ODS_RECORDS,
} from './builder-harness.test.js';

describe('odw-builder steps', function () {
  this.timeout(60_000);

  describe('steps', () => {
    it('moves the focus to the heading of each step and marks the current one', async () => {
      const el = await builder(ODS_PAGE);
      await datasetShown(el);
      await next(el);
      expect(shadow(el).activeElement?.id).to.equal('step2-heading');
      expect(text(el, '#step2-heading')).to.equal('Étape 2 sur 3 : Le widget');
      expect(text(el, '.steps [aria-current="step"]')).to.equal('2. Le widget');
      await next(el);
      expect(shadow(el).activeElement?.id).to.equal('step3-heading');
      ($(el, '#previous') as HTMLButtonElement).click();
      await el.updateComplete;
      expect(shadow(el).activeElement?.id).to.equal('step2-heading');
    });

    it('proposes a first chart as soon as the dataset is loaded, with only the choices the fields allow', async () => {
      const el = await builder(ODS_PAGE);
      await datasetShown(el);
      await next(el);
      expect(($(el, '#kind-chart') as HTMLInputElement).checked).to.equal(true);
      const kinds = [...shadow(el).querySelectorAll('#kind-group input')].map((input) => input.id);
      expect(kinds).to.deep.equal([
        'kind-kpi',
        'kind-chart',
        'kind-map',
        'kind-table',
        'kind-filter',
        'kind-dashboard',
      ]);
      const types = [...shadow(el).querySelectorAll('#chart-type-group input')].map(
        (input) => (input as HTMLInputElement).value,
      );
      expect(types, 'no time axis without a date').to.deep.equal([
        'column',
        'bar',
        'pie',
        'donut',
        'scatter',
      ]);
      expect(text(el, '#chart-type-note')).to.equal('Courbe et aire demandent un champ de date.');
      const measures = [...($(el, '#y-field') as HTMLSelectElement).options].map((option) => option.value);
      expect(measures, 'aggregates on numbers only').to.deep.equal([
        'population',
        'population_comptee_a_part',
        'population_totale',
      ]);
      // The chart's module may still be loading: no shadow root yet.
      await waitUntil(() => previewed(el, 'odw-chart').shadowRoot?.querySelector('#summary'), 'chart drawn', {
        timeout: 30_000,
      });
      await expect(el).to.be.accessible();
    });

    it('fills the details with a text alternative proposal, and insists on one for charts', async () => {
      const el = await builder(ODS_PAGE);
      await datasetShown(el);
      await next(el);
      await next(el);
      const description = $(el, '#widget-description') as HTMLTextAreaElement;
      expect(description.value).to.equal(
        'Barres horizontales : Somme de Population municipale par Région, les 10 premières valeurs.',
      );
      expect(description.getAttribute('aria-required')).to.equal('true');
      description.value = '';
      description.dispatchEvent(new Event('change'));
      await el.updateComplete;
      expect(description.getAttribute('aria-invalid')).to.equal('true');
      expect(description.getAttribute('aria-describedby')).to.equal(
        'widget-description-help widget-description-error',
      );
      expect(text(el, '#code')).to.include('description="Barres horizontales');
      await select(el, '#where', 'population >');
      expect(text(el, '#where-error')).to.match(/^« population > » : valeur attendue/);
      expect($(el, '#where')!.getAttribute('aria-describedby')).to.equal('where-help where-error');
      await select(el, '#limit', '-3');
      expect(text(el, '#limit-error')).to.equal('Indiquez un nombre entier positif.');
      await select(el, '#limit', '5');
      await select(el, '#palette', 'dsfr');
      await select(el, '#widget-lang', 'en');
      const code = text(el, '#code');
      expect(code).to.include('limit="5"');
      expect(code).to.include('--odw-palette-1: #000091;');
      expect(code).to.include('lang="en"');
      await expect(el).to.be.accessible();
    });
  });

  describe('languages', () => {
    it('speaks English with lang="en", and so does the widget it makes', async () => {
      const el = await builder(ODS_RECORDS, 'en');
      await datasetShown(el);
      expect(text(el, '#status')).to.equal(
        'Dataset loaded: “Populations légales 2025 des communes”, 10 fields.',
      );
      expect(text(el, '#step1-heading')).to.equal('Step 1 of 3: The data');
      await next(el);
      expect(text(el, '#kind-group legend')).to.equal('Kind of widget');
      await expect(el).to.be.accessible();
    });
  });
});
