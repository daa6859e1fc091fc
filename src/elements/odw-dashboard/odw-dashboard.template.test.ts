import {expect, html, waitUntil} from '@open-wc/testing';
import '../odw-kpi/define.js';
import './define.js';
import type {OdwDashboard} from './odw-dashboard.js';
import {mount, normalize, part, shadow} from '../../../test/helpers.js';

const ODS = '/portal/ods/api/explore/v2.1/catalog/datasets/populations-legales-2025/records';
const ORLEANS = 'epci = "Orléans Métropole"';

/** A commune portrait in miniature: one parameter, its choices from the source, a title and a figure. */
function portrait(extra: Record<string, unknown> = {}, title = 'Portrait de ${commune.label}') {
  return {
    params: [
      {
        name: 'commune',
        label: 'Commune',
        default: '45234',
        choices: {source: 'communes', value: 'code_insee', label: 'commune'},
      },
    ],
    title,
    sources: [
      {id: 'communes', src: ODS, where: ORLEANS},
      {id: 'commune', src: ODS, where: 'code_insee = ${commune}'},
    ],
    widgets: [{type: 'kpi', source: 'commune', value: 'count()', label: 'Communes trouvées'}],
    ...extra,
  };
}

async function dashboardFrom(config: unknown, params?: string): Promise<OdwDashboard> {
  const container = await mount(html`<div></div>`);
  const dashboard = document.createElement('odw-dashboard');
  if (params !== undefined) dashboard.setAttribute('params', params);
  const script = document.createElement('script');
  script.type = 'application/json';
  script.textContent = JSON.stringify(config);
  dashboard.append(script);
  container.append(dashboard);
  await waitUntil(
    () => dashboard.configuration || shadow(dashboard).querySelector('.status.error'),
    'the configuration was never read',
    {timeout: 15_000},
  );
  await dashboard.updateComplete;
  return dashboard;
}

function kpi(dashboard: Element): Element {
  return shadow(dashboard).querySelector('odw-kpi')!;
}

async function figure(dashboard: Element): Promise<string> {
  await waitUntil(() => part(kpi(dashboard), 'value') || part(kpi(dashboard), 'status'), 'figure drawn', {
    timeout: 20_000,
  });
  return normalize((part(kpi(dashboard), 'value') ?? part(kpi(dashboard), 'status'))!.textContent);
}

function titleOf(dashboard: Element): string {
  return normalize(part(dashboard, 'title')?.textContent);
}

function problems(dashboard: Element): string[] {
  return [...shadow(dashboard).querySelectorAll('.problem')].map((item) => normalize(item.textContent));
}

const pageUrl = location.href;
afterEach(() => history.replaceState(null, '', pageUrl));

