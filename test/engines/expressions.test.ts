/**
 * The expression language's tokens in Chromium, Firefox and WebKit alike (CROSS_ENGINE_FILES in
 * web-test-runner.config.mjs): names are read by one regular expression and checked, beyond ASCII,
 * by another with Unicode classes (src/data/expression/parser.ts), which each engine compiles its way.
 */
import {expect} from '@open-wc/testing';
import {parseFilter} from '../../src/data/expression/index.js';
import {QueryError} from '../../src/data/errors.js';

function failure(text: string): unknown {
  try {
    parseFilter(text);
  } catch (error) {
    if (error instanceof QueryError) return error.details;
    throw error;
  }
  throw new Error(`${text} parsed`);
}

describe('expressions in this engine', () => {
  it('reads names beyond ASCII, and strings and dates around them', () => {
    expect(parseFilter('Libellé_Œuvre = "Orléans Métropole"')).to.deep.equal({
      type: 'compare',
      field: 'Libellé_Œuvre',
      op: '=',
      value: {type: 'string', value: 'Orléans Métropole'},
    });
    expect(parseFilter('КОД >= Date"2025-01-01"')).to.deep.equal({
      type: 'compare',
      field: 'КОД',
      op: '>=',
      value: {type: 'date', value: '2025-01-01'},
    });
  });

  it('stops a name at a character no name holds', () => {
    expect(failure('prix€ = 1')).to.deep.equal({
      expression: 'prix€ = 1',
      column: 5,
      expected: 'operator',
      found: '€',
    });
    expect(failure('a = 1 and b😀 = 2')).to.deep.equal({
      expression: 'a = 1 and b😀 = 2',
      column: 12,
      expected: 'operator',
      found: '😀',
    });
  });
});
