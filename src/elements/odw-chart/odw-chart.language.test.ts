import {expect, html, waitUntil} from '@open-wc/testing';
import {compile} from 'vega-lite';
import './define.js';
import {ODS_PATH, ORLEANS, chartOf, drawn, requestLog, summary, uniqueTag} from './chart-helpers.test.js';

describe('odw-chart: words and grammar at the edges', function () {
  this.timeout(30_000);

  it('switches language by re-rendering, without querying again', async () => {
    const tag = uniqueTag();
    const chart = await chartOf(
      html`<odw-chart
        src=${`/portal/~tag=${tag}/${ODS_PATH}`}
        type="column"
        x="commune"
        y="sum(population)"
        where=${ORLEANS}
        sort="-y"
        limit="5"
        others
      ></odw-chart>`,
    );
    await drawn(chart);
    expect(summary(chart)).to.match(/^Diagramme en colonnes/);
    const before = (await requestLog(tag)).length;
    chart.lang = 'en';
    await waitUntil(() => /^Column chart/.test(summary(chart)), 'the summary in English', {timeout: 10_000});
    expect(summary(chart)).to.contain('“Others”');
    expect((await requestLog(tag)).length, 'no new request').to.equal(before);
  });

  it('gives the equivalent Vega-Lite specification, with its data, which vega-lite compiles', async () => {
    const chart = await chartOf(
      html`<odw-chart
        src=${`/portal/${ODS_PATH}`}
        type="bar"
        x="commune"
        y="sum(population)"
        where=${ORLEANS}
        sort="-y"
        limit="5"
      ></odw-chart>`,
    );
    await drawn(chart);
    const spec = chart.toVegaLite()!;
    expect(spec, 'a specification once drawn').to.not.equal(undefined);
    const values = (spec as {data?: {values?: unknown[]}}).data?.values ?? [];
    expect(values).to.have.length(5);
    const compiled = compile(spec).spec as {marks?: Array<{type: string}>};
    expect(JSON.stringify(compiled.marks?.map((mark) => mark.type))).to.contain('rect');
  });
});
