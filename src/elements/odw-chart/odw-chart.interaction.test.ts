import {expect, html, waitUntil} from '@open-wc/testing';
import {formatFilter, parseFilter} from '../../data/index.js';
import type {OdwKpi} from '../odw-kpi/odw-kpi.js';
import '../odw-kpi/define.js';
import type {OdwSource} from '../odw-source/odw-source.js';
import {mount, normalize, part, shadow, uniqueTag, watchFetches} from '../../../test/helpers.js';
import {
  FESTIVALS,
  ODS,
  ORLEANS,
  SINCE_2019,
  drawn,
  jsonFile,
  marks,
  openTable,
  summary,
} from './chart-helpers.test.js';
describe('odw-chart clicks, keyboard and filters', function () {
  this.timeout(40_000);

  describe('interaction', () => {
    it('filters its source on a click, updates a KPI, and clears on a second click', async () => {
      const container = await mount(
        html`<odw-source id="click-source" src=${ODS} where=${ORLEANS}></odw-source>
          <odw-kpi source="click-source" value="sum(population)"></odw-kpi>
          <odw-chart
            id="by-commune"
            source="click-source"
            x="commune"
            y="sum(population)"
            sort="-y"
            filter-on-click
          ></odw-chart>`,
      );
      const chart = container.querySelector('odw-chart')!;
      const kpi = container.querySelector<OdwKpi>('odw-kpi')!;
      const source = container.querySelector<OdwSource>('odw-source')!;
      const kpiValue = () => normalize(part(kpi, 'value')?.textContent);
      await drawn(chart);
      await waitUntil(() => kpiValue() === '293 673', 'kpi loaded', {timeout: 15_000});
      const selected: unknown[] = [];
      chart.addEventListener('odw-select', (event) => selected.push(event.detail.datum));
      const bar = marks(chart)[0];
      bar.dispatchEvent(new MouseEvent('click', {bubbles: true, composed: true, clientX: 1, clientY: 1}));
      await waitUntil(() => kpiValue() === '116 344', 'kpi filtered on Orléans', {timeout: 15_000});
      expect(selected).to.have.length(1);
      expect(selected[0]).to.include({commune: 'Orléans', value: 116344});
      expect(source.getFilter('by-commune')).to.deep.equal({
        type: 'compare',
        field: 'commune',
        op: '=',
        value: {type: 'string', value: 'Orléans'},
      });
      // The chart keeps every commune, Orléans marked as selected.
      await waitUntil(
        () => shadow(chart).querySelector('[role="option"][aria-selected="true"]'),
        'selected option',
      );
      expect(marks(chart)).to.have.length(22);
      marks(chart)[0].dispatchEvent(new MouseEvent('click', {bubbles: true, composed: true}));
      await waitUntil(() => kpiValue() === '293 673', 'filter cleared', {timeout: 15_000});
      expect(source.getFilter('by-commune')).to.equal(undefined);
    });

    it('walks the points with the keyboard, announces them and chooses with Enter', async () => {
      const container = await mount(
        html`<odw-source id="key-source" src=${ODS} where=${ORLEANS}></odw-source>
          <odw-chart
            id="keyboard"
            source="key-source"
            x="commune"
            y="sum(population)"
            sort="-y"
            limit="5"
            filter-on-click
          ></odw-chart>`,
      );
      const chart = container.querySelector('odw-chart')!;
      const source = container.querySelector<OdwSource>('odw-source')!;
      await drawn(chart);
      const list = shadow(chart).querySelector<HTMLElement>('[role="listbox"]')!;
      list.focus();
      await chart.updateComplete;
      const activeText = () =>
        normalize(
          shadow(chart).getElementById(list.getAttribute('aria-activedescendant') ?? '')?.textContent,
        );
      expect(activeText()).to.equal('Orléans : 116 344');
      list.dispatchEvent(new KeyboardEvent('keydown', {key: 'ArrowRight', bubbles: true}));
      await chart.updateComplete;
      expect(activeText()).to.equal('Olivet : 22 988');
      expect(normalize(part(chart, 'tooltip')!.textContent)).to.equal('Olivet : 22 988');
      // The focused mark is ringed.
      await waitUntil(
        () =>
          shadow(chart).querySelector('.focus-ring path')?.getAttribute('d') ===
          marks(chart)[1].getAttribute('d'),
        'ringed mark',
      );
      list.dispatchEvent(new KeyboardEvent('keydown', {key: 'Enter', bubbles: true}));
      await waitUntil(() => source.getFilter('keyboard'), 'filter set');
      expect(JSON.stringify(source.getFilter('keyboard'))).to.contain('Olivet');
    });
  });

  describe('a filter on the source', () => {
    it('redraws the new rows in the same drawing, keeping the chart on screen meanwhile', async () => {
      const container = await mount(
        html`<odw-source id="redraw-source" src=${ODS} where=${ORLEANS}></odw-source>
          <odw-chart source="redraw-source" x="commune" y="sum(population)" sort="-y"></odw-chart>`,
      );
      const chart = container.querySelector('odw-chart')!;
      const source = container.querySelector<OdwSource>('odw-source')!;
      await drawn(chart);
      expect(marks(chart)).to.have.length(22);
      const svg = shadow(chart).querySelector('.vega svg');
      const shownWhileLoading: string[] = [];
      const watch = new MutationObserver(() => {
        if (shadow(chart).querySelector('.skeleton')) shownWhileLoading.push('skeleton');
      });
      watch.observe(shadow(chart), {childList: true, subtree: true});
      source.setFilter('test', parseFilter('population >= 10000'));
      await waitUntil(() => marks(chart).length === 7, 'the 7 communes of 10 000 inhabitants or more');
      watch.disconnect();
      expect(shownWhileLoading, 'no placeholder while the filtered rows load').to.deep.equal([]);
      expect(shadow(chart).querySelector('.vega svg'), 'the same drawing').to.equal(svg);
      expect(summary(chart)).to.contain('7');
      expect(svg!.getAttribute('role')).to.equal('img');
      expect(normalize(svg!.getAttribute('aria-label'))).to.equal(summary(chart));
      expect(shadow(chart).querySelectorAll('.points [role="option"]')).to.have.length(7);
      await expect(chart).to.be.accessible();
    });
  });

  describe('requests', () => {
    it('leave in the update that asks for them, and in the event of a filter change', async () => {
      const tag = uniqueTag('early');
      const fetches = watchFetches(tag);
      try {
        const container = await mount(
          html`<odw-source
              id="early-source"
              src=${ODS.replace('/portal/', `/portal/~tag=${tag}/`)}
              where=${ORLEANS}
            ></odw-source>
            <odw-chart source="early-source" x="commune" y="sum(population)" sort="-y"></odw-chart>`,
        );
        const chart = container.querySelector('odw-chart')!;
        const source = container.querySelector<OdwSource>('odw-source')!;
        await chart.updateComplete;
        const grouped = () =>
          fetches.calls.filter((call) => decodeURIComponent(call.url).includes('group_by=commune'));
        expect(grouped(), 'the records request, sent with the dataset’s').to.have.length(1);
        await drawn(chart);
        source.setFilter('test', parseFilter('population >= 10000'));
        // Sent in the filter's event itself, before any update of the chart.
        expect(
          grouped()
            .map((call) => decodeURIComponent(call.url))
            .at(-1),
        ).to.contain('population >= 10000');
        await chart.updateComplete;
        expect(grouped(), 'one request for the new filter').to.have.length(2);
        await waitUntil(() => marks(chart).length === 7, 'the 7 communes of 10 000 inhabitants or more');
      } finally {
        fetches.stop();
      }
    });
  });

  describe('filter on click', () => {
    it('sets no filter for « Autres », and still fires odw-select with its datum', async () => {
      const container = await mount(
        html`<odw-source id="others-source" src=${ODS} where=${ORLEANS}></odw-source>
          <odw-chart
            id="others-pie"
            source="others-source"
            type="pie"
            x="commune"
            y="sum(population)"
            limit="3"
            others
            filter-on-click
          ></odw-chart>`,
      );
      const chart = container.querySelector('odw-chart')!;
      const source = container.querySelector<OdwSource>('odw-source')!;
      await drawn(chart);
      const selected: Array<Record<string, unknown>> = [];
      chart.addEventListener('odw-select', (event) => selected.push(event.detail.datum));
      const slices = marks(chart);
      expect(slices).to.have.length(4);
      slices[3].dispatchEvent(new MouseEvent('click', {bubbles: true, composed: true}));
      await waitUntil(() => selected.length === 1, 'odw-select');
      expect(selected[0]).to.include({commune: null, label: 'Autres'});
      expect(source.filters).to.deep.equal([]);
      const others = (await openTable(chart)).find((row) => row[0] === 'Autres')!;
      expect(selected[0].value).to.equal(Number(others[1].replace(/\s/g, '')));
      expect(marks(chart)).to.have.length(4);
    });

    it('filters a monthly chart on the month clicked: a date range', async () => {
      const container = await mount(
        html`<odw-source id="month-source" src=${FESTIVALS} where=${SINCE_2019}></odw-source>
          <odw-kpi source="month-source" value="count()"></odw-kpi>
          <odw-chart
            id="by-month"
            source="month-source"
            x="date_debut_ancien"
            timeunit="month"
            filter-on-click
          ></odw-chart>`,
        900,
      );
      const chart = container.querySelector('odw-chart')!;
      const kpi = container.querySelector<OdwKpi>('odw-kpi')!;
      const source = container.querySelector<OdwSource>('odw-source')!;
      await drawn(chart);
      const kpiValue = () => normalize(part(kpi, 'value')?.textContent);
      await waitUntil(() => kpiValue() !== '', 'kpi loaded', {timeout: 15_000});
      const total = kpiValue();
      // Columns in time order: the fourth is April 2019, with three festivals.
      expect(normalize(shadow(chart).querySelectorAll('[role="option"]')[3].textContent)).to.equal(
        'avr. 2019 : 3',
      );
      marks(chart)[3].dispatchEvent(new MouseEvent('click', {bubbles: true, composed: true}));
      await waitUntil(() => source.getFilter('by-month'), 'filter set');
      expect(formatFilter(source.getFilter('by-month')!)).to.equal(
        "date_debut_ancien >= date'2019-04-01' and date_debut_ancien < date'2019-05-01'",
      );
      await waitUntil(() => kpiValue() === '3', `kpi filtered (was ${total})`, {timeout: 15_000});
      marks(chart)[3].dispatchEvent(new MouseEvent('click', {bubbles: true, composed: true}));
      await waitUntil(() => kpiValue() === total, 'filter cleared', {timeout: 15_000});
      expect(source.getFilter('by-month')).to.equal(undefined);
    });

    for (const [unit, clicked, expected, count] of [
      ['hour', 0, "t >= date'2024-03-05T14:00:00' and t < date'2024-03-05T15:00:00'", '2'],
      ['day', 1, "t >= date'2024-03-06' and t < date'2024-03-07'", '1'],
      ['week', 1, "t >= date'2024-03-11' and t < date'2024-03-18'", '1'],
      ['year', 1, "t >= date'2025-01-01' and t < date'2026-01-01'", '1'],
    ] as const) {
      it(`filters on the ${unit} clicked with timeunit="${unit}"`, async () => {
        const rows = [
          {t: '2024-03-05T14:20:00', n: 1},
          {t: '2024-03-05T14:50:00', n: 1},
          {
            t:
              unit === 'hour'
                ? '2024-03-05T16:10:00'
                : unit === 'week'
                  ? '2024-03-12T09:00:00'
                  : '2024-03-06T09:00:00',
            n: 1,
          },
          ...(unit === 'year' ? [{t: '2025-06-01T09:00:00', n: 1}] : []),
        ];
        const id = `${unit}-source`;
        const container = await mount(
          html`<odw-source id=${id} src=${jsonFile(rows)} api="json"></odw-source>
            <odw-kpi source=${id} value="count()"></odw-kpi>
            <odw-chart id="by-${unit}" source=${id} x="t" timeunit=${unit} filter-on-click></odw-chart>`,
        );
        const chart = container.querySelector('odw-chart')!;
        const kpi = container.querySelector<OdwKpi>('odw-kpi')!;
        const source = container.querySelector<OdwSource>('odw-source')!;
        await drawn(chart);
        marks(chart)[clicked].dispatchEvent(new MouseEvent('click', {bubbles: true, composed: true}));
        await waitUntil(() => source.getFilter(`by-${unit}`), 'filter set');
        expect(formatFilter(source.getFilter(`by-${unit}`)!)).to.equal(expected);
        await waitUntil(() => normalize(part(kpi, 'value')?.textContent) === count, 'kpi filtered', {
          timeout: 15_000,
        });
      });
    }
  });
});
