/**
 * `dist/embed.html`, the page a commune pastes as an iframe where its CMS forbids scripts: one
 * widget or one dashboard from its URL, under its own strict policy (a meta tag: the test server
 * sends none for /dist/), posting its height to the host page.
 */
import {expect, waitUntil} from '@open-wc/testing';
import {loadFrame, normalize, watchPage} from '../helpers.js';

const ODS = '/portal/ods/api/explore/v2.1/catalog/datasets/populations-legales-2025/records';

function embedUrl(params: Record<string, string>): string {
  return `/dist/embed.html?${new URLSearchParams(params)}`;
}

/** The `odw-embed-size` messages the page in `frame` posts to this window. */
function heightsFrom(frame: () => Window | null | undefined): number[] {
  const heights: number[] = [];
  window.addEventListener('message', (event) => {
    if (event.source === frame() && event.data?.type === 'odw-embed-size') heights.push(event.data.height);
  });
  return heights;
}

/**
 * The widget the page shows, once shown: the page defines its tag, then shows the widget when its
 * stylesheet is in (src/embed/embed.ts), which under load may come later.
 */
async function shownWidget(document: Document, tag: string): Promise<HTMLElement> {
  const widget = () => document.querySelector<HTMLElement>(`#embed > ${tag}`);
  await waitUntil(widget, `the ${tag} shown`, {timeout: 30_000});
  return widget()!;
}

/** The host page of the resize test, loaded by hand to listen before its script runs. */
const frames: HTMLIFrameElement[] = [];
afterEach(() => {
  for (const frame of frames.splice(0)) frame.remove();
});

function alertText(frame: HTMLIFrameElement): string {
  return normalize(frame.contentDocument?.querySelector('[role=alert]')?.textContent);
}

