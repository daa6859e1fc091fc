import {expect, waitUntil} from '@open-wc/testing';
import {drawn, normalize, watchPage} from '../helpers.js';

/** examples/dsfr.html, loaded as a visitor would: a State site on the DSFR with widgets in `theme="dsfr"`. */

const PAGE = '/examples/dsfr.html';

/** The page as a visitor loads it, listened to before its widgets' module runs. */
async function openDsfrPage(): Promise<{page: Document; errors: string[]}> {
  const {document: page, problems: errors} = await watchPage(PAGE, 'odw-table');
  return {page, errors};
}

function token(el: Element, name: string): string {
  return getComputedStyle(el).getPropertyValue(name).trim();
}

describe('examples/dsfr.html', function () {
  this.timeout(120_000);

  it('draws a KPI, a chart, a map, a table and a filter in the DSFR theme, without an error', async () => {
    const {page, errors} = await openDsfrPage();
    const widgets = [...page.querySelectorAll('odw-kpi, odw-chart, odw-map, odw-table, odw-filter')];
    expect(widgets.map((widget) => widget.localName).sort()).to.deep.equal([
      'odw-chart',
      'odw-filter',
      'odw-kpi',
      'odw-map',
      'odw-table',
    ]);
    for (const widget of widgets) {
      expect(widget.getAttribute('theme'), widget.localName).to.equal('dsfr');
      await drawn(widget, 40_000);
    }
    const kpi = page.querySelector('odw-kpi')!;
    await waitUntil(
      () => normalize(kpi.shadowRoot!.querySelector('[part~=value]')?.textContent) === '293 673 hab.',
    );
    expect(page.querySelector('odw-table')!.shadowRoot!.querySelectorAll('tbody tr')).to.have.length(10);
    expect(page.querySelector('.fr-header .fr-logo'), 'the DSFR header').not.to.equal(null);
    expect(page.querySelector('.fr-footer'), 'the DSFR footer').not.to.equal(null);
    expect(errors).to.deep.equal([]);
  });

  it('takes the colours of the page’s DSFR and its Marianne font', async () => {
    const {page} = await openDsfrPage();
    const kpi = page.querySelector('odw-kpi')!;
    await drawn(kpi, 40_000);
    const root = page.documentElement;
    // The DSFR CSS is served and applied (from node_modules, as `npm start` serves it).
    expect(token(root, '--blue-france-sun-113-625')).to.equal('#000091');
    for (const [ours, theirs] of [
      ['--_odw-accent', '--text-action-high-blue-france'],
      ['--_odw-text-color', '--text-title-grey'],
      ['--_odw-background', '--background-default-grey'],
      ['--_odw-palette-1', '--blue-france-sun-113-625'],
    ]) {
      expect(token(kpi, ours), ours).to.equal(token(root, theirs));
    }
    // The DSFR's dark mode: the widget follows the page's DSFR properties.
    root.setAttribute('data-fr-theme', 'dark');
    expect(token(kpi, '--_odw-background')).to.equal(token(root, '--background-default-grey'));
    expect(token(kpi, '--_odw-background')).not.to.equal('#fff');
    root.removeAttribute('data-fr-theme');
    const value = kpi.shadowRoot!.querySelector('[part~=value]')!;
    expect(getComputedStyle(value).fontFamily).to.match(/^Marianne\b/);
    await page.fonts.ready;
    expect(page.fonts.check('700 16px Marianne'), 'Marianne bold loaded').to.equal(true);
    const marianne = [...page.fonts].filter((face) => face.family.replace(/"/g, '') === 'Marianne');
    expect(
      marianne.some((face) => face.status === 'loaded'),
      'a Marianne face loaded',
    ).to.equal(true);
  });

  it('shows the snippet of the widgets it draws', async () => {
    const {page} = await openDsfrPage();
    const pasted = new DOMParser().parseFromString(page.querySelector('pre code')!.textContent!, 'text/html');
    expect(pasted.querySelector('script[type=module]')!.getAttribute('src')).to.match(
      /open-data-widgets\.js$/,
    );
    const pastedWidgets = [...pasted.querySelectorAll('*')].filter((el) => el.localName.startsWith('odw-'));
    const liveWidgets = [...page.querySelectorAll('*')].filter((el) => el.localName.startsWith('odw-'));
    expect(liveWidgets.map((el) => el.localName)).to.deep.equal(pastedWidgets.map((el) => el.localName));
    pastedWidgets.forEach((element, index) => {
      for (const {name, value} of element.attributes) {
        expect(liveWidgets[index].getAttribute(name), `${element.localName} ${name}`).to.equal(value);
      }
    });
  });

  it('is accessible (axe), DSFR header and footer included', async () => {
    const {page} = await openDsfrPage();
    for (const widget of page.querySelectorAll('odw-kpi, odw-chart, odw-map, odw-table, odw-filter')) {
      await drawn(widget, 40_000);
    }
    // axe runs inside the page's own window, on its whole document.
    const script = page.createElement('script');
    script.src = '/node_modules/axe-core/axe.min.js';
    page.head.append(script);
    const win = page.defaultView as Window & {axe?: typeof import('axe-core')};
    await waitUntil(() => win.axe, 'axe loaded in the page');
    const results = await win.axe!.run(page);
    const problems = results.violations.flatMap((violation) =>
      violation.nodes.map((node) => `${violation.id}: ${node.html}`),
    );
    expect(problems).to.deep.equal([]);
  });
});
