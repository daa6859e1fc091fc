/**
 * odw-builder beyond axe (issue 16 item 8), besides what src/elements/odw-builder/ already tests
 * (the keyboard walks of its three steps and the focus kept, in builder-keyboard.test.ts): what a
 * screen reader reads of its first step, forced colours, text at 200 %, and the polite
 * announcement of a loaded dataset.
 */
import {expect, html, waitUntil} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import '../../src/elements/odw-builder/define.js';
import {mount, normalize} from '../helpers.js';
import {
  deepActive,
  focusByKeyboard,
  focusIndicator,
  forcedColors,
  invisibleText,
  readability,
  renderingSettled,
  tabStops,
  tree,
  withLargeText,
} from './helpers.js';

const ODS_PAGE = '/portal/ods/explore/dataset/populations-legales-2025/table/';

async function builderOf(width = 900): Promise<HTMLElement> {
  const container = await mount(
    html`<odw-builder lang="fr" shapes-base="/portal/files/"></odw-builder>`,
    width,
  );
  const builder = container.querySelector<HTMLElement>('odw-builder')!;
  await waitUntil(() => builder.shadowRoot!.querySelector('#url'), 'the address field');
  return builder;
}

describe('odw-builder beyond axe', function () {
  this.timeout(60_000);

  it('reads its steps, the step’s region and heading, and its fields by name', async () => {
    const builder = await builderOf();
    expect(await tree(['navigation', 'button', 'region', 'heading', 'textbox', 'searchbox'])).to.deep.equal([
      'navigation: Étapes',
      'button: 1. Les données',
      'button: 2. Le widget',
      'button: 3. Les détails',
      'region: Étape 1 sur 3 : Les données',
      'heading: Étape 1 sur 3 : Les données',
      'textbox: Adresse des données ou du portail',
      'searchbox: Mots à chercher dans le catalogue (facultatif)',
      'button: Charger',
    ]);
    // Steps not yet reachable are not Tab stops.
    expect(await tabStops(builder.parentElement!)).to.deep.equal([
      'button: 1. Les données',
      'textbox: Adresse des données ou du portail',
      'searchbox: Mots à chercher dans le catalogue (facultatif)',
      'button: Charger',
    ]);
  });

  it('says the dataset it loaded, politely, and keeps the focus on « Charger »', async () => {
    const builder = await builderOf();
    const root = builder.shadowRoot!;
    const url = root.querySelector<HTMLInputElement>('#url')!;
    await focusByKeyboard(url);
    await sendKeys({type: ODS_PAGE});
    await focusByKeyboard(root.querySelector('#load')!);
    await sendKeys({press: 'Enter'});
    await waitUntil(() => root.querySelector('#dataset-meta'), 'the dataset', {timeout: 20_000});
    const status = root.querySelector('[role=status], [aria-live=polite]')!;
    await waitUntil(() => normalize(status.textContent) !== '', 'the announcement');
    expect(normalize(status.textContent)).to.match(/Populations légales 2025/);
    expect(root.contains(deepActive()), 'the focus stays in the builder').to.equal(true);
  });

  it('shows its text and its focus in forced colours', async () => {
    const builder = await builderOf();
    await forcedColors(true);
    try {
      expect(invisibleText(builder)).to.deep.equal([]);
      await focusByKeyboard(builder.shadowRoot!.querySelector('#url')!);
      expect(focusIndicator(deepActive()!)).to.not.equal('none');
    } finally {
      await forcedColors(false);
    }
  });

  it('keeps every text whole and apart with text at 200 % at 390 px', async () => {
    const builder = await builderOf(390);
    await withLargeText(async () => {
      await renderingSettled();
      expect(readability(builder)).to.deep.equal([]);
    });
  });
});