describe('odw-dashboard templates', function () {
  this.timeout(60_000);

  it('replaces ${name} by the default and ${name.label} by the label of its choice', async () => {
    const dashboard = await dashboardFrom(portrait());
    expect(await figure(dashboard)).to.equal('1');
    expect(titleOf(dashboard)).to.equal('Portrait de Orléans');
    expect(kpi(dashboard).getAttribute('source')).to.equal('commune');
    const source = shadow(dashboard).querySelector('odw-source#commune')!;
    expect(source.getAttribute('where')).to.equal('code_insee = "45234"');
  });

  it('keeps an injection attempt one string literal that matches nothing', async () => {
    const dashboard = await dashboardFrom(portrait(), 'commune=45234%22%20or%20%221%22%3D%221');
    const source = shadow(dashboard).querySelector('odw-source#commune')!;
    expect(source.getAttribute('where')).to.equal('code_insee = "45234\\" or \\"1\\"=\\"1"');
    expect(await figure(dashboard)).to.equal('0');
  });

  it('shows an XSS payload in a parameter as text, in the title and the selector', async () => {
    const payload = '<img src=x onerror="window.odwInjected=1">';
    const dashboard = await dashboardFrom(
      portrait({}, 'Portrait de ${commune} (${commune.label})'),
      `commune=${encodeURIComponent(payload)}`,
    );
    expect(titleOf(dashboard)).to.equal(`Portrait de ${payload} (${payload})`);
    expect(await figure(dashboard)).to.equal('0');
    expect(shadow(dashboard).querySelector('img')).to.equal(null);
    expect((window as {odwInjected?: number}).odwInjected).to.equal(undefined);
  });

  it('names an undeclared parameter, and a parameter without a value', async () => {
    const unknown = await dashboardFrom(portrait({}, 'Portrait de ${commun}'));
    expect(problems(unknown)).to.deep.equal(['title : le paramètre commun n’est pas déclaré dans params']);
    expect(shadow(unknown).querySelector('odw-kpi')).to.equal(null);
    const config = portrait();
    delete (config.params[0] as {default?: string}).default;
    const missing = await dashboardFrom(config);
    expect(problems(missing)).to.deep.equal([
      'params[0] : le paramètre commune n’a pas de valeur (ni dans l’adresse, ni dans params, ni par défaut)',
    ]);
  });

  it('takes the value from the page URL over the params attribute, and that over the default', async () => {
    const fromAttribute = await dashboardFrom(portrait(), 'commune=45232');
    expect(titleOf(fromAttribute)).to.equal('Portrait de Olivet');
    history.replaceState(null, '', '?commune=45302');
    const fromUrl = await dashboardFrom(portrait(), 'commune=45232');
    expect(titleOf(fromUrl)).to.equal('Portrait de Saran');
  });

  it('follows a change of its params attribute', async () => {
    const dashboard = await dashboardFrom(portrait(), 'commune=45232');
    dashboard.setAttribute('params', 'commune=45302');
    await waitUntil(() => titleOf(dashboard) === 'Portrait de Saran', 'Saran', {timeout: 15_000});
  });

  it('draws a labelled selector from the choices; a pick redraws and, with url-sync, goes in the URL', async () => {
    const dashboard = await dashboardFrom(portrait({}, 'Portrait de ${commune.label}'));
    dashboard.setAttribute('url-sync', 'query');
    const select = part(dashboard, 'params')!.querySelector('select')!;
    expect(normalize(part(dashboard, 'params')!.querySelector('label span')!.textContent)).to.equal(
      'Commune',
    );
    expect(select.options).to.have.length(22);
    expect(select.selectedOptions[0].text).to.equal('Orléans');
    select.value = '45302';
    select.dispatchEvent(new Event('change'));
    await waitUntil(() => titleOf(dashboard) === 'Portrait de Saran', 'Saran', {timeout: 15_000});
    expect(new URLSearchParams(location.search).get('commune')).to.equal('45302');
    expect(await figure(dashboard)).to.equal('1');
    await expect(dashboard).to.be.accessible();
  });

  it('puts a value in a URL percent-encoded, and as text in a label', async () => {
    const dashboard = await dashboardFrom(
      portrait({
        widgets: [
          {
            type: 'kpi',
            src: `${ODS}?refine=commune:\${commune.label}`,
            value: 'count()',
            label: 'Habitants de ${commune.label} & co',
          },
        ],
      }),
      'commune=45232',
    );
    expect(kpi(dashboard).getAttribute('src')).to.equal(`${ODS}?refine=commune:Olivet`);
    expect(kpi(dashboard).getAttribute('label')).to.equal('Habitants de Olivet & co');
  });

  it('hides what the tag held for browsers without the script once it reads its configuration', async () => {
    const container = await mount(
      html`<odw-dashboard params="commune=45232"
        ><p id="fallback">
          <a href="https://www.insee.fr/">Population d’Olivet sur insee.fr</a>
        </p></odw-dashboard
      >`,
    );
    const dashboard = container.querySelector('odw-dashboard')!;
    expect(
      container.querySelector('#fallback')!.getBoundingClientRect().height,
      'shown without configuration',
    ).to.be.greaterThan(0);
    const script = document.createElement('script');
    script.type = 'application/json';
    script.textContent = JSON.stringify(portrait());
    dashboard.append(script);
    await waitUntil(() => titleOf(dashboard) === 'Portrait de Olivet', 'configured', {timeout: 15_000});
    expect(container.querySelector('#fallback')!.getBoundingClientRect().height).to.equal(0);
  });
});
