/**
 * What the README promises a new user: a blank HTML page with one script tag for the built
 * `dist/open-data-widgets.js` and one element shows live data. The pages are served with the strict
 * policy `script-src 'self'; style-src 'self'` (web-test-runner.config.mjs); `npm test` builds
 * `dist/` first when it is older than the sources (tools/test.mjs).
 */
import {expect, waitUntil} from '@open-wc/testing';
import {errorText, normalize, watchPage, type WatchedPage} from '../helpers.js';

/**
 * Opens `path`, listening before any element is defined (checked), so nothing an element does
 * escapes: the loader comes a second late (/late/ in web-test-runner.config.mjs), else a loaded
 * WebKit may define the element from its cache before the page is seen.
 */
async function openPage(path: string, tag: string): Promise<WatchedPage> {
  const page = await watchPage(`/late/open-data-widgets${path}`, tag, 1000, 700);
  expect(page.definedEarly, `${tag} not defined yet when listening starts`).to.equal(false);
  return page;
}

/** The chunks the loader preloaded, named without their hash, in the order it asked for them. */
function preloadedChunks(page: WatchedPage): Array<string | undefined> {
  return [...page.document.head.querySelectorAll<HTMLLinkElement>('link[rel="modulepreload"]')].map(
    (link) => /chunks\/(.+)-[\w-]{6}\.js$/.exec(link.href)?.[1],
  );
}

