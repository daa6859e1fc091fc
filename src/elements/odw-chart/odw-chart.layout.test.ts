import {expect, html} from '@open-wc/testing';
import type {TemplateResult} from 'lit';
import {normalize, shadow} from '../../../test/helpers.js';
import {FESTIVALS, ODS, ORLEANS, SINCE_2019, chartOf, drawn} from './chart-helpers.test.js';

type Point = [number, number];

/** Each text of the drawing as the four corners of its box, in the SVG's pixels (turned ones turned). */
function textBoxes(el: Element): Array<{text: string; corners: Point[]}> {
  const svg = shadow(el).querySelector<SVGSVGElement>('.chart-svg')!;
  const toSvg = svg.getScreenCTM()!.inverse();
  return [...svg.querySelectorAll<SVGTextElement>('text')].map((text) => {
    const box = text.getBBox();
    const matrix = toSvg.multiply(text.getScreenCTM()!);
    const corners: Point[] = [
      [box.x, box.y],
      [box.x + box.width, box.y],
      [box.x + box.width, box.y + box.height],
      [box.x, box.y + box.height],
    ].map(([x, y]) => {
      const point = new DOMPoint(x, y).matrixTransform(matrix);
      return [point.x, point.y];
    });
    return {text: normalize(text.textContent), corners};
  });
}

/** Whether two convex quadrilaterals overlap by more than `slack` pixels (separating axes). */
function overlap(a: Point[], b: Point[], slack = 0.5): boolean {
  for (const shape of [a, b]) {
    for (let k = 0; k < 4; k++) {
      const [x1, y1] = shape[k];
      const [x2, y2] = shape[(k + 1) % 4];
      const axis: Point = [y1 - y2, x2 - x1];
      const length = Math.hypot(...axis);
      const project = (corners: Point[]) => corners.map(([x, y]) => (x * axis[0] + y * axis[1]) / length);
      const pa = project(a);
      const pb = project(b);
      if (Math.max(...pa) - slack <= Math.min(...pb) || Math.max(...pb) - slack <= Math.min(...pa))
        return false;
    }
  }
  return true;
}

/** No two texts overlap, and none reaches outside the SVG. */
function expectReadable(el: Element, what: string): void {
  const svg = shadow(el).querySelector<SVGSVGElement>('.chart-svg')!;
  const width = Number(svg.getAttribute('width'));
  const height = Number(svg.getAttribute('height'));
  const boxes = textBoxes(el);
  expect(boxes.length, `${what}: texts`).to.be.greaterThan(0);
  for (const {text, corners} of boxes) {
    for (const [x, y] of corners) {
      expect(x, `${what}: « ${text} » inside the SVG (x)`).to.be.within(-0.5, width + 0.5);
      expect(y, `${what}: « ${text} » inside the SVG (y)`).to.be.within(-0.5, height + 0.5);
    }
  }
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      expect(
        overlap(boxes[i].corners, boxes[j].corners),
        `${what}: « ${boxes[i].text} » and « ${boxes[j].text} » overlap`,
      ).to.equal(false);
    }
  }
}

/** Every type, on the communes of Orléans Métropole (« Saint-Jean-de-la-Ruelle », « La Chapelle-Saint-Mesmin »…). */
const CHARTS: Array<[string, TemplateResult]> = [
  [
    'column',
    html`<odw-chart
      src=${ODS}
      x="commune"
      y="sum(population)"
      where=${ORLEANS}
      sort="-y"
      unit="hab."
    ></odw-chart>`,
  ],
  [
    'column with values',
    html`<odw-chart
      src=${ODS}
      x="commune"
      y="sum(population)"
      where=${ORLEANS}
      sort="-y"
      limit="8"
      others
      labels
    ></odw-chart>`,
  ],
  [
    'bar',
    html`<odw-chart
      type="bar"
      src=${ODS}
      x="commune"
      y="sum(population)"
      where=${ORLEANS}
      sort="-y"
      labels
    ></odw-chart>`,
  ],
  [
    'line',
    html`<odw-chart
      type="line"
      src=${ODS}
      x="commune"
      y="sum(population), sum(population_comptee_a_part)"
      where=${ORLEANS}
    ></odw-chart>`,
  ],
  [
    'area',
    html`<odw-chart
      type="area"
      src=${FESTIVALS}
      x="date_debut_ancien"
      timeunit="month"
      where=${SINCE_2019}
    ></odw-chart>`,
  ],
  [
    'pie',
    html`<odw-chart
      type="pie"
      src=${ODS}
      x="commune"
      y="sum(population)"
      where=${ORLEANS}
      limit="9"
      others
    ></odw-chart>`,
  ],
  [
    'donut',
    html`<odw-chart type="donut" src=${ODS} x="commune" y="sum(population)" where=${ORLEANS}></odw-chart>`,
  ],
  [
    'scatter',
    html`<odw-chart
      type="scatter"
      src=${ODS}
      x="population"
      y="population_totale"
      where=${ORLEANS}
    ></odw-chart>`,
  ],
  [
    'stacked percent',
    html`<odw-chart
      src=${ODS}
      x="commune"
      y="sum(population), sum(population_comptee_a_part)"
      where=${ORLEANS}
      stack="percent"
    ></odw-chart>`,
  ],
];