describe('the embed page', function () {
  this.timeout(60_000);

  it('draws a key figure under its own strict policy, fills the frame and posts its height', async () => {
    const url = embedUrl({
      tag: 'odw-kpi',
      src: ODS,
      where: 'epci = "Orléans Métropole"',
      value: 'sum(population)',
      label: 'Habitants',
    });
    const heights = heightsFrom(
      () => document.querySelector<HTMLIFrameElement>('iframe[src*="embed.html"]')?.contentWindow,
    );
    const page = await watchPage(url, 'odw-kpi', 390, 600);
    const policy = page.document
      .querySelector('meta[http-equiv="Content-Security-Policy"]')!
      .getAttribute('content')!;
    expect(policy)
      .to.match(/script-src 'self';/)
      .and.match(/style-src 'self';/)
      .and.match(/default-src 'none'/);
    expect(policy).not.to.match(/unsafe-inline|unsafe-eval/);
    const kpi = await shownWidget(page.document, 'odw-kpi');
    const value = () => normalize(kpi.shadowRoot?.querySelector('[part~="value"]')?.textContent);
    await waitUntil(() => value() || page.problems.length, 'the key figure', {timeout: 30_000});
    expect(page.problems).to.deep.equal([]);
    expect(value()).to.equal('293 673');
    expect(kpi.getBoundingClientRect().width, 'the widget fills the frame').to.equal(390);
    const height = Math.ceil(page.document.documentElement.getBoundingClientRect().height);
    await waitUntil(() => heights.at(-1) === height, `height ${height} posted, got ${heights.join(', ')}`);
    expect(height).to.be.within(50, 400);
  });

  /**
   * The body's left margin each time a widget enters the page served with its stylesheet `delay` ms
   * late, and when: WebKit runs the page's script before a stylesheet still travelling.
   */
  async function shownWithStylesheetLate(delay: number) {
    const path = `/slow-css/${delay}${embedUrl({tag: 'odw-kpi', src: ODS, value: 'count()', label: 'Communes'})}`;
    const frame = document.createElement('iframe');
    frame.width = '390';
    frame.height = '600';
    frames.push(frame);
    const opened = performance.now();
    frame.src = path;
    document.body.append(frame);
    while (!frame.contentDocument?.URL.endsWith(path)) await new Promise((resolve) => setTimeout(resolve));
    const page = frame.contentDocument!;
    const shown: Array<{margin: string; after: number}> = [];
    new MutationObserver((changes) => {
      for (const change of changes)
        for (const node of change.addedNodes)
          if ((node as Element).localName === 'odw-kpi' && (node.parentNode as Element).id === 'embed')
            shown.push({
              margin: page.defaultView!.getComputedStyle(page.body).marginLeft,
              after: performance.now() - opened,
            });
    }).observe(page, {childList: true, subtree: true});
    await waitUntil(() => shown.length > 0, 'the widget shown', {timeout: 30_000});
    return {shown, kpi: page.querySelector('odw-kpi')!};
  }

  it('shows its widget once its stylesheet is in, however late, never within the default margins', async () => {
    const {shown, kpi} = await shownWithStylesheetLate(1_500);
    expect(shown.map(({margin}) => margin)).to.deep.equal(['0px']);
    expect(kpi.getBoundingClientRect().width, 'the widget fills the frame').to.equal(390);
  });

  it('waits for a stylesheet 3 s at most, then shows its widget without it rather than not at all', async () => {
    const {shown} = await shownWithStylesheetLate(6_000);
    expect(shown).to.have.length(1);
    // Chromium and Firefox run no script before the stylesheet: the widget comes with it, styled.
    // WebKit runs the page's script at once, which shows the widget unstyled after 3 s.
    const [{margin, after}] = shown;
    if (margin === '0px') expect(after, 'with the stylesheet').to.be.at.least(5_900);
    else
      expect([margin, after >= 2_900 && after < 5_900], 'unstyled, after 3 s').to.deep.equal(['8px', true]);
  });

  it('draws a chart under its own policy and posts its new height when it grows', async () => {
    const url = embedUrl({
      tag: 'odw-chart',
      src: ODS,
      where: 'epci = "Orléans Métropole"',
      type: 'bar',
      x: 'commune',
      y: 'sum(population)',
      sort: '-y',
      title: 'Population par commune',
    });
    const heights = heightsFrom(
      () => document.querySelector<HTMLIFrameElement>('iframe[src*="embed.html"]')?.contentWindow,
    );
    const page = await watchPage(url, 'odw-chart', 390, 600);
    // In view, as a visitor's frame is: Firefox pauses the resize notifications of a frame out of view.
    page.document.defaultView?.frameElement?.scrollIntoView();
    const chart = await shownWidget(page.document, 'odw-chart');
    const bars = () => chart.shadowRoot?.querySelectorAll('.vega svg .mark-rect path') ?? [];
    await waitUntil(() => bars().length === 22 || page.problems.length, 'the chart drew', {timeout: 30_000});
    expect(page.problems).to.deep.equal([]);
    // The page's height now: it may grow again after the first drawing (Firefox re-lays the labels
    // out once the fonts are in), so each check reads it anew.
    const height = () => Math.ceil(page.document.documentElement.getBoundingClientRect().height);
    await waitUntil(
      () => heights.at(-1) === height(),
      `height ${height()} posted, got ${heights.join(', ')}`,
      {
        timeout: 10_000,
      },
    );
    expect(height(), 'grown past the frame').to.be.greaterThan(600);
    expect(heights.length, 'the loading state, then the chart').to.be.greaterThan(1);
  });

  it('draws a dashboard template from config= with its parameter from the URL', async () => {
    const url = embedUrl({config: '/examples/portrait-commune.json', commune: '45302'});
    const page = await watchPage(url, 'odw-dashboard', 1000, 800);
    const dashboard = await shownWidget(page.document, 'odw-dashboard');
    const title = () => normalize(dashboard.shadowRoot?.querySelector('[part~="title"]')?.textContent);
    await waitUntil(() => title() === 'Saran en chiffres', `title ${title()}`, {timeout: 30_000});
    expect(dashboard.getAttribute('params')).to.equal('commune=45302');
    expect(page.problems).to.deep.equal([]);
  });

  it('names an unknown attribute instead of drawing', async () => {
    const frame = await loadFrame(embedUrl({tag: 'odw-kpi', src: ODS, valeur: 'sum(population)'}), 390, 600);
    await waitUntil(() => alertText(frame), 'the error', {timeout: 30_000});
    expect(alertText(frame)).to.match(
      /^« valeur » n’est pas un attribut de odw-kpi \(attributs possibles : .*value/,
    );
    expect(frame.contentDocument!.querySelector('#embed odw-kpi')).to.equal(null);
  });

  it('names an unknown tag, and says which ones exist', async () => {
    const frame = await loadFrame(embedUrl({tag: 'script', src: ODS}), 390, 600);
    await waitUntil(() => alertText(frame), 'the error', {timeout: 10_000});
    expect(alertText(frame)).to.equal(
      'Le widget « script » n’existe pas (widgets possibles : odw-kpi, odw-chart, odw-map, odw-table, odw-dashboard).',
    );
  });

  it('accepts only http(s) data URLs', async () => {
    const frame = await loadFrame(
      embedUrl({tag: 'odw-kpi', src: 'javascript:alert(1)', value: 'count()'}),
      390,
      600,
    );
    await waitUntil(() => alertText(frame), 'the error', {timeout: 30_000});
    expect(alertText(frame)).to.equal(
      '« src » doit être une adresse http ou https, et non « javascript:alert(1) ».',
    );
  });

  it('is resized by embed-resize.js on a host page under a strict policy', async () => {
    const frame = document.createElement('iframe');
    frame.width = '390';
    frame.height = '900';
    frames.push(frame);
    frame.src = '/test/cdn/embed-host.html';
    document.body.append(frame);
    // Listening as soon as the host page replaces the empty document, before its script runs.
    while (!frame.contentDocument?.URL.endsWith('embed-host.html'))
      await new Promise((resolve) => setTimeout(resolve));
    const violations: string[] = [];
    frame.contentWindow!.addEventListener('securitypolicyviolation', (event) =>
      violations.push(event.violatedDirective),
    );
    await waitUntil(() => frame.contentDocument?.querySelector('iframe'), 'the host page');
    const iframe = frame.contentDocument!.querySelector('iframe')!;
    const inner = () => iframe.contentDocument?.querySelector('odw-kpi');
    await waitUntil(
      () => normalize(inner()?.shadowRoot?.querySelector('[part~="value"]')?.textContent) === '22 988',
      'the figure of Olivet',
      {timeout: 30_000},
    );
    const content = Math.ceil(iframe.contentDocument!.documentElement.getBoundingClientRect().height);
    await waitUntil(() => iframe.clientHeight === content, `iframe ${content} px high`);
    expect(content).to.be.lessThan(600);
    expect(violations).to.deep.equal([]);
  });

  it('keeps what the tag holds visible when the widget script cannot load', async () => {
    const frame = await loadFrame('/test/cdn/missing-script.html', 390, 600);
    const link = frame.contentDocument!.querySelector('odw-kpi a')!;
    // The script's request has failed (a resource entry is written for a 404 too).
    await waitUntil(
      () =>
        frame
          .contentWindow!.performance.getEntriesByType('resource')
          .some((entry) => entry.name.endsWith('/no-such-file.js')),
      'the script failed',
    );
    expect(frame.contentWindow!.customElements.get('odw-kpi')).to.equal(undefined);
    expect(link.getBoundingClientRect().height).to.be.greaterThan(0);
    expect(normalize(frame.contentDocument!.body.innerText)).to.equal(
      'Population légale 2025 d’Orléans sur insee.fr Le portrait d’Olivet s’affiche avec JavaScript.',
    );
  });
});