describe('a blank page with the CDN build', function () {
  this.timeout(60_000);

  it('sees a violation made once the element is defined (the check below can fail)', async () => {
    const page = await openPage('/test/cdn/violation.html', 'odw-kpi');
    await waitUntil(() => page.problems.length, 'the violation reported', {timeout: 10_000});
    expect(page.problems[0]).to.match(/^CSP style-src-attr/);
  });

  it('draws a column per commune from one script tag and one odw-chart', async () => {
    const page = await openPage('/test/cdn/chart.html', 'odw-chart');
    const chart = page.document.querySelector('odw-chart')!;
    const bars = () => chart.shadowRoot?.querySelectorAll('.vega svg .mark-rect path') ?? [];
    await waitUntil(() => bars().length === 22 || page.problems.length, 'the chart drew', {timeout: 30_000});
    expect(page.problems).to.deep.equal([]);
    expect(bars()).to.have.length(22);
    expect(normalize(chart.shadowRoot!.querySelector('#summary')?.textContent)).to.contain('Orléans');
    // The loader asked for the chart's data while its module downloaded; the chart asked the same
    // questions (a set of URLs: an attempt cut under load and retried repeats its URL).
    const portal = new Set(
      page.document
        .defaultView!.performance.getEntriesByType('resource')
        .map((entry) => entry.name)
        .filter((url) => url.includes('/portal/')),
    );
    expect(
      [...portal].filter((url) => url.includes('/records?')),
      'one URL for the records',
    ).to.have.length(1);
    expect(
      [...portal].filter((url) => url.endsWith('/populations-legales-2025')),
      'one for the dataset',
    ).to.have.length(1);
    // Columns are drawn without d3-shape, and without a specification's drawing: neither chunk
    // downloads.
    const scripts = page.document
      .defaultView!.performance.getEntriesByType('resource')
      .map((entry) => entry.name)
      .filter((url) => url.includes('/dist/'));
    expect(
      scripts.filter((url) => /\/(chart-shape-layouts|chart-spec-drawing|vega)-/.test(url)),
    ).to.deep.equal([]);
  });

  it('draws a donut with the layouts it loads, asked for by the loader as it met the tag', async () => {
    // The chart's own chunk comes late, as on a slow network: a chart defined before the loader's
    // early requests ran asks for its layouts itself (Firefox under load did, in CI).
    const page = await openPage('/late/odw-chart-/test/cdn/donut-chart.html', 'odw-chart');
    const chart = page.document.querySelector('odw-chart')!;
    const slices = () => chart.shadowRoot?.querySelectorAll('.vega svg .mark-arc path') ?? [];
    await waitUntil(() => slices().length || page.problems.length, 'the donut drew', {timeout: 30_000});
    expect(page.problems).to.deep.equal([]);
    // Five communes and « Autres », each an arc (`A`) of d3-shape's.
    expect(slices()).to.have.length(6);
    for (const slice of slices()) expect(slice.getAttribute('d')).to.match(/^M[^A]+A/);
    const preloads = preloadedChunks(page);
    expect(preloads).to.include('chart-shape-layouts');
  });

  it('says to reload the page when the layouts of its donut could not be downloaded', async () => {
    const page = await openPage('/failing/chart-shape-layouts/test/cdn/donut-chart.html', 'odw-chart');
    const chart = page.document.querySelector('odw-chart')!;
    // The data came; the code did not, and browsers keep a failed module until the page reloads:
    // no « Réessayer » that cannot work. Said at once, not after the error words load.
    await waitUntil(() => errorText(chart), 'an error shown', {timeout: 30_000});
    expect(errorText(chart)).to.equal('Le code du graphique n’a pas pu être téléchargé. Rechargez la page.');
    expect(chart.shadowRoot!.querySelector('[role="alert"]')).to.exist;
    expect(chart.shadowRoot!.querySelector('button')).to.equal(null);
    expect(page.problems).to.deep.equal([]);
  });

  for (const chunk of ['chart-spec-drawing', 'vega-engine'])
    it(`says to reload the page when ${chunk}, for its specification, could not be downloaded`, async () => {
      const page = await openPage(`/failing/${chunk}/test/cdn/spec-chart.html`, 'odw-chart');
      const chart = page.document.querySelector('odw-chart')!;
      const said = 'Le code du graphique n’a pas pu être téléchargé. Rechargez la page.';
      const alert = () => normalize(chart.shadowRoot?.querySelector('[role="alert"]')?.textContent);
      await waitUntil(() => alert(), 'an error shown', {timeout: 30_000});
      expect(alert(), 'said at once').to.equal(said);
      expect(chart.shadowRoot!.querySelector('button.retry, [part~="retry"]')).to.equal(null);
      expect(page.problems).to.deep.equal([]);
    });

  it('asks for the chunks of a chart’s early requests before any widget’s own, a source’s included', async () => {
    const page = await openPage('/test/cdn/source-chart.html', 'odw-chart');
    const chart = page.document.querySelector('odw-chart')!;
    const bars = () => chart.shadowRoot?.querySelectorAll('.vega svg .mark-rect path') ?? [];
    await waitUntil(() => bars().length === 22 || page.problems.length, 'the chart drew', {timeout: 30_000});
    expect(page.problems).to.deep.equal([]);
    const preloads = preloadedChunks(page);
    // src/elements/odw-chart/chart-prefetch.ts and what it imports: the Lit, frame and data core, the
    // chart's queries, both schemas, and the group-key reader its query loads.
    const early = ['core', 'odw-chart.schema', 'odw-source.schema', 'chart-query', 'widgets'];
    expect(preloads.slice(0, early.length)).to.have.members(early);
    // Then the source's chunks and the chart's own: the drawing code's d3-array among the last.
    expect(preloads.indexOf('d3-array')).to.be.greaterThan(early.length - 1);
  });

  it('draws a Vega-Lite specification with Vega, whose curves are its own (rollup.config.mjs)', async () => {
    const page = await openPage('/test/cdn/spec-chart.html', 'odw-chart');
    const chart = page.document.querySelector('odw-chart')!;
    const area = () => chart.shadowRoot?.querySelector<SVGPathElement>('.vega svg .mark-area path');
    await waitUntil(() => area()?.getAttribute('d') || page.problems.length, 'Vega drew', {timeout: 30_000});
    expect(page.problems).to.deep.equal([]);
    // A monotone area through 22 communes: cubic segments (`C`), as d3-shape's curveMonotoneX writes them.
    expect(area()!.getAttribute('d')).to.match(/^M[^C]+C/);
  });

  it('shows the figure from one script tag and one odw-kpi', async () => {
    const page = await openPage('/test/cdn/kpi.html', 'odw-kpi');
    const kpi = page.document.querySelector('odw-kpi')!;
    const value = () => normalize(kpi.shadowRoot?.querySelector('[part~="value"]')?.textContent);
    await waitUntil(() => value() || page.problems.length, 'the key figure', {timeout: 30_000});
    expect(page.problems).to.deep.equal([]);
    expect(value()).to.equal('293 673');
    expect(normalize(kpi.shadowRoot!.querySelector('[part~="label"]')?.textContent)).to.equal('Habitants');
  });
});
