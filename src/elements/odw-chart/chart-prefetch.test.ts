/**
 * A chart's first requests sent from its markup while its module downloads (chart-prefetch.ts),
 * then joined by the chart once defined. The chart is defined by the last test only: until then
 * its tag is an unknown element, as on a page whose loader has just met it.
 */
import {expect} from '@open-wc/testing';
import {prefetchChart} from './chart-prefetch.js';
import {drawn, uniqueTag, watchFetches} from '../../../test/helpers.js';

const ODS_PATH = 'ods/api/explore/v2.1/catalog/datasets/populations-legales-2025/records';
const ORLEANS = 'epci = "Orléans Métropole"';

const holders: HTMLElement[] = [];

function markup(html: string): HTMLElement {
  const holder = document.createElement('div');
  holder.innerHTML = html;
  document.body.append(holder);
  holders.push(holder);
  return holder;
}

/** The requests `prefetchChart` sends for the charts in `html` (it sends them before returning). */
function prefetched(html: string): string[] {
  const tag = uniqueTag('prefetch');
  const holder = markup(html.replaceAll('TAG', tag));
  const fetches = watchFetches(tag);
  try {
    for (const chart of holder.querySelectorAll('odw-chart')) prefetchChart(chart);
    return fetches.calls.map((call) => call.url);
  } finally {
    fetches.stop();
  }
}

describe('prefetchChart', function () {
  this.timeout(60_000);
  after(() => holders.splice(0).forEach((holder) => holder.remove()));

  it('asks nothing for what the markup alone does not say', () => {
    expect(customElements.get('odw-chart'), 'the chart is not defined yet').to.equal(undefined);
    const src = `/portal/~tag=TAG/${ODS_PATH}`;
    // Filters read from the page's address; a Vega-Lite specification; a source not in the page.
    expect(
      prefetched(`<odw-source id="TAG" src="${src}" url-sync></odw-source>
        <odw-chart source="TAG" x="commune" y="sum(population)"></odw-chart>`),
    ).to.deep.equal([]);
    expect(
      prefetched(`<odw-chart src="${src}" x="commune" y="sum(population)">
        <script type="application/json">{"mark": "bar"}</script></odw-chart>`),
    ).to.deep.equal([]);
    expect(
      prefetched(`<odw-chart source="nowhere-TAG" x="commune" y="sum(population)"></odw-chart>`),
    ).to.deep.equal([]);
  });

  it('asks nothing, and throws nothing, for a chart its element will report as wrong', () => {
    const src = `/portal/~tag=TAG/${ODS_PATH}`;
    expect(
      prefetched(`<odw-chart src="${src}" type="radar" x="commune" y="sum(population)"></odw-chart>`),
    ).to.deep.equal([]);
    expect(
      prefetched(`<odw-chart src="${src}" x="commune" where="population >>> 3"></odw-chart>`),
    ).to.deep.equal([]);
  });

  it('asks the loader for the layouts of the types drawn with d3-shape, not for columns and bars', () => {
    const tag = uniqueTag('prefetch');
    const src = `/portal/~tag=${tag}/${ODS_PATH}`;
    const holder = markup(
      ['column', 'bar', 'line', 'area', 'scatter', 'pie', 'donut']
        .map((type) => `<odw-chart src="${src}" type="${type}" x="commune" y="sum(population)"></odw-chart>`)
        .join(''),
    );
    const fetches = watchFetches(tag);
    try {
      const asked = [...holder.querySelectorAll('odw-chart')].map((chart) => {
        const needs: string[] = [];
        prefetchChart(chart, (need) => needs.push(need));
        return `${chart.getAttribute('type')}: ${needs.join(' ')}`;
      });
      expect(asked).to.deep.equal([
        'column: ',
        'bar: ',
        'line: chart-shape-layouts',
        'area: chart-shape-layouts',
        'scatter: chart-shape-layouts',
        'pie: chart-shape-layouts',
        'donut: chart-shape-layouts',
      ]);
    } finally {
      fetches.stop();
      // Not defined by the next test's import: its charts are the ones it waits for.
      holder.remove();
    }
  });

  it('sends the requests of charts on a source and on their own `src` at once, and the charts once defined ask no more', async () => {
    const tag = uniqueTag('prefetch');
    const src = `/portal/~tag=${tag}/${ODS_PATH}`;
    const holder = markup(`<odw-source id="${tag}" src="${src}" where='${ORLEANS}'></odw-source>
      <odw-chart source="${tag}" type="column" x="commune" y="sum(population)" sort="-y"></odw-chart>
      <odw-chart src="${src}" where='${ORLEANS}' type="bar" x="commune" y="sum(population)" sort="-y" limit="5" others></odw-chart>`);
    const charts = [...holder.querySelectorAll('odw-chart')];
    const fetches = watchFetches(tag);
    try {
      for (const chart of charts) prefetchChart(chart);
      const sent = fetches.calls.map((call) => call.url);
      expect(
        sent.filter((url) => url.includes('/records?')).length,
        'records asked for, before any module',
      ).to.be.at.least(2);
      await import('./define.js');
      for (const chart of charts) await drawn(chart);
      // Answered once each: a request the charts joined, not sent again (an attempt that failed or
      // was cut mid-body, then retried, is not counted).
      const answered = fetches.calls.filter((call) => call.ok).map((call) => call.url);
      const twice = answered.filter((url, at) => answered.indexOf(url) !== at).map(decodeURIComponent);
      expect(twice, 'no request answered twice').to.deep.equal([]);
      // The charts asked what was asked for them; only « Autres », which needs the first answer, follows.
      const later = [...new Set(fetches.calls.map((call) => call.url))].filter((url) => !sent.includes(url));
      expect(later.map(decodeURIComponent)).to.have.length(1);
      expect(decodeURIComponent(later[0])).to.include('not (commune in ("Orléans"');
    } finally {
      fetches.stop();
    }
  });
});
