import {expect, fixture, html} from '@open-wc/testing';
import './define.js';
import type {OdwTable} from './odw-table.js';
import {bodyRows, loaded, root, showsRange} from '../../../test/table-helpers.js';

const VALUES_CSV = '/test/fixtures/table-values.csv';

describe('odw-table: values', function () {
  this.timeout(30_000);

  describe('values', () => {
    it('shows markup as text, links only http(s) and e-mail values, localises dates and numbers', async () => {
      const el = await fixture<OdwTable>(html`<odw-table src=${VALUES_CSV}></odw-table>`);
      await showsRange(el, 'Lignes 1 à 3 sur 3');
      const table = root(el).querySelector('table')!;
      expect(table.querySelector('img'), 'no element made from a value').to.equal(null);
      expect((window as {__odwXss?: number}).__odwXss).to.equal(undefined);
      const rows = bodyRows(el);
      expect(rows[0][0]).to.equal('<img src=x onerror="window.__odwXss=1">');
      expect(rows[0][1]).to.equal('1 234,5');
      expect(rows[0][5]).to.equal('3 mars 2026');
      const hrefs = [...table.querySelectorAll('a')].map((a) => a.getAttribute('href'));
      expect(hrefs).to.deep.equal([
        'https://example.org/page?a=1&b=2',
        'mailto:mairie@example.fr',
        'http://example.com/',
      ]);
      expect(rows[0][4], 'a javascript: value stays text').to.equal('javascript:alert(1)');
      expect(rows[2][2], 'an ftp value stays text').to.equal('ftp://example.org/x');
      const long = table.querySelectorAll('tbody tr')[2].children[4] as HTMLElement;
      expect(long.getBoundingClientRect().right, 'inside the widget').to.be.at.most(
        el.getBoundingClientRect().right,
      );
    });
  });

  describe('French files and real numbers', () => {
    const json = (rows: unknown[]) =>
      `data:application/json;charset=utf-8,${encodeURIComponent(JSON.stringify(rows))}`;

    it('shows SIRET codes as written, camelCase identifiers included, even given as numbers', async () => {
      const src = json([
        {idBeneficiaire: 78012958100010, siret: 44035854700014, montant: 12000},
        {idBeneficiaire: 67123663600013, siret: 24450046800016, montant: 750},
      ]);
      for (const lang of ['fr', 'en']) {
        const el = await fixture<OdwTable>(
          html`<odw-table lang=${lang} src=${src} api="json" sort="-montant"></odw-table>`,
        );
        await loaded(el);
        expect(bodyRows(el)[0], lang).to.deep.equal([
          '78012958100010',
          '44035854700014',
          lang === 'fr' ? '12 000' : '12,000',
        ]);
      }
    });

    it('shows a CKAN numeric 0.000384 with its significant digits, in French and English', async () => {
      const src = json([{taux: 0.000384}, {taux: 360.7}]);
      const fr = await fixture<OdwTable>(html`<odw-table src=${src} api="json"></odw-table>`);
      await loaded(fr);
      expect(bodyRows(fr)).to.deep.equal([['0,000384'], ['360,7']]);
      const en = await fixture<OdwTable>(html`<odw-table lang="en" src=${src} api="json"></odw-table>`);
      await loaded(en);
      expect(bodyRows(en)).to.deep.equal([['0.000384'], ['360.7']]);
    });

    it('shows Météo-France compact timestamps as dates and station numbers as codes', async () => {
      const el = await fixture<OdwTable>(
        html`<odw-table
          src="/portal/files/meteo-france-horaire-45-21-202501.csv"
          columns="NUM_POSTE, AAAAMMJJHHMN, T"
          page-size="1"
        ></odw-table>`,
      );
      await loaded(el);
      expect(bodyRows(el)[0]).to.deep.equal(['45055001', '1 janvier 2025 à 00:00', '2']);
    });
  });
});
