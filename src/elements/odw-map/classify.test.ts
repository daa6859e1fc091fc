import {expect} from '@open-wc/testing';
import {classBounds, classIndex} from './classify.js';

/** The 2025 populations of Orléans Métropole's 22 communes. */
const ORLEANS_METROPOLE = [
  116344, 22988, 22088, 21664, 16866, 16608, 10492, 9838, 9534, 8948, 7768, 6200, 4341, 3430, 3204, 3156,
  3083, 2106, 1861, 1611, 1019, 524,
];

describe('choropleth classes', () => {
  it('cuts quantiles at values of the data, each class holding a fifth of the communes', () => {
    const bounds = classBounds(ORLEANS_METROPOLE, 'quantile', 5);
    expect(bounds).to.deep.equal([524, 2106, 3430, 9534, 16866, 116344]);
    const counts = [0, 0, 0, 0, 0];
    for (const value of ORLEANS_METROPOLE) counts[classIndex(value, bounds)]++;
    expect(counts).to.deep.equal([5, 4, 5, 4, 4]);
  });

  it('cuts equal intervals between the minimum and the maximum', () => {
    expect(classBounds([0, 10, 20, 100], 'equal', 4)).to.deep.equal([0, 25, 50, 75, 100]);
  });

  it('puts an outlier in a class of its own with natural breaks', () => {
    const bounds = classBounds(ORLEANS_METROPOLE, 'jenks', 3);
    expect(bounds).to.have.length(4);
    expect(classIndex(116344, bounds)).to.equal(2);
    expect(classIndex(22988, bounds)).to.equal(1);
    expect(classIndex(524, bounds)).to.equal(0);
  });

  it('runs natural breaks on many values quickly', () => {
    const values = Array.from({length: 35_000}, (_, i) => (i * 7919) % 100_000);
    const start = performance.now();
    const bounds = classBounds(values, 'jenks', 7);
    expect(performance.now() - start).to.be.lessThan(2000);
    expect(bounds[0]).to.equal(0);
    expect(bounds.at(-1)).to.equal(Math.max(...values));
  });

  it('merges empty classes instead of inventing bounds', () => {
    expect(classBounds([5, 5, 5], 'quantile', 5)).to.deep.equal([5, 5]);
    expect(classBounds([10, 30], 'quantile', 2)).to.deep.equal([10, 10, 30]);
    expect(classBounds([1, 1, 1, 1, 9], 'quantile', 4)).to.deep.equal([1, 1, 9]);
    expect(classBounds([], 'equal', 3)).to.deep.equal([]);
  });

  it('places the minimum in the first class and leaves values outside the bounds unclassed', () => {
    const bounds = [0, 10, 20];
    expect(classIndex(0, bounds)).to.equal(0);
    expect(classIndex(10, bounds)).to.equal(0);
    expect(classIndex(10.5, bounds)).to.equal(1);
    expect(classIndex(21, bounds)).to.equal(-1);
    expect(classIndex(Number.NaN, bounds)).to.equal(-1);
  });
});
