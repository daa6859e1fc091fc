/** The dashboard's grid, its default source and theme, and its accessibility. */
import {expect, html, waitUntil} from '@open-wc/testing';
import '../odw-kpi/define.js';
import '../odw-table/define.js';
import '../odw-filter/define.js';
import '../odw-chart/define.js';
import './define.js';
import {mount, normalize, part, shadow} from '../../../test/helpers.js';
import {
  ANGERS,
  ODS,
  ORLEANS,
  configured,
  dashboardFromScript,
  fastRetries,
  kpiShows,
  mountDashboard,
  problems,
  width,
} from './dashboard-harness.test.js';

describe('odw-dashboard', function () {
  this.timeout(60_000);
  fastRetries();

  describe('grid', () => {
    it('lays children out in the given columns, a span="2" child two columns wide', async () => {
      const dashboard = await mountDashboard(
        html`<odw-dashboard columns="3" style="width: 960px">
          <div span="2">a</div>
          <div>b</div>
          <div>c</div>
          <div span="full">d</div>
        </odw-dashboard>`,
      );
      const [a, b, c, d] = dashboard.querySelectorAll('div');
      const grid = part(dashboard, 'grid')!;
      expect(getComputedStyle(grid).gridTemplateColumns.split(' ')).to.have.length(3);
      expect(a.getBoundingClientRect().top).to.equal(b.getBoundingClientRect().top);
      expect(c.getBoundingClientRect().top, 'c starts the second row').to.be.greaterThan(
        a.getBoundingClientRect().top,
      );
      const gap = b.getBoundingClientRect().left - a.getBoundingClientRect().right;
      expect(width(a)).to.be.closeTo(2 * width(b) + gap, 1);
      expect(width(d), 'span="full" takes the whole row').to.be.closeTo(width(grid), 1);
    });

    it('never spans more columns than the grid has', async () => {
      const dashboard = await mountDashboard(
        html`<odw-dashboard columns="2" style="width: 960px"
          ><div span="3">a</div>
          <div>b</div></odw-dashboard
        >`,
      );
      const [a, b] = dashboard.querySelectorAll('div');
      const grid = part(dashboard, 'grid')!;
      expect(getComputedStyle(grid).gridTemplateColumns.split(' ')).to.have.length(2);
      expect(width(a)).to.be.closeTo(width(grid), 1);
      expect(width(b)).to.be.lessThan(width(grid) / 2 + 1);
    });

    it('falls back to two columns, then one, when the dashboard is narrow', async () => {
      const dashboard = await mountDashboard(
        html`<odw-dashboard columns="4" style="width: 600px"
          ><div span="3">a</div>
          <div>b</div></odw-dashboard
        >`,
      );
      const grid = part(dashboard, 'grid')!;
      expect(getComputedStyle(grid).gridTemplateColumns.split(' ')).to.have.length(2);
      dashboard.style.width = '360px';
      await waitUntil(() => getComputedStyle(grid).gridTemplateColumns.split(' ').length === 1, 'one column');
      const [a, b] = dashboard.querySelectorAll('div');
      expect(width(a)).to.be.closeTo(width(grid), 1);
      expect(width(b)).to.be.closeTo(width(grid), 1);
    });

    it('shows its title as a level-2 heading naming the region, and its description', async () => {
      const dashboard = await mountDashboard(
        html`<odw-dashboard title="Orléans Métropole" description="Population légale 2025"></odw-dashboard>`,
      );
      const heading = part(dashboard, 'title')!;
      expect(heading.getAttribute('role')).to.equal('heading');
      expect(heading.getAttribute('aria-level')).to.equal('2');
      expect(normalize(heading.textContent)).to.equal('Orléans Métropole');
      expect(normalize(part(dashboard, 'description')!.textContent)).to.equal('Population légale 2025');
      const base = part(dashboard, 'base')!;
      expect(base.localName).to.equal('section');
      expect(base.getAttribute('aria-labelledby')).to.equal('title');
      expect(base.getAttribute('title'), 'no tooltip over the whole dashboard').to.equal('');
    });
  });

  describe('heading levels of its child widgets', () => {
    /** The level of a widget's own heading, once drawn. */
    const levelOf = async (widget: Element) => {
      await waitUntil(() => part(widget, 'title'), 'the widget heading');
      return part(widget, 'title')!.getAttribute('aria-level');
    };

    it('puts the headings of widgets written as tags one level below its own, keeping a given one', async () => {
      const container = await mount(
        html`<div>
          <h1>Orléans Métropole en chiffres</h1>
          <odw-dashboard title="La population" src=${ODS} where=${ORLEANS}>
            <odw-kpi title="Habitants" value="sum(population)"></odw-kpi>
            <odw-kpi title="Communes" value="count()" heading-level="5"></odw-kpi>
          </odw-dashboard>
        </div>`,
      );
      const dashboard = container.querySelector('odw-dashboard')!;
      const [inhabitants, communes] = dashboard.querySelectorAll('odw-kpi');
      expect(part(dashboard, 'title')!.getAttribute('aria-level')).to.equal('2');
      expect(await levelOf(inhabitants)).to.equal('3');
      expect(await levelOf(communes), 'its own heading-level kept').to.equal('5');

      dashboard.headingLevel = 3;
      await waitUntil(() => inhabitants.getAttribute('heading-level') === '4', 'the level followed');
      expect(await levelOf(inhabitants)).to.equal('4');
      expect(communes.getAttribute('heading-level')).to.equal('5');
    });

    it('gives widgets its own level when it has no title, and a widget added later its level too', async () => {
      const container = await mount(
        html`<div>
          <h1>Orléans Métropole en chiffres</h1>
          <odw-dashboard src=${ODS} where=${ORLEANS}>
            <odw-kpi title="Habitants" value="sum(population)"></odw-kpi>
          </odw-dashboard>
        </div>`,
      );
      const dashboard = container.querySelector('odw-dashboard')!;
      expect(await levelOf(dashboard.querySelector('odw-kpi')!)).to.equal('2');
      dashboard.title = 'La population';
      const later = document.createElement('odw-kpi');
      later.setAttribute('title', 'Communes');
      later.setAttribute('value', 'count()');
      dashboard.append(later);
      await waitUntil(() => later.getAttribute('heading-level') === '3', 'the level of the added widget');
      expect(await levelOf(later)).to.equal('3');
      expect(await levelOf(dashboard.querySelector('odw-kpi')!)).to.equal('3');
    });
  });

  describe('default source and theme', () => {
    it('binds children without source or src to a source made from its src and where', async () => {
      const dashboard = await mountDashboard(
        html`<odw-dashboard id="dash-src" src=${ODS} where=${ORLEANS}>
          <odw-kpi value="sum(population)" label="Habitants"></odw-kpi>
          <odw-kpi src=${ODS} value="sum(population)" where=${ANGERS}></odw-kpi>
        </odw-dashboard>`,
      );
      const [shared, own] = dashboard.querySelectorAll('odw-kpi');
      expect(shared.getAttribute('source')).to.equal('dash-src-source');
      const source = dashboard.querySelector('odw-source')!;
      expect(source.id).to.equal('dash-src-source');
      expect(source.getAttribute('where')).to.equal(ORLEANS);
      expect(own.hasAttribute('source'), 'a child with its own src keeps it').to.equal(false);
      await kpiShows(shared, '293 673');
      await kpiShows(own, '308 806');
    });

    it('binds children to the odw-source named by source, and follows a change of it', async () => {
      const container = await mount(
        html`<div>
          <odw-source id="dash-orleans" src=${ODS} where=${ORLEANS}></odw-source>
          <odw-source id="dash-angers" src=${ODS} where=${ANGERS}></odw-source>
          <odw-source id="dash-mine" src=${ODS} where='code_insee = "45234"'></odw-source>
          <odw-dashboard source="dash-orleans">
            <odw-kpi value="sum(population)"></odw-kpi>
            <odw-kpi source="dash-mine" value="sum(population)"></odw-kpi>
          </odw-dashboard>
        </div>`,
      );
      const dashboard = container.querySelector('odw-dashboard')!;
      const [shared, own] = dashboard.querySelectorAll('odw-kpi');
      await kpiShows(shared, '293 673');
      await kpiShows(own, '116 344');
      dashboard.source = 'dash-angers';
      await kpiShows(shared, '308 806');
      expect(own.getAttribute('source')).to.equal('dash-mine');
    });

    it('binds a child added later', async () => {
      const dashboard = await mountDashboard(
        html`<odw-dashboard src=${ODS} where=${ORLEANS}></odw-dashboard>`,
      );
      const kpi = document.createElement('odw-kpi');
      kpi.setAttribute('value', 'count()');
      dashboard.append(kpi);
      await kpiShows(kpi, '22');
    });

    it('gives its theme to children without one, and the same look to its own frame', async () => {
      const dashboard = await mountDashboard(
        html`<odw-dashboard theme="dark" title="Sombre" src=${ODS} where=${ORLEANS}>
          <odw-kpi value="count()"></odw-kpi>
          <odw-kpi value="count()" theme="dsfr"></odw-kpi>
        </odw-dashboard>`,
      );
      const [inherited, own] = dashboard.querySelectorAll('odw-kpi');
      expect(inherited.getAttribute('theme')).to.equal('dark');
      expect(own.getAttribute('theme')).to.equal('dsfr');
      const token = (el: Element, name: string) => getComputedStyle(el).getPropertyValue(name).trim();
      expect(token(inherited, '--_odw-background')).to.equal('#161b22');
      expect(token(dashboard, '--_odw-surface'), 'the dashboard itself is dark').to.equal('#1f2630');
      expect(getComputedStyle(part(dashboard, 'base')!).backgroundColor).to.equal('rgb(31, 38, 48)');

      dashboard.theme = 'dsfr';
      await dashboard.updateComplete;
      expect(inherited.getAttribute('theme')).to.equal('dsfr');
      dashboard.removeAttribute('theme');
      await dashboard.updateComplete;
      expect(inherited.hasAttribute('theme'), 'back to the system setting').to.equal(false);
      expect(own.getAttribute('theme')).to.equal('dsfr');
    });
  });

  describe('accessibility', () => {
    it('is accessible with a title, a description and widgets', async () => {
      const dashboard = await mountDashboard(
        html`<odw-dashboard
          title="Orléans Métropole"
          description="Population légale 2025"
          src=${ODS}
          where=${ORLEANS}
        >
          <odw-kpi value="sum(population)" label="Habitants"></odw-kpi>
          <odw-table
            columns="commune,population"
            sort="-population"
            page-size="5"
            title="Communes"
          ></odw-table>
        </odw-dashboard>`,
      );
      await kpiShows(dashboard.querySelector('odw-kpi')!, '293 673');
      await waitUntil(() => shadow(dashboard.querySelector('odw-table')!).querySelector('tbody'), 'table', {
        timeout: 20_000,
      });
      await expect(dashboard).to.be.accessible();
    });

    it('is accessible from a configuration, under the dark theme', async () => {
      const dashboard = await dashboardFromScript({
        title: 'Angers',
        theme: 'dark',
        sources: [{id: 'a11y-angers', src: ODS, where: ANGERS}],
        filters: [{field: 'commune'}],
        widgets: [{type: 'kpi', value: 'sum(population)', label: 'Habitants'}],
      });
      await kpiShows(configured(dashboard, 'odw-kpi')[0], '308 806');
      await waitUntil(() => part(configured(dashboard, 'odw-filter')[0], 'control'), 'filter', {
        timeout: 20_000,
      });
      await expect(dashboard).to.be.accessible();
    });

    it('is accessible when it lists configuration errors', async () => {
      const dashboard = await dashboardFromScript({widgets: [{tpye: 'kpi'}]});
      expect(problems(dashboard).length).to.be.greaterThan(0);
      await expect(dashboard).to.be.accessible();
    });
  });
});
