/** The map's words and keyboard geometry, without a map: cluster figures and places, search, neighbours. */
import {expect} from '@open-wc/testing';
import './odw-map.messages.js';
import {normalize} from '../../../test/helpers.js';
import {clusterCount, clusterPlace} from './map-text.js';
import {fold, matches} from './map-search.js';
import {byValue, markFor, neighbourIn, type Mark} from './map-focus.js';
import type {MapPoint} from './map-types.js';

const point = (row: Record<string, unknown>) => ({row}) as unknown as MapPoint;

function mark(id: string, x: number, y: number, value: number | null = null): Mark {
  return {id, x, y, value, name: id, element: document.createElementNS('http://www.w3.org/2000/svg', 'g')};
}

describe('odw-map words', () => {
  it('writes cluster counts in French compact figures: « 7 k », « 9,8 k », « 512 »', () => {
    expect(normalize(clusterCount(7000, 'fr'))).to.equal('7 k');
    expect(normalize(clusterCount(9814, 'fr'))).to.equal('9,8 k');
    expect(clusterCount(512, 'fr')).to.equal('512');
    expect(clusterCount(9814, 'en')).to.equal('9.8K');
  });

  it('says where a cluster is: its commune when its points share one, else its part of the view', () => {
    const brest = [point({commune_principale: 'Brest'}), point({commune_principale: 'Brest'})];
    expect(clusterPlace(brest, 'nw', 'fr')).to.equal('à Brest');
    const mixed = [point({commune_principale: 'Brest'}), point({commune_principale: 'Quimper'})];
    expect(clusterPlace(mixed, 'nw', 'fr')).to.equal('au nord-ouest de la vue');
    expect(clusterPlace(mixed, 'e', 'fr')).to.equal('à l’est de la vue');
    expect(clusterPlace(mixed, 'c', 'en')).to.equal('in the centre of the view');
  });

  it('finds names accents, case, hyphens and ligatures ignored, those starting with the text first', () => {
    expect(fold('Saint-Jean-de-Braye')).to.equal('saint jean de braye');
    expect(fold('ŒUILLY')).to.equal('oeuilly');
    const items = ['Orléans', 'Saint-Jean-de-Braye', 'Chécy', 'Saint-Cyr-en-Val', 'Boigny-sur-Bionne'].map(
      (name) => ({id: name, name}),
    );
    expect(matches(items, 'orleans').map((item) => item.name)).to.deep.equal(['Orléans']);
    expect(matches(items, 'CHECY').map((item) => item.name)).to.deep.equal(['Chécy']);
    expect(matches(items, 'saint').map((item) => item.name)).to.deep.equal([
      'Saint-Cyr-en-Val',
      'Saint-Jean-de-Braye',
    ]);
    // Starting with the text, then holding it.
    expect(matches(items, 'bi').map((item) => item.name)).to.deep.equal(['Boigny-sur-Bionne']);
    expect(matches(items, '  ')).to.deep.equal([]);
  });
});

describe('odw-map keyboard geometry', () => {
  //   a(0,0)   b(10,0)
  //   c(0,10)  d(10,10)     e(30,1)
  const a = mark('a', 0, 0, 5);
  const b = mark('b', 10, 0, 9);
  const c = mark('c', 0, 10, 1);
  const d = mark('d', 10, 10, null);
  const e = mark('e', 30, 1, 7);
  const marks = [a, b, c, d, e];

  it('goes to the nearest neighbour within 45° of the arrow, else the nearest ahead', () => {
    expect(neighbourIn('right', a, marks)).to.equal(b);
    expect(neighbourIn('down', a, marks)).to.equal(c);
    expect(neighbourIn('right', b, marks)).to.equal(e);
    expect(neighbourIn('left', e, marks)).to.equal(b);
    expect(neighbourIn('up', a, marks)).to.equal(undefined);
    // Only d is ahead to the right of c, at 45°.
    expect(neighbourIn('right', c, marks)).to.equal(d);
  });

  it('orders by value, the marks without one last; Page Down / Up, Home and End follow it', () => {
    expect(byValue(marks).map((m) => m.id)).to.deep.equal(['b', 'e', 'a', 'c', 'd']);
    expect(markFor('Home', c, marks)).to.equal(b);
    expect(markFor('End', b, marks)).to.equal(c);
    expect(markFor('PageDown', b, marks)).to.equal(e);
    expect(markFor('PageUp', e, marks)).to.equal(b);
    expect(markFor('PageUp', b, marks)).to.equal(null);
    expect(markFor('PageDown', c, marks)).to.equal(d);
    expect(markFor('ArrowUp', a, marks)).to.equal(null);
    expect(markFor('x', a, marks)).to.equal(undefined);
  });
});
