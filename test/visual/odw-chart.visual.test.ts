/**
 * odw-chart as columns, bars, a line and a pie at 320, 390, 768 and 1 280 px, on the communes with
 * the longest names (Angers Loire Métropole, the Mirebellois): axis labels, legends and values
 * neither overlap nor leave their SVG, no word split, no sideways scroll, and on a phone a frame
 * no taller than the plot (test/visual/boxes.ts).
 */
import {expect} from '@open-wc/testing';
import {ANGERS, MIREBELLOIS, ODS, ORLEANS, openVisualPage, problemsAtEveryWidth} from './harness.js';

/** The least populated communes: the longest names. */
const chart = (type: string, where: string, extra = '') =>
  `<odw-chart src="${ODS}" where='${where}' type="${type}" x="commune" y="sum(population)"
    ${extra} title="Population municipale 2025 des communes, graphique ${type}"></odw-chart>`;

describe('odw-chart boxes at 320, 390, 768 and 1 280 px', function () {
  this.timeout(180_000);

  it('columns, bars, a line and a pie keep their labels apart and inside', async () => {
    const page = await openVisualPage(
      [
        chart('column', ANGERS, 'sort="y" limit="8"'),
        chart('bar', ANGERS, 'sort="y" limit="10"'),
        chart('line', MIREBELLOIS, 'sort="-y" limit="12"'),
        chart('pie', ORLEANS, 'sort="y" limit="6" others'),
      ].join('\n'),
    );
    expect((await problemsAtEveryWidth(page)).join('\n')).to.equal('');
  });
});
