/**
 * The table from 320 px to a wide screen, and with text at 200 %: a table where it fits, cards
 * where it does not (chosen by measurement), never a word split, codes and figures on one line,
 * nothing cut off, no horizontal scroll of the page. Measured from element boxes.
 */
import {expect, html, waitUntil} from '@open-wc/testing';
import './define.js';
import type {OdwTable} from './odw-table.js';
import {setViewport} from '@web/test-runner-commands';
import {mount, normalize} from '../../../test/helpers.js';
import {
  ODS,
  ORLEANS,
  ariaName,
  bodyRows,
  expectReadable,
  lineCount,
  root,
  scrollingElements,
  showsRange,
} from '../../../test/table-helpers.js';

const FOUR_COLUMNS = 'commune,code_insee,epci,population';

/** The table alone in a page `width` pixels wide. */
async function communes(width: number, columns = FOUR_COLUMNS): Promise<OdwTable> {
  await setViewport({width, height: 800});
  const container = await mount(
    html`<odw-table
      src=${ODS}
      where=${ORLEANS}
      columns=${columns}
      sort="-population"
      page-size="5"
      search
      title="Communes d’Orléans Métropole"
    ></odw-table>`,
  );
  const table = container.querySelector<OdwTable>('odw-table')!;
  await showsRange(table, 'Lignes 1 à 5 sur 22');
  return table;
}

function layoutOf(table: OdwTable): string | null {
  return root(table).querySelector('.scroller')!.getAttribute('data-layout');
}

async function settlesOn(table: OdwTable, layout: 'table' | 'scroll' | 'cards'): Promise<void> {
  await waitUntil(() => layoutOf(table) === layout, `expected the ${layout} layout`, {timeout: 5000});
  await table.updateComplete;
}

/** What holds at every width: readable, every scrolling part reachable by Tab and named. */
async function expectUsable(table: OdwTable): Promise<void> {
  expectReadable(table);
  for (const scroller of scrollingElements(table)) {
    expect(scroller.getAttribute('tabindex'), `${scroller.className} can be focused`).to.equal('0');
    expect(ariaName(scroller), `${scroller.className} is named`).to.not.equal('');
  }
  await expect(table).to.be.accessible();
}

describe('odw-table: widths and text size', function () {
  this.timeout(30_000);

  afterEach(async () => {
    document.documentElement.style.fontSize = '';
    await setViewport({width: 800, height: 600});
  });

  it('is a table at 1 280 px, its region named after it and focusable', async () => {
    const table = await communes(1280);
    await settlesOn(table, 'table');
    const region = root(table).querySelector('.scroller')!;
    expect(region.getAttribute('role')).to.equal('region');
    expect(ariaName(region)).to.equal('Communes d’Orléans Métropole');
    expect(region.getAttribute('tabindex')).to.equal('0');
    expect(bodyRows(table)[0]).to.deep.equal(['Orléans', '45234', 'Orléans Métropole', '116 344']);
    await expectUsable(table);
  });

  it('right-aligns figures in tabular figures and never wraps a code or a figure', async () => {
    const table = await communes(768);
    await settlesOn(table, 'table');
    const [, code, , population] = root(table).querySelectorAll('tbody tr:first-child > *');
    expect(getComputedStyle(population).textAlign).to.equal('end');
    expect(getComputedStyle(population).fontVariantNumeric).to.equal('tabular-nums');
    expect(getComputedStyle(population).whiteSpace).to.equal('nowrap');
    expect(getComputedStyle(code).whiteSpace, 'INSEE code').to.equal('nowrap');
    expect(getComputedStyle(root(table).querySelector('thead th.num')!).whiteSpace, 'headers wrap').to.equal(
      'normal',
    );
  });

  for (const width of [320, 390]) {
    it(`turns rows into cards of « label : value » at ${width} px, where the table would not fit`, async () => {
      const table = await communes(width);
      await settlesOn(table, 'cards');
      const card = root(table).querySelector('tbody tr')!;
      const lines = [...card.children].map((cell) => [
        getComputedStyle(cell, '::before').content.replace(/^"|" \/ ""$|"$/g, ''),
        normalize(cell.textContent),
      ]);
      expect(lines).to.deep.equal([
        ['Commune', 'Orléans'],
        ['Code INSEE', '45234'],
        ['EPCI', 'Orléans Métropole'],
        ['Population municipale', '116 344'],
      ]);
      const cardBox = card.getBoundingClientRect();
      expect(cardBox.width, 'the card fits the widget').to.be.at.most(table.getBoundingClientRect().width);
      expect(table.getBoundingClientRect().right, 'the widget stays in the page').to.be.at.most(width);
      expect(card.closest('table')!.getAttribute('role'), 'still a table for screen readers').to.equal(
        'table',
      );
      expect(card.getAttribute('role')).to.equal('row');
      await expectUsable(table);
    });
  }

  it('keeps a two-column table a table at 390 px', async () => {
    const table = await communes(390, 'commune,population');
    await settlesOn(table, 'table');
    for (const cell of root(table).querySelectorAll('tbody td.num')) {
      expect(lineCount(cell), `${cell.textContent} on one line`).to.equal(1);
    }
    await expectUsable(table);
  });

  it('measures again when its column changes width: cards at 320 px, a table at 1 280 px, and back', async () => {
    const table = await communes(320);
    await settlesOn(table, 'cards');
    await setViewport({width: 1280, height: 800});
    await settlesOn(table, 'table');
    expect(bodyRows(table)[0]).to.deep.equal(['Orléans', '45234', 'Orléans Métropole', '116 344']);
    await setViewport({width: 320, height: 800});
    await settlesOn(table, 'cards');
  });

  it('stays readable at 320 px with text at 200 %: cards, nothing cut off, no word split', async () => {
    document.documentElement.style.fontSize = '200%';
    const table = await communes(320);
    await settlesOn(table, 'cards');
    await expectUsable(table);
  });

  it('becomes cards when the text grows to 200 % at 768 px', async () => {
    const table = await communes(768);
    await settlesOn(table, 'table');
    document.documentElement.style.fontSize = '200%';
    await settlesOn(table, 'cards');
    await expectUsable(table);
  });
});
