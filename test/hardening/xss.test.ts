import {expect, waitUntil} from '@open-wc/testing';
import {html, render, type ReactiveElement} from 'lit';
import '../../src/index.js';
import {
  XSS_FLAG,
  click,
  drawn,
  hover,
  marks,
  normalize,
  part,
  shadow,
  shadowRoots,
  watchErrors,
} from './helpers.js';

/**
 * A dataset whose every text field holds markup, script URLs and template expressions, each
 * setting `window.__odwHardeningXss` if it ever runs, drawn by every element in a page without CSP
 * (so that nothing but the elements' own escaping stands in the way).
 */
const FIXTURES = '/test/hardening/fixtures';
const IMG = `<img src=x onerror="window.${XSS_FLAG}='img'">`;
const SVG = `"><svg onload="window.${XSS_FLAG}='svg'">`;
const LINK = `javascript:window.${XSS_FLAG}='link'`;
const TEMPLATE = `{{constructor.constructor('window.${XSS_FLAG}="template"')()}}`;
const SCRIPT = `<script>window.${XSS_FLAG}='script'</script>`;

type FlagWindow = Window & {[XSS_FLAG]?: unknown};

const dashboardConfig = JSON.stringify({
  title: IMG,
  description: SVG,
  sources: [{id: 'xss-dash', src: `${FIXTURES}/xss.json`}],
  filters: [{field: 'nom', label: SVG}],
  widgets: [
    {type: 'kpi', value: 'count()', label: IMG, title: SVG},
    {type: 'chart', 'chart-type': 'bar', x: 'groupe', y: 'sum(valeur)', title: IMG},
    {type: 'table', columns: 'nom,lien,note', title: TEMPLATE},
  ],
});

/** Elements and attributes that data must never create. */
function dangerousNodes(root: ShadowRoot): string[] {
  const found: string[] = [];
  for (const el of root.querySelectorAll('*')) {
    if (['img', 'script', 'iframe', 'object', 'embed'].includes(el.localName)) found.push(el.outerHTML);
    for (const attribute of el.attributes) {
      if (/^on/i.test(attribute.name)) found.push(`${el.localName}[${attribute.name}]`);
      if (
        ['href', 'src', 'xlink:href', 'action', 'formaction'].includes(attribute.name) &&
        /^\s*javascript:/i.test(attribute.value)
      ) {
        found.push(`${el.localName}[${attribute.name}=${attribute.value}]`);
      }
    }
  }
  return found;
}

function shadowText(el: Element): string {
  return normalize(shadow(el).textContent);
}

