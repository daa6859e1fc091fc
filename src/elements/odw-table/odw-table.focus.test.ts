/**
 * Keyboard-only use of the table: the Tab order, the arrow keys between headers, and where focus
 * goes after each action, pressed as real keys. Focus never falls back to the page's body.
 */
import {expect, html, waitUntil} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import './define.js';
import type {OdwTable} from './odw-table.js';
import {requestSettings} from '../../data/index.js';
import {faultSequence, mount, normalize} from '../../../test/helpers.js';
import {
  ODS,
  ODS_PATH,
  ORLEANS,
  bodyRows,
  deepActiveElement,
  pageButton,
  root,
  showsRange,
} from '../../../test/table-helpers.js';

/** Where focus is, as a short description: `button « Page suivante »`, `region`, `body`. */
function focused(): string {
  const active = deepActiveElement();
  if (!active || active === document.body) return 'body';
  const name = active.getAttribute('aria-label') ?? normalize(active.textContent);
  if (active.getAttribute('role') === 'region') return 'region';
  return `${active.localName} « ${name} »`;
}

async function tableIn(template: ReturnType<typeof html>, width = 900): Promise<OdwTable> {
  const container = await mount(
    html`<div><button type="button">Avant</button>${template}<button type="button">Après</button></div>`,
    width,
  );
  return container.querySelector<OdwTable>('odw-table')!;
}

/** Presses Tab from the button before the table until the button after it; the stops on the way. */
async function tabStops(table: OdwTable): Promise<string[]> {
  table.parentElement!.querySelector('button')!.focus();
  const stops: string[] = [];
  for (let presses = 0; presses < 20; presses++) {
    await sendKeys({press: 'Tab'});
    const stop = focused();
    if (stop === 'button « Après »') return stops;
    stops.push(stop);
  }
  throw new Error(`Tab never left the table: ${stops.join(', ')}`);
}

describe('odw-table: keyboard and focus', function () {
  this.timeout(30_000);

  const savedSettings = {...requestSettings};
  afterEach(() => Object.assign(requestSettings, savedSettings));

  it('takes Tab through the actions menu, the search, the table region, its sort buttons and the pager', async () => {
    const table = await tableIn(
      html`<odw-table
        src=${ODS}
        where=${ORLEANS}
        columns="commune,population"
        page-size="10"
        search
        title="Communes"
      ></odw-table>`,
    );
    await showsRange(table, 'Lignes 1 à 10 sur 22');
    expect(await tabStops(table)).to.deep.equal([
      'button « Actions : Communes »',
      'input « Rechercher dans le tableau Communes »',
      'region',
      'button « Commune↕ »',
      'button « Population municipale↕ »',
      'button « Page suivante »',
      'button « Dernière page »',
      'a « Populations légales 2025 des communes, Insee »',
      'a « Licence Ouverte v2.0 (Etalab) »',
    ]);
  });

  it('moves between column headers with the arrow keys and sorts with Enter, focus staying on the header', async () => {
    const table = await tableIn(
      html`<odw-table src=${ODS} where=${ORLEANS} columns="commune,code_insee,population"></odw-table>`,
    );
    await showsRange(table, 'Lignes 1 à 20 sur 22');
    const buttons = [...root(table).querySelectorAll<HTMLButtonElement>('thead button')];
    buttons[0].focus();
    await sendKeys({press: 'ArrowRight'});
    expect(root(table).activeElement).to.equal(buttons[1]);
    await sendKeys({press: 'End'});
    expect(root(table).activeElement).to.equal(buttons[2]);
    await sendKeys({press: 'Home'});
    expect(root(table).activeElement).to.equal(buttons[0]);
    await sendKeys({press: 'Enter'});
    await waitUntil(() => bodyRows(table)[0]?.[0] === 'Boigny-sur-Bionne', 'sorted by commune', {
      timeout: 15_000,
    });
    expect(root(table).activeElement, 'focus stays on the header just sorted').to.equal(buttons[0]);
    await sendKeys({press: 'Enter'});
    await waitUntil(() => bodyRows(table)[0]?.[0] === 'Semoy', 'sorted the other way', {timeout: 15_000});
    expect(root(table).activeElement).to.equal(buttons[0]);
  });

  it('moves focus to « Page précédente » when « Dernière page » and « Page suivante » become disabled', async () => {
    const table = await tableIn(
      html`<odw-table src=${ODS} where=${ORLEANS} columns="commune" page-size="10"></odw-table>`,
    );
    await showsRange(table, 'Lignes 1 à 10 sur 22');
    pageButton(table, 'Dernière page').focus();
    await sendKeys({press: 'Enter'});
    await showsRange(table, 'Lignes 21 à 22 sur 22');
    expect(pageButton(table, 'Dernière page').disabled).to.equal(true);
    expect(focused()).to.equal('button « Page précédente »');

    pageButton(table, 'Page précédente').focus();
    await sendKeys({press: 'Enter'});
    await showsRange(table, 'Lignes 11 à 20 sur 22');
    pageButton(table, 'Page suivante').focus();
    await sendKeys({press: 'Enter'});
    await showsRange(table, 'Lignes 21 à 22 sur 22');
    expect(focused(), 'after « Page suivante »').to.equal('button « Page précédente »');

    pageButton(table, 'Première page').focus();
    await sendKeys({press: 'Enter'});
    await showsRange(table, 'Lignes 1 à 10 sur 22');
    expect(focused(), 'after « Première page »').to.equal('button « Page suivante »');
  });

  it('moves focus to the table when the pager goes (a search leaves one page)', async () => {
    const table = await tableIn(
      html`<odw-table src=${ODS} where=${ORLEANS} columns="commune" page-size="10" search></odw-table>`,
    );
    await showsRange(table, 'Lignes 1 à 10 sur 22');
    pageButton(table, 'Page suivante').focus();
    table.where = `${ORLEANS} and commune = "Orléans"`;
    await showsRange(table, 'Lignes 1 à 1 sur 1');
    expect(focused()).to.equal('region');
  });

  it('keeps focus in the widget after « Réessayer », on the table once it has loaded', async () => {
    requestSettings.retries = 0;
    const sequence = await faultSequence(['status=500']);
    const table = await tableIn(
      html`<odw-table
        src=${`/portal/~seq=${sequence}/${ODS_PATH}`}
        where=${ORLEANS}
        columns="commune"
        title="Communes"
      ></odw-table>`,
    );
    await waitUntil(() => root(table).querySelector('[part~=retry]'), 'the error', {timeout: 15_000});
    const retry = root(table).querySelector<HTMLButtonElement>('[part~=retry]')!;
    retry.focus();
    await sendKeys({press: 'Enter'});
    await waitUntil(() => !retry.isConnected, 'the retry started');
    expect(focused(), 'while loading').to.not.equal('body');
    expect(table.contains(document.activeElement) || document.activeElement === table).to.equal(true);
    await showsRange(table, 'Lignes 1 à 20 sur 22');
    expect(focused(), 'still in the widget once loaded').to.not.equal('body');
    expect(document.activeElement).to.equal(table);
  });
});
