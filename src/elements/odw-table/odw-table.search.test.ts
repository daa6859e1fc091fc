import {expect, fixture, html} from '@open-wc/testing';
import FakeTimers from '@sinonjs/fake-timers';
import './define.js';
import type {OdwTable} from './odw-table.js';
import {normalize} from '../../../test/helpers.js';
import {ODS, ORLEANS, bodyRows, rangeText, root, showsRange} from '../../../test/table-helpers.js';

const RESOURCE = '7d3f6a2e-1c4b-4e8a-9f2d-5b6c7a8e9d01';
const TABULAR = `/portal/tabular/api/resources/${RESOURCE}/data/`;
const CSV = '/portal/files/populations-legales-2025.csv';

describe('odw-table: search', function () {
  this.timeout(30_000);

  describe('search', () => {
    it('searches 300 ms after the last key, not at every key', async () => {
      const el = await fixture<OdwTable>(
        html`<odw-table src=${CSV} where=${ORLEANS} columns="commune" sort="commune" search></odw-table>`,
      );
      await showsRange(el, 'Lignes 1 à 20 sur 22');
      const input = root(el).querySelector<HTMLInputElement>('input[type=search]')!;
      const clock = FakeTimers.install({toFake: ['setTimeout', 'clearTimeout']});
      try {
        for (const text of ['s', 'sa', 'sar']) {
          input.value = text;
          input.dispatchEvent(new Event('input'));
          clock.tick(200);
        }
        clock.tick(99);
        await el.updateComplete;
        expect(rangeText(el), 'still every row before the pause').to.equal('Lignes 1 à 20 sur 22');
        clock.tick(1);
      } finally {
        clock.uninstall();
      }
      await showsRange(el, 'Lignes 1 à 1 sur 1');
      expect(bodyRows(el)[0][0]).to.equal('Saran');
    });

    for (const [what, src] of [
      ['full text on the Opendatasoft server', ODS],
      ['in the browser over a CSV file', CSV],
    ]) {
      it(`searches ${what}, accents and case ignored`, async () => {
        const el = await fixture<OdwTable>(
          html`<odw-table
            src=${src}
            where=${ORLEANS}
            columns="commune,population"
            sort="commune"
            search
          ></odw-table>`,
        );
        await showsRange(el, 'Lignes 1 à 20 sur 22');
        const input = root(el).querySelector<HTMLInputElement>('input[type=search]')!;
        expect(normalize(root(el).querySelector('label[for=search]')!.textContent)).to.equal(
          'Rechercher dans le tableau',
        );
        input.value = 'saint jean';
        input.dispatchEvent(new Event('input'));
        await showsRange(el, 'Lignes 1 à 3 sur 3');
        expect(bodyRows(el).map((row) => row[0])).to.deep.equal([
          'Saint-Jean-de-Braye',
          'Saint-Jean-de-la-Ruelle',
          'Saint-Jean-le-Blanc',
        ]);
        input.value = 'CHECY';
        input.dispatchEvent(new Event('input'));
        await showsRange(el, 'Lignes 1 à 1 sur 1');
        expect(bodyRows(el)[0][0], 'found without its accent').to.equal('Chécy');
      });
    }

    it('shows no search box for the tabular API, which has no full-text search', async () => {
      const el = await fixture<OdwTable>(
        html`<odw-table src=${TABULAR} where=${ORLEANS} search></odw-table>`,
      );
      await showsRange(el, 'Lignes 1 à 20 sur 22');
      expect(root(el).querySelector('input[type=search]')).to.equal(null);
    });
  });
});
