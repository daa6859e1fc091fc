/**
 * The layouts of the types drawn with d3-shape, loaded once per page (chart-shape-loader.ts). Each
 * test file runs in a page of its own: nothing has loaded them before this one.
 */
import {expect} from '@open-wc/testing';
import {loadShapeLayouts, shapeLayouts} from './chart-shape-loader.js';

describe('chart-shape-loader', () => {
  it('says the layouts are not loaded before they are, then hands the loaded module, loaded once', async () => {
    expect(() => shapeLayouts()).to.throw(/not loaded/);
    const first = loadShapeLayouts();
    expect(loadShapeLayouts(), 'one load for every chart').to.equal(first);
    const layouts = await first;
    expect(layouts.layoutRound).to.be.a('function');
    expect(layouts.placeLineMarks).to.be.a('function');
    expect(shapeLayouts()).to.equal(layouts);
  });
});
