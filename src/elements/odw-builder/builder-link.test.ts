import {expect, html, waitUntil} from '@open-wc/testing';
import {decodeState, encodeState, stateCodeOf} from './state.js';
import {mount, normalize, openPage} from '../../../test/helpers.js';
import {
  $,
  text,
  builder,
  datasetShown,
  choose,
  select,
  next,
  previewed,
  ODS_RECORDS,
  FESTIVALS,
  SCRIPT,
} from './builder-harness.test.js';

describe('odw-builder link', function () {
  this.timeout(60_000);

  describe('the state link', () => {
    const initialUrl = location.href;
    afterEach(() => history.replaceState(null, '', initialUrl));

    it('reopens the builder in the same state, with the same code', async () => {
      const el = await builder(FESTIVALS);
      await datasetShown(el);
      await next(el);
      await choose(el, '#chart-type-line');
      await select(el, '#chart-timeunit', 'month');
      await next(el);
      await select(el, '#widget-title', 'Festivals par mois « 2019 »');
      const code = text(el, '#code');
      const link = $(el, '#link')!.getAttribute('href')!;
      expect(decodeState(stateCodeOf(new URL(link).hash)!).widgets[0]).to.deep.include({
        chartType: 'line',
        timeunit: 'month',
        title: 'Festivals par mois « 2019 »',
      });

      history.replaceState(null, '', link);
      const container = await mount(
        html`<odw-builder url-sync script-src=${SCRIPT} shapes-base="/portal/files/"></odw-builder>`,
      );
      const reopened = container.querySelector('odw-builder')!;
      await waitUntil(() => $(reopened, '#step2-heading'), 'reopened at step 2', {timeout: 20_000});
      expect(text(reopened, '#code')).to.equal(code);
      expect(($(reopened, '#chart-type-line') as HTMLInputElement).checked).to.equal(true);
      await choose(reopened, '#chart-type-area');
      expect(location.hash, 'the URL follows the changes').to.not.equal(new URL(link).hash);
      expect(decodeState(stateCodeOf(location.hash)!).widgets[0].chartType).to.equal('area');
    });

    it('gives a plain message for a damaged link and starts afresh', async () => {
      history.replaceState(null, '', '#builder=eyJzIjoiYSIsInciOlt7ImsiOiJwaWUifV19');
      const container = await mount(html`<odw-builder url-sync></odw-builder>`);
      const el = container.querySelector('odw-builder')!;
      expect(text(el, '[role="alert"]')).to.equal(
        'Le lien de réglage est invalide (w[0].k) : le constructeur repart de zéro.',
      );
      expect($(el, '#url')).to.not.equal(null);
      await expect(el).to.be.accessible();
    });
  });

  describe('the builder page of the examples', () => {
    it('opens from a state link, with the outlines of examples/data', async () => {
      const code = encodeState({
        src: ODS_RECORDS,
        dashboard: false,
        widgets: [
          {
            kind: 'map',
            mode: 'choropleth',
            shapes: 'departements.geojson',
            key: 'code_departement',
            value: 'sum(population)',
          },
        ],
      });
      const page = await openPage(`/examples/builder.html#builder=${code}`, 'odw-builder');
      const el = page.querySelector('odw-builder')!;
      await waitUntil(() => $(el, '#step2-heading'), 'restored at step 2', {timeout: 20_000});
      expect(text(el, '#code')).to.include(`shapes="${location.origin}/examples/data/departements.geojson"`);
      const map = previewed(el, 'odw-map');
      await waitUntil(
        () => normalize(map.shadowRoot?.querySelector('#summary')?.textContent).includes('96'),
        'map drawn',
        {
          timeout: 30_000,
        },
      );
    });
  });
});
