/**
 * odw-filter as a list (select), checkboxes and a range at 320, 390, 768 and 1 280 px, on the
 * communes of the Mirebellois (Montigny-Mornay-Villeneuve-sur-Vingeanne): no label or choice
 * split mid-word, cut off or overlapping, no sideways scroll (test/visual/boxes.ts).
 */
import {expect} from '@open-wc/testing';
import {MIREBELLOIS, ODS, openVisualPage, problemsAtEveryWidth} from './harness.js';

describe('odw-filter boxes at 320, 390, 768 and 1 280 px', function () {
  this.timeout(120_000);

  it('a list, checkboxes and a range keep their labels and choices readable', async () => {
    const page = await openVisualPage(`
      <odw-source id="mirebellois" src="${ODS}" where='${MIREBELLOIS}'></odw-source>
      <odw-filter source="mirebellois" field="commune" type="select"
        label="Commune du Mirebellois et Fontenois"></odw-filter>
      <odw-filter source="mirebellois" field="commune" type="checkboxes" sort="label"
        label="Communes du Mirebellois et Fontenois"></odw-filter>
      <odw-filter source="mirebellois" field="population" type="range"
        label="Population municipale des communes"></odw-filter>`);
    expect((await problemsAtEveryWidth(page)).join('\n')).to.equal('');
  });
});
