/** What a chart says when a part of its code could not be downloaded (chart-code-error.ts). */
import {expect} from '@open-wc/testing';
import {isRetryable} from '../../core/errors.js';
import {describeError} from '../../core/i18n.js';
import {ChartCodeError} from './chart-code-error.js';

describe('ChartCodeError', () => {
  it('says in the page’s language to reload the page, offers no retry, and keeps its cause', () => {
    const cause = new TypeError('Failed to fetch dynamically imported module');
    const error = new ChartCodeError(cause);
    expect(describeError(error, 'fr')).to.equal(
      'Le code du graphique n’a pas pu être téléchargé. Rechargez la page.',
    );
    expect(describeError(error, 'en')).to.equal('The chart’s code could not be downloaded. Reload the page.');
    expect(isRetryable(error)).to.equal(false);
    expect(error.cause).to.equal(cause);
  });
});
