/**
 * What a screen reader hears of the table: the accessibility tree's roles and names, read from the
 * browser (not from the markup). Every region, control and announcement says which table it is.
 */
import {expect, html} from '@open-wc/testing';
import {a11ySnapshot} from '@web/test-runner-commands';
import './define.js';
import type {OdwTable} from './odw-table.js';
import {mount} from '../../../test/helpers.js';
import {ODS, ORLEANS, outline, showsRange, type AccessibilityNode} from '../../../test/table-helpers.js';

/** The roles a screen reader stops on (the tree as Chromium gives it, interesting nodes only). */
const ROLES = ['heading', 'searchbox', 'region', 'navigation', 'button', 'link'];

describe('odw-table: accessibility tree', function () {
  this.timeout(30_000);

  it('names the region, the pager, the search box, the actions and the announcement after the table', async () => {
    const container = await mount(
      html`<div id="tree-table">
        <odw-table
          src=${ODS}
          where=${ORLEANS}
          columns="commune,population"
          sort="-population"
          page-size="10"
          search
          title="Communes"
          no-attribution
        ></odw-table>
      </div>`,
      900,
    );
    const table = container.querySelector<OdwTable>('odw-table')!;
    await showsRange(table, 'Lignes 1 à 10 sur 22');
    const tree = (await a11ySnapshot({})) as unknown as AccessibilityNode;
    expect(outline(tree, ROLES)).to.deep.equal([
      'heading: Communes',
      'button: Actions : Communes',
      'searchbox: Rechercher dans le tableau Communes',
      'region: Communes',
      'button: Commune',
      'button: Population municipale',
      'navigation: Pages du tableau Communes',
      'button: Première page',
      'button: Page précédente',
      'button: Page suivante',
      'button: Dernière page',
    ]);
    // The range is read once, from the status that names the table (the visible copy is hidden).
    const text = outline(tree, ['status', 'StaticText']);
    const status = text.indexOf('status: ');
    expect(text[status + 1]).to.equal('StaticText: Communes : Lignes 1 à 10 sur 22');
    expect(text.filter((line) => line.includes('Lignes 1 à 10'))).to.have.length(1);
  });

  it('names the table after its dataset when it has no title, and writes its empty state out', async () => {
    const container = await mount(
      html`<div id="tree-empty">
        <odw-table src=${ODS} where='epci = "Nulle part"' columns="commune" no-attribution></odw-table>
      </div>`,
      900,
    );
    await showsRange(container.querySelector('odw-table')!, 'Lignes 0 à 0 sur 0');
    const tree = (await a11ySnapshot({})) as unknown as AccessibilityNode;
    const lines = outline(tree, [...ROLES, 'StaticText']);
    expect(lines).to.include('region: Populations légales 2025 des communes');
    expect(lines).to.include('StaticText: Populations légales 2025 des communes : Lignes 0 à 0 sur 0');
    expect(lines).to.include('StaticText: Aucune donnée');
  });
});
