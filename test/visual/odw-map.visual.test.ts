/**
 * odw-map drawing areas (the communes of Angers Loire Métropole) and points (the festivals of the
 * Finistère, named) at 320, 390, 768 and 1 280 px: legends, labels, search and attributions
 * neither overlap nor get cut off, no word split, no sideways scroll, and on a phone a frame no
 * taller than the map (test/visual/boxes.ts).
 */
import {expect} from '@open-wc/testing';
import {ANGERS, FESTIVALS, MAINE_ET_LOIRE, ODS, openVisualPage, problemsAtEveryWidth} from './harness.js';

describe('odw-map boxes at 320, 390, 768 and 1 280 px', function () {
  this.timeout(180_000);

  it('areas and points keep their legends, labels and attributions apart and inside', async () => {
    const page = await openVisualPage(`
      <odw-map src="${ODS}" where='${ANGERS}' shapes="${MAINE_ET_LOIRE}" shapes-key="code" key="code_insee"
        value="sum(population)" only-matched shapes-attribution="Fond de carte : IGN Admin Express"
        title="Population municipale 2025 des communes d’Angers Loire Métropole"></odw-map>
      <odw-map src="${FESTIVALS}" color="domaine" label="nom_de_la_manifestation"
        title="Festivals du Finistère, par domaine"></odw-map>`);
    expect((await problemsAtEveryWidth(page)).join('\n')).to.equal('');
  });
});
