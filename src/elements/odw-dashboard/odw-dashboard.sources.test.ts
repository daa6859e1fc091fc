/**
 * What a dashboard says once for the source its widgets share: the citation under the grid, and
 * one alert when the source fails; and the colours of its page, whatever the visitor's system.
 */
import {expect, html, waitUntil} from '@open-wc/testing';
import {emulateMedia, sendKeys} from '@web/test-runner-commands';
import '../odw-kpi/define.js';
import '../odw-table/define.js';
import '../odw-filter/define.js';
import '../odw-chart/define.js';
import './define.js';
import {drawn, errorText, normalize, part, shadow} from '../../../test/helpers.js';
import {shadowRoots} from '../../../test/hardening/helpers.js';
import {
  ODS,
  ODS_PATH,
  ORLEANS,
  dashboardFromScript,
  fastRetries,
  kpiShows,
  mountDashboard,
  setFaults,
  uniqueName,
} from './dashboard-harness.test.js';

/** Every element matching `selector` in the dashboard and the shadow roots inside it. */
function everywhere(dashboard: Element, selector: string): Element[] {
  return [dashboard, ...shadowRoots(dashboard)].flatMap((root) => [...root.querySelectorAll(selector)]);
}

describe('odw-dashboard', function () {
  this.timeout(60_000);
  fastRetries();

  describe('the source its widgets share', () => {
    it('is cited once, under the grid, and by none of its widgets; a widget with its own src keeps its footer', async () => {
      const dashboard = await mountDashboard(
        html`<odw-dashboard title="Orléans Métropole" src=${ODS} where=${ORLEANS} style="width: 1000px">
          <odw-kpi value="sum(population)" label="Habitants"></odw-kpi>
          <odw-kpi value="count()" label="Communes"></odw-kpi>
          <odw-filter field="commune" label="Commune"></odw-filter>
          <odw-kpi src=${`/portal/${ODS_PATH}?own`} value="count()" label="France"></odw-kpi>
        </odw-dashboard>`,
      );
      const [population, communes, own] = [...dashboard.querySelectorAll('odw-kpi')];
      await kpiShows(population, '293 673');
      await drawn(communes);
      await drawn(own);
      await waitUntil(() => part(dashboard, 'footer'), 'the citation under the dashboard', {timeout: 20_000});
      const citation = part(dashboard, 'footer')!;
      expect(
        everywhere(dashboard, '[part~=footer]').filter((el) => el.getRootNode() === dashboard.shadowRoot),
      ).to.have.length(1);
      expect(normalize(citation.textContent)).to.match(
        /^Source : .+, Insee · Licence Ouverte .+ · Mis à jour le \d+ déc\. 2024$/,
      );
      // One line: the citation sits under the grid, after every widget.
      const grid = part(dashboard, 'grid')!.getBoundingClientRect();
      expect(citation.getBoundingClientRect().top).to.be.at.least(grid.bottom);
      expect(part(population, 'footer'), 'the shared source’s widgets cite nothing').to.equal(null);
      expect(part(communes, 'footer')).to.equal(null);
      expect(part(own, 'footer'), 'a widget with its own src keeps its footer').to.not.equal(null);
      await expect(dashboard).to.be.accessible();
    });

    it('is cited by the widget again once it leaves the dashboard', async () => {
      const dashboard = await mountDashboard(
        html`<odw-dashboard src=${ODS} where=${ORLEANS}>
          <odw-kpi value="sum(population)" label="Habitants"></odw-kpi>
          <odw-kpi value="count()" label="Communes"></odw-kpi>
        </odw-dashboard>`,
      );
      const [first, second] = [...dashboard.querySelectorAll('odw-kpi')];
      await kpiShows(first, '293 673');
      await waitUntil(() => part(dashboard, 'footer'), 'the citation', {timeout: 20_000});
      second.remove();
      await dashboard.updateComplete;
      await waitUntil(() => part(first, 'footer'), 'the widget alone cites its source', {timeout: 5_000});
      expect(part(dashboard, 'footer')).to.equal(null);
    });
  });

  describe('a failing source', () => {
    it('says it once, with one « Réessayer »; its widgets keep their names; the other source’s widgets draw', async () => {
      const failing = uniqueName('dash-fail');
      await setFaults(failing, Array<string>(100).fill('status=500'));
      const dashboard = await dashboardFromScript({
        title: 'Deux sources',
        sources: [
          {id: failing, src: `/portal/~seq=${failing}/${ODS_PATH}`, where: ORLEANS},
          {id: `${failing}-ok`, src: ODS, where: ORLEANS},
        ],
        filters: [{field: 'commune', label: 'Commune', source: failing}],
        widgets: [
          {type: 'kpi', value: 'sum(population)', label: 'Habitants', source: failing},
          {
            type: 'chart',
            title: 'Population par commune',
            x: 'commune',
            y: 'sum(population)',
            source: failing,
          },
          {type: 'kpi', value: 'count()', label: 'Communes', source: `${failing}-ok`},
        ],
      });
      const widgets = [...shadow(dashboard).querySelectorAll('odw-filter, odw-kpi, odw-chart')];
      const [filter, habitants, chart, communes] = widgets;
      for (const widget of [filter, habitants, chart]) {
        await waitUntil(() => errorText(widget), `${widget.localName} fails`, {timeout: 20_000});
        expect(errorText(widget)).to.equal('Données indisponibles');
        expect(part(widget, 'retry'), widget.localName).to.equal(null);
      }
      await kpiShows(communes, '22');
      const alerts = everywhere(dashboard, '[role=alert]');
      expect(alerts).to.have.length(1);
      expect(normalize(alerts[0].textContent)).to.match(
        /^Les données « populations-legales-2025 » n’ont pas pu/,
      );
      expect(everywhere(dashboard, '[part~=retry]')).to.have.length(1);
      expect(normalize(part(habitants, 'label')?.textContent)).to.equal('Habitants');
      expect(normalize(part(filter, 'label')?.textContent)).to.equal('Commune');
      expect(normalize(part(chart, 'title')?.textContent)).to.equal('Population par commune');
      // The alert is the grid's first row, under the dashboard's heading and its filters.
      const source = shadow(dashboard).querySelector(`odw-source[id="${failing}"]`)!;
      expect(source.getBoundingClientRect().top).to.be.below(habitants.getBoundingClientRect().top);
      await expect(dashboard).to.be.accessible();

      // The keyboard reaches « Réessayer » once; after it, the focus is on the first widget.
      const retry = part(source, 'retry') as HTMLButtonElement;
      retry.focus();
      await setFaults(failing, []);
      await sendKeys({press: 'Enter'});
      for (const widget of [habitants, chart]) await drawn(widget);
      expect(everywhere(dashboard, '[role=alert]')).to.deep.equal([]);
      expect(dashboard.shadowRoot!.activeElement).to.equal(filter);
      expect(document.activeElement).to.not.equal(document.body);
    });

    it('speaks once for two sources of one failing dataset, and its « Réessayer » reloads both', async () => {
      const failing = uniqueName('dash-same');
      await setFaults(failing, Array<string>(100).fill('status=500'));
      const src = `/portal/~seq=${failing}/${ODS_PATH}`;
      const dashboard = await dashboardFromScript({
        sources: [
          {id: `${failing}-saran`, src, where: 'code_insee = "45302"'},
          {id: `${failing}-metropole`, src, where: ORLEANS},
        ],
        widgets: [
          {type: 'kpi', value: 'sum(population)', label: 'Saran', source: `${failing}-saran`},
          {type: 'kpi', value: 'sum(population)', label: 'Métropole', source: `${failing}-metropole`},
        ],
      });
      const [saran, metropole] = [...shadow(dashboard).querySelectorAll('odw-kpi')];
      for (const widget of [saran, metropole]) {
        await waitUntil(() => errorText(widget), `${widget.localName} fails`, {timeout: 20_000});
      }
      for (const source of shadow(dashboard).querySelectorAll('odw-source')) await source.updateComplete;
      expect(everywhere(dashboard, '[role=alert]')).to.have.length(1);
      expect(everywhere(dashboard, '[part~=retry]')).to.have.length(1);
      await setFaults(failing, []);
      (everywhere(dashboard, '[part~=retry]')[0] as HTMLButtonElement).click();
      await kpiShows(saran, '16 866');
      await kpiShows(metropole, '293 673');
      expect(everywhere(dashboard, '[role=alert]')).to.deep.equal([]);
    });
  });

  describe('colours', () => {
    afterEach(async () => {
      await emulateMedia({colorScheme: 'light'});
    });

    /** The background of the dashboard and of one of its widgets. */
    async function backgrounds(theme?: string): Promise<string[]> {
      const dashboard = await mountDashboard(
        html`<odw-dashboard src=${ODS} where=${ORLEANS} theme=${theme ?? ''}>
          <odw-kpi value="sum(population)" label="Habitants"></odw-kpi>
        </odw-dashboard>`,
      );
      if (!theme) dashboard.removeAttribute('theme');
      // Connected again: the page's scheme is read on connection.
      dashboard.parentElement!.append(dashboard);
      const kpi = dashboard.querySelector('odw-kpi')!;
      await kpiShows(kpi, '293 673');
      return [
        getComputedStyle(part(dashboard, 'base')!).backgroundColor,
        getComputedStyle(part(kpi, 'base')!).backgroundColor,
      ];
    }

    it('stay light on a light page when the visitor’s system is dark', async () => {
      await emulateMedia({colorScheme: 'dark'});
      const [dashboard, kpi] = await backgrounds();
      expect(kpi).to.equal('rgb(255, 255, 255)');
      expect(dashboard).to.not.equal('rgb(22, 27, 34)');
      expect(luminance(dashboard)).to.be.above(0.8);
    });

    it('follow the system alone with theme="auto"', async () => {
      await emulateMedia({colorScheme: 'dark'});
      const [dashboard, kpi] = await backgrounds('auto');
      expect(kpi).to.equal('rgb(22, 27, 34)');
      expect(luminance(dashboard)).to.be.below(0.2);
    });
  });
});

/** The relative luminance of an `rgb(…)` colour, 0 (black) to 1 (white). */
function luminance(colour: string): number {
  const [r, g, b] = (colour.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map((value) => Number(value) / 255);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
