import {expect} from '@open-wc/testing';

type CspWindow = Window & {cspViolations?: string[]};

/** Loads a page served with `script-src 'self'; style-src 'self'` in an iframe. */
async function loadStrictPage(path: string): Promise<CspWindow> {
  const frame = document.createElement('iframe');
  frame.src = path;
  document.body.append(frame);
  await new Promise((resolve) => frame.addEventListener('load', resolve, {once: true}));
  return frame.contentWindow as CspWindow;
}

async function waitFor(condition: () => boolean, timeout = 8000) {
  const start = performance.now();
  while (!condition()) {
    if (performance.now() - start > timeout) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('strict Content-Security-Policy', () => {
  it('draws odw-kpi figures, attribution and errors with zero violations', async () => {
    const win = await loadStrictPage('/test/csp/kpi.html');
    const kpis = [...win.document.querySelectorAll('odw-kpi')];
    const text = (el: Element) => (el.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ');
    await waitFor(() => /293\s?673/.test(text(kpis[0]).replace(/[\u202f\u00a0]/g, ' ')));
    await waitFor(() => /258\s?630/.test(text(kpis[1]).replace(/[\u202f\u00a0]/g, ' ')));
    await waitFor(() => /Réessayer/.test(text(kpis[2])));
    expect(win.cspViolations).to.deep.equal([]);
    const styleSheets = kpis[0].shadowRoot!.adoptedStyleSheets.length;
    expect(styleSheets, 'styles come from constructable stylesheets').to.be.greaterThan(0);
  });
});
