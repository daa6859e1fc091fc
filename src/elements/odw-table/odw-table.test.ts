import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import './define.js';
import type {OdwTable} from './odw-table.js';
import {normalize} from '../../../test/helpers.js';

const ODS_PATH = 'ods/api/explore/v2.1/catalog/datasets/populations-legales-2025/records';
const ODS = `/portal/${ODS_PATH}`;
const RESOURCE = '7d3f6a2e-1c4b-4e8a-9f2d-5b6c7a8e9d01';
const TABULAR = `/portal/tabular/api/resources/${RESOURCE}/data/`;
const CKAN = `/portal/ckan/api/3/action/datastore_search?resource_id=${RESOURCE}`;
const CSV = '/portal/files/populations-legales-2025.csv';
const VALUES_CSV = '/test/fixtures/table-values.csv';
const ORLEANS = 'epci = "Orléans Métropole"';

function root(el: Element): ShadowRoot {
  return el.shadowRoot!;
}

/** The text of every body row, cell by cell. */
function bodyRows(el: Element): string[][] {
  return [...root(el).querySelectorAll('tbody tr')].map((tr) =>
    [...tr.children].map((cell) => normalize(cell.textContent)),
  );
}

function rangeText(el: Element): string {
  return normalize(root(el).querySelector('.range')?.textContent);
}

function header(el: Element, field: string): HTMLElement {
  return root(el).querySelector<HTMLElement>(`button[data-field="${field}"]`)!.closest('th')!;
}

function pageButton(el: Element, label: string): HTMLButtonElement {
  return root(el).querySelector<HTMLButtonElement>(`.pager button[aria-label="${label}"]`)!;
}

async function loaded(el: Element, timeout = 15_000): Promise<void> {
  await waitUntil(
    () => root(el).querySelector('tbody') || root(el).querySelector('[part=status]'),
    'the table never loaded',
    {timeout},
  );
}

/** Waits until the pager shows `range` (the rows of the page in the whole result). */
async function showsRange(el: Element, range: string): Promise<void> {
  await waitUntil(() => rangeText(el) === range, `expected « ${range} »`, {timeout: 15_000});
}

