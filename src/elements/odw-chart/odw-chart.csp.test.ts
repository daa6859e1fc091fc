import {expect} from '@open-wc/testing';

type CspWindow = Window & {cspViolations?: string[]};

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

  it('draws columns, a donut, a line and a Vega-Lite specification, and filters on click, with zero violations', async () => {
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
    // Expressions run through the interpreter: the highlight of a focused mark.
    const list = charts[0].shadowRoot!.querySelector<HTMLElement>('[role="listbox"]')!;
    list.focus();
    list.dispatchEvent(new KeyboardEvent('keydown', {key: 'Enter', bubbles: true}));
    await waitFor(() => charts[1].shadowRoot!.querySelectorAll('.mark-arc path').length === 1);
    expect(win.cspViolations).to.deep.equal([]);
  });
});
