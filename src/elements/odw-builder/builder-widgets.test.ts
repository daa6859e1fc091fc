import {expect, waitUntil} from '@open-wc/testing';
import type {OdwBuilder} from './odw-builder.js';
import {normalize, shadow} from '../../../test/helpers.js';
import {
  $,
  text,
  builder,
  datasetShown,
  choose,
  select,
  next,
  copiedCode,
  pasted,
  deepQuery,
  previewed,
  ODS_PAGE,
  FESTIVALS,
  PARKINGS,
} from './builder-harness.test.js';

describe('odw-builder widgets', function () {
  this.timeout(60_000);

  describe('each widget, from the builder to a blank page', () => {
    /** Chooses `kind` on step 2 of a builder of `src`, then runs `setUp` there. */
    async function widgetOf(
      src: string,
      kind: string,
      setUp?: (el: OdwBuilder) => Promise<void>,
    ): Promise<OdwBuilder> {
      const el = await builder(src);
      await datasetShown(el);
      await next(el);
      await choose(el, `#kind-${kind}`);
      await setUp?.(el);
      return el;
    }

    /** Reads `read` from the previewed widget, then from the same widget in a blank page holding the copied code. */
    async function sameOnPastedPage(
      el: OdwBuilder,
      tag: string,
      read: (widget: Element) => string,
    ): Promise<{preview: string; page: string; code: string}> {
      const preview = previewed(el, tag);
      await waitUntil(() => read(preview), `${tag} previewed`, {timeout: 30_000});
      const code = await copiedCode(el);
      const page = await pasted(code);
      await waitUntil(
        () => page.querySelector(tag) && read(page.querySelector(tag)!),
        `${tag} on the pasted page`,
        {
          timeout: 30_000,
        },
      );
      const result = {preview: read(preview), page: read(page.querySelector(tag)!), code};
      expect(result.page).to.equal(result.preview);
      return result;
    }

    const partText = (widget: Element, name: string) =>
      normalize(widget.shadowRoot?.querySelector(`[part~="${name}"]`)?.textContent);
    const summaryOf = (widget: Element) =>
      normalize(widget.shadowRoot?.querySelector('#summary')?.textContent);

    it('makes a KPI: the same figure in the preview, the reader text and the pasted page', async () => {
      const el = await widgetOf(ODS_PAGE, 'kpi');
      const {page, code} = await sameOnPastedPage(el, 'odw-kpi', (widget) => partText(widget, 'value'));
      expect(page).to.equal('67 808 450');
      expect(code).to.match(/^<script type="module" src="\/src\/autoloader.ts"><\/script>\n<odw-kpi\n/);
      expect(code).to.include(`src="${location.origin}${ODS_PAGE}"`);
      await waitUntil(() => text(el, '#reader').includes('67 808 450'), 'reader text');
      expect(text(el, '#reader')).to.equal('Population municipale 67 808 450');
      await expect(el).to.be.accessible();
    });

    for (const [type, src] of [
      ['column', ODS_PAGE],
      ['bar', ODS_PAGE],
      ['pie', ODS_PAGE],
      ['donut', ODS_PAGE],
      ['scatter', ODS_PAGE],
      ['line', FESTIVALS],
      ['area', FESTIVALS],
    ]) {
      it(`makes a ${type} chart that draws the same on the pasted page`, async () => {
        const el = await widgetOf(src, 'chart', (builderEl) => choose(builderEl, `#chart-type-${type}`));
        const {page, code} = await sameOnPastedPage(el, 'odw-chart', summaryOf);
        expect(code).to.include(`type="${type}"`);
        expect(page.length).to.be.greaterThan(10);
        await waitUntil(() => text(el, '#reader') !== 'En attente du widget…', 'reader text');
        expect(text(el, '#reader')).to.include(page);
      });
    }

    it('makes a choropleth of départements with the bundled outlines', async () => {
      const el = await widgetOf(ODS_PAGE, 'map');
      expect(($(el, '#map-mode-choropleth') as HTMLInputElement).checked).to.equal(true);
      expect($(el, '#map-mode-points'), 'no points without a geo field').to.equal(null);
      const outlines = [...($(el, '#map-shapes') as HTMLSelectElement).options].map((option) => option.value);
      expect(outlines).to.include('departements.geojson');
      expect(($(el, '#map-key') as HTMLSelectElement).value).to.equal('code_departement');
      const {page, code} = await sameOnPastedPage(el, 'odw-map', summaryOf);
      expect(code).to.include(`shapes="${location.origin}/portal/files/departements.geojson"`);
      expect(page).to.match(/96/);
      await expect(el).to.be.accessible();
    });

    it('makes a points map of a dataset with coordinates', async () => {
      const el = await widgetOf(PARKINGS, 'map');
      expect(($(el, '#map-mode-points') as HTMLInputElement).checked).to.equal(true);
      const {page} = await sameOnPastedPage(el, 'odw-map', summaryOf);
      expect(page).to.include('9 814 points');
    });

    it('makes a table of the chosen columns', async () => {
      const el = await widgetOf(ODS_PAGE, 'table');
      const rowsOf = (widget: Element) =>
        [...(widget.shadowRoot?.querySelectorAll('tbody tr') ?? [])]
          .map((row) => normalize(row.textContent))
          .join(' | ');
      const {page, code} = await sameOnPastedPage(el, 'odw-table', rowsOf);
      expect(code).to.include('columns="code_region,region,code_departement,code_insee,commune"');
      expect(page.split(' | ')).to.have.length(10);
    });

    it('makes a filter bound to a source of its own', async () => {
      const el = await widgetOf(ODS_PAGE, 'filter');
      const choices = (widget: Element) =>
        [...(widget.shadowRoot?.querySelectorAll('option, input[type="checkbox"]') ?? [])].length > 1
          ? String(widget.shadowRoot!.querySelectorAll('option, input[type="checkbox"]').length)
          : '';
      const {code} = await sameOnPastedPage(el, 'odw-filter', choices);
      expect(code).to.include('field="region"');
      await waitUntil(() => text(el, '#reader').includes('Région'), 'the filter read by its label');
      expect(code).to.match(
        /<odw-source id="donnees" src="[^"]+"><\/odw-source>\n<odw-filter\n {2}source="donnees"/,
      );
    });

    it('makes a dashboard of several widgets: one odw-dashboard with its JSON', async () => {
      const el = await widgetOf(ODS_PAGE, 'dashboard');
      const items = [...shadow(el).querySelectorAll('#dashboard-widgets > li')].map((item) =>
        normalize(item.textContent),
      );
      expect(items.map((item) => item.split(' :')[0])).to.deep.equal([
        '1. Filtre',
        '2. Chiffre clé',
        '3. Graphique',
        '4. Carte',
        '5. Tableau',
      ]);
      ($(el, '#edit-4') as HTMLButtonElement).click();
      await el.updateComplete;
      await choose(el, '#edited-kind-kpi');
      expect(text(el, '#dashboard-widgets > li:nth-child(5)')).to.match(
        /^5\. Chiffre clé : Population municipale/,
      );
      ($(el, '#remove-4') as HTMLButtonElement).click();
      await el.updateComplete;
      expect(shadow(el).querySelectorAll('#dashboard-widgets > li')).to.have.length(4);
      ($(el, '#add-table') as HTMLButtonElement).click();
      await el.updateComplete;
      expect(text(el, '#dashboard-widgets > li:nth-child(5)')).to.match(
        /^5\. Tableau : .*\(en cours de modification\) Retirer$/,
      );
      ($(el, '#edit-1') as HTMLButtonElement).click();
      await el.updateComplete;
      await select(el, '#value-fn', 'count');
      // Once the dashboard is drawn, its title and its table's name differ (a table named after the
      // dataset, like the dashboard, made two regions of one name).
      await waitUntil(
        () => previewed(el, 'odw-dashboard').shadowRoot?.querySelector('section[aria-labelledby]'),
        'the dashboard titled',
        {timeout: 20_000},
      );
      await expect(el).to.be.accessible();
      // Checked before the blank page exists: its dashboard bears the same name, on purpose.
      await next(el);
      expect(text(el, 'legend')).to.equal('Le tableau de bord');
      await expect(el).to.be.accessible();
      const figure = (dashboard: Element) => {
        const kpi = dashboard.shadowRoot ? deepQuery(dashboard.shadowRoot, 'odw-kpi') : null;
        return kpi ? partText(kpi, 'value') : '';
      };
      const {page, code} = await sameOnPastedPage(el, 'odw-dashboard', figure);
      expect(page, 'count() of the communes').to.match(/^\d\d \d{3}$/);
      const json = /<script type="application\/json">([\s\S]*)<\/script>/.exec(code)![1];
      const config = JSON.parse(json) as {widgets: Array<{type: string}>; filters: unknown[]; title: string};
      expect(config.title).to.equal('Populations légales 2025 des communes');
      expect(config.widgets.map((widget) => widget.type)).to.deep.equal(['kpi', 'chart', 'map', 'table']);
      expect(config.filters).to.have.length(1);
    });
  });
});