describe('odw-table', function () {
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

  describe('search', () => {
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
      expect(long.getBoundingClientRect().width, 'long text wraps').to.be.below(500);
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

  it('reads an inline data: CSV with api="csv"', async () => {
    const src = `data:text/csv;charset=utf-8,${encodeURIComponent('nom,valeur\nA,1\nB,2\n')}`;
    const el = await fixture<OdwTable>(html`<odw-table src=${src} api="csv" sort="-valeur"></odw-table>`);
    await showsRange(el, 'Lignes 1 à 2 sur 2');
    expect(bodyRows(el)).to.deep.equal([
      ['B', '2'],
      ['A', '1'],
    ]);
  });

  describe('actions', () => {
    it('exports the whole filtered result as CSV, not just the page, in the order shown', async () => {
      const el = await fixture<OdwTable>(
        html`<odw-table
          src=${ODS}
          where=${ORLEANS}
          columns="commune,population"
          sort="-population"
          page-size="5"
        ></odw-table>`,
      );
      await showsRange(el, 'Lignes 1 à 5 sur 22');
      const csv = await el.exportCsv();
      const lines = csv
        .replace(/^\ufeff/, '')
        .trimEnd()
        .split('\r\n');
      expect(lines).to.have.length(23);
      expect(lines[0]).to.equal('commune,population');
      expect(lines[1]).to.equal('Orléans,116344');
      expect(csv.charCodeAt(0), 'byte-order mark for spreadsheets').to.equal(0xfeff);
    });

    it('quotes CSV fields and defuses spreadsheet formulas', async () => {
      const el = await fixture<OdwTable>(html`<odw-table src=${VALUES_CSV} columns="nom,note"></odw-table>`);
      await showsRange(el, 'Lignes 1 à 3 sur 3');
      const lines = (await el.exportCsv()).replace(/^\ufeff/, '').split('\r\n');
      expect(lines[1]).to.equal('"<img src=x onerror=""window.__odwXss=1"">",javascript:alert(1)');
      expect(lines[2]).to.equal("Saint-Jean-de-Braye,'=SUM(A1:A2)");
    });

    it('links to the dataset page and downloads a CSV file', async () => {
      const el = await fixture<OdwTable>(
        html`<odw-table
          src=${ODS}
          where=${ORLEANS}
          columns="commune"
          title="Communes d’Orléans Métropole"
        ></odw-table>`,
      );
      await showsRange(el, 'Lignes 1 à 20 sur 22');
      const link = root(el).querySelector<HTMLAnchorElement>('[part=actions] a')!;
      expect(link.getAttribute('href')).to.match(
        /\/portal\/ods\/explore\/dataset\/populations-legales-2025\/$/,
      );
      const downloads: string[] = [];
      const click = HTMLAnchorElement.prototype.click;
      HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
        downloads.push(this.download);
      };
      try {
        await el.downloadCsv();
      } finally {
        HTMLAnchorElement.prototype.click = click;
      }
      expect(downloads).to.deep.equal(['communes-d-orleans-metropole.csv']);
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

  describe('narrow screens', () => {
    /** How many lines the text of `cell` takes, counted from its line boxes. */
    function lines(cell: Element): number {
      const range = document.createRange();
      range.selectNodeContents(cell);
      return new Set([...range.getClientRects()].map((box) => Math.round(box.top))).size;
    }

    it('breaks no word at 320 px: the table scrolls sideways in its region instead', async () => {
      const el = await fixture<OdwTable>(
        html`<div style="width: 320px">
          <odw-table
            src=${ODS}
            where=${ORLEANS}
            columns="commune,code_insee,epci,population"
            sort="-population"
            page-size="5"
          ></odw-table>
        </div>`,
      ).then((container) => container.querySelector<OdwTable>('odw-table')!);
      await showsRange(el, 'Lignes 1 à 5 sur 22');
      const cells = [
        ...root(el).querySelectorAll(
          'thead th .label, thead th button > span:first-child, tbody th, tbody td',
        ),
      ];
      expect(cells.length).to.be.greaterThan(20);
      for (const cell of cells) {
        const words = normalize(cell.textContent)
          .split(/[\s-]+/)
          .filter(Boolean).length;
        expect(lines(cell), `« ${normalize(cell.textContent)} » wraps inside a word`).to.be.at.most(words);
      }
      const scroller = root(el).querySelector<HTMLElement>('.scroller')!;
      expect(scroller.scrollWidth, 'the table is wider than its region').to.be.greaterThan(
        scroller.clientWidth,
      );
      expect(el.getBoundingClientRect().width, 'the widget stays in its column').to.be.at.most(320);
    });
  });

  describe('keyboard', () => {
    it('moves between column headers with the arrow keys and sorts with Enter', async () => {
      const el = await fixture<OdwTable>(
        html`<odw-table src=${ODS} where=${ORLEANS} columns="commune,code_insee,population"></odw-table>`,
      );
      await showsRange(el, 'Lignes 1 à 20 sur 22');
      const buttons = [...root(el).querySelectorAll<HTMLButtonElement>('thead button')];
      buttons[0].focus();
      buttons[0].dispatchEvent(
        new KeyboardEvent('keydown', {key: 'ArrowRight', bubbles: true, composed: true}),
      );
      expect(root(el).activeElement).to.equal(buttons[1]);
      buttons[1].dispatchEvent(new KeyboardEvent('keydown', {key: 'End', bubbles: true, composed: true}));
      expect(root(el).activeElement).to.equal(buttons[2]);
      expect(
        root(el).querySelector('.scroller')!.getAttribute('tabindex'),
        'scrollable by keyboard',
      ).to.equal('0');
      expect(
        buttons.every((button) => button.localName === 'button'),
        'Enter and Space sort',
      ).to.equal(true);
    });
  });

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
