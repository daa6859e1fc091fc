import {expect} from '@open-wc/testing';
import {bottomCategoryAxis, leftCategoryAxis, linearTicks, spreadTicks, timeTicks} from './chart-axes.js';
import {calendarTicks, colourRamp, linear} from './chart-scale.js';
import {ellipsize, wrapText, type Measure} from './chart-text.js';

const normalize = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');
/** Seven pixels a character: widths the tests can count. */
const measure: Measure = (text) => [...text].length * 7;
const COMMUNES = [
  'Saint-Jean-de-la-Ruelle',
  'La Chapelle-Saint-Mesmin',
  'Saint-Pryvé-Saint-Mesmin',
  'Olivet',
];

describe('odw-chart axes and labels', () => {
  it('rounds a value domain outwards and writes its ticks in French', () => {
    const {domain, ticks} = linearTicks([0, 116_344], 5, 'fr');
    expect(domain).to.deep.equal([0, 120_000]);
    expect(ticks.map((tick) => normalize(tick.label))).to.include('100 000');
  });

  it('ends an axis whose labels are thinned near the data: finer ticks, not half of it empty', () => {
    // Two ticks: 0, 100 000 and 200 000 for 116 344; the bars of a phone's chart filled half the axis.
    expect(linearTicks([0, 116_344], 2, 'fr').domain).to.deep.equal([0, 200_000]);
    const {domain, ticks} = linearTicks([0, 116_344], 2, 'fr', false, true);
    expect(domain).to.deep.equal([0, 150_000]);
    expect(ticks.map((tick) => tick.v)).to.deep.equal([0, 50_000, 100_000, 150_000]);
    // Already near: as `count` asks.
    expect(linearTicks([0, 116_344], 5, 'fr', false, true).domain).to.deep.equal([0, 120_000]);
  });

  it('writes shares as percentages in either language', () => {
    expect(normalize(linearTicks([0, 1], 5, 'fr').ticks.at(-1)!.label)).to.equal('1');
    expect(normalize(linearTicks([0, 1], 5, 'fr', true).ticks.at(-1)!.label)).to.equal('100 %');
    expect(linearTicks([0, 1], 5, 'en', true).ticks.at(-1)!.label).to.equal('100%');
  });

  it('puts no two time ticks closer than the period and names the months', () => {
    const ticks = timeTicks([Date.UTC(2019, 0, 1), Date.UTC(2019, 2, 1)], 8, 'month', 'fr');
    expect(ticks.length).to.be.at.most(3);
    expect(ticks[0].label).to.equal('janv. 2019');
    expect(new Set(ticks.map((tick) => tick.label)).size).to.equal(ticks.length);
  });

  it('wraps a commune name at its hyphens, balanced, and cuts what does not fit with « … »', () => {
    expect(wrapText('Saint-Jean-de-la-Ruelle', 100, measure).lines).to.deep.equal([
      'Saint-Jean-',
      'de-la-Ruelle',
    ]);
    expect(wrapText('La Chapelle-Saint-Mesmin', 100, measure).lines).to.deep.equal([
      'La Chapelle-',
      'Saint-Mesmin',
    ]);
    const cut = wrapText('Saint-Pryvé-Saint-Mesmin', 60, measure);
    expect(cut.complete).to.equal(false);
    expect(cut.lines.at(-1)!.endsWith('…')).to.equal(true);
    expect(ellipsize('Saint-Pryvé-Saint-Mesmin', 70, measure)).to.equal('Saint-Pry…');
    expect(ellipsize('Olivet', 70, measure)).to.equal('Olivet');
  });

  it('writes category labels horizontally when they fit, else on two lines, else turned', () => {
    const input = (slot: number) => ({
      labels: COMMUNES,
      centres: COMMUNES.map((_, index) => 200 + (index + 0.5) * slot),
      slot,
      measure,
      lineHeight: 16,
      maxDepth: 200,
      left: 0,
    });
    expect(bottomCategoryAxis(input(200)).mode).to.equal('horizontal');
    const wrapped = bottomCategoryAxis(input(100));
    expect(wrapped.mode).to.equal('wrapped');
    expect(wrapped.depth).to.equal(32);
    const turned = bottomCategoryAxis(input(40));
    expect(turned.mode).to.equal('rotated');
    // Every label kept whole when there is room down the turned labels.
    expect(turned.labels.map((label) => label.lines[0])).to.deep.equal(COMMUNES);
    // Cut with « … » where the SVG's left edge is near.
    const edge = bottomCategoryAxis({...input(40), left: 180});
    expect(edge.labels[0].lines[0].endsWith('…')).to.equal(true);
    expect(edge.labels[0].full).to.equal(COMMUNES[0]);
    // Slots narrower than a line, even turned: every other label, each telling its full text.
    const thinned = bottomCategoryAxis(input(10));
    expect(thinned.labels.length).to.be.lessThan(COMMUNES.length);
    expect(thinned.labels.map((label) => label.full)).to.include('Saint-Jean-de-la-Ruelle');
  });

  it('turns the labels once one cannot be written whole on two lines, without trying the others', () => {
    // The 22 communes of Orléans Métropole in 40-pixel slots, as on a 900-pixel page.
    const labels = Array.from({length: 22}, (_, index) => `${COMMUNES[index % 4]} ${index}`);
    const measured: string[] = [];
    const counting: Measure = (text) => {
      measured.push(text);
      return measure(text);
    };
    const axis = bottomCategoryAxis({
      labels,
      centres: labels.map((_, index) => 200 + (index + 0.5) * 40),
      slot: 40,
      measure: counting,
      lineHeight: 16,
      maxDepth: 200,
      left: 0,
    });
    expect(axis.mode).to.equal('rotated');
    expect(axis.labels.map((label) => label.full)).to.deep.equal(labels);
    // Each label measured whole, to place it turned; only the first tried on two lines.
    expect(measured.length).to.be.at.most(labels.length * 2 + 12);
  });

  it('drops tick labels until none overlaps and keeps each inside the axis', () => {
    const ticks = Array.from({length: 12}, (_, v) => ({v, label: `${v} 000 000`}));
    const placed = spreadTicks(ticks, (tick) => 10 + tick.v * 25, measure, 0, 300);
    expect(placed.length).to.be.lessThan(12);
    expect(placed[0].index).to.equal(0);
    for (const label of placed) {
      const half = measure(label.lines[0]) / 2;
      expect(label.at - half).to.be.at.least(0);
      expect(label.at + half).to.be.at.most(300);
    }
  });

  it('gives bar labels two lines in tall rows and one in thin ones', () => {
    const tall = leftCategoryAxis(COMMUNES, [20, 60, 100, 140], 40, 100, measure, 16);
    expect(tall[0].lines).to.deep.equal(['Saint-Jean-', 'de-la-Ruelle']);
    const thin = leftCategoryAxis(COMMUNES, [10, 30, 50, 70], 20, 100, measure, 16);
    expect(thin[0].lines).to.have.length(1);
    expect(thin[0].lines[0].endsWith('…')).to.equal(true);
  });

  it('puts time ticks on calendar boundaries: Mondays, months, years', () => {
    const weeks = calendarTicks([Date.UTC(2024, 2, 5), Date.UTC(2024, 3, 1)], 6, 7 * 86_400_000);
    expect(weeks.unit).to.equal('week');
    expect(weeks.times.every((time) => new Date(time).getUTCDay() === 1)).to.equal(true);
    const years = calendarTicks([Date.UTC(2013, 0, 1), Date.UTC(2025, 0, 1)], 5);
    expect(years.unit).to.equal('year');
    expect(years.times.map((time) => new Date(time).getUTCFullYear())).to.deep.equal([2015, 2020, 2025]);
  });

  it('maps values linearly and mixes colours from light to dark', () => {
    expect(linear([0, 100], [300, 0])(25)).to.equal(225);
    const ramp = colourRamp('white', '#0072b2');
    expect(ramp(0)).to.equal('#ffffff');
    expect(ramp(1)).to.equal('#0072b2');
    expect(ramp(0.5)).to.equal('#80b9d9');
  });
});
