/**
 * odw-kpi at 320, 390, 768 and 1 280 px, with long commune names in its title and label: no text
 * overlapping or cut off, no word split, no sideways scroll, and on a phone a frame no taller than
 * the figure (test/visual/boxes.ts).
 */
import {expect} from '@open-wc/testing';
import {MIREBELLOIS, ODS, ORLEANS, openVisualPage, problemsAtEveryWidth} from './harness.js';

describe('odw-kpi boxes at 320, 390, 768 and 1 280 px', function () {
  this.timeout(120_000);

  it('keeps its figures, labels and sources readable, a frame no taller than its figure', async () => {
    const page = await openVisualPage(`
      <odw-kpi src="${ODS}" where='commune = "Montigny-Mornay-Villeneuve-sur-Vingeanne"'
        value="sum(population)" label="Habitants de Montigny-Mornay-Villeneuve-sur-Vingeanne" unit="hab."
        compare-value="402" title="Montigny-Mornay-Villeneuve-sur-Vingeanne"></odw-kpi>
      <odw-kpi src="${ODS}" where='${ORLEANS}' value="sum(population)" label="Habitants"
        unit="hab." compare-value="280000"></odw-kpi>
      <odw-kpi src="${ODS}" where='${MIREBELLOIS}' value="median(population)"
        label="Population médiane d’une commune du Mirebellois et Fontenois" unit="hab."></odw-kpi>`);
    expect((await problemsAtEveryWidth(page)).join('\n')).to.equal('');
  });
});