describe('hardening: hostile text in the data', function () {
  this.timeout(90_000);
  let container: HTMLElement;
  let watcher: ReturnType<typeof watchErrors>;

  beforeEach(() => {
    delete (window as FlagWindow)[XSS_FLAG];
    watcher = watchErrors();
    container = document.createElement('div');
    container.style.width = '900px';
    document.body.append(container);
  });

  afterEach(() => {
    watcher.stop();
    render(html``, container);
    container.remove();
  });

  it('is shown as text by every element, tooltip, popup, cell, legend, title and choice, and never runs', async () => {
    render(
      html`
        <odw-source id="xss" src=${`${FIXTURES}/xss.csv`}></odw-source>
        <odw-kpi id="kpi" source="xss" value="sum(valeur)" label=${IMG} title=${SVG} unit=${SCRIPT}></odw-kpi>
        <odw-chart
          id="column"
          source="xss"
          x="nom"
          y="sum(valeur)"
          series="groupe"
          title=${TEMPLATE}
        ></odw-chart>
        <odw-chart id="donut" source="xss" type="donut" x="note" y="sum(valeur)" title=${LINK}></odw-chart>
        <odw-map
          id="choropleth"
          src=${`${FIXTURES}/xss.json`}
          mode="choropleth"
          shapes=${`${FIXTURES}/xss-shapes.geojson`}
          shapes-key="code"
          key="code"
          value="sum(valeur)"
          title=${IMG}
        ></odw-map>
        <odw-map
          id="points"
          src=${`${FIXTURES}/xss.geojson`}
          popup="nom,groupe,lien,note"
          no-cluster
        ></odw-map>
        <odw-map id="templated" src=${`${FIXTURES}/xss.geojson`} no-cluster>
          <template
            ><strong class="name">{{nom}}</strong> <a class="link" href="{{lien}}">{{note}}</a>
            <span class="expression"
              >{{constructor.constructor('window.__odwHardeningXss="author"')()}}</span
            ></template
          >
        </odw-map>
        <odw-table id="table" source="xss" columns="code,nom,groupe,lien,note,valeur" search></odw-table>
        <odw-filter id="select" source="xss" field="nom" label=${IMG}></odw-filter>
        <odw-filter id="checkboxes" source="xss" field="groupe" type="checkboxes" label=${SVG}></odw-filter>
      `,
      container,
    );
    const dashboardElement = document.createElement('odw-dashboard');
    dashboardElement.id = 'dashboard';
    const config = document.createElement('script');
    config.type = 'application/json';
    config.textContent = dashboardConfig;
    dashboardElement.append(config);
    container.append(dashboardElement);
    const byId = (id: string) => container.querySelector(`#${id}`)!;
    for (const id of [
      'kpi',
      'column',
      'donut',
      'choropleth',
      'points',
      'templated',
      'table',
      'select',
      'checkboxes',
    ]) {
      await drawn(byId(id));
    }
    const dashboard = byId('dashboard');
    await waitUntil(() => dashboard.shadowRoot?.querySelector('odw-table'), 'dashboard widgets', {
      timeout: 20_000,
    });
    for (const widget of shadow(dashboard).querySelectorAll('odw-kpi, odw-chart, odw-table, odw-filter')) {
      await drawn(widget);
    }

    // Titles and labels, as text.
    expect(normalize(part(byId('kpi'), 'label')?.textContent)).to.equal(normalize(IMG));
    expect(normalize(part(byId('kpi'), 'title')?.textContent)).to.equal(normalize(SVG));
    expect(normalize(part(byId('column'), 'title')?.textContent)).to.equal(normalize(TEMPLATE));
    expect(shadowText(dashboard)).to.include(normalize(IMG));

    // Table cells: the text as written; a javascript: value is no link.
    const cells = [...shadow(byId('table')).querySelectorAll('tbody td')].map((cell) =>
      normalize(cell.textContent),
    );
    for (const payload of [IMG, SVG, LINK, TEMPLATE, SCRIPT]) expect(cells).to.include(normalize(payload));
    expect(shadow(byId('table')).querySelectorAll('tbody a')).to.have.length(0);

    // Filter choices.
    const options = [...shadow(byId('select')).querySelectorAll('option')].map(
      (option) => option.textContent ?? '',
    );
    expect(options.some((text) => text.includes(IMG))).to.equal(true);
    expect(shadowText(byId('checkboxes'))).to.include(normalize(SVG));

    // Axis and legend of the chart, as SVG text.
    const svgTexts = [...shadow(byId('column')).querySelectorAll('.vega svg text')].map(
      (text) => text.textContent ?? '',
    );
    expect(svgTexts.some((text) => text.startsWith('<img src=x'))).to.equal(true);
    expect(svgTexts.some((text) => text.startsWith('"><svg'))).to.equal(true);
    // Chart tooltips: each mark hovered, and what its tooltip holds drawn before the next.
    for (const chart of [byId('column'), byId('donut')]) {
      for (const mark of marks(chart)) {
        hover(mark);
        await (chart as ReactiveElement).updateComplete;
      }
    }
    await waitUntil(() => normalize(part(byId('donut'), 'tooltip')?.textContent), 'donut tooltip');

    // Map popups from `popup` and from a <template>.
    const points = byId('points');
    click(shadow(points).querySelector('g.point')!);
    await waitUntil(() => part(points, 'popup'), 'popup');
    const popupText = normalize(part(points, 'popup')!.textContent);
    expect(
      [IMG, SVG, LINK, TEMPLATE, SCRIPT].some((payload) => popupText.includes(normalize(payload))),
    ).to.equal(true);
    const templated = byId('templated');
    expect(shadow(templated).querySelectorAll('g.point')).to.have.length(6);
    for (const point of shadow(templated).querySelectorAll('g.point')) {
      click(point);
      await waitUntil(() => part(templated, 'popup')?.querySelector('.name'), 'templated popup');
      const popup = part(templated, 'popup')!;
      expect(popup.querySelector('.name')!.textContent).to.match(
        /^(<img|"><svg|javascript:|\{\{|<script>|'><iframe)/,
      );
      const href = popup.querySelector('a.link')?.getAttribute('href') ?? '';
      expect(href, 'a javascript: link in a popup').to.not.match(/^\s*javascript:/i);
      expect(normalize(popup.querySelector('.expression')?.textContent)).to.not.include('undefined');
    }
    // Areas of the choropleth: their popups and legend.
    const choropleth = byId('choropleth');
    const areas = shadow(choropleth).querySelectorAll('svg.map-svg path[aria-label]');
    expect(areas, 'the six outlines').to.have.length(6);
    expect(areas[0].getAttribute('aria-label')).to.include('<img src=x');
    click(areas[0]);
    await (choropleth as ReactiveElement).updateComplete;
    expect(normalize(part(choropleth, 'legend')?.textContent)).to.not.equal('');

    // An <img src=x onerror> of the data would fail to load before one added after it does.
    const sentinel = document.createElement('img');
    const sentinelFailed = new Promise((resolve) =>
      sentinel.addEventListener('error', resolve, {once: true}),
    );
    sentinel.src = 'x';
    document.body.append(sentinel);
    await sentinelFailed;
    sentinel.remove();
    expect((window as FlagWindow)[XSS_FLAG], 'a payload ran').to.equal(undefined);
    const found = shadowRoots(container).flatMap(dangerousNodes);
    expect(found).to.deep.equal([]);
    expect(watcher.errors).to.deep.equal([]);
  });
});
