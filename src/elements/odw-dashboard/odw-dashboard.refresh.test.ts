/** A dashboard's widgets reloading together, and filtering together. */
import {expect, html, waitUntil} from '@open-wc/testing';
import type {OdwSource} from '../odw-source/odw-source.js';
import '../odw-kpi/define.js';
import '../odw-table/define.js';
import '../odw-filter/define.js';
import '../odw-chart/define.js';
import './define.js';
import {normalize, part, shadow} from '../../../test/helpers.js';
import {
  ODS_PATH,
  ORLEANS,
  configured,
  dashboardFromScript,
  fastRetries,
  kpiShows,
  kpiValue,
  mountDashboard,
  requestLog,
  setFaults,
  uniqueName,
} from './dashboard-harness.test.js';

describe('odw-dashboard', function () {
  this.timeout(60_000);
  fastRetries();

  describe('refresh', () => {
    it('reloads every widget in place, then keeps the last data with the stale notice when a refresh fails', async () => {
      const sequence = uniqueName('dash-seq');
      const src = `/portal/~seq=${sequence},tag=${sequence}/${ODS_PATH}`;
      const dashboard = await mountDashboard(
        html`<odw-dashboard columns="3" style="width: 1000px" src=${src} where=${ORLEANS}>
          <odw-kpi value="sum(population)" label="Habitants"></odw-kpi>
          <odw-table columns="commune,population" sort="-population" page-size="5"></odw-table>
          <odw-chart type="bar" x="commune" y="sum(population)" sort="-y" limit="5"></odw-chart>
        </odw-dashboard>`,
      );
      const kpi = dashboard.querySelector('odw-kpi')!;
      const table = dashboard.querySelector('odw-table')!;
      const chart = dashboard.querySelector('odw-chart')!;
      const widgets: Element[] = [kpi, table, chart];
      await kpiShows(kpi, '293 673');
      await waitUntil(() => shadow(table).querySelectorAll('tbody tr').length === 5, 'table rows', {
        timeout: 20_000,
      });
      await waitUntil(() => shadow(chart).querySelector('.vega svg .role-mark'), 'chart drawn', {
        timeout: 30_000,
      });
      // The source they share is cited once, under the dashboard, and by none of them.
      await waitUntil(() => part(dashboard, 'footer'), 'the source cited under the dashboard', {
        timeout: 20_000,
      });
      for (const widget of widgets) expect(part(widget, 'footer'), widget.localName).to.equal(null);
      const heights = new Map(widgets.map((widget) => [widget, widget.getBoundingClientRect().height]));
      const smallest = new Map(heights);
      const observer = new ResizeObserver((entries) => {
        for (const entry of entries) {
          const height = entry.target.getBoundingClientRect().height;
          smallest.set(entry.target as Element, Math.min(smallest.get(entry.target as Element)!, height));
        }
      });
      for (const widget of widgets) observer.observe(widget);
      const shownDuringReload = new Set<string>();
      const watchBusy = () => {
        for (const widget of widgets) {
          if (part(widget, 'body')?.getAttribute('aria-busy') === 'true') {
            shownDuringReload.add(
              `${widget.localName}:${shadow(widget).querySelector('.skeleton') ? 'skeleton' : 'data'}`,
            );
          }
        }
      };
      const busyObserver = new MutationObserver(watchBusy);
      for (const widget of widgets) busyObserver.observe(shadow(widget), {attributes: true, subtree: true});

      try {
        // A successful refresh: new requests, the same figures, no placeholder.
        await fetch(`/portal/__requests?tag=${sequence}`, {method: 'DELETE'});
        const loads = new Set<Element>();
        dashboard.addEventListener('odw-load', (event) => loads.add(event.composedPath()[0] as Element));
        dashboard.reload();
        await waitUntil(() => widgets.every((widget) => loads.has(widget)), 'every widget reloaded', {
          timeout: 20_000,
        });
        expect((await requestLog(sequence)).length, 'fresh requests were sent').to.be.greaterThan(0);
        expect(kpiValue(kpi)).to.equal('293 673');

        // A failing refresh: every attempt answers 500.
        await setFaults(
          sequence,
          Array.from({length: 60}, () => 'status=500'),
        );
        dashboard.reload();
        await waitUntil(
          () => widgets.every((widget) => shadow(widget).querySelector('.status.stale')),
          'every widget dates its data',
          {timeout: 30_000},
        );
        // Each widget dates what it shows, in place; the source says why once, with « Réessayer ».
        for (const widget of widgets) {
          expect(normalize(shadow(widget).querySelector('.status.stale')!.textContent)).to.match(
            /^Données du .+$/,
          );
          expect(part(widget, 'retry'), widget.localName).to.equal(null);
        }
        const source = dashboard.querySelector('odw-source')!;
        await source.updateComplete;
        expect(normalize(part(source, 'status')?.textContent)).to.match(
          /^[^:]+ : Données du .+ — la mise à jour a échoué Réessayer$/,
        );
        expect(part(source, 'status')?.getAttribute('role')).to.equal('status');
        expect(kpiValue(kpi), 'the last figure stays').to.equal('293 673');
        expect(shadow(table).querySelectorAll('tbody tr')).to.have.length(5);
        expect(shadow(chart).querySelector('.vega svg .role-mark'), 'the chart stays drawn').to.not.equal(
          null,
        );
        watchBusy();
        expect(
          [...shownDuringReload].filter((entry) => entry.endsWith('skeleton')),
          'no placeholder',
        ).to.deep.equal([]);
        for (const widget of widgets) {
          expect(smallest.get(widget)!, `${widget.localName} never shrank while reloading`).to.be.at.least(
            heights.get(widget)! - 1,
          );
        }

        // The portal is back: « Réessayer » brings fresh data and removes the notice.
        await setFaults(sequence, []);
        part(source, 'retry')!.dispatchEvent(new MouseEvent('click'));
        await waitUntil(() => !shadow(kpi).querySelector('.status.stale'), 'the notice goes', {
          timeout: 20_000,
        });
        expect(kpiValue(kpi)).to.equal('293 673');
      } finally {
        observer.disconnect();
        busyObserver.disconnect();
      }
    });
  });

  describe('cross-filtering', () => {
    it('moves a filter, a KPI, a chart and a table together with one request per distinct query', async () => {
      const tag = uniqueName('dash-cross');
      const dashboard = await dashboardFromScript({
        sources: [{id: 'cross', src: `/portal/~tag=${tag}/${ODS_PATH}`, where: ORLEANS}],
        filters: [{field: 'commune', type: 'checkboxes', label: 'Commune'}],
        widgets: [
          {type: 'kpi', value: 'sum(population)', label: 'Habitants'},
          {type: 'chart', 'chart-type': 'bar', x: 'commune', y: 'sum(population)'},
          {type: 'table', columns: 'commune,population', sort: '-population', 'page-size': 25},
        ],
      });
      const [filter] = configured(dashboard, 'odw-filter');
      const [kpi] = configured(dashboard, 'odw-kpi');
      const [chart] = configured(dashboard, 'odw-chart');
      const [table] = configured(dashboard, 'odw-table');
      const latest = new Map<Element, {rows: unknown[]; total: number}>();
      dashboard.addEventListener('odw-load', (event) => {
        latest.set(
          event.composedPath()[0] as Element,
          (event as CustomEvent<{rows: unknown[]; total: number}>).detail,
        );
      });
      await kpiShows(kpi, '293 673');
      await waitUntil(() => shadow(table).querySelectorAll('tbody tr').length === 22, 'the 22 communes', {
        timeout: 20_000,
      });
      await waitUntil(() => shadow(chart).querySelector('.vega svg .role-mark'), 'chart drawn', {
        timeout: 30_000,
      });
      await waitUntil(() => shadow(filter).querySelectorAll('.choice').length === 22, 'the choices', {
        timeout: 20_000,
      });
      await fetch(`/portal/__requests?tag=${tag}`, {method: 'DELETE'});

      const orleans = [...shadow(filter).querySelectorAll('.choice')].find(
        (choice) => normalize(choice.querySelector('.choice-label')!.textContent) === 'Orléans',
      )!;
      orleans.querySelector('input')!.click();

      await kpiShows(kpi, '116 344');
      await waitUntil(() => shadow(table).querySelectorAll('tbody tr').length === 1, 'one row', {
        timeout: 20_000,
      });
      await waitUntil(() => latest.get(chart)?.rows.length === 1, 'one bar', {timeout: 30_000});
      expect(normalize(shadow(table).querySelector('tbody tr')!.textContent)).to.contain('Orléans');
      const source = configured(dashboard, 'odw-source')[0] as OdwSource;
      expect(source.filters).to.have.length(1);
      const urls = await requestLog(tag);
      expect(new Set(urls).size, `no query sent twice:\n${urls.join('\n')}`).to.equal(urls.length);
      // KPI, chart and table re-query; the filter's own counts ignore its own filter (cached).
      expect(urls.length, urls.join('\n')).to.be.at.most(3);
    });
  });
});
