import {expect} from '@open-wc/testing';
import {copyStructure, structuredCopy} from './structured-copy.js';

describe('structuredCopy', () => {
  it('copies deeply what a specification holds, as structuredClone does', () => {
    const when = new Date(Date.UTC(2025, 0, 1));
    const spec = {
      mark: {type: 'bar', tooltip: true},
      encoding: {
        x: {field: 'commune', sort: ['Orléans', 'Olivet']},
        y: {aggregate: 'sum', field: 'population'},
      },
      data: {values: [{commune: 'Orléans', population: 116_617, date: when, missing: null}]},
      params: [{name: 'pattern', value: /^Saint/iu}],
      groups: new Map([['a', new Set([1, 2])]]),
    };
    for (const copy of [copyStructure(spec), structuredCopy(spec)]) {
      expect(copy).to.deep.equal(spec);
      expect(copy).not.to.equal(spec);
      expect(copy.encoding.x.sort).not.to.equal(spec.encoding.x.sort);
      expect(copy.data.values[0].date).not.to.equal(when);
      expect(copy.data.values[0].date.getTime()).to.equal(when.getTime());
      expect(copy.params[0].value.flags).to.equal('iu');
      expect(copy.groups.get('a')).not.to.equal(spec.groups.get('a'));
      expect(Object.getPrototypeOf(copy)).to.equal(Object.prototype);
    }
  });

  it('copies a value met twice once, and a cycle as a cycle', () => {
    const shared = {field: 'population'};
    const spec: Record<string, unknown> = {x: shared, y: shared};
    spec.self = spec;
    const copy = copyStructure(spec);
    expect(copy.x).to.equal(copy.y);
    expect(copy.x).not.to.equal(shared);
    expect(copy.self).to.equal(copy);
  });

  it('keeps what is not an object as it is', () => {
    for (const value of [0, -1.5, 'Orléans', true, null, undefined])
      expect(copyStructure(value)).to.equal(value);
  });
});
