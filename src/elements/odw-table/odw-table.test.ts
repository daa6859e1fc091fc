import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import './define.js';
import type {OdwTable} from './odw-table.js';
import {normalize} from '../../../test/helpers.js';
import {ODS, ODS_PATH, ORLEANS, bodyRows, pageButton, root, showsRange} from '../../../test/table-helpers.js';

const RESOURCE = '7d3f6a2e-1c4b-4e8a-9f2d-5b6c7a8e9d01';
const TABULAR = `/portal/tabular/api/resources/${RESOURCE}/data/`;
const CKAN = `/portal/ckan/api/3/action/datastore_search?resource_id=${RESOURCE}`;
const CSV = '/portal/files/populations-legales-2025.csv';

function header(el: Element, field: string): HTMLElement {
  return root(el).querySelector<HTMLElement>(`button[data-field="${field}"]`)!.closest('th')!;
}

describe('odw-table: sorting and paging', function () {
  this.timeout(30_000);

  describe('sorting and paging against the Opendatasoft emulator', () => {
    it('sorts by -population: Orléans first with 116 344, then pages through the 22 communes', async () => {
      const el = await fixture<OdwTable>(
        html`<odw-table
          src=${ODS}
          where=${ORLEANS}
          columns="commune,population"
          sort="-population"
          page-size="10"
        ></odw-table>`,
      );
      await showsRange(el, 'Lignes 1 à 10 sur 22');
      expect(bodyRows(el)[0]).to.deep.equal(['Orléans', '116 344']);
      expect(header(el, 'population').getAttribute('aria-sort')).to.equal('descending');
      expect(header(el, 'commune').hasAttribute('aria-sort')).to.equal(false);
      const populations = bodyRows(el).map((row) => Number(row[1].replace(/ /g, '')));
      expect(populations).to.deep.equal([...populations].sort((a, b) => b - a));

      pageButton(el, 'Page suivante').click();
      await showsRange(el, 'Lignes 11 à 20 sur 22');
      expect(bodyRows(el)).to.have.length(10);
      expect(Number(bodyRows(el)[0][1].replace(/ /g, ''))).to.be.at.most(populations[9]);

      pageButton(el, 'Dernière page').click();
      await showsRange(el, 'Lignes 21 à 22 sur 22');
      expect(bodyRows(el)).to.have.length(2);
      expect(normalize(root(el).querySelector('.page-number')!.textContent)).to.equal('Page 3 sur 3');
      expect(pageButton(el, 'Page suivante').disabled).to.equal(true);
    });

    it('sorts by a clicked header, ascending then descending, and goes back to page 1', async () => {
      const el = await fixture<OdwTable>(
        html`<odw-table
          src=${ODS}
          where=${ORLEANS}
          columns="commune,population"
          sort="-population"
          page-size="10"
        ></odw-table>`,
      );
      await showsRange(el, 'Lignes 1 à 10 sur 22');
      pageButton(el, 'Page suivante').click();
      await showsRange(el, 'Lignes 11 à 20 sur 22');

      root(el).querySelector<HTMLButtonElement>('button[data-field="commune"]')!.click();
      await showsRange(el, 'Lignes 1 à 10 sur 22');
      await waitUntil(() => header(el, 'commune').getAttribute('aria-sort') === 'ascending', 'ascending');
      await waitUntil(() => bodyRows(el)[0][0] === 'Boigny-sur-Bionne', 'alphabetical order');
      const names = bodyRows(el).map((row) => row[0]);
      expect(names).to.deep.equal([...names].sort((a, b) => a.localeCompare(b, 'fr')));

      root(el).querySelector<HTMLButtonElement>('button[data-field="commune"]')!.click();
      await waitUntil(() => header(el, 'commune').getAttribute('aria-sort') === 'descending', 'descending');
      await waitUntil(() => bodyRows(el)[0][0] !== 'Boigny-sur-Bionne', 'reloaded');
      const descending = bodyRows(el).map((row) => row[0]);
      expect(descending).to.deep.equal([...descending].sort((a, b) => b.localeCompare(a, 'fr')));
    });

    it('labels the columns from the metadata and right-aligns numbers in French format', async () => {
      const el = await fixture<OdwTable>(
        html`<odw-table src=${ODS} where='code_insee = "45234"' columns="commune,population"></odw-table>`,
      );
      await showsRange(el, 'Lignes 1 à 1 sur 1');
      expect(normalize(header(el, 'population').textContent)).to.match(/^Population municipale/);
      const cell = root(el).querySelector('tbody td')!;
      expect(normalize(cell.textContent)).to.equal('116 344');
      expect(getComputedStyle(cell).textAlign).to.equal('end');
      expect(getComputedStyle(header(el, 'population')).position).to.equal('sticky');
      expect(getComputedStyle(root(el).querySelector('tbody th')!).position, 'first column fixed').to.equal(
        'sticky',
      );
    });

    for (const [family, src] of [
      ['the data.gouv.fr tabular API', TABULAR],
      ['CKAN', CKAN],
      ['a CSV file', CSV],
    ]) {
      it(`sorts and pages the same way through ${family}`, async () => {
        const el = await fixture<OdwTable>(
          html`<odw-table
            src=${src}
            where=${ORLEANS}
            columns="commune,population"
            sort="-population"
            page-size="10"
          ></odw-table>`,
        );
        await showsRange(el, 'Lignes 1 à 10 sur 22');
        expect(bodyRows(el)[0]).to.deep.equal(['Orléans', '116 344']);
        pageButton(el, 'Dernière page').click();
        await showsRange(el, 'Lignes 21 à 22 sur 22');
      });
    }
  });

  describe('the end of a large Opendatasoft dataset', () => {
    it('shows the last page of the 34 964 communes: the records read in the reverse order, no error', async () => {
      const tag = `last${Math.random().toString(36).slice(2, 8)}`;
      const el = await fixture<OdwTable>(
        html`<odw-table
          src=${`/portal/~tag=${tag}/${ODS_PATH}`}
          columns="code_insee,commune"
          sort="code_insee"
          page-size="50"
        ></odw-table>`,
      );
      await showsRange(el, 'Lignes 1 à 50 sur 34 964');
      pageButton(el, 'Dernière page').click();
      await showsRange(el, 'Lignes 34 951 à 34 964 sur 34 964');
      const codes = bodyRows(el).map((row) => row[0]);
      expect(codes).to.have.length(14);
      expect(codes).to.deep.equal([...codes].sort());
      const response = await fetch(`/portal/__requests?tag=${tag}`);
      const urls = ((await response.json()) as {requests: Array<{url: string}>}).requests.map((r) =>
        decodeURIComponent(r.url.replaceAll('+', ' ')),
      );
      expect(
        urls.some((url) => url.includes('order_by=code_insee desc') && url.includes('limit=14')),
      ).to.equal(true);
      expect(urls.some((url) => url.includes('/exports/'))).to.equal(false);
    });
  });

  describe('large data', () => {
    it('pages 100 000 rows of a CSV file without putting more than a page in the document', async () => {
      const lines = ['id,nom,valeur'];
      for (let i = 1; i <= 100_000; i++) lines.push(`${i},Ligne ${i},${(i * 7919) % 100_003}`);
      const url = URL.createObjectURL(new Blob([lines.join('\n')], {type: 'text/csv'}));
      const el = await fixture<OdwTable>(
        html`<odw-table src=${url} api="csv" sort="-valeur" page-size="50"></odw-table>`,
      );
      await showsRange(el, 'Lignes 1 à 50 sur 100 000');
      expect(root(el).querySelectorAll('tbody tr')).to.have.length(50);
      pageButton(el, 'Page suivante').click();
      await showsRange(el, 'Lignes 51 à 100 sur 100 000');
      expect(root(el).querySelectorAll('tbody tr')).to.have.length(50);
      URL.revokeObjectURL(url);
    });
  });

  it('reads an inline data: CSV with api="csv"', async () => {
    const src = `data:text/csv;charset=utf-8,${encodeURIComponent('nom,valeur\nA,1\nB,2\n')}`;
    const el = await fixture<OdwTable>(html`<odw-table src=${src} api="csv" sort="-valeur"></odw-table>`);
    await showsRange(el, 'Lignes 1 à 2 sur 2');
    expect(bodyRows(el)).to.deep.equal([
      ['B', '2'],
      ['A', '1'],
    ]);
  });
});
