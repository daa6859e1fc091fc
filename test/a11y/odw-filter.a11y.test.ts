/**
 * odw-filter beyond axe (issue 16 item 8), besides what src/elements/odw-filter/ already tests
 * (the accessibility tree in odw-filter.a11y-tree.test.ts, 320 px and 200 % in
 * odw-filter.list.test.ts): a keyboard-only walk through checkboxes with the focus after each
 * action, forced colours, and the live region after a choice.
 */
import {expect, html, waitUntil} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import '../../src/elements/odw-filter/define.js';
import '../../src/elements/odw-source/define.js';
import {drawn, mount} from '../helpers.js';
import {
  ODS,
  ORLEANS,
  deepActive,
  focusByKeyboard,
  focusIndicator,
  focused,
  forcedColors,
  invisibleText,
  liveRegionText,
  tabStops,
} from './helpers.js';

const SIX_LARGEST = `${ORLEANS} and population > 16000`;
let sources = 0;

async function checkboxes(): Promise<HTMLElement> {
  const container = await mount(
    html`<odw-source id=${`filter-a11y-${++sources}`} src=${ODS} where=${SIX_LARGEST}></odw-source>
      <odw-filter
        source=${`filter-a11y-${sources}`}
        field="commune"
        type="checkboxes"
        sort="label"
        label="Commune"
      ></odw-filter>`,
    600,
  );
  const filter = container.querySelector<HTMLElement>('odw-filter')!;
  await drawn(filter);
  return filter;
}

const box = (filter: Element, value: string) =>
  [...filter.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type=checkbox]')].find(
    (input) => input.value === value,
  )!;

describe('odw-filter beyond axe', function () {
  this.timeout(60_000);

  it('is one Tab stop per checkbox; Space keeps the focus; « Réinitialiser » gone, the focus stays in the filter', async () => {
    const filter = await checkboxes();
    expect(await tabStops(filter.parentElement!)).to.deep.equal([
      'checkbox: Fleury-les-Aubrais',
      'checkbox: Olivet',
      'checkbox: Orléans',
      'checkbox: Saint-Jean-de-Braye',
      'checkbox: Saint-Jean-de-la-Ruelle',
      'checkbox: Saran',
    ]);
    await focusByKeyboard(box(filter, 'Olivet'));
    await sendKeys({press: 'Space'});
    expect(box(filter, 'Olivet').checked).to.equal(true);
    expect(await focused()).to.equal('checkbox: Olivet');
    await waitUntil(() => filter.shadowRoot!.querySelector('[part~=reset]'), '« Réinitialiser »');
    const button = filter.shadowRoot!.querySelector<HTMLElement>('[part~=reset]')!;
    await focusByKeyboard(button);
    await sendKeys({press: 'Enter'});
    await waitUntil(
      () => !button.isConnected || button.hidden || !box(filter, 'Olivet').checked,
      'the filter reset',
    );
    expect(
      filter.shadowRoot!.contains(deepActive()),
      `the focus in the filter, not on ${deepActive()?.localName}`,
    ).to.equal(true);
    await waitUntil(
      () => liveRegionText().endsWith('Filtre Commune : Toutes les valeurs'),
      'the reset is said',
      {
        timeout: 15_000,
      },
    );
  });

  it('shows its choices, their state and the focus in forced colours', async () => {
    const filter = await checkboxes();
    await forcedColors(true);
    try {
      expect(invisibleText(filter)).to.deep.equal([]);
      await focusByKeyboard(box(filter, 'Orléans'));
      expect(focusIndicator(deepActive()!)).to.not.equal('none');
    } finally {
      await forcedColors(false);
    }
  });

  it('says the choice in the live region', async () => {
    const filter = await checkboxes();
    await focusByKeyboard(box(filter, 'Saran'));
    await sendKeys({press: 'Space'});
    await waitUntil(() => liveRegionText().includes('Saran'), 'the change is said', {timeout: 15_000});
    expect(liveRegionText()).to.equal('Filtre Commune : Saran');
  });
});
