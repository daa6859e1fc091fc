import {expect, waitUntil} from '@open-wc/testing';
import {query} from '../../data/index.js';
import type {OdwMap} from './odw-map.js';
import {normalize, openPage} from '../../../test/helpers.js';

/** examples/cartes.html, the maps demo of `npm start`, loaded as a visitor would. */

const PARIS = '/portal/ods/api/explore/v2.1/catalog/datasets/paris-stationnement/records';

/** Waits until the map is drawn, and checks it shows no error. */
async function drawn(map: OdwMap): Promise<void> {
  await waitUntil(
    () =>
      (map.mapView && map.shadowRoot?.querySelector('svg.map-svg')) ||
      map.shadowRoot?.querySelector('.status'),
    `${map.id} never drew`,
    {timeout: 40_000},
  );
  expect(normalize(map.shadowRoot!.querySelector('.status')?.textContent), `${map.id}: a message`).to.equal(
    '',
  );
}

function pointsTotal(map: OdwMap): number {
  return map.mapView!.drawnItems.reduce((sum, item) => sum + item.count, 0);
}

describe('examples/cartes.html', function () {
  this.timeout(60_000);

  it('draws the four maps, each with the snippet to paste and its credits', async () => {
    const page = await openPage('/examples/cartes.html', 'odw-map');
    const map = (id: string) => page.getElementById(id) as OdwMap;
    const maps = ['carte-orleans', 'carte-departements', 'carte-parkings', 'carte-festivals'].map(map);
    expect(maps.every(Boolean), 'four maps').to.equal(true);
    await Promise.all(maps.map(drawn));
    const [orleans, departements, parkings, festivals] = maps;
    const areas = (el: OdwMap, selector = 'path.area') => el.shadowRoot!.querySelectorAll(selector).length;

    // The 22 communes of the métropole coloured, the rest of the Loiret hatched.
    expect(areas(orleans, 'path.area:not(.no-data)')).to.equal(22);
    expect(areas(orleans, 'path.area.no-data')).to.be.greaterThan(0);
    // The 96 départements of metropolitan France, every one with a value.
    expect(areas(departements)).to.equal(96);
    expect(areas(departements, 'path.area.no-data')).to.equal(0);
    // One point per car-park location (and type: the colour), each sized by its capacity.
    const {rows} = await query(PARIS, {
      select: 'sum(capacite)',
      groupBy: 'geo_point_2d, type',
      limit: 20_000,
    });
    expect(
      pointsTotal(parkings),
      normalize(parkings.shadowRoot!.querySelector('#summary')?.textContent),
    ).to.equal(rows.length);
    expect(parkings.shadowRoot!.querySelector('[part~="size-legend"]')).to.exist;
    // 55 festivals, one without coordinates.
    expect(pointsTotal(festivals)).to.equal(54);

    // The credits: on the choropleths and under each map.
    expect(normalize(orleans.shadowRoot!.querySelector('.attribution')?.textContent)).to.equal(
      'Fond de carte : IGN Admin Express',
    );
    const credits = [...page.querySelectorAll('p.attribution')].map((p) => normalize(p.textContent));
    expect(credits).to.include('Source : INSEE, populations légales 2025.');
    expect(credits).to.include('Fond de carte : IGN Admin Express.');

    // Each snippet, parsed without running anything, is the map on the page, attribute for attribute.
    const codes = [...page.querySelectorAll('pre code')];
    expect(codes).to.have.length(4);
    for (const code of codes) {
      const pasted = new DOMParser().parseFromString(code.textContent!, 'text/html');
      expect(pasted.querySelector('script[type=module]')!.getAttribute('src')).to.match(
        /open-data-widgets\.js$/,
      );
      const element = pasted.querySelector('odw-map')!;
      const live = page.getElementById(element.id)!;
      expect(live, element.id).to.exist;
      for (const attribute of element.attributes) {
        expect(live.getAttribute(attribute.name), `${element.id} ${attribute.name}`).to.equal(
          attribute.value,
        );
      }
      // Shown as text, not as markup.
      expect(code.children).to.have.length(0);
    }
  });
});
