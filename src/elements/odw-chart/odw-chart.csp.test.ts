import {expect} from '@open-wc/testing';

type CspWindow = Window & typeof globalThis & {cspViolations?: string[]};

async function loadStrictPage(path: string): Promise<CspWindow> {
  const frame = document.createElement('iframe');
  frame.src = path;
  frame.style.width = '800px';
  frame.style.height = '600px';
  document.body.append(frame);
  await new Promise((resolve) => frame.addEventListener('load', resolve, {once: true}));
  return frame.contentWindow as CspWindow;
}

async function waitFor(condition: () => boolean, timeout = 20_000) {
  const start = performance.now();
  while (!condition()) {
    if (performance.now() - start > timeout) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('odw-chart under a strict Content-Security-Policy', function () {
  this.timeout(40_000);

  it('draws columns, a donut, a line and a Vega-Lite specification, filters on click, and downloads PNG and SVG, with zero violations', async () => {
    const win = await loadStrictPage('/test/csp/chart.html');
    const charts = [...win.document.querySelectorAll('odw-chart')];
    const marks = (el: Element) => el.shadowRoot?.querySelectorAll('.vega svg .role-mark > *').length ?? 0;
    await waitFor(() => charts.every((chart) => marks(chart) > 0));
    expect(charts[0].shadowRoot!.querySelectorAll('.mark-rect path')).to.have.length(22);
    expect(charts[1].shadowRoot!.querySelectorAll('.mark-arc path')).to.have.length(6);
    expect(charts[2].shadowRoot!.querySelectorAll('.mark-symbol path')).to.have.length(10);
    expect(charts[3].shadowRoot!.querySelector('.role-title-text text')?.textContent).to.equal(
      'Spécification Vega-Lite',
    );
    // No style attribute anywhere in the drawings the library writes.
    for (const chart of charts.slice(0, 3)) {
      expect(chart.shadowRoot!.querySelector('.chart-svg [style], .chart-svg style')).to.equal(null);
    }
    // The downloads: the PNG is drawn from the SVG through a canvas, under the same policy.
    const saved: Blob[] = [];
    const blobs = new Map<string, Blob>();
    const createObjectURL = win.URL.createObjectURL.bind(win.URL);
    win.URL.createObjectURL = (blob: Blob) => {
      const url = createObjectURL(blob);
      blobs.set(url, blob);
      return url;
    };
    win.HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      saved.push(blobs.get(this.href)!);
    };
    // The actions menu's items (src/core/actions-menu-view.ts).
    const button = (name: string) =>
      charts[0].shadowRoot!.querySelector<HTMLButtonElement>(`[role=menuitem].action-${name}`)!;
    button('svg').click();
    button('png').click();
    await waitFor(() => saved.length === 2);
    const [svgFile, pngFile] = saved;
    expect(svgFile.type).to.equal('image/svg+xml');
    const svgText = await svgFile.text();
    expect(svgText).to.match(/^<svg/);
    expect(svgText).not.to.contain('style=');
    expect(svgText).to.contain('Orléans');
    expect(pngFile.type).to.equal('image/png');
    const bytes = new Uint8Array(await pngFile.arrayBuffer());
    expect([...bytes.slice(0, 4)]).to.deep.equal([137, 80, 78, 71]);
    const list = charts[0].shadowRoot!.querySelector<HTMLElement>('[role="listbox"]')!;
    list.focus();
    list.dispatchEvent(new KeyboardEvent('keydown', {key: 'Enter', bubbles: true}));
    await waitFor(() => charts[1].shadowRoot!.querySelectorAll('.mark-arc path').length === 1);
    expect(win.cspViolations).to.deep.equal([]);
  });
});
