import {expect} from '@open-wc/testing';
import type {FetchContext} from '../types.js';
import {odsConnector} from './ods.js';
import {ODS_POP, q} from '../../../test/connector-queries.js';

const SOURCE = ODS_POP;

/** A context whose requests never answer: what matters is when each one is sent. */
function pendingContext(): {ctx: FetchContext; sent: string[]; second: Promise<void>} {
  const sent: string[] = [];
  let secondSent!: () => void;
  const second = new Promise<void>((resolve) => (secondSent = resolve));
  const never = (url: string) => {
    const {pathname, search} = new URL(url);
    sent.push(pathname.replace('/api/explore/v2.1/catalog/datasets/', '') + decodeURIComponent(search));
    if (sent.length === 2) secondSent();
    return new Promise<never>(() => undefined);
  };
  return {ctx: {fetchJson: never, fetchText: never}, sent, second};
}

const GROUPED = q({
  select: [{type: 'aggregate', fn: 'sum', field: 'population', as: 'sum(population)'}],
  groupBy: [{field: 'commune', as: 'commune'}],
  orderBy: [{key: 'sum(population)', direction: 'desc'}],
});

describe('ODS connector: grouped queries of the widgets that group', () => {
  it('without their paging module, a grouped query sends its records request once the module has loaded', async () => {
    const {ctx, sent, second} = pendingContext();
    void odsConnector.query(SOURCE, GROUPED, ctx);
    expect(sent).to.deep.equal(['pop']);
    await second;
    expect(sent[1]).to.match(/^pop\/records\?.*group_by=commune&order_by=a0 desc/);
  });

  it('with it (as the chart, the map and the table import it), both requests leave in the call itself', async () => {
    await import('./ods-paging-ready.js');
    const {ctx, sent} = pendingContext();
    void odsConnector.query(SOURCE, GROUPED, ctx);
    expect(sent).to.have.length(2);
    expect(sent[1], 'the dataset’s, after the records').to.equal('pop');
    expect(sent[0]).to.match(
      /^pop\/records\?select=sum\(population\) as a0&.*group_by=commune&order_by=a0 desc/,
    );
  });
});
