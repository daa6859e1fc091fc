import {expect} from '@open-wc/testing';
import {axisMarks, labelWidth, linearTicks, pointAt, spread, timeTicks, type Axis} from './chart-axes.js';

const normalize = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');
const FONT = 'sans-serif';

describe('odw-chart axes', () => {
  it('rounds a value domain outwards and writes its ticks in French', () => {
    const {domain, ticks} = linearTicks([0, 116_344], 5, ',~f', 'fr');
    expect(domain).to.deep.equal([0, 120_000]);
    expect(ticks.map((tick) => tick.v)).to.deep.equal([0, 20_000, 40_000, 60_000, 80_000, 100_000, 120_000]);
    expect(ticks.map((tick) => normalize(tick.label))).to.include('100 000');
  });

  it('writes shares as percentages in either language', () => {
    expect(
      linearTicks([0, 1], 5, '.0%', 'fr')
        .ticks.map((tick) => normalize(tick.label))
        .at(-1),
    ).to.equal('100 %');
    expect(
      linearTicks([0, 1], 5, '.0%', 'en')
        .ticks.map((tick) => tick.label)
        .at(-1),
    ).to.equal('100%');
  });

  it('puts no two time ticks closer than the period and names the months', () => {
    const start = Date.UTC(2019, 0, 1);
    const end = Date.UTC(2019, 2, 1);
    const month = 28 * 86_400_000;
    const ticks = timeTicks([start, end], 8, month, '%b %Y', 'fr');
    // Two months apart: weekly ticks would all read « janv. 2019 ».
    expect(ticks.length).to.be.at.most(3);
    expect(ticks[0].label).to.equal('janv. 2019');
    expect(new Set(ticks.map((tick) => tick.label)).size).to.equal(ticks.length);
  });

  it('drops every other label until none overlaps, keeping the first', () => {
    const ticks = Array.from({length: 40}, (_, index) => ({v: index, label: `Commune numéro ${index}`}));
    const width = 600;
    const shown = spread(ticks, pointAt(40), width, FONT);
    expect(shown[0]).to.equal(ticks[0]);
    expect(shown.length).to.be.lessThan(ticks.length);
    for (let i = 1; i < shown.length; i++) {
      const previous = ((shown[i - 1].v as number) + 0.5) / 40;
      const current = ((shown[i].v as number) + 0.5) / 40;
      const room = (current - previous) * width;
      expect(room, `${shown[i - 1].label} / ${shown[i].label}`).to.be.at.least(
        (labelWidth(shown[i - 1].label, FONT) + labelWidth(shown[i].label, FONT)) / 2,
      );
    }
  });

  it('keeps every label when they fit', () => {
    const ticks = ['A', 'B', 'C'].map((label, index) => ({v: index, label}));
    expect(spread(ticks, pointAt(3), 600, FONT)).to.deep.equal(ticks);
  });

  it('draws labels and title as text from values, with the roles of Vega axes', () => {
    const axis: Axis = {
      name: 'x',
      orient: 'bottom',
      scale: 'band',
      band: true,
      ticks: [{v: '<img src=x>', label: '<img src=x>'}],
      title: 'Commune',
      angled: true,
    };
    const {under, over, signals} = axisMarks(axis, {text: '#111', muted: '#666', grid: '#ddd', font: FONT});
    expect(under).to.deep.equal([]);
    expect(over.map((mark) => mark.role)).to.deep.equal(['axis-domain', 'axis-label', 'axis-title']);
    const label = over[1] as {encode: {update: {text: unknown}}};
    expect(label.encode.update.text).to.deep.equal({field: 'label'});
    // Turned labels: the title stands below their whole depth.
    const offset = signals.find((signal) => signal.name === 'axis_x_title')!.value as number;
    expect(offset).to.be.greaterThan(labelWidth('<img src=x>', FONT) * Math.SQRT1_2);
    expect(signals.find((signal) => signal.name === 'axis_x_angle')!.value).to.equal(-45);
  });

  it('draws a grid, and no line of its own, for a value axis', () => {
    const axis: Axis = {
      name: 'y',
      orient: 'left',
      scale: 'value',
      grid: true,
      ticks: [],
      title: 'Population',
    };
    const {under, over} = axisMarks(axis, {text: '#111', muted: '#666', grid: '#ddd', font: FONT});
    expect(under.map((mark) => mark.role)).to.deep.equal(['axis-grid']);
    expect(over.map((mark) => mark.role)).to.deep.equal(['axis-label', 'axis-title']);
  });
});
