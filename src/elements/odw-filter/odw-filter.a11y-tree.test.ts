/**
 * What a screen reader hears of a filter: roles and names from the browser's accessibility tree.
 * The group, the choices, the active values and « Réinitialiser » say which filter they belong to.
 */
import {expect, html, waitUntil} from '@open-wc/testing';
import {a11ySnapshot} from '@web/test-runner-commands';
import type {OdwSource} from '../odw-source/odw-source.js';
import './define.js';
import {parseFilter} from '../../data/index.js';
import {mount} from '../../../test/helpers.js';
import {ODS, ORLEANS, outline, root, type AccessibilityNode} from '../../../test/table-helpers.js';

/** The roles a screen reader stops on (the tree as Chromium gives it, interesting nodes only). */
const ROLES = ['checkbox', 'button', 'combobox'];

describe('odw-filter: accessibility tree', function () {
  this.timeout(30_000);

  it('names the checkbox group, its active values and « Réinitialiser » after the filter', async () => {
    const container = await mount(
      html`<div id="tree-filter">
        <odw-source id="tree-source" src=${ODS} where=${`${ORLEANS} and population > 20000`}></odw-source>
        <odw-filter
          source="tree-source"
          field="commune"
          type="checkboxes"
          sort="label"
          label="Communes"
        ></odw-filter>
      </div>`,
    );
    const filter = container.querySelector('odw-filter')!;
    container
      .querySelector<OdwSource>('odw-source')!
      .setFilter(filter.filterKey, parseFilter('commune = "Olivet"'));
    await waitUntil(() => root(filter).querySelector('.chip'), 'the active value', {timeout: 15_000});
    const tree = (await a11ySnapshot({})) as unknown as AccessibilityNode;
    expect(outline(tree, ['StaticText', ...ROLES]).slice(0, 1), 'the legend first').to.deep.equal([
      'StaticText: Communes',
    ]);
    expect(outline(tree, ROLES)).to.deep.equal([
      'checkbox: Fleury-les-Aubrais',
      'checkbox: Olivet',
      'checkbox: Orléans',
      'checkbox: Saint-Jean-de-Braye',
      'button: Retirer le filtre Olivet',
      'button: Réinitialiser le filtre Communes',
    ]);
    const group = root(filter).querySelector('fieldset')!;
    expect(group.querySelector('legend')!.textContent!.trim(), 'the group named by its legend').to.equal(
      'Communes',
    );
    expect(root(filter).querySelector('.chips')!.getAttribute('aria-label')).to.equal(
      'Filtres actifs : Communes',
    );
  });
});
