/**
 * What a visitor sees where the widgets cannot run as designed (README, "Browser support"): an
 * engine with only what Safari 15.0 has, an engine without constructable stylesheets under a strict
 * CSP, an element whose code is refused, a page whose scripts are all refused.
 */
import {expect, waitUntil} from '@open-wc/testing';
import {drawn, loadFrame, normalize, watchPage} from '../helpers.js';

/** Whether `element` takes room on the page and is not hidden. */
function shown(element: Element | null): boolean {
  if (!element) return false;
  const box = element.getBoundingClientRect();
  return box.width > 0 && box.height > 0 && getComputedStyle(element).visibility !== 'hidden';
}

describe('engines and pages where the widgets cannot run as designed', function () {
  this.timeout(60_000);

  it('draws every widget and a dashboard at 390 px in an engine with only what Safari 15.0 has', async () => {
    const page = await watchPage('/test/cdn/floor-engine.html', 'odw-chart', 390, 900);
    const win = page.document.defaultView as Window & typeof globalThis;
    const has = (path: string) =>
      path.split('.').reduce<unknown>((object, key) => (object as Record<string, unknown>)?.[key], win) !==
      undefined;
    const removed = [
      'Array.prototype.at',
      'String.prototype.at',
      'Object.hasOwn',
      'structuredClone',
      'OffscreenCanvas',
    ];
    expect(removed.filter(has), 'the page removed them').to.deep.equal([]);
    expect('adoptedStyleSheets' in win.Document.prototype).to.equal(false);
    const widgets = [...page.document.querySelectorAll('odw-kpi, odw-chart, odw-map, odw-filter, odw-table')];
    expect(widgets).to.have.length(13);
    for (const widget of widgets) await drawn(widget);
    // The shared template a métropole hosts, with its own sources, key figures, chart, map and table.
    const dashboard = page.document.querySelector('odw-dashboard')!;
    const kinds = 'odw-kpi, odw-chart, odw-map, odw-filter, odw-table';
    await waitUntil(() => dashboard.shadowRoot?.querySelectorAll(kinds).length, 'the dashboard’s widgets', {
      timeout: 30_000,
    });
    const inDashboard = [...dashboard.shadowRoot!.querySelectorAll(kinds)];
    expect(inDashboard.length).to.be.greaterThan(4);
    for (const widget of inDashboard) await drawn(widget);
    const chart = (id: string) => page.document.getElementById(id)!.shadowRoot!;
    const summary = (id: string) => normalize(chart(id).querySelector('#summary')?.textContent);
    // What called what Safari 15.0 lacks: the names of several series, a line's latest value alone.
    expect(summary('bar')).to.include('2 séries (Population municipale et Population comptée à part)');
    // Eight values do not all fit a line at 390 px: only the latest may be written.
    expect(
      chart('line').querySelectorAll('.vega svg .role-mark circle, .vega svg .role-mark path').length,
    ).to.be.greaterThan(0);
    expect(chart('line').querySelectorAll('.value-label').length).to.be.lessThan(2);
    expect(chart('spec').querySelectorAll('.vega svg path').length).to.be.greaterThan(0);
    expect(page.problems).to.deep.equal([]);
  });

  it('styles the widgets from linked stylesheets where constructable ones are missing, under a strict CSP', async () => {
    const page = await watchPage('/test/cdn/no-constructable-stylesheets.html', 'odw-kpi', 900, 700);
    const win = page.document.defaultView as Window & typeof globalThis;
    expect('adoptedStyleSheets' in win.Document.prototype, 'the page removed them').to.equal(false);
    const kpi = page.document.querySelector('odw-kpi')!;
    const chart = page.document.querySelector('odw-chart')!;
    const value = () => kpi.shadowRoot?.querySelector('[part~="value"]');
    await waitUntil(() => value() || page.problems.length, 'the key figure', {timeout: 30_000});
    await waitUntil(
      () =>
        chart.shadowRoot?.querySelectorAll('.vega svg .mark-rect path').length === 5 || page.problems.length,
      'the chart',
      {timeout: 30_000},
    );
    expect(page.problems).to.deep.equal([]);
    expect(normalize(value()!.textContent)).to.equal('293 673');
    for (const widget of [kpi, chart]) {
      const links = [...widget.shadowRoot!.querySelectorAll('link[rel="stylesheet"]')];
      expect(links.map((link) => new URL((link as HTMLLinkElement).href).pathname)).to.deep.equal([
        `/dist/styles/${widget.localName}.css`,
      ]);
      expect(widget.shadowRoot!.querySelectorAll('style')).to.have.length(0);
    }
    // The stylesheet applies: the figure is set large, the label small, as with adopted styles.
    await waitUntil(() => parseFloat(win.getComputedStyle(value()!).fontSize) > 24, 'the figure styled', {
      timeout: 10_000,
    });
    expect(page.problems).to.deep.equal([]);
  });

  it('keeps what the tag holds and says in words that the element’s code did not load', async () => {
    const frame = await loadFrame('/test/cdn/fallback.html?blocked=chunks', 800, 600);
    const doc = frame.contentDocument!;
    const kpi = doc.querySelector('odw-kpi')!;
    await waitUntil(() => kpi.querySelector('.odw-load-error'), 'the message', {timeout: 20_000});
    expect(frame.contentWindow!.customElements.get('odw-kpi')).to.equal(undefined);
    expect(normalize(kpi.querySelector('.odw-load-error')!.textContent)).to.equal(
      'Ce contenu n’a pas pu s’afficher : son script ne s’est pas chargé.',
    );
    expect(kpi.querySelector('.odw-load-error')!.getAttribute('role')).to.equal('status');
    expect(shown(kpi.querySelector('.odw-load-error'))).to.equal(true);
    expect(shown(doc.getElementById('fallback')), 'the link to the dataset').to.equal(true);
  });

  it('keeps what the tag holds when no script may run', async () => {
    const frame = await loadFrame('/test/cdn/fallback.html?blocked=all', 800, 600);
    const doc = frame.contentDocument!;
    expect(frame.contentWindow!.customElements.get('odw-kpi')).to.equal(undefined);
    expect(shown(doc.getElementById('fallback')), 'the link to the dataset').to.equal(true);
    expect(normalize(doc.getElementById('fallback')!.textContent)).to.equal(
      'Populations légales 2025 sur le portail',
    );
  });
});
