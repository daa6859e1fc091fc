import {expect, waitUntil} from '@open-wc/testing';
import {html} from 'lit';
import '../odw-kpi/define.js';
import type {OdwKpi} from '../odw-kpi/odw-kpi.js';
import type {OdwSource} from '../odw-source/odw-source.js';
import {
  mount,
  normalize,
  part,
  shadow,
  POPULATIONS,
  FESTIVALS,
  LOIRET,
  ORLEANS,
  mapSuite,
  drawn,
  areas,
  area,
  click,
} from './map-harness.test.js';

describe('odw-map: filter-on-click', function () {
  mapSuite(this);

  it('filters the source on the clicked commune and back, with an odw-kpi on the same source', async () => {
    const container = await mount(
      html`<div>
        <odw-source id="pop-map" src=${POPULATIONS} where=${ORLEANS}></odw-source>
        <odw-map
          id="communes"
          source="pop-map"
          shapes=${LOIRET}
          shapes-key="code"
          key="code_insee"
          value="sum(population)"
          only-matched
          filter-on-click
        ></odw-map>
        <odw-kpi source="pop-map" value="sum(population)"></odw-kpi>
      </div>`,
    );
    const el = container.querySelector('odw-map')!;
    const kpi = container.querySelector<OdwKpi>('odw-kpi')!;
    const source = container.querySelector<OdwSource>('odw-source')!;
    const kpiValue = () => normalize(part(kpi, 'value')?.textContent);
    await drawn(el);
    await waitUntil(() => kpiValue() === '293 673', 'kpi of the métropole', {timeout: 15_000});
    const selected: unknown[] = [];
    el.addEventListener('odw-select', (event) => selected.push(event.detail.datum));

    click(area(el, '45234'));
    expect(selected).to.have.length(1);
    expect(selected[0]).to.include({code_insee: '45234', 'sum(population)': 116344});
    expect(source.getFilter('communes')).to.deep.equal({
      type: 'compare',
      field: 'code_insee',
      op: '=',
      value: {type: 'string', value: '45234'},
    });
    await waitUntil(() => kpiValue() === '116 344', 'kpi of Orléans', {timeout: 15_000});
    // The map keeps its 22 communes and marks the chosen one.
    await waitUntil(() => area(el, '45234').classList.contains('selected'), 'Orléans selected');
    expect(areas(el)).to.have.length(22);

    click(area(el, '45234'));
    expect(source.getFilter('communes')).to.equal(undefined);
    await waitUntil(() => kpiValue() === '293 673', 'kpi of the métropole again', {timeout: 15_000});
  });
  it('filters the source on the commune of a clicked festival', async () => {
    const container = await mount(
      html`<div>
        <odw-source id="festivals-map" src=${FESTIVALS}></odw-source>
        <odw-map
          id="festival-points"
          source="festivals-map"
          key="code_insee"
          filter-on-click
          no-cluster
        ></odw-map>
        <odw-kpi source="festivals-map" value="count()"></odw-kpi>
      </div>`,
    );
    const el = container.querySelector('odw-map')!;
    const kpi = container.querySelector<OdwKpi>('odw-kpi')!;
    const source = container.querySelector<OdwSource>('odw-source')!;
    await drawn(el);
    const kpiValue = () => normalize(part(kpi, 'value')?.textContent);
    await waitUntil(() => kpiValue() === '55', 'every festival', {timeout: 15_000});
    const point = shadow(el).querySelector('g.point[aria-label^="FESTIVAL ELECTR()CUTION"]')!;
    expect(point, 'the festival of Brest').to.exist;
    click(point);
    expect(source.getFilter('festival-points')).to.deep.include({field: 'code_insee', op: '='});
    await waitUntil(() => kpiValue() !== '55' && kpiValue() !== '', 'festivals of Brest', {
      timeout: 15_000,
    });
    expect(Number(kpiValue())).to.be.within(1, 54);
    // The map still shows every festival.
    expect(shadow(el).querySelectorAll('g.point')).to.have.length(54);
  });
});
