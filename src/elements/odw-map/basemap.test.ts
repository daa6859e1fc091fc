import {expect, waitUntil} from '@open-wc/testing';
import {html} from 'lit';
import {PLAN_IGN, TILE_PRESETS} from './odw-map.js';
import {
  normalize,
  shadow,
  POPULATIONS,
  LOIRET,
  ORLEANS,
  mapSuite,
  mountMap,
  areas,
  FESTIVALS,
  OFFLINE_PLAN,
  orleansMap,
} from './map-harness.test.js';

describe('odw-map: basemap', function () {
  mapSuite(this);

  const TILE =
    "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' width='256' height='256'%3E%3Crect width='256' height='256' fill='%23e5e5e5'/%3E%3C!--{z}/{x}/{y}--%3E%3C/svg%3E";

  it('lays tiles from a URL template under the areas, with its attribution', async () => {
    const el = await mountMap(
      html`<odw-map
        src=${POPULATIONS}
        where=${ORLEANS}
        shapes=${LOIRET}
        shapes-key="code"
        key="code_insee"
        value="sum(population)"
        only-matched
        tiles=${TILE}
        attribution="Fond de test"
        shapes-attribution="Fond de carte : IGN Admin Express"
      ></odw-map>`,
    );
    const tiles = [...shadow(el).querySelectorAll('g.tiles image')];
    expect(tiles.length).to.be.greaterThan(0);
    expect(tiles[0].getAttribute('href')).to.match(/%3C!--\d+\/\d+\/\d+--%3E/);
    expect(normalize(shadow(el).querySelector('.attribution')!.textContent)).to.equal(
      'Fond de carte : IGN Admin Express · Fond de test',
    );
  });

  it('keeps the areas when every tile fails', async () => {
    const el = await mountMap(
      html`<odw-map
        src=${POPULATIONS}
        where=${ORLEANS}
        shapes=${LOIRET}
        shapes-key="code"
        key="code_insee"
        value="sum(population)"
        only-matched
        tiles="/portal/~status=404/tiles/{z}/{x}/{y}.png"
      ></odw-map>`,
    );
    await waitUntil(() => shadow(el).querySelector('.notice'), 'tile failure notice', {timeout: 10_000});
    expect(normalize(shadow(el).querySelector('.notice')!.textContent)).to.equal(
      'Fond de carte indisponible',
    );
    expect(areas(el)).to.have.length(22);
  });

  it('knows the Plan IGN and OpenStreetMap basemaps by name, with their credits', () => {
    expect(TILE_PRESETS.osm.attribution).to.equal('© les contributeurs d’OpenStreetMap');
    expect(PLAN_IGN.url).to.include('LAYER=GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2');
    expect(PLAN_IGN.url).to.include('TILEMATRIX={z}&TILEROW={y}&TILECOL={x}');
    expect(PLAN_IGN.attribution).to.equal('© IGN – Géoplateforme, Plan IGN');
  });

  it('lays the Plan IGN under points by default, with its credit, and none with tiles="none"', async () => {
    const festivals = await mountMap(html`<odw-map src=${FESTIVALS}></odw-map>`);
    const tiles = [...shadow(festivals).querySelectorAll('g.tiles image')];
    expect(tiles.length).to.be.greaterThan(0);
    // Offline in the tests: the emulator's stand-in takes the preset's place (map-harness.ts).
    expect(tiles[0].getAttribute('href')).to.match(/^\/portal\/tiles\/\d+\/\d+\/\d+\.svg$/);
    expect(normalize(shadow(festivals).querySelector('.attribution')!.textContent)).to.equal(
      OFFLINE_PLAN.attribution,
    );
    await waitUntil(() => (tiles[0] as SVGImageElement).getBBox().width > 0, 'a tile drawn');
    expect(shadow(festivals).querySelector('.notice')).to.equal(null);

    const none = await mountMap(html`<odw-map src=${FESTIVALS} tiles="none"></odw-map>`);
    expect(shadow(none).querySelectorAll('g.tiles image')).to.have.length(0);
    expect(shadow(none).querySelector('.attribution')).to.equal(null);
    // A choropleth has none unless asked.
    const areas = await mountMap(orleansMap('', {onlyMatched: true}));
    expect(shadow(areas).querySelectorAll('g.tiles image')).to.have.length(0);
  });
});
