import {expect} from '@open-wc/testing';
import {
  CKAN_SQL_OFF,
  CKAN_UNKNOWN_FILTER,
  failureOf,
  failureOfText,
  ODS_MALFORMED,
  TABULAR_AGGREGATION_REFUSED,
  TABULAR_MALFORMED,
  TABULAR_UNKNOWN_COLUMN,
} from '../../../test/real-answers.js';
import {
  apiMessageOf,
  isClientFailure,
  isCkanSqlOff,
  isQueryRefusal,
  isTabularAggregationRefusal,
  optional,
  quotaResetOf,
} from './api-errors.js';

const CKAN_SQL_FORBIDDEN = {
  success: false,
  error: {__type: 'Authorization Error', message: 'Access denied: Not authorized to run SQL'},
};

describe('API error answers', () => {
  it('the API’s own words, from each body shape', () => {
    expect(apiMessageOf(ODS_MALFORMED)).to.equal(ODS_MALFORMED.message);
    expect(apiMessageOf(TABULAR_UNKNOWN_COLUMN)).to.equal('Database error: column "nombre" does not exist');
    expect(apiMessageOf(CKAN_UNKNOWN_FILTER)).to.equal('filters: field "quater" not in table');
    expect(apiMessageOf(CKAN_SQL_OFF)).to.equal(CKAN_SQL_OFF);
    expect(apiMessageOf({error: {__type: 'Not Found Error'}})).to.equal('Not Found Error');
    expect(apiMessageOf({})).to.equal(undefined);
  });

  it('refusals of the query itself: ODSQL, the tabular API’s 400s, CKAN’s validation errors', () => {
    expect(isQueryRefusal(400, ODS_MALFORMED)).to.equal(true);
    expect(isQueryRefusal(400, TABULAR_MALFORMED)).to.equal(true);
    expect(isQueryRefusal(409, CKAN_UNKNOWN_FILTER)).to.equal(true);
    expect(isQueryRefusal(403, TABULAR_AGGREGATION_REFUSED)).to.equal(false);
    expect(isQueryRefusal(400, CKAN_SQL_OFF)).to.equal(false);
    expect(isQueryRefusal(404, {message: 'Unknown dataset', error_code: 'ODSQLError'})).to.equal(false);
  });

  it('Opendatasoft’s quota reset time, from the 429 body', () => {
    expect(quotaResetOf({errorcode: 10002, reset_time: '2021-01-26T00:00:00Z'})?.toISOString()).to.equal(
      '2021-01-26T00:00:00.000Z',
    );
    expect(quotaResetOf({reset_time: 'tomorrow'})).to.equal(undefined);
  });

  it('CKAN’s SQL search off (400, a bare string) or forbidden (403): recognised; a validation error is not', async () => {
    expect(isCkanSqlOff(await failureOf(400, CKAN_SQL_OFF))).to.equal(true);
    expect(isCkanSqlOff(await failureOf(403, CKAN_SQL_FORBIDDEN))).to.equal(true);
    expect(isCkanSqlOff(await failureOf(409, CKAN_UNKNOWN_FILTER))).to.equal(false);
    expect(isCkanSqlOff(await failureOf(400, 'Bad request - Action name not known: package_patch'))).to.equal(
      false,
    );
    expect(isCkanSqlOff(new Error('offline'))).to.equal(false);
  });

  it('the tabular API’s aggregation refusal (403): recognised; its 400s are the query’s own', async () => {
    expect(isTabularAggregationRefusal(await failureOf(403, TABULAR_AGGREGATION_REFUSED))).to.equal(true);
    expect(isTabularAggregationRefusal(await failureOf(400, TABULAR_UNKNOWN_COLUMN))).to.equal(false);
    expect(isTabularAggregationRefusal(await failureOfText(404, '404: Not Found'))).to.equal(false);
  });

  it('a 4xx answered for the request is a client failure; a 5xx or the network is not', async () => {
    expect(isClientFailure(await failureOf(409, CKAN_UNKNOWN_FILTER))).to.equal(true);
    expect(isClientFailure(await failureOfText(404, '404: Not Found'))).to.equal(true);
    expect(isClientFailure(new TypeError('Failed to fetch'))).to.equal(false);
  });

  it('optional metadata: an API failure is no answer, any other error goes on', async () => {
    expect(
      await optional(failureOfText(404, '404: Not Found').then((error) => Promise.reject(error))),
    ).to.equal(undefined);
    expect(await optional(Promise.resolve(1))).to.equal(1);
    let caught: unknown;
    try {
      await optional(Promise.reject(new TypeError('bug')));
    } catch (error) {
      caught = error;
    }
    expect(caught).to.be.instanceOf(TypeError);
  });
});
