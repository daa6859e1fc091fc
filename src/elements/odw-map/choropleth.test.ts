import {expect} from '@open-wc/testing';
import {html} from 'lit';
import type {OdwMap} from './odw-map.js';
import {
  mount,
  normalize,
  part,
  shadow,
  POPULATIONS,
  PARIS,
  LOIRET,
  DEPARTEMENTS,
  ORLEANS,
  orleansMap,
  mapSuite,
  drawn,
  mountMap,
  areas,
  area,
  openTable,
  mapOf,
  legendItems,
  blobUrl,
  warnings,
} from './map-harness.test.js';
import {requestLog, uniqueTag} from '../../../test/helpers.js';

describe('odw-map: choropleth', function () {
  mapSuite(this);

  it('draws the 22 communes of Orléans Métropole, Orléans in the top class and Combleux in the first', async () => {
    const el = await mountMap(
      html`<odw-map
        src=${POPULATIONS}
        where=${ORLEANS}
        shapes=${LOIRET}
        shapes-key="code"
        key="code_insee"
        value="sum(population)"
        only-matched
      ></odw-map>`,
    );
    expect(areas(el)).to.have.length(22);
    expect(normalize(area(el, '45234').getAttribute('aria-label'))).to.equal(
      'Orléans : 116 344, classe 5 sur 5',
    );
    expect(normalize(area(el, '45100').getAttribute('aria-label'))).to.equal(
      'Combleux : 524, classe 1 sur 5',
    );
    expect(area(el, '45234').getAttribute('fill')).to.equal('#08519c');
  });

  it('shows the class bounds in French in the legend', async () => {
    const el = await mountMap(orleansMap());
    const items = legendItems(el);
    expect(items[0]).to.equal('Population municipale (somme)');
    expect(items).to.have.length(7);
    expect(items[1]).to.match(/^524 à \d[\d ]*$/);
    expect(items[5]).to.match(/ à 116 344$/);
    expect(items[6]).to.equal('sans donnée');
  });

  it('draws the other outlines hatched « pas de donnée » and fits the view to the communes with values', async () => {
    const el = await mountMap(orleansMap());
    expect(areas(el)).to.have.length(326);
    const noData = shadow(el).querySelectorAll('path.area.no-data');
    expect(noData).to.have.length(304);
    expect(noData[0].getAttribute('fill')).to.equal('url(#odw-map-no-data)');
    const map = mapOf(el).getBoundingClientRect();
    const valued = areas(el)
      .filter((path) => !path.classList.contains('no-data'))
      .map((path) => path.getBoundingClientRect());
    const left = Math.min(...valued.map((box) => box.left));
    const right = Math.max(...valued.map((box) => box.right));
    const top = Math.min(...valued.map((box) => box.top));
    const bottom = Math.max(...valued.map((box) => box.bottom));
    // The métropole fills the map in one direction at least, inside its padding.
    expect(Math.max((right - left) / map.width, (bottom - top) / map.height)).to.be.greaterThan(0.85);
    expect(left).to.be.at.least(map.left - 1);
    expect(right).to.be.at.most(map.right + 1);
  });

  it('lists name, value and class in « Voir les données », and exports them as CSV', async () => {
    const el = await mountMap(orleansMap());
    const rows = await openTable(el);
    expect(rows[0]).to.deep.equal(['Nom', 'Code', 'Population municipale (somme)', 'Classe']);
    expect(rows[1][0]).to.equal('Orléans');
    expect(rows[1][2]).to.equal('116 344');
    expect(rows[1][3]).to.match(/^classe 5 sur 5 \(\d[\d ]* à 116 344\)$/);
    expect(rows.filter((row) => row[2] === 'pas de donnée')).to.have.length(304);
    const csv = el.toCsv();
    expect(csv.split('\r\n')[0]).to.equal('Nom,Code,Population municipale (somme),Classe');
    expect(csv).to.include('\r\nOrléans,45234,116344,5\r\n');
  });

  it('names each area by a field of the data with `label`, over the outlines’ own names', async () => {
    const tag = uniqueTag('label');
    const el = await mountMap(
      html`<odw-map
        src=${`/portal/~tag=${tag}/ods/api/explore/v2.1/catalog/datasets/populations-legales-2025/records`}
        where=${ORLEANS}
        shapes=${LOIRET}
        shapes-key="code"
        key="code_insee"
        label="commune"
        value="sum(population)"
        only-matched
      ></odw-map>`,
    );
    // The outlines (IGN Admin Express via france-geojson) drop the article the INSEE keeps.
    expect(normalize(area(el, '45075').getAttribute('aria-label'))).to.equal(
      'La Chapelle-Saint-Mesmin : 10 492, classe 4 sur 5',
    );
    expect(areas(el)).to.have.length(22);
    const rows = await openTable(el);
    expect(rows.map((row) => row[0])).to.include('La Chapelle-Saint-Mesmin');
    const grouped = (await requestLog(tag)).map(decodeURIComponent).filter((url) => url.includes('group_by'));
    expect(grouped.join('\n')).to.match(/group_by=code_insee,\s*commune/);
    const plain = await mountMap(orleansMap());
    expect(normalize(area(plain, '45075').getAttribute('aria-label'))).to.equal(
      'Chapelle-Saint-Mesmin : 10 492, classe 4 sur 5',
    );
  });

  it('reports the data keys that match no outline: the overseas départements', async () => {
    let el!: OdwMap;
    const messages = await warnings(async () => {
      el = await mountMap(
        html`<odw-map
          src=${POPULATIONS}
          shapes=${DEPARTEMENTS}
          shapes-key="code"
          key="code_departement"
          value="sum(population)"
          classes="jenks"
        ></odw-map>`,
      );
    });
    expect(areas(el)).to.have.length(96);
    // Its search names what its areas are.
    expect(normalize(shadow(el).querySelector('.search label')!.textContent)).to.equal(
      'Trouver un département',
    );
    expect(shadow(el).querySelectorAll('path.area.no-data')).to.have.length(0);
    expect(messages.join('\n')).to.match(/odw-map: 7 data key\(s\) match no outline: .*971/);
    const rows = await openTable(el);
    const unmatched = rows.filter((row) => row[3] === 'sans contour').map((row) => row[0]);
    expect(unmatched).to.have.members(['971', '972', '973', '974', '975', '977', '978']);
    // In words: how many, not a list of codes (the table lists them).
    expect(normalize(part(el, 'summary')!.textContent)).to.include(
      '7 valeurs des données n’ont pas de contour sur la carte ; « Voir les données » les liste.',
    );
    expect(normalize(part(el, 'summary')!.textContent)).to.not.include('971');
  });

  it('reports the outlines of 2018 that have no 2025 figure (merged communes)', async () => {
    let el!: OdwMap;
    const messages = await warnings(async () => {
      el = await mountMap(
        html`<odw-map
          src=${POPULATIONS}
          where='code_departement = "45"'
          shapes=${LOIRET}
          shapes-key="code"
          key="code_insee"
          value="sum(population)"
        ></odw-map>`,
      );
    });
    expect(areas(el)).to.have.length(326);
    expect(normalize(area(el, '45287').getAttribute('aria-label'))).to.equal(
      'Saint-Loup-de-Gonois : pas de donnée',
    );
    expect(messages.join('\n')).to.include('1 outline(s) have no value: 45287');
    const rows = await openTable(el);
    expect(rows.find((row) => row[1] === '45287')).to.deep.equal([
      'Saint-Loup-de-Gonois',
      '45287',
      'pas de donnée',
      '',
    ]);
    expect(normalize(part(el, 'summary')!.textContent)).to.include('Une zone de la carte n’a pas de donnée.');
  });

  it('classes by equal intervals and by natural breaks with the asked number of classes', async () => {
    const equal = await mountMap(
      html`<odw-map
        src=${POPULATIONS}
        where=${ORLEANS}
        shapes=${LOIRET}
        shapes-key="code"
        key="code_insee"
        value="sum(population)"
        classes="equal"
        class-count="4"
        only-matched
      ></odw-map>`,
    );
    // (116 344 − 524) / 4 = 28 955: every other commune is in the first class.
    expect(legendItems(equal).slice(1)).to.deep.equal([
      '524 à 29 479',
      '29 479 à 58 434',
      '58 434 à 87 389',
      '87 389 à 116 344',
    ]);
    expect(normalize(area(equal, '45232').getAttribute('aria-label'))).to.equal(
      'Olivet : 22 988, classe 1 sur 4',
    );
    const jenks = await mountMap(
      html`<odw-map
        src=${POPULATIONS}
        where=${ORLEANS}
        shapes=${LOIRET}
        shapes-key="code"
        key="code_insee"
        value="sum(population)"
        classes="jenks"
        class-count="3"
        only-matched
      ></odw-map>`,
    );
    const items = legendItems(jenks);
    expect(items).to.have.length(4);
    // Orléans is a class of its own.
    expect(items[3]).to.match(/ à 116 344$/);
    expect(normalize(area(jenks, '45232').getAttribute('aria-label'))).to.equal(
      'Olivet : 22 988, classe 2 sur 3',
    );
  });

  it('colours the classes with a scheme given as a list of colours', async () => {
    const el = await mountMap(
      html`<odw-map
        src=${POPULATIONS}
        where=${ORLEANS}
        shapes=${LOIRET}
        shapes-key="code"
        key="code_insee"
        value="sum(population)"
        scheme="#fee5d9,#fcae91,#a50f15"
        class-count="3"
        only-matched
      ></odw-map>`,
    );
    expect(area(el, '45234').getAttribute('fill')).to.equal('#a50f15');
    expect(area(el, '45100').getAttribute('fill')).to.equal('#fee5d9');
  });

  it('reads TopoJSON outlines', async () => {
    const topology = {
      type: 'Topology',
      objects: {
        squares: {
          type: 'GeometryCollection',
          geometries: [
            {type: 'Polygon', arcs: [[0]], properties: {code: 'A', nom: 'Carré A'}},
            {type: 'Polygon', arcs: [[1]], properties: {code: 'B', nom: 'Carré B'}},
          ],
        },
      },
      arcs: [
        [
          [1, 47],
          [2, 47],
          [2, 48],
          [1, 48],
          [1, 47],
        ],
        [
          [3, 47],
          [4, 47],
          [4, 48],
          [3, 48],
          [3, 47],
        ],
      ],
    };
    const values = blobUrl([
      {code: 'A', n: 10},
      {code: 'B', n: 30},
    ]);
    const el = await mountMap(
      html`<odw-map
        src=${values}
        api="json"
        shapes=${blobUrl(topology)}
        shapes-key="code"
        key="code"
        value="sum(n)"
        class-count="2"
      ></odw-map>`,
    );
    expect(areas(el)).to.have.length(2);
    expect(normalize(area(el, 'B').getAttribute('aria-label'))).to.equal('Carré B : 30, classe 2 sur 2');
  });

  it('fetches outlines shared by two maps once', async () => {
    const tag = `map-${Math.random().toString(36).slice(2, 10)}`;
    const shapes = `/portal/~tag=${tag}/files/communes-45-loiret.geojson`;
    const container = await mount(
      html`<div>
        ${[ORLEANS, 'epci = "Dijon Métropole"'].map(
          (where) =>
            html`<odw-map
              src=${POPULATIONS}
              where=${where}
              shapes=${shapes}
              shapes-key="code"
              key="code_insee"
              value="sum(population)"
              only-matched
            ></odw-map>`,
        )}
      </div>`,
    );
    const [orleans, dijon] = container.querySelectorAll('odw-map');
    await drawn(orleans);
    await drawn(dijon);
    expect(areas(orleans)).to.have.length(22);
    // Dijon's communes are not in the Loiret file: no area, 23 keys reported.
    expect(areas(dijon)).to.have.length(0);
    expect(normalize(part(dijon, 'summary')!.textContent)).to.include(
      '23 valeurs des données n’ont pas de contour sur la carte',
    );
    const response = await fetch(`/portal/__requests?tag=${tag}`);
    const {requests} = (await response.json()) as {requests: unknown[]};
    expect(requests).to.have.length(1);
  });

  it('reads outlines from the geo_shape field of an Opendatasoft dataset named by an odw-source', async () => {
    const container = await mount(
      html`<div>
        <odw-source id="parking-shapes" src=${PARIS}></odw-source>
        <odw-map
          src=${PARIS}
          where='type = "abri"'
          shapes="parking-shapes"
          shapes-key="osm_id"
          key="osm_id"
          value="sum(capacite)"
          only-matched
        ></odw-map>
      </div>`,
    );
    const el = container.querySelector('odw-map')!;
    await drawn(el);
    // The 126 bicycle shelters, joined to their own records' geometry.
    expect(areas(el)).to.have.length(126);
    expect(normalize(areas(el)[0].getAttribute('aria-label'))).to.match(/ : [\d ]+, classe [1-5] sur 5$/);
  });

  it('says what is missing when a choropleth has no join fields', async () => {
    const el = await mountMap(html`<odw-map src=${POPULATIONS} shapes=${LOIRET}></odw-map>`);
    expect(normalize(part(el, 'status')!.textContent)).to.include('indiquez shapes-key et key');
  });
});