describe('odw-chart layout', function () {
  this.timeout(60_000);

  for (const width of [320, 390, 768, 1280]) {
    it(`keeps every text apart and inside the drawing at ${width} px, for every type`, async () => {
      for (const [name, template] of CHARTS) {
        const el = await chartOf(template, width);
        await drawn(el);
        expectReadable(el, `${name} at ${width} px`);
      }
    });
  }

  it('writes every value, or of a line its latest only: never the few narrow enough alone', async () => {
    const values = async (type: string, width: number) => {
      const el = await chartOf(
        html`<odw-chart
          type=${type}
          src=${ODS}
          x="commune"
          y="sum(population)"
          where=${ORLEANS}
          sort="-y"
          limit="8"
          labels
        ></odw-chart>`,
        width,
      );
      await drawn(el);
      return [...shadow(el).querySelectorAll('.role-value-label text')].map((text) =>
        normalize(text.textContent).trim(),
      );
    };
    expect(await values('column', 1280)).to.have.length(8);
    // At 460 px 116 344 is wider than its column, the seven others are not: no value at all, rather
    // than every one but the largest.
    expect(await values('column', 460)).to.deep.equal([]);
    expect(await values('line', 1280)).to.have.length(8);
    expect(await values('line', 460)).to.deep.equal(['9 838']);
  });

  it('writes the labels horizontally when they fit, on two lines at 1 280 px', async () => {
    const el = await chartOf(
      html`<odw-chart
        src=${ODS}
        x="commune"
        y="sum(population)"
        where=${ORLEANS}
        sort="-y"
        limit="8"
      ></odw-chart>`,
      1280,
    );
    await drawn(el);
    const labels = [...shadow(el).querySelectorAll('.role-axis-label text')].filter((text) =>
      /\p{L}/u.test(text.textContent ?? ''),
    );
    expect(labels.every((text) => !text.getAttribute('transform'))).to.equal(true);
    // « La Chapelle-Saint-Mesmin » on two lines, whole.
    const chapelle = labels.find((text) => normalize(text.textContent).startsWith('La Chapelle'))!;
    expect(chapelle.querySelectorAll('tspan')).to.have.length(2);
    expect(normalize(chapelle.textContent).replace(' ', '')).to.equal(
      'La Chapelle-Saint-Mesmin'.replace(' ', ''),
    );
  });

  it('tells a cut label whole in its title, in the table and the tooltip', async () => {
    const el = await chartOf(
      html`<odw-chart src=${ODS} x="commune" y="sum(population)" where=${ORLEANS} sort="-y"></odw-chart>`,
      390,
    );
    await drawn(el);
    const titles = [...shadow(el).querySelectorAll('.role-axis-label title')].map(
      (title) => title.textContent,
    );
    expect(titles.length).to.be.greaterThan(0);
    expect(titles.every((title) => title && !title.endsWith('…'))).to.equal(true);
  });

  it('keeps a long axis title whole on two lines at 320 px', async () => {
    const el = await chartOf(
      html`<odw-chart
        src=${ODS}
        x="commune"
        y="sum(population_comptee_a_part)"
        where=${ORLEANS}
        unit="habitants comptés à part"
      ></odw-chart>`,
      320,
    );
    await drawn(el);
    const title = shadow(el).querySelector('.role-axis-title text')!;
    expect(normalize(title.textContent).replace(/ /g, '')).to.equal(
      'Population comptée à part (habitants comptés à part)'.replace(/ /g, ''),
    );
  });

  it('follows the reader’s text size: twice the text at 200 %, still apart and inside', async () => {
    const root = document.documentElement;
    try {
      root.style.fontSize = '200%';
      for (const [name, template] of CHARTS.filter(([what]) => ['column', 'bar', 'pie'].includes(what))) {
        const el = await chartOf(template, 390);
        await drawn(el);
        const size = parseFloat(getComputedStyle(shadow(el).querySelector('.chart-svg text')!).fontSize);
        expect(size, name).to.equal(24);
        expectReadable(el, `${name} at 200 %`);
      }
    } finally {
      root.style.fontSize = '';
    }
  });
});
