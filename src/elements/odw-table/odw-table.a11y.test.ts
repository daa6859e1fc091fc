import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import './define.js';
import type {OdwTable} from './odw-table.js';
import {normalize} from '../../../test/helpers.js';
import {ODS, ODS_PATH, ORLEANS, loaded, rangeText, root, showsRange} from '../../../test/table-helpers.js';

const VALUES_CSV = '/test/fixtures/table-values.csv';

describe('odw-table: accessibility', function () {
  this.timeout(30_000);

  describe('accessibility', () => {
    it('is a real table with its caption, headers and row headers', async () => {
      const el = await fixture<OdwTable>(
        html`<odw-table
          src=${ODS}
          where=${ORLEANS}
          columns="commune,population"
          title="Communes"
        ></odw-table>`,
      );
      await showsRange(el, 'Lignes 1 à 20 sur 22');
      const table = root(el).querySelector('table')!;
      expect(normalize(table.caption?.textContent)).to.equal('Communes');
      expect(table.querySelectorAll('thead th[scope=col]')).to.have.length(2);
      expect(table.querySelectorAll('tbody th[scope=row]')).to.have.length(20);
    });

    const variants: Array<[string, () => Promise<OdwTable>]> = [
      [
        'loaded, sorted, with search and title',
        () =>
          fixture<OdwTable>(
            html`<odw-table
              src=${ODS}
              where=${ORLEANS}
              columns="commune,population"
              sort="-population"
              page-size="10"
              search
              title="Communes"
            ></odw-table>`,
          ),
      ],
      [
        'with links and markup values',
        () => fixture<OdwTable>(html`<odw-table src=${VALUES_CSV}></odw-table>`),
      ],
      [
        'empty',
        () =>
          fixture<OdwTable>(
            html`<odw-table src=${ODS} where='epci = "Nulle part"' columns="commune"></odw-table>`,
          ),
      ],
      [
        'in the dark theme',
        () =>
          fixture<OdwTable>(
            html`<odw-table
              theme="dark"
              src=${ODS}
              where=${ORLEANS}
              columns="commune,population"
              page-size="5"
            ></odw-table>`,
          ),
      ],
      [
        'in the dsfr theme',
        () =>
          fixture<OdwTable>(
            html`<odw-table
              theme="dsfr"
              src=${ODS}
              where=${ORLEANS}
              columns="commune,population"
              page-size="5"
            ></odw-table>`,
          ),
      ],
      [
        'in English',
        () =>
          fixture<OdwTable>(
            html`<odw-table lang="en" src=${ODS} where=${ORLEANS} columns="commune,population"></odw-table>`,
          ),
      ],
    ];
    for (const [name, create] of variants) {
      it(`is accessible ${name}`, async () => {
        const el = await create();
        await waitUntil(() => rangeText(el) !== '', 'loaded', {timeout: 15_000});
        await expect(el).to.be.accessible();
      });
    }

    it('is accessible while loading and with an error', async () => {
      const loading = await fixture<OdwTable>(
        html`<odw-table src=${`/portal/~latency=3000/${ODS_PATH}`} columns="commune"></odw-table>`,
      );
      await expect(loading).to.be.accessible();
      loading.remove();
      const failing = await fixture<OdwTable>(
        html`<odw-table src=${`/portal/~status=404/${ODS_PATH}`}></odw-table>`,
      );
      await loaded(failing);
      expect(normalize(root(failing).querySelector('[part=status]')!.textContent)).to.match(/introuvable/);
      await expect(failing).to.be.accessible();
    });
  });
});
