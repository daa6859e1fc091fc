import {expect, html, waitUntil} from '@open-wc/testing';
import {normalize, shadow} from '../../../test/helpers.js';
import {ODS, ORLEANS, chartOf, drawn} from './chart-helpers.test.js';

function drawing(el: Element): SVGSVGElement {
  return shadow(el).querySelector<SVGSVGElement>('.chart-svg')!;
}

/** The category labels of a bar chart (the value axis's figures left out). */
function categoryLabels(el: Element): string[] {
  return [...shadow(el).querySelectorAll('.role-axis-label text')]
    .map((text) => normalize(text.textContent))
    .filter((text) => /\p{L}/u.test(text));
}

describe('odw-chart size', function () {
  this.timeout(30_000);
  const original = console.warn;
  let warnings: string[] = [];

  beforeEach(() => {
    warnings = [];
    console.warn = (...args: unknown[]) => {
      warnings.push(args.map(String).join(' '));
      original.apply(console, args);
    };
  });

  afterEach(() => {
    console.warn = original;
  });

  /** Lit (in development) warns when an update sets a property that schedules another one. */
  const secondPasses = () => warnings.filter((warning) => warning.includes('scheduled an update'));

  it('draws at its width in one pass, without scheduling an update after an update', async () => {
    const el = await chartOf(
      html`<odw-chart src=${ODS} x="commune" y="sum(population)" where=${ORLEANS}></odw-chart>`,
      600,
    );
    await drawn(el);
    expect(Number(drawing(el).getAttribute('width'))).to.be.within(500, 600);
    expect(secondPasses()).to.deep.equal([]);
  });

  it('follows its container’s width', async () => {
    const el = await chartOf(
      html`<odw-chart src=${ODS} x="commune" y="sum(population)" where=${ORLEANS}></odw-chart>`,
      600,
    );
    await drawn(el);
    const before = Number(drawing(el).getAttribute('width'));
    el.parentElement!.style.width = '400px';
    await waitUntil(() => Number(drawing(el).getAttribute('width')) <= 400, 'the chart never narrowed');
    expect(Number(drawing(el).getAttribute('width'))).to.be.lessThan(before);
    expect(secondPasses()).to.deep.equal([]);
  });

  it('grows a bar chart of many categories so that every label shows', async () => {
    const el = await chartOf(
      html`<odw-chart type="bar" src=${ODS} x="commune" y="sum(population)" where=${ORLEANS}></odw-chart>`,
      390,
    );
    await drawn(el);
    expect(Number(drawing(el).getAttribute('height'))).to.be.greaterThan(320);
    const labels = categoryLabels(el);
    expect(labels).to.have.length(22);
    expect(labels.some((label) => label.replace(/\s/g, '') === 'Saint-Jean-de-la-Ruelle')).to.equal(true);
    expect(labels.some((label) => label.replace(/\s/g, '') === 'LaChapelle-Saint-Mesmin')).to.equal(true);
  });

  it('keeps the height the page set, thinning the labels instead', async () => {
    const el = await chartOf(
      html`<odw-chart
        type="bar"
        height="320"
        src=${ODS}
        x="commune"
        y="sum(population)"
        where=${ORLEANS}
      ></odw-chart>`,
      390,
    );
    await drawn(el);
    expect(Number(drawing(el).getAttribute('height'))).to.equal(320);
    expect(categoryLabels(el).length).to.be.lessThan(22);
  });

  it('exports a grown bar chart at its whole height', async () => {
    const el = await chartOf(
      html`<odw-chart type="bar" src=${ODS} x="commune" y="sum(population)" where=${ORLEANS}></odw-chart>`,
      390,
    );
    await drawn(el);
    const spec = el.toVegaLite() as {height?: number};
    expect(spec.height).to.equal(Number(drawing(el).getAttribute('height')));
  });
});
