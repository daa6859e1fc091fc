import {expect, waitUntil} from '@open-wc/testing';
import {html, render, type ReactiveElement, type TemplateResult} from 'lit';
import {query, requestSettings} from '../../data/index.js';
import '../odw-kpi/define.js';
import type {OdwKpi} from '../odw-kpi/odw-kpi.js';
import type {OdwSource} from '../odw-source/odw-source.js';
import './define.js';
import {TILE_PRESETS, type OdwMap} from './odw-map.js';
import {fakeFullscreen} from '../../../test/helpers.js';

const POPULATIONS = '/portal/ods/api/explore/v2.1/catalog/datasets/populations-legales-2025/records';
const PARIS = '/portal/ods/api/explore/v2.1/catalog/datasets/paris-stationnement/records';
const FESTIVALS = '/portal/ods/api/explore/v2.1/catalog/datasets/festivals-du-finistere/records';
const LOIRET = '/portal/files/communes-45-loiret.geojson';
const DEPARTEMENTS = '/portal/files/departements.geojson';
const ORLEANS = 'epci = "Orléans Métropole"';

function normalize(text: string | null | undefined): string {
  return (text ?? '')
    .replace(/[\u00a0\u202f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function shadow(el: Element): ShadowRoot {
  return el.shadowRoot!;
}

function part(el: Element, name: string): Element | null {
  return shadow(el).querySelector(`[part~="${name}"]`);
}

/** Waits until the map is drawn (or shows a message). */
async function drawn(el: OdwMap, timeout = 20_000): Promise<void> {
  await waitUntil(
    () => (el.mapView && shadow(el).querySelector('svg.map-svg')) || part(el, 'status'),
    `${el.outerHTML} never drew`,
    {timeout},
  );
  await el.updateComplete;
}

const mounted: HTMLElement[] = [];
async function mount(template: TemplateResult): Promise<HTMLElement> {
  const container = document.createElement('div');
  container.style.width = '640px';
  render(template, container);
  document.body.append(container);
  mounted.push(container);
  await Promise.all(
    [...container.querySelectorAll('*')].map((el) => (el as Partial<ReactiveElement>).updateComplete),
  );
  return container;
}
afterEach(() => {
  for (const container of mounted.splice(0)) container.remove();
});

async function mountMap(template: TemplateResult): Promise<OdwMap> {
  const container = await mount(template);
  const map = container.querySelector('odw-map')!;
  await drawn(map);
  return map;
}

function areas(el: Element): SVGPathElement[] {
  return [...shadow(el).querySelectorAll<SVGPathElement>('path.area')];
}

function area(el: Element, key: string): SVGPathElement {
  const found = shadow(el).querySelector<SVGPathElement>(`path.area[data-key="${key}"]`);
  expect(found, `area ${key}`).to.exist;
  return found!;
}

async function openTable(el: OdwMap): Promise<string[][]> {
  const details = part(el, 'table') as HTMLDetailsElement;
  details.open = true;
  await waitUntil(() => details.querySelector('table'), 'table');
  return [...details.querySelectorAll('tr')].map((row) =>
    [...row.children].map((cell) => normalize(cell.textContent)),
  );
}

function mapOf(el: Element): HTMLElement {
  return part(el, 'map') as HTMLElement;
}

function press(el: Element, key: string, target: Element = mapOf(el)): void {
  target.dispatchEvent(new KeyboardEvent('keydown', {key, bubbles: true, composed: true, cancelable: true}));
}

function click(target: Element): void {
  target.dispatchEvent(new MouseEvent('click', {bubbles: true, composed: true, cancelable: true}));
}

function legendItems(el: Element): string[] {
  return [...(part(el, 'legend')?.querySelectorAll('li') ?? [])].map((item) => normalize(item.textContent));
}

function blobUrl(json: unknown): string {
  return URL.createObjectURL(new Blob([JSON.stringify(json)], {type: 'application/json'}));
}

function pointsTotal(el: OdwMap): number {
  return el.mapView!.drawnItems.reduce((sum, item) => sum + item.count, 0);
}

/** Captures console.warn while `run` runs. */
async function warnings(run: () => Promise<void>): Promise<string[]> {
  const saved = console.warn;
  const messages: string[] = [];
  console.warn = (...args: unknown[]) => messages.push(args.map(String).join(' '));
  try {
    await run();
  } finally {
    console.warn = saved;
  }
  return messages;
}

const XSS = '<img src=x onerror="window.__odwMapXss=1">';

function xssPoints(): string {
  return blobUrl({
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        geometry: {type: 'Point', coordinates: [1.909, 47.902]},
        properties: {nom: XSS, capacite: 12},
      },
      {
        type: 'Feature',
        geometry: {type: 'Point', coordinates: [2.35, 48.85]},
        properties: {nom: 'Paris', capacite: 3},
      },
    ],
  });
}

const savedSettings = {...requestSettings};

describe('odw-map', function () {
  // Real requests to the emulator (thousands of records for Paris) on a machine shared with other runs.
  this.timeout(40_000);

  beforeEach(() => {
    Object.assign(requestSettings, {baseDelay: 5, maxDelay: 20});
  });
  afterEach(() => {
    Object.assign(requestSettings, savedSettings);
  });

  describe('choropleth', () => {
    const orleansMap = (extra: TemplateResult | string = '') =>
      html`<odw-map
        src=${POPULATIONS}
        where=${ORLEANS}
        shapes=${LOIRET}
        shapes-key="code"
        key="code_insee"
        value="sum(population)"
        title="Population 2025"
        >${extra}</odw-map
      >`;

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
      expect(items[6]).to.equal('pas de donnée');
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
      expect(shadow(el).querySelectorAll('path.area.no-data')).to.have.length(0);
      expect(messages.join('\n')).to.match(/odw-map: 7 data key\(s\) match no outline: .*971/);
      const rows = await openTable(el);
      const unmatched = rows.filter((row) => row[3] === 'sans contour').map((row) => row[0]);
      expect(unmatched).to.have.members(['971', '972', '973', '974', '975', '977', '978']);
      expect(normalize(part(el, 'summary')!.textContent)).to.include('Clés sans contour (7) : 971, 972');
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
      expect(normalize(part(el, 'summary')!.textContent)).to.include('Contours sans donnée : 1.');
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
      expect(normalize(part(dijon, 'summary')!.textContent)).to.match(/Clés sans contour \(23\) : 21/);
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

  describe('points', () => {
    it('draws the 9 814 Paris bicycle parkings on a canvas, clustered, and zooms into the clusters', async () => {
      const el = await mountMap(html`<odw-map src=${PARIS} color="type" popup="type,capacite"></odw-map>`);
      expect(shadow(el).querySelector('canvas.map-canvas')).to.exist;
      // Over the canvas, each cluster or point in view has a focusable, announced mark.
      const marks = shadow(el).querySelectorAll('g.cluster.proxy');
      expect(marks.length).to.equal(el.mapView!.drawnItems.filter((item) => item.count > 1).length);
      expect(normalize(marks[0].getAttribute('aria-label'))).to.match(
        /^[\d ]+ points regroupés, activer pour zoomer$/,
      );
      expect(pointsTotal(el)).to.equal(9814);
      const clusters = el.mapView!.drawnItems.filter((item) => item.count > 1);
      expect(clusters.length).to.be.greaterThan(0);
      expect(clusters.length).to.be.lessThan(300);
      const before = el.mapView!.drawnItems.length;
      el.mapView!.zoomBy(8);
      const after = el.mapView!.drawnItems;
      // Deeper in, clusters split: more marks, each holding fewer points, fewer points in view.
      expect(after.length).to.be.greaterThan(before);
      expect(after.reduce((sum, item) => sum + item.count, 0)).to.be.lessThan(9814);
      expect(normalize(part(el, 'summary')!.textContent)).to.match(/^9 814 points sur la carte\. Par /);
    });

    it('says « 500 points sur 9 814 » when limit reads part of the records, in words, never silently', async () => {
      const el = await mountMap(html`<odw-map src=${PARIS} limit="500"></odw-map>`);
      expect(pointsTotal(el)).to.equal(500);
      const notice = part(el, 'notice')!;
      expect(normalize(notice.textContent)).to.equal(
        '500 points sur 9 814 : les premiers enregistrements seulement (attribut limit)',
      );
      expect(normalize(part(el, 'summary')!.textContent)).to.include(
        '500 points sur la carte. 500 points sur 9 814 : les premiers enregistrements seulement (attribut limit).',
      );
      await expect(el).shadowDom.to.be.accessible();
    });

    it('shows no notice when every record is on the map', async () => {
      const el = await mountMap(html`<odw-map src=${PARIS} no-cluster></odw-map>`);
      expect(part(el, 'notice')).to.equal(null);
    });

    it('keeps every one of the 9 814 points drawn while panning and zooming', async () => {
      const el = await mountMap(html`<odw-map src=${PARIS} no-cluster></odw-map>`);
      expect(el.mapView!.drawnItems).to.have.length(9814);
      const {x, y, k} = el.mapView!.viewTransform;
      for (let i = 0; i < 10; i++) {
        el.mapView!.panBy(5, 3);
        el.mapView!.zoomBy(1.1);
      }
      expect(el.mapView!.viewTransform.k).to.be.greaterThan(k);
      expect([el.mapView!.viewTransform.x, el.mapView!.viewTransform.y]).to.not.deep.equal([x, y]);
      // Zoomed in, the points in view are drawn and those out of it are left out.
      const box = mapOf(el).getBoundingClientRect();
      const inView = el.mapView!.drawnPositions;
      expect(inView.length).to.be.greaterThan(0).and.lessThan(9814);
      for (const {x: px, y: py} of inView) {
        expect(px).to.be.within(-20, box.width + 20);
        expect(py).to.be.within(-20, box.height + 20);
      }
      // Back to the initial view: every point again.
      press(el, '0');
      expect(el.mapView!.drawnItems).to.have.length(9814);
    });

    it('draws the 55 Finistère festivals in SVG with a categorical legend', async () => {
      const el = await mountMap(
        html`<odw-map
          src=${FESTIVALS}
          color="domaine"
          popup="nom_de_la_manifestation,commune_principale"
        ></odw-map>`,
      );
      expect(shadow(el).querySelector('canvas')).to.not.exist;
      // One festival has no coordinates in the portal's geo field: reported, not placed.
      expect(pointsTotal(el)).to.equal(54);
      expect(normalize(part(el, 'summary')!.textContent)).to.include(
        'Enregistrements sans coordonnées, non placés : 1.',
      );
      const marks = shadow(el).querySelectorAll('g.point, g.cluster');
      expect(marks.length).to.equal(el.mapView!.drawnItems.length);
      const items = legendItems(el);
      expect(items[0]).to.equal('Domaine');
      const counted = items.slice(1).map((item) => Number(/\((\d+)\)$/.exec(item)![1]));
      expect(counted.reduce((a, b) => a + b, 0)).to.equal(55);
    });

    it('shows the count of a cluster and zooms in when it is activated', async () => {
      const el = await mountMap(html`<odw-map src=${FESTIVALS}></odw-map>`);
      const cluster = shadow(el).querySelector('g.cluster');
      expect(cluster, 'a cluster of festivals').to.exist;
      const count = Number(cluster!.querySelector('text')!.textContent);
      expect(count).to.be.greaterThan(1);
      expect(normalize(cluster!.getAttribute('aria-label'))).to.equal(
        `${count} points regroupés, activer pour zoomer`,
      );
      const level = el.mapView!.zoomLevel;
      press(el, 'Enter', cluster!);
      expect(el.mapView!.zoomLevel).to.be.greaterThan(level);
    });

    it('sizes points by a field and announces the sum of each cluster with size="sum(capacite)"', async () => {
      const el = await mountMap(html`<odw-map src=${PARIS} size="sum(capacite)"></odw-map>`);
      const clusters = [...shadow(el).querySelectorAll('g.cluster.proxy')];
      expect(clusters.length).to.be.greaterThan(0);
      const sums = clusters.map((cluster) => {
        const match = /^([\d ]+) points regroupés, Capacité \(somme\) : ([\d ]+), activer pour zoomer$/.exec(
          normalize(cluster.getAttribute('aria-label')),
        );
        expect(match, cluster.getAttribute('aria-label')!).to.exist;
        return Number(match![2].replace(/ /g, ''));
      });
      // The whole city is in view: clusters and single points add up to the capacity of Paris.
      const singles = el.mapView!.drawnItems.reduce((sum, item) => sum + (item.point?.size ?? 0), 0);
      const {rows} = await query(PARIS, {select: 'sum(capacite)'});
      expect(sums.reduce((a, b) => a + b, 0) + singles).to.equal(rows[0]['sum(capacite)']);
    });

    it('groups the points by location on the server with size="sum(capacite)", with a size legend', async () => {
      const tag = `map-${Math.random().toString(36).slice(2, 10)}`;
      const src = PARIS.replace('/portal/', `/portal/~tag=${tag}/`);
      const el = await mountMap(html`<odw-map src=${src} size="sum(capacite)" no-cluster></odw-map>`);
      const response = await fetch(`/portal/__requests?tag=${encodeURIComponent(tag)}`);
      const {requests} = (await response.json()) as {requests: Array<{url: string}>};
      const records = requests
        .map((request) => decodeURIComponent(request.url))
        .filter((url) => url.includes('?'));
      // One query of the records: grouped by location, the portal adding up the capacities.
      expect(records, records.join('\n')).to.have.length(1);
      expect(records[0]).to.include('group_by=geo_point_2d');
      expect(records[0]).to.match(/select=sum\(capacite\)/);
      const {rows} = await query(PARIS, {select: 'sum(capacite)', groupBy: 'geo_point_2d', limit: 20_000});
      const values = rows.map((row) => row['sum(capacite)'] as number);
      const max = Math.max(...values);
      const min = Math.min(...values);
      // One point per location, sized by its total.
      expect(el.mapView!.drawnItems).to.have.length(rows.length);
      const biggest = el.mapView!.drawnItems.reduce((a, b) => (b.point!.radius > a.point!.radius ? b : a));
      expect(biggest.point!.size).to.equal(max);
      // Each location's total in the data table and the CSV.
      const lines = el.toCsv().trim().split('\r\n');
      expect(lines).to.have.length(rows.length + 1);
      expect(lines.filter((line) => line.split(',')[1] === String(max))).to.have.length(
        values.filter((value) => value === max).length,
      );
      // The legend: the smallest and the largest circle, with their values in French.
      const legend = part(el, 'size-legend')!;
      const items = [...legend.querySelectorAll('li')].map((item) => normalize(item.textContent));
      expect(items).to.deep.equal([
        'Capacité (somme)',
        normalize(min.toLocaleString('fr-FR')),
        normalize(max.toLocaleString('fr-FR')),
      ]);
      const radii = [...legend.querySelectorAll('circle')].map((circle) => Number(circle.getAttribute('r')));
      expect(radii[1]).to.be.greaterThan(radii[0]);
      expect(radii[1]).to.equal(biggest.point!.radius);
      // The table and CSV name the aggregate in words.
      expect(el.toCsv().split('\r\n')[0]).to.equal('Nom,Capacité (somme),Latitude,Longitude');
    });

    it('finds the coordinates in two fields named by lat and lon', async () => {
      const src = blobUrl([
        {nom: 'Mairie', latitude: 47.9025, longitude: 1.909},
        {nom: 'Gare', latitude: 47.9075, longitude: 1.9045},
        {nom: 'Sans position', latitude: null, longitude: null},
      ]);
      const el = await mountMap(
        html`<odw-map src=${src} api="json" lat="latitude" lon="longitude" no-cluster></odw-map>`,
      );
      expect(shadow(el).querySelectorAll('g.point')).to.have.length(2);
      expect(normalize(part(el, 'summary')!.textContent)).to.equal(
        '2 points sur la carte. Enregistrements sans coordonnées, non placés : 1.',
      );
    });

    it('opens the popup of a point drawn on the canvas and fires odw-select', async () => {
      const el = await mountMap(html`<odw-map src=${PARIS} popup="type,capacite" no-cluster></odw-map>`);
      const selected: unknown[] = [];
      el.addEventListener('odw-select', (event) => selected.push(event.detail.datum));
      el.mapView!.zoomBy(8);
      const view = el.mapView!.drawnItems.findIndex((drawnItem) => drawnItem.point);
      expect(view).to.be.at.least(0);
      const box = mapOf(el).getBoundingClientRect();
      const {x, y} = el.mapView!.drawnPositions[view];
      mapOf(el).dispatchEvent(
        new MouseEvent('click', {clientX: box.left + x, clientY: box.top + y, bubbles: true, composed: true}),
      );
      await el.updateComplete;
      expect(selected).to.have.length(1);
      const popup = part(el, 'popup')!;
      expect([...popup.querySelectorAll('dt')].map((cell) => cell.textContent)).to.deep.equal([
        'Type de stationnement',
        'Capacité',
      ]);
    });

    it('exports the points as CSV with their coordinates', async () => {
      const el = await mountMap(html`<odw-map src=${FESTIVALS} popup="commune_principale"></odw-map>`);
      const lines = el.toCsv().trim().split('\r\n');
      expect(lines).to.have.length(55);
      expect(lines[0]).to.match(/,Latitude,Longitude$/);
    });

    it('says so when the data has no coordinates', async () => {
      const el = await mountMap(html`<odw-map src=${POPULATIONS} where=${ORLEANS}></odw-map>`);
      expect(normalize(part(el, 'status')!.textContent)).to.include('Aucune coordonnée');
    });

    it('names the unknown mode instead of guessing one', async () => {
      const el = await mountMap(html`<odw-map src=${PARIS} mode="heatmap"></odw-map>`);
      expect(normalize(part(el, 'status')!.textContent)).to.equal(
        'mode doit valoir points ou choropleth, et non « heatmap ».',
      );
    });
  });

  describe('popups', () => {
    it('shows the popup fields of a point as text, never as markup', async () => {
      const el = await mountMap(
        html`<odw-map src=${xssPoints()} api="geojson" popup="nom,capacite" no-cluster></odw-map>`,
      );
      const point = shadow(el).querySelector('g.point[aria-label^="<img"]')!;
      expect(point).to.exist;
      click(point);
      await el.updateComplete;
      const popup = part(el, 'popup')!;
      expect([...popup.querySelectorAll('dt, dd')].map((cell) => cell.textContent)).to.deep.equal([
        'nom',
        XSS,
        'capacite',
        '12',
      ]);
      expect(popup.querySelector('img')).to.not.exist;
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect((window as {__odwMapXss?: number}).__odwMapXss).to.equal(undefined);
      press(el, 'Escape', point);
      await el.updateComplete;
      expect(part(el, 'popup')).to.not.exist;
    });

    it('fills a <template> child with escaped values', async () => {
      const el = await mountMap(
        html`<odw-map src=${xssPoints()} api="geojson" no-cluster>
          <template
            ><strong class="name">{{nom}}</strong> —
            <span data-capacity="{{capacite}}">{{ capacite }} places</span></template
          >
        </odw-map>`,
      );
      click(shadow(el).querySelector('g.point[aria-label^="<img"]')!);
      await el.updateComplete;
      const popup = part(el, 'popup')!;
      expect(popup.querySelector('.name')!.textContent).to.equal(XSS);
      expect(popup.querySelector('span')!.getAttribute('data-capacity')).to.equal('12');
      expect(normalize(popup.querySelector('span')!.textContent)).to.equal('12 places');
      expect(popup.querySelector('img')).to.not.exist;
    });
  });

  describe('view', () => {
    it('zooms with + and −, pans with the arrows and goes back with 0', async () => {
      const el = await mountMap(html`<odw-map src=${FESTIVALS}></odw-map>`);
      const view = el.mapView!;
      press(el, '+');
      expect(view.viewTransform.k).to.be.closeTo(2, 0.001);
      press(el, '-');
      expect(view.viewTransform.k).to.be.closeTo(1, 0.001);
      const {x, y} = view.viewTransform;
      press(el, 'ArrowRight');
      expect(view.viewTransform.x).to.be.lessThan(x);
      press(el, 'ArrowDown');
      expect(view.viewTransform.y).to.be.lessThan(y);
      press(el, '0');
      expect(view.viewTransform).to.deep.equal({x: 0, y: 0, k: 1});
    });

    it('zooms with the buttons, and with the wheel only when Ctrl is held', async () => {
      const el = await mountMap(html`<odw-map src=${FESTIVALS}></odw-map>`);
      const view = el.mapView!;
      const [zoomIn] = part(el, 'actions')!.querySelectorAll('button');
      expect(zoomIn.getAttribute('aria-label')).to.equal('Zoomer');
      zoomIn.click();
      expect(view.viewTransform.k).to.be.closeTo(2, 0.001);
      const box = mapOf(el).getBoundingClientRect();
      const wheel = (ctrlKey: boolean) =>
        mapOf(el).dispatchEvent(
          new WheelEvent('wheel', {
            deltaY: -200,
            ctrlKey,
            clientX: box.left + 50,
            clientY: box.top + 50,
            bubbles: true,
            cancelable: true,
          }),
        );
      wheel(false);
      expect(view.viewTransform.k).to.be.closeTo(2, 0.001);
      await el.updateComplete;
      expect(normalize(shadow(el).querySelector('.hint')?.textContent)).to.equal(
        'Ctrl + molette pour zoomer',
      );
      wheel(true);
      expect(view.viewTransform.k).to.be.greaterThan(2);
    });

    it('keeps the view and the popup when the data is reloaded', async () => {
      const el = await mountMap(
        html`<odw-map src=${FESTIVALS} no-cluster popup="commune_principale"></odw-map>`,
      );
      press(el, '+');
      press(el, 'ArrowLeft');
      const before = el.mapView!.viewTransform;
      click(shadow(el).querySelector('g.point')!);
      await el.updateComplete;
      const loaded = new Promise((resolve) => el.addEventListener('odw-load', resolve, {once: true}));
      el.reload();
      await loaded;
      await el.updateComplete;
      expect(el.mapView!.viewTransform).to.deep.equal(before);
      expect(part(el, 'popup')).to.exist;
      expect(shadow(el).querySelectorAll('g.point')).to.have.length.greaterThan(0);
    });

    it('starts from center and zoom when they are given', async () => {
      const el = await mountMap(html`<odw-map src=${FESTIVALS} center="48.39,-4.49" zoom="12"></odw-map>`);
      expect(el.mapView!.zoomLevel).to.be.closeTo(12, 0.001);
    });

    it('zooms with a two-finger pinch, and leaves one finger to scroll the page with a hint', async () => {
      const el = await mountMap(html`<odw-map src=${FESTIVALS} no-cluster></odw-map>`);
      const view = el.mapView!;
      const map = mapOf(el);
      // The browser scrolls the page under one finger; pinching is left to the map.
      expect(getComputedStyle(map).touchAction).to.equal('pan-x pan-y');
      const box = map.getBoundingClientRect();
      const target = shadow(el).querySelector('svg.map-svg')!;
      const finger = (identifier: number, x: number, y: number) =>
        new Touch({identifier, target, clientX: box.left + x, clientY: box.top + y});
      const touch = (type: string, touches: Touch[], changed: Touch[]) => {
        const event = new TouchEvent(type, {
          touches,
          targetTouches: touches,
          changedTouches: changed,
          bubbles: true,
          cancelable: true,
          composed: true,
        });
        target.dispatchEvent(event);
        return event;
      };

      // One finger: the map stays put, the page is free to scroll, a hint says what to do.
      const start = view.viewTransform;
      const a = finger(1, 200, 200);
      expect(touch('touchstart', [a], [a]).defaultPrevented).to.equal(false);
      const moved = finger(1, 260, 240);
      expect(touch('touchmove', [moved], [moved]).defaultPrevented).to.equal(false);
      touch('touchend', [], [moved]);
      expect(view.viewTransform).to.deep.equal(start);
      await el.updateComplete;
      expect(normalize(shadow(el).querySelector('.hint')?.textContent)).to.equal(
        'Utilisez deux doigts pour déplacer la carte',
      );

      // Two fingers landing one after the other, then moving apart: twice as far, one level deeper.
      const level = view.zoomLevel;
      const first = finger(1, 280, 200);
      const second = finger(2, 320, 200);
      touch('touchstart', [first], [first]);
      touch('touchstart', [first, second], [second]);
      const apartFirst = finger(1, 260, 200);
      const apartSecond = finger(2, 340, 200);
      expect(
        touch('touchmove', [apartFirst, apartSecond], [apartFirst, apartSecond]).defaultPrevented,
      ).to.equal(true);
      touch('touchend', [], [apartFirst, apartSecond]);
      expect(view.zoomLevel).to.be.closeTo(level + 1, 0.01);
      expect(view.viewTransform.k).to.be.closeTo(2, 0.01);

      // Two fingers moving together pan the map.
      const {x} = view.viewTransform;
      const left = finger(3, 200, 200);
      const right = finger(4, 280, 200);
      touch('touchstart', [left, right], [left, right]);
      const leftMoved = finger(3, 250, 200);
      const rightMoved = finger(4, 330, 200);
      touch('touchmove', [leftMoved, rightMoved], [leftMoved, rightMoved]);
      touch('touchend', [], [leftMoved, rightMoved]);
      expect(view.viewTransform.x).to.be.closeTo(x + 50, 0.5);
      expect(view.viewTransform.k).to.be.closeTo(2, 0.01);
    });
  });

  describe('basemap', () => {
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
      expect(TILE_PRESETS.ign.url).to.include('LAYER=GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2');
      expect(TILE_PRESETS.ign.url).to.include('TILEMATRIX={z}&TILEROW={y}&TILECOL={x}');
    });
  });

  describe('filter-on-click', () => {
    it('filters the source on the clicked commune and back, with an odw-kpi on the same source', async () => {
      const container = await mount(
        html`<div>
          <odw-source id="pop-map" src=${POPULATIONS} where=${ORLEANS}></odw-source>
          <odw-map
            id="communes"
            source="pop-map"
            shapes=${LOIRET}
            shapes-key="code"
            key="code_insee"
            value="sum(population)"
            only-matched
            filter-on-click
          ></odw-map>
          <odw-kpi source="pop-map" value="sum(population)"></odw-kpi>
        </div>`,
      );
      const el = container.querySelector('odw-map')!;
      const kpi = container.querySelector<OdwKpi>('odw-kpi')!;
      const source = container.querySelector<OdwSource>('odw-source')!;
      const kpiValue = () => normalize(part(kpi, 'value')?.textContent);
      await drawn(el);
      await waitUntil(() => kpiValue() === '293 673', 'kpi of the métropole', {timeout: 15_000});
      const selected: unknown[] = [];
      el.addEventListener('odw-select', (event) => selected.push(event.detail.datum));

      click(area(el, '45234'));
      expect(selected).to.have.length(1);
      expect(selected[0]).to.include({code_insee: '45234', 'sum(population)': 116344});
      expect(source.getFilter('communes')).to.deep.equal({
        type: 'compare',
        field: 'code_insee',
        op: '=',
        value: {type: 'string', value: '45234'},
      });
      await waitUntil(() => kpiValue() === '116 344', 'kpi of Orléans', {timeout: 15_000});
      // The map keeps its 22 communes and marks the chosen one.
      await waitUntil(() => area(el, '45234').classList.contains('selected'), 'Orléans selected');
      expect(areas(el)).to.have.length(22);

      click(area(el, '45234'));
      expect(source.getFilter('communes')).to.equal(undefined);
      await waitUntil(() => kpiValue() === '293 673', 'kpi of the métropole again', {timeout: 15_000});
    });
    it('filters the source on the commune of a clicked festival', async () => {
      const container = await mount(
        html`<div>
          <odw-source id="festivals-map" src=${FESTIVALS}></odw-source>
          <odw-map
            id="festival-points"
            source="festivals-map"
            key="code_insee"
            filter-on-click
            no-cluster
          ></odw-map>
          <odw-kpi source="festivals-map" value="count()"></odw-kpi>
        </div>`,
      );
      const el = container.querySelector('odw-map')!;
      const kpi = container.querySelector<OdwKpi>('odw-kpi')!;
      const source = container.querySelector<OdwSource>('odw-source')!;
      await drawn(el);
      const kpiValue = () => normalize(part(kpi, 'value')?.textContent);
      await waitUntil(() => kpiValue() === '55', 'every festival', {timeout: 15_000});
      const point = shadow(el).querySelector('g.point[aria-label^="FESTIVAL ELECTR()CUTION"]')!;
      expect(point, 'the festival of Brest').to.exist;
      click(point);
      expect(source.getFilter('festival-points')).to.deep.include({field: 'code_insee', op: '='});
      await waitUntil(() => kpiValue() !== '55' && kpiValue() !== '', 'festivals of Brest', {
        timeout: 15_000,
      });
      expect(Number(kpiValue())).to.be.within(1, 54);
      // The map still shows every festival.
      expect(shadow(el).querySelectorAll('g.point')).to.have.length(54);
    });
  });

  describe('accessibility', () => {
    it('is accessible: a choropleth with its legend, table and focusable areas', async () => {
      const el = await mountMap(
        html`<odw-map
          src=${POPULATIONS}
          where=${ORLEANS}
          shapes=${LOIRET}
          shapes-key="code"
          key="code_insee"
          value="sum(population)"
          title="Population 2025"
        ></odw-map>`,
      );
      await openTable(el);
      expect(area(el, '45234').getAttribute('tabindex')).to.equal('0');
      expect(mapOf(el).getAttribute('tabindex')).to.equal('0');
      await expect(el).to.be.accessible();
    });

    it('is accessible: points with a legend and an open popup', async () => {
      const el = await mountMap(
        html`<odw-map src=${FESTIVALS} color="domaine" popup="nom_de_la_manifestation"></odw-map>`,
      );
      click(shadow(el).querySelector('g.point')!);
      await el.updateComplete;
      expect(part(el, 'popup')).to.exist;
      await expect(el).to.be.accessible();
    });

    it('is accessible: points sized by an aggregate, with the size legend and the touch hint', async () => {
      const el = await mountMap(
        html`<odw-map src=${FESTIVALS} color="domaine" size="count(nom_de_la_manifestation)"></odw-map>`,
      );
      expect(part(el, 'size-legend')).to.exist;
      const target = shadow(el).querySelector('svg.map-svg')!;
      const finger = new Touch({identifier: 1, target, clientX: 10, clientY: 10});
      target.dispatchEvent(
        new TouchEvent('touchmove', {
          touches: [finger],
          changedTouches: [finger],
          bubbles: true,
          composed: true,
        }),
      );
      await el.updateComplete;
      expect(shadow(el).querySelector('.hint')).to.exist;
      await expect(el).to.be.accessible();
    });

    it('is accessible: 9 814 points on a canvas with focusable clusters', async () => {
      const el = await mountMap(
        html`<odw-map src=${PARIS} color="type" title="Stationnement vélo"></odw-map>`,
      );
      await openTable(el);
      await expect(el).to.be.accessible();
    });

    it('speaks English with lang="en"', async () => {
      const el = await mountMap(
        html`<odw-map
          lang="en"
          src=${POPULATIONS}
          where=${ORLEANS}
          shapes=${LOIRET}
          shapes-key="code"
          key="code_insee"
          value="sum(population)"
          only-matched
        ></odw-map>`,
      );
      expect(normalize(area(el, '45234').getAttribute('aria-label'))).to.equal(
        'Orléans: 116,344, class 5 of 5',
      );
      el.lang = 'fr';
      await el.updateComplete;
      expect(normalize(area(el, '45234').getAttribute('aria-label'))).to.equal(
        'Orléans : 116 344, classe 5 sur 5',
      );
      expect(normalize((part(el, 'table') as HTMLElement).querySelector('summary')!.textContent)).to.equal(
        'Show the data',
      );
    });
  });

  describe('full screen', () => {
    it('enters and leaves full screen, its button saying which, the map fitted to the new size', async () => {
      const container = await mount(
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
      const el = container.querySelector('odw-map')!;
      const fake = fakeFullscreen(el);
      try {
        await drawn(el);
        el.requestUpdate();
        await el.updateComplete;
        const button = () => shadow(el).querySelector<HTMLButtonElement>('button.fullscreen')!;
        const svgHeight = () => Number(shadow(el).querySelector('svg.map-svg')!.getAttribute('height'));
        const areasBox = () => shadow(el).querySelector('g.areas')!.getBoundingClientRect();
        expect(normalize(button().textContent)).to.equal('Plein écran');
        expect(button().getAttribute('aria-pressed')).to.equal('false');
        expect(svgHeight()).to.equal(400);
        const before = areasBox();
        button().click();
        await waitUntil(() => button().getAttribute('aria-pressed') === 'true', 'pressed');
        expect(fake.calls).to.deep.equal(['request']);
        expect(normalize(button().textContent)).to.equal('Quitter le plein écran');
        // The map takes the height of the screen and the communes are fitted to it again.
        const tall = Math.max(240, window.innerHeight - 192);
        await waitUntil(() => svgHeight() === tall, `map ${tall}px high`);
        expect(el.mapView!.viewTransform).to.deep.equal({x: 0, y: 0, k: 1});
        const after = areasBox();
        const width = mapOf(el).clientWidth;
        // Fitted: the communes fill the padded frame in one direction at least.
        expect(Math.abs(after.height - (tall - 32)) < 2 || Math.abs(after.width - (width - 32)) < 2).to.equal(
          true,
        );
        if (tall > 400) expect(after.height).to.be.greaterThan(before.height);
        button().click();
        await waitUntil(() => button().getAttribute('aria-pressed') === 'false', 'not pressed');
        expect(fake.calls).to.deep.equal(['request', 'exit']);
        await waitUntil(() => svgHeight() === 400, 'default height again');
        // A browser that refuses changes nothing.
        el.requestFullscreen = () => Promise.reject(new TypeError('Permissions check failed'));
        button().click();
        await el.updateComplete;
        expect(button().getAttribute('aria-pressed')).to.equal('false');
      } finally {
        fake.restore();
      }
    });

    it('has no full-screen button where the page cannot go full screen', async () => {
      const container = await mount(html`<odw-map src=${FESTIVALS}></odw-map>`);
      const el = container.querySelector('odw-map')!;
      const fake = fakeFullscreen(el, false);
      try {
        await drawn(el);
        el.requestUpdate();
        await el.updateComplete;
        expect(shadow(el).querySelector('button.fullscreen')).to.equal(null);
        expect(part(el, 'actions')!.querySelectorAll('button').length).to.be.greaterThan(0);
      } finally {
        fake.restore();
      }
    });
  });

  describe('theme', () => {
    it('recolours points, clusters, legend and outlines when the theme changes, without a reload', async () => {
      const points = await mountMap(html`<odw-map src=${FESTIVALS} color="domaine" no-cluster></odw-map>`);
      let loads = 0;
      points.addEventListener('odw-load', () => loads++);
      const firstFill = () => shadow(points).querySelector('g.point circle')!.getAttribute('fill');
      const swatch = () =>
        getComputedStyle(part(points, 'legend')!.querySelector('.swatch')!).backgroundColor;
      const strokes = () => shadow(points).querySelector('g.point circle')!.getAttribute('stroke');
      const lightFills = [...shadow(points).querySelectorAll('g.point circle')].map((c) =>
        c.getAttribute('fill'),
      );
      expect(lightFills).to.include('#0072b2');
      expect(strokes()).to.equal('#ffffff');
      const index = lightFills.indexOf('#0072b2');
      points.setAttribute('theme', 'dark');
      await waitUntil(() => strokes() === '#161b22', 'dark outline of the points');
      const darkFills = [...shadow(points).querySelectorAll('g.point circle')].map((c) =>
        c.getAttribute('fill'),
      );
      // The same category in the dark palette's first colour.
      expect(darkFills[index]).to.equal('#56b4e9');
      expect(swatch()).to.equal('rgb(86, 180, 233)');
      expect(firstFill()).to.not.equal(null);
      points.setAttribute('theme', 'light');
      await waitUntil(() => strokes() === '#ffffff', 'light again');
      expect(
        [...shadow(points).querySelectorAll('g.point circle')].map((c) => c.getAttribute('fill')),
      ).to.deep.equal(lightFills);
      expect(loads, 'no reload').to.equal(0);

      const choropleth = await mountMap(
        html`<odw-map
          src=${POPULATIONS}
          where=${ORLEANS}
          shapes=${LOIRET}
          shapes-key="code"
          key="code_insee"
          value="sum(population)"
        ></odw-map>`,
      );
      expect(area(choropleth, '45234').getAttribute('stroke')).to.equal('#ffffff');
      const view = choropleth.mapView!;
      press(choropleth, '+');
      const transform = view.viewTransform;
      choropleth.theme = 'dark';
      await waitUntil(() => area(choropleth, '45234').getAttribute('stroke') === '#161b22', 'dark outlines');
      // Classes keep their colours, and the view where the user left it.
      expect(area(choropleth, '45234').getAttribute('fill')).to.equal('#08519c');
      expect(choropleth.mapView!.viewTransform).to.deep.equal(transform);
    });
  });

  describe('exports', () => {
    it('exports the map as SVG with its legend, and as PNG', async () => {
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
      const svg = new DOMParser().parseFromString(el.toSvg(), 'image/svg+xml');
      expect(svg.querySelectorAll('path.area')).to.have.length(22);
      expect([...svg.querySelectorAll('text')].map((text) => normalize(text.textContent)).at(-1)).to.match(
        / à 116 344$/,
      );
      const png = await el.toPng();
      expect(png!.type).to.equal('image/png');
      expect(png!.size).to.be.greaterThan(1000);
    });
  });
});
