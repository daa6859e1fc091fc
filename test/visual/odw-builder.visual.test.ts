/**
 * odw-builder at 320, 390, 768 and 1 280 px: its dataset step with the populations dataset loaded
 * (fields with their long labels), then its widget step with the preview, no text overlapping or
 * cut off, no word split, no sideways scroll (test/visual/boxes.ts).
 */
import {expect, waitUntil} from '@open-wc/testing';
import {openVisualPage, problemsAtEveryWidth, settle} from './harness.js';

const ODS_PAGE = '/portal/ods/explore/dataset/populations-legales-2025/table/';

describe('odw-builder boxes at 320, 390, 768 and 1 280 px', function () {
  this.timeout(180_000);

  it('keeps its dataset step and its widget step with the preview readable', async () => {
    const page = await openVisualPage(
      `<odw-builder lang="fr" src="${ODS_PAGE}" shapes-base="/portal/files/"></odw-builder>`,
    );
    const root = page.doc.querySelector('odw-builder')!.shadowRoot!;
    await waitUntil(() => root.querySelector('#dataset-meta'), 'the dataset', {timeout: 30_000});
    await settle(page);
    const problems = (await problemsAtEveryWidth(page)).map((problem) => `dataset step, ${problem}`);
    root.querySelector<HTMLButtonElement>('#next')!.click();
    await waitUntil(() => root.querySelector('#preview-frame'), 'the preview', {timeout: 30_000});
    await settle(page);
    problems.push(...(await problemsAtEveryWidth(page)).map((problem) => `widget step, ${problem}`));
    expect(problems.join('\n')).to.equal('');
  });
});
