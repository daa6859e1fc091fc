import {expect} from '@open-wc/testing';
import {html} from 'lit';
import {query} from '../../data/index.js';
import {
  normalize,
  part,
  shadow,
  POPULATIONS,
  PARIS,
  FESTIVALS,
  ORLEANS,
  mapSuite,
  mountMap,
  mapOf,
  press,
  legendItems,
  blobUrl,
  pointsTotal,
} from './map-harness.test.js';

describe('odw-map: points', function () {
  mapSuite(this);

  it('draws the 9 814 Paris bicycle parkings on a canvas, clustered, and zooms into the clusters', async () => {
    const el = await mountMap(html`<odw-map src=${PARIS} color="type" popup="type,capacite"></odw-map>`);
    expect(shadow(el).querySelector('canvas.map-canvas')).to.exist;
    // Over the canvas, each cluster or point in view has a focusable, announced mark.
    const marks = shadow(el).querySelectorAll('g.cluster.proxy');
    expect(marks.length).to.equal(el.mapView!.drawnItems.filter((item) => item.count > 1).length);
    expect(normalize(marks[0].getAttribute('aria-label'))).to.match(
      /^[\d ]+ points regroupés (au|à l’) [a-z-]+ de la vue, activer pour zoomer$/,
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
    // Where the cluster is: its commune when its festivals share one, else its part of the view.
    expect(normalize(cluster!.getAttribute('aria-label'))).to.match(
      new RegExp(`^${count} points regroupés (à .+|(au|à l’) [a-z-]+ de la vue), activer pour zoomer$`),
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
      const match =
        /^([\d ]+) points regroupés [^,]+, Capacité \(somme\) : ([\d ]+), activer pour zoomer$/.exec(
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

  it('never lets clusters overlap, at the initial view or deeper in', async () => {
    const el = await mountMap(html`<odw-map src=${PARIS}></odw-map>`);
    const overlapping = () => {
      const items = el.mapView!.drawnItems;
      const places = el.mapView!.drawnPositions;
      const found: string[] = [];
      places.forEach((p, i) => {
        for (let j = i + 1; j < places.length; j++) {
          const q = places[j];
          if (items[i].count === 1 && items[j].count === 1) continue;
          if (Math.hypot(p.x - q.x, p.y - q.y) < p.r + q.r - 0.01) found.push(`${i}×${j}`);
        }
      });
      return found;
    };
    expect(overlapping()).to.deep.equal([]);
    expect(pointsTotal(el)).to.equal(9814);
    for (const factor of [1.5, 2, 2]) {
      el.mapView!.zoomBy(factor);
      expect(overlapping()).to.deep.equal([]);
    }
  });
});
