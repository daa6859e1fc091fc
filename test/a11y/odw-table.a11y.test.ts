/**
 * odw-table beyond axe (issue 16 item 8), besides what src/elements/odw-table/ already tests (the
 * Tab walk and focus after each action in odw-table.focus.test.ts, the accessibility tree in
 * odw-table.a11y-tree.test.ts, text at 200 % in odw-table.layout.test.ts): the actions menu shared
 * with the chart and the map, forced colours, and the live region naming the table after a filter.
 */
import {expect, html, waitUntil} from '@open-wc/testing';
import '../../src/elements/odw-table/define.js';
import '../../src/elements/odw-source/define.js';
import '../../src/elements/odw-filter/define.js';
import {drawn, mount} from '../helpers.js';
import {showsRange} from '../table-helpers.js';
import {
  ACTIONS,
  ODS,
  ORLEANS,
  deepActive,
  expectActionsMenu,
  focusByKeyboard,
  focusIndicator,
  forcedColors,
  inActions,
  invisibleText,
  liveRegionText,
  tabWalk,
} from './helpers.js';

const communes = () =>
  html`<odw-table
    src=${ODS}
    where=${ORLEANS}
    columns="commune,population"
    sort="-population"
    page-size="10"
    search
    title="Communes"
  ></odw-table>`;

async function tableOf(): Promise<HTMLElement> {
  const container = await mount(communes(), 800);
  const table = container.querySelector<HTMLElement>('odw-table')!;
  await showsRange(table, 'Lignes 1 à 10 sur 22');
  return table;
}

describe('odw-table beyond axe', function () {
  this.timeout(60_000);

  it('keeps its download and dataset page in one actions menu: one Tab stop among the actions', async () => {
    const table = await tableOf();
    const stops = await tabWalk(table.parentElement!);
    const names = stops.map((stop) => stop.name).join(' | ');
    expect(stops.filter((stop) => inActions(stop.element)).length, names).to.equal(1);
    await expectActionsMenu(
      table,
      ACTIONS.filter((action) => !/PNG|SVG|plein/i.test(action.source)),
    );
  });

  it('shows its text, its sort order and its focus in forced colours', async () => {
    const table = await tableOf();
    await forcedColors(true);
    try {
      expect(invisibleText(table)).to.deep.equal([]);
      const sort = table.shadowRoot!.querySelector<HTMLElement>('th button')!;
      await focusByKeyboard(sort);
      expect(focusIndicator(deepActive()!)).to.not.equal('none');
      // The sorted column says so to everyone: aria-sort, and a sign drawn as text.
      const sorted = table.shadowRoot!.querySelector('th[aria-sort]')!;
      expect(sorted.getAttribute('aria-sort')).to.equal('descending');
    } finally {
      await forcedColors(false);
    }
  });

  it('names itself in the live region after a filter', async () => {
    const container = await mount(
      html`<odw-source id="table-a11y-source" src=${ODS} where=${ORLEANS}></odw-source>
        <odw-filter source="table-a11y-source" field="commune" type="select" label="Commune"></odw-filter>
        <odw-table source="table-a11y-source" columns="commune,population" title="Communes"></odw-table>`,
      800,
    );
    const filter = container.querySelector('odw-filter')!;
    await drawn(filter);
    await drawn(container.querySelector('odw-table')!);
    const select = filter.shadowRoot!.querySelector('select')!;
    select.value = 'Olivet';
    select.dispatchEvent(new Event('change'));
    await waitUntil(() => liveRegionText().startsWith('Filtre Commune'), 'the change is said', {
      timeout: 15_000,
    });
    // Its rows are its key figure (src/core/announcer.ts: « Tableau Communes : lignes 1 à 5 sur 5 »).
    expect(liveRegionText()).to.match(
      /^Filtre Commune : Olivet — (Tableau )?Communes : [Ll]ignes 1 à 1 sur 1$/,
    );
  });
});
