import {expect, waitUntil} from '@open-wc/testing';
import {normalize, openPage, part} from '../../../test/helpers.js';

/** The demo pages of `npm start`, loaded as a visitor would (the test server serves the repo root). */

/** Waits until `widget` shows its data: no placeholder, no message of error. */
async function drawn(widget: Element): Promise<void> {
  const shows: Record<string, string> = {
    'odw-kpi': '[part~=value]',
    'odw-chart': '.vega svg .role-mark',
    'odw-map': 'svg path, canvas',
    'odw-table': 'tbody tr',
    'odw-filter': '[part~=control]',
  };
  await waitUntil(
    () =>
      widget.shadowRoot?.querySelector(shows[widget.localName]) ||
      widget.shadowRoot?.querySelector('.status.error'),
    `${widget.localName} never drew`,
    {timeout: 40_000},
  );
  expect(
    normalize(widget.shadowRoot!.querySelector('.status.error')?.textContent),
    `${widget.localName} error`,
  ).to.equal('');
}

function kpiShows(widget: Element, text: string): Promise<void> {
  return waitUntil(() => normalize(part(widget, 'value')?.textContent) === text, `KPI ${text}`, {
    timeout: 20_000,
  });
}

/** The markup of the first `<pre><code>` of the page, parsed without running anything. */
function snippet(page: Document): Document {
  const code = page.querySelector('pre code')!.textContent!;
  return new DOMParser().parseFromString(code, 'text/html');
}

/** Every attribute of the snippet's elements is on the live elements, with the same value. */
function expectSnippetMatches(page: Document): void {
  const pasted = snippet(page);
  expect(pasted.querySelector('script[type=module]')!.getAttribute('src')).to.match(/open-data-widgets\.js$/);
  const pastedDashboard = pasted.querySelector('odw-dashboard')!;
  const liveDashboard = page.getElementById(pastedDashboard.id)!;
  const pastedElements = [pastedDashboard, ...pastedDashboard.children];
  const liveElements = [
    liveDashboard,
    ...[...liveDashboard.children].filter((child) => child.localName !== 'odw-source'),
  ];
  expect(liveElements.map((el) => el.localName)).to.deep.equal(pastedElements.map((el) => el.localName));
  pastedElements.forEach((element, index) => {
    for (const {name, value} of element.attributes) {
      expect(liveElements[index].getAttribute(name), `${element.localName} ${name}`).to.equal(value);
    }
  });
}

describe('demo pages', function () {
  this.timeout(120_000);

  it('orleans.html: every widget of the Orléans Métropole dashboard draws, KPI 293 673', async () => {
    const page = await openPage('/examples/orleans.html', 'odw-dashboard');
    const dashboard = page.querySelector('odw-dashboard')!;
    const widgets = [...dashboard.querySelectorAll('odw-kpi, odw-chart, odw-map, odw-table, odw-filter')];
    expect(widgets.map((widget) => widget.localName).sort()).to.deep.equal([
      'odw-chart',
      'odw-filter',
      'odw-filter',
      'odw-kpi',
      'odw-kpi',
      'odw-map',
      'odw-table',
    ]);
    for (const widget of widgets) await drawn(widget);
    await kpiShows(dashboard.querySelector('odw-kpi[value="sum(population)"]')!, '293 673 hab.');
    expect(dashboard.querySelector('odw-table')!.shadowRoot!.querySelectorAll('tbody tr')).to.have.length(10);
    expect(normalize(page.querySelector('.attribution')!.textContent)).to.contain('INSEE');
    expectSnippetMatches(page);
  });

  it('parkings.html: the live car parks refresh every 30 s and draw', async () => {
    const page = await openPage('/examples/parkings.html', 'odw-dashboard');
    const dashboard = page.querySelector('odw-dashboard')!;
    expect(dashboard.querySelector('odw-source')!.getAttribute('refresh')).to.equal('30');
    const widgets = [...dashboard.querySelectorAll('odw-kpi, odw-map, odw-table, odw-filter')];
    for (const widget of widgets) await drawn(widget);
    const [places, locations, covered] = dashboard.querySelectorAll('odw-kpi');
    await kpiShows(places, '106 141 places');
    await kpiShows(locations, '9 814');
    await kpiShows(covered, '18 138 places');
    expect(normalize(page.querySelector('.attribution')!.textContent)).to.contain('opendata.paris.fr');
    expectSnippetMatches(page);
  });

  it('angers.html: the dashboard of angers-dashboard.json draws, KPI 308 806', async () => {
    const page = await openPage('/examples/angers.html', 'odw-dashboard');
    const dashboard = page.querySelector('odw-dashboard')!;
    await waitUntil(() => dashboard.shadowRoot!.querySelector('odw-kpi'), 'the configured widgets', {
      timeout: 20_000,
    });
    const widgets = [
      ...dashboard.shadowRoot!.querySelectorAll('odw-kpi, odw-chart, odw-map, odw-table, odw-filter'),
    ];
    expect(widgets).to.have.length(9);
    for (const widget of widgets) await drawn(widget);
    const [population, communes] = dashboard.shadowRoot!.querySelectorAll('odw-kpi');
    await kpiShows(population, '308 806 hab.');
    await kpiShows(communes, '29');
    // The page shows the configuration it uses.
    const shown: unknown = JSON.parse(page.querySelector('code.config')!.textContent!);
    const served: unknown = await (await fetch('/examples/angers-dashboard.json')).json();
    expect(shown).to.deep.equal(served);
    expect(snippet(page).querySelector('odw-dashboard')!.getAttribute('config')).to.equal(
      './angers-dashboard.json',
    );
  });
});
