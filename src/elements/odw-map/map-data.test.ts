import {expect} from '@open-wc/testing';
import type {QueryResult} from '../../data/types.js';
import {geoArea} from 'd3-geo';
import type {Polygon} from 'geojson';
import {parseShapes, pointOf, preparePoints, schemeColors} from './map-data.js';

function result(rows: QueryResult['rows'], fields: QueryResult['fields']): QueryResult {
  return {rows, fields, total: rows.length, meta: {}};
}

describe('map data', () => {
  it('reads points in every shape the portals give them', () => {
    // Opendatasoft exports write geo_point_2d as [lat, lon]: the order is reversed.
    expect(pointOf([48.85, 2.35])).to.deep.equal([2.35, 48.85]);
    expect(pointOf({lat: 48.85, lon: 2.35})).to.deep.equal([2.35, 48.85]);
    expect(pointOf({type: 'Point', coordinates: [2.35, 48.85]})).to.deep.equal([2.35, 48.85]);
    expect(pointOf({type: 'MultiPoint', coordinates: [[2.35, 48.85]]})).to.deep.equal([2.35, 48.85]);
    expect(
      pointOf({type: 'Feature', geometry: {type: 'Point', coordinates: [2.35, 48.85]}, properties: {}}),
    ).to.deep.equal([2.35, 48.85]);
    const square = {
      type: 'Polygon',
      coordinates: [
        [
          [1, 47],
          [2, 47],
          [2, 48],
          [1, 48],
          [1, 47],
        ],
      ],
    };
    const [lon, lat] = pointOf(square)!;
    expect(lon).to.be.closeTo(1.5, 0.01);
    expect(lat).to.be.closeTo(47.5, 0.01);
    expect(pointOf({lat: 100, lon: 2})).to.equal(undefined);
    expect(pointOf(null)).to.equal(undefined);
  });

  it('colours points by category, most frequent first, with « others » beyond the palette', () => {
    const rows = ['a', 'a', 'a', 'b', 'b', 'c', 'd'].map((type, i) => ({
      type,
      geo: {lat: 48, lon: 2 + i / 100},
    }));
    const data = preparePoints({
      result: result(rows, [
        {name: 'type', label: 'Type', type: 'text'},
        {name: 'geo', label: 'Position', type: 'geo_point_2d'},
      ]),
      colorField: 'type',
      popupFields: [],
      palette: ['#111111', '#222222', '#333333'],
      defaultColor: '#000000',
    })!;
    expect(data.categories.map(({label, count, color}) => [label, count, color])).to.deep.equal([
      ['a', 3, '#111111'],
      ['b', 2, '#222222'],
      ['', 2, '#8c8c8c'],
    ]);
    expect(data.points[5].color).to.equal('#8c8c8c');
  });

  it('sizes points by the area of a numeric field', () => {
    const rows = [0, 25, 100].map((capacite, i) => ({capacite, geo: {lat: 48, lon: 2 + i}}));
    const data = preparePoints({
      result: result(rows, [{name: 'geo', label: 'Position', type: 'geo_point_2d'}]),
      sizeField: 'capacite',
      popupFields: [],
      palette: [],
      defaultColor: '#000000',
    })!;
    expect(data.points.map((point) => point.radius)).to.deep.equal([3, 3 + 0.5 * 13, 16]);
  });

  it('answers nothing when the rows have no coordinates', () => {
    const data = preparePoints({
      result: result([{nom: 'x'}], [{name: 'nom', label: 'Nom', type: 'text'}]),
      popupFields: [],
      palette: [],
      defaultColor: '#000000',
    });
    expect(data).to.equal(undefined);
  });

  it('gives the colours of a named scheme, lightest first, for any number of classes', () => {
    expect(schemeColors('blues', 3)).to.deep.equal(['#deebf7', '#9ecae1', '#3182bd']);
    expect(schemeColors('YlOrRd', 12)).to.have.length(12);
    expect(schemeColors(undefined, 1)).to.have.length(1);
    expect(schemeColors('viridis', 2)).to.deep.equal(['#fde725', '#440154']);
    expect(schemeColors('#fff, #000', 3)).to.deep.equal(['#fff', '#000', '#000']);
  });

  it('reads polygons wound either way (RFC 7946 or d3) as the small area they enclose', async () => {
    const counterClockwise = [
      [
        [1, 47],
        [2, 47],
        [2, 48],
        [1, 48],
        [1, 47],
      ],
    ];
    const clockwise = [
      [
        [1, 47],
        [1, 48],
        [2, 48],
        [2, 47],
        [1, 47],
      ],
    ];
    for (const coordinates of [counterClockwise, clockwise]) {
      const {features} = await parseShapes(JSON.stringify({type: 'Polygon', coordinates}));
      expect(geoArea(features[0].geometry as Polygon)).to.be.lessThan(0.001);
    }
  });

  it('reads a GeoJSON geometry or feature as a collection', async () => {
    const point = {type: 'Point', coordinates: [2, 48]};
    expect((await parseShapes(JSON.stringify(point))).features).to.have.length(1);
    expect(
      (await parseShapes(JSON.stringify({type: 'Feature', geometry: point, properties: {}}))).features,
    ).to.have.length(1);
  });
});
