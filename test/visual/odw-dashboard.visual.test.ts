/**
 * The Angers dashboard of the demos (examples/angers-dashboard.json: filters, key figures, a bar
 * chart, a donut, a choropleth and a table on 29 communes) at 320, 390, 768 and 1 280 px: no text
 * overlapping or cut off, no word split, no sideways scroll, on a phone no widget's frame taller
 * than its figure, and the key figures of one row aligned (test/visual/boxes.ts).
 */
import {expect} from '@open-wc/testing';
import {WIDTHS, openVisualPage, problemsAtEveryWidth, resize, widgets} from './harness.js';

describe('odw-dashboard boxes at 320, 390, 768 and 1 280 px', function () {
  this.timeout(180_000);

  it('lays out the Angers dashboard readably at every width', async () => {
    const page = await openVisualPage(
      `<odw-dashboard config="/examples/angers-dashboard.json"></odw-dashboard>`,
    );
    const problems = await problemsAtEveryWidth(page);
    // Key figures side by side start on one line, however many lines their labels take.
    for (const width of WIDTHS) {
      await resize(page, width);
      const figures = widgets(page.doc)
        .filter((widget) => widget.localName === 'odw-kpi')
        .map((kpi) => kpi.shadowRoot!.querySelector('[part~=value]')!.getBoundingClientRect());
      const rows = new Map<number, DOMRect[]>();
      for (const kpi of widgets(page.doc).filter((widget) => widget.localName === 'odw-kpi')) {
        const top = Math.round(kpi.getBoundingClientRect().top);
        rows.set(top, [
          ...(rows.get(top) ?? []),
          kpi.shadowRoot!.querySelector('[part~=value]')!.getBoundingClientRect(),
        ]);
      }
      for (const row of rows.values()) {
        const tops = row.map((box) => Math.round(box.top));
        if (Math.max(...tops) - Math.min(...tops) > 2) {
          problems.push(`${width} px: key figures of one row at ${tops.join(', ')} px`);
        }
      }
      expect(figures.length, 'the key figures').to.be.greaterThan(0);
    }
    expect(problems.join('\n')).to.equal('');
  });
});
