import {expect, waitUntil} from '@open-wc/testing';
import {click, drawn, hover, marks, normalize, openPage, part, removeFrames, shadow} from './helpers.js';

type ProbedWindow = Window & {cspViolations?: string[]; pageErrors?: string[]};

describe('hardening: every element under a strict CSP', function () {
  this.timeout(90_000);
  afterEach(removeFrames);

  it('draws every element, popups included, with zero securitypolicyviolation', async () => {
    const win = (await openPage('/test/hardening/pages/csp-all.html')) as ProbedWindow;
    const page = win.document;
    await waitUntil(() => win.customElements.get('odw-dashboard'), 'elements defined', {timeout: 20_000});
    const byId = (id: string) => page.getElementById(id)!;

    for (const id of [
      'kpi',
      'column',
      'donut',
      'choropleth',
      'points',
      'table',
      'select',
      'checkboxes',
      'range',
    ]) {
      await drawn(byId(id));
    }
    expect(normalize(part(byId('kpi'), 'value')?.textContent)).to.equal('293 673');
    expect(shadow(byId('choropleth')).querySelectorAll('svg.map-svg path').length).to.be.greaterThan(10);
    expect(shadow(byId('table')).querySelectorAll('tbody tr')).to.have.length(5);
    expect(shadow(byId('checkboxes')).querySelectorAll('input[type=checkbox]').length).to.be.greaterThan(1);

    // The dashboard built from JSON: its own widgets drawn.
    const dashboard = byId('dashboard');
    await waitUntil(() => dashboard.shadowRoot?.querySelector('odw-table'), 'dashboard widgets', {
      timeout: 20_000,
    });
    for (const widget of dashboard.shadowRoot!.querySelectorAll(
      'odw-kpi, odw-chart, odw-table, odw-filter',
    )) {
      await drawn(widget);
    }

    // The popup of a point, from the <template>.
    const points = byId('points');
    await waitUntil(() => shadow(points).querySelector('g.point'), 'a point', {timeout: 20_000});
    click(shadow(points).querySelector('g.point')!);
    await waitUntil(() => part(points, 'popup')?.querySelector('.name'), 'popup from the template');
    expect(normalize(part(points, 'popup')!.textContent)).to.match(/ à \S/);

    // The chart tooltip.
    hover(marks(byId('column'))[0]);
    await waitUntil(() => !(part(byId('column'), 'tooltip') as HTMLElement | null)?.hidden, 'tooltip shown');

    // The styles did apply (constructable stylesheets, not <style> elements).
    expect(shadow(byId('kpi')).adoptedStyleSheets.length).to.be.greaterThan(0);
    expect(win.cspViolations).to.deep.equal([]);
    expect(win.pageErrors).to.deep.equal([]);
  });

  it('odw-map draws a choropleth and a popup with zero securitypolicyviolation', async () => {
    const win = (await openPage('/test/hardening/pages/csp-all.html')) as ProbedWindow;
    await waitUntil(() => win.customElements.get('odw-map'), 'elements defined', {timeout: 20_000});
    const points = win.document.getElementById('points')!;
    await drawn(win.document.getElementById('choropleth')!);
    await drawn(points);
    click(shadow(points).querySelector('g.point')!);
    await waitUntil(() => part(points, 'popup'), 'popup');
    expect(win.cspViolations).to.deep.equal([]);
  });

  it('odw-builder loads a dataset and previews its first chart with zero securitypolicyviolation', async () => {
    const win = (await openPage('/test/hardening/pages/csp-builder.html')) as ProbedWindow;
    await waitUntil(() => win.customElements.get('odw-builder'), 'builder defined', {timeout: 20_000});
    const builder = win.document.getElementById('builder')!;
    await waitUntil(() => shadow(builder).querySelector('#preview-frame odw-chart'), 'a chart proposed', {
      timeout: 30_000,
    });
    await drawn(shadow(builder).querySelector('#preview-frame odw-chart')!);
    expect(normalize(shadow(builder).querySelector('#dataset-meta')?.textContent)).to.include(
      'Populations légales 2025 des communes',
    );
    expect(shadow(builder).adoptedStyleSheets.length).to.be.greaterThan(0);
    expect(win.cspViolations).to.deep.equal([]);
    expect(win.pageErrors).to.deep.equal([]);
  });
});
