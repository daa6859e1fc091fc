/**
 * odw-table at 320, 390, 768 and 1 280 px with the communes of Angers Loire Métropole and the
 * long name of their EPCI: no header or value split mid-word, nothing cut off or overlapping, no
 * sideways scroll of the page, and on a phone a frame no taller than the table (test/visual/boxes.ts).
 */
import {expect} from '@open-wc/testing';
import {ANGERS, ODS, openVisualPage, problemsAtEveryWidth} from './harness.js';

describe('odw-table boxes at 320, 390, 768 and 1 280 px', function () {
  this.timeout(120_000);

  it('keeps headers, values, pager and search readable', async () => {
    const page = await openVisualPage(`
      <odw-table src="${ODS}" where='${ANGERS}' columns="commune,code_insee,epci,population,population_totale"
        sort="population" page-size="8" search
        title="Communes d’Angers Loire Métropole, des moins peuplées aux plus peuplées"></odw-table>`);
    expect((await problemsAtEveryWidth(page)).join('\n')).to.equal('');
  });
});
