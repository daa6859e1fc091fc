import {expect, waitUntil} from '@open-wc/testing';
import {html, render, type TemplateResult} from 'lit';
import '../../src/index.js';
import {
  PORTAL,
  POPULATIONS,
  drawn,
  errorText,
  failed,
  normalize,
  part,
  shadow,
  watchErrors,
} from './helpers.js';

/** Bad input gives a clear message or a correct rendering, never an uncaught exception. */

const CSV = `${PORTAL}/files/populations-legales-2025.csv`;
const blobs: string[] = [];
function blobUrl(body: string, type = 'application/json'): string {
  const url = URL.createObjectURL(new Blob([body], {type}));
  blobs.push(url);
  return url;
}
const json = (data: unknown) => blobUrl(JSON.stringify(data));

/** Waits until the widget shows data, « Aucune donnée » or an error. */
function settled(widget: Element, timeout = 30_000): Promise<unknown> {
  return waitUntil(
    () =>
      widget.shadowRoot?.querySelector(
        '.status.empty, .status.error, [part~=value], .vega svg .role-mark, tbody tr, svg.map-svg, [part~=control]',
      ),
    `${widget.localName} never settled`,
    {timeout},
  );
}

function statusText(widget: Element): string {
  return normalize(widget.shadowRoot?.querySelector('.status')?.textContent);
}

describe('hardening: bad input', function () {
  this.timeout(60_000);
  let container: HTMLElement;
  let watcher: ReturnType<typeof watchErrors>;

  async function mount(template: TemplateResult): Promise<Element[]> {
    render(template, container);
    const widgets = [...container.querySelectorAll('odw-kpi, odw-chart, odw-map, odw-table, odw-filter')];
    for (const widget of widgets) await settled(widget);
    return widgets;
  }

  beforeEach(() => {
    watcher = watchErrors();
    container = document.createElement('div');
    container.style.width = '800px';
    document.body.append(container);
  });

  afterEach(async () => {
    // Late rejections would land here.
    await new Promise((resolve) => setTimeout(resolve, 50));
    watcher.stop();
    render(html``, container);
    container.remove();
    for (const url of blobs.splice(0)) URL.revokeObjectURL(url);
    expect(watcher.errors, 'uncaught errors').to.deep.equal([]);
  });

  it('names an unknown field, in a file and on a portal', async () => {
    const [kpi, chart, filter, map, portal] = await mount(html`
      <odw-kpi src=${CSV} value="sum(inexistant)"></odw-kpi>
      <odw-chart src=${CSV} x="inconnu" y="count()"></odw-chart>
      <odw-source id="unknown-field" src=${CSV}></odw-source>
      <odw-filter source="unknown-field" field="absent"></odw-filter>
      <odw-map
        src=${CSV}
        mode="choropleth"
        shapes="/portal/files/communes-45-loiret.geojson"
        shapes-key="code"
        key="nulle_part"
        value="sum(population)"
      ></odw-map>
      <odw-kpi src=${`${PORTAL}/${POPULATIONS}`} value="sum(populaton)"></odw-kpi>
    `);
    expect(await failed(kpi)).to.equal(
      'Champ inconnu : « inexistant ». Vérifiez son nom dans le jeu de données.',
    );
    expect(await failed(chart)).to.include('« inconnu »');
    expect(await failed(filter)).to.include('« absent »');
    expect(await failed(map)).to.include('« nulle_part »');
    expect(await failed(portal)).to.include('populaton');
  });

  it('points at the column of a malformed expression', async () => {
    const [value, where, y, table] = await mount(html`
      <odw-kpi src=${CSV} value="sum(population"></odw-kpi>
      <odw-kpi src=${CSV} value="count()" where="epci = "></odw-kpi>
      <odw-chart src=${CSV} x="commune" y="sum(population))"></odw-chart>
      <odw-table src=${CSV} where="((("></odw-table>
    `);
    expect(errorText(value)).to.equal('« sum(population » : parenthèse fermante attendue, colonne 15');
    expect(errorText(where)).to.equal('« epci = » : valeur attendue, colonne 7');
    expect(errorText(y)).to.match(/^« sum\(population\)\) » : .*colonne 16$/);
    expect(errorText(table)).to.match(/^« \(\(\( » : .*colonne \d+$/);
    // A typo is no network failure: nothing to retry.
    for (const widget of [value, where, y, table]) expect(part(widget, 'retry')).to.equal(null);
  });

  it('refuses an unknown type with the list of known ones', async () => {
    const [chart] = await mount(
      html`<odw-chart src=${CSV} type="camembert" x="commune" y="count()"></odw-chart>`,
    );
    expect(errorText(chart)).to.equal(
      'Type de graphique inconnu : « camembert ». Types possibles : column, bar, line, area, pie, donut, scatter.',
    );
    const [filter] = await mount(html`<odw-filter src=${CSV} type="checkbox" field="epci"></odw-filter>`);
    expect(errorText(filter)).to.equal(
      'Type de filtre inconnu : « checkbox ». Types possibles : select, checkboxes, search, range, date-range.',
    );
    render(
      html`<odw-dashboard
        ><script type="application/json">
          {"widgets": [{"type": "gauge"}]}
        </script></odw-dashboard
      >`,
      container,
    );
    const dashboard = container.querySelector('odw-dashboard')!;
    await waitUntil(() => errorText(dashboard), 'dashboard message');
    expect(errorText(dashboard)).to.include('widgets[0].type');
    expect(errorText(dashboard)).to.include('gauge');
  });

  it('says « Aucune donnée » for an empty dataset', async () => {
    const empty = json([]);
    const [kpi, chart, table, filter] = await mount(html`
      <odw-kpi src=${empty} api="json" value="sum(v)"></odw-kpi>
      <odw-chart src=${empty} api="json" x="a" y="count()"></odw-chart>
      <odw-table src=${empty} api="json"></odw-table>
      <odw-source id="empty-source" src=${empty} api="json"></odw-source>
      <odw-filter source="empty-source" field="a"></odw-filter>
    `);
    expect(statusText(kpi)).to.equal('Aucune donnée');
    expect(statusText(chart)).to.equal('Aucune donnée');
    expect(normalize(shadow(table).textContent)).to.include('Aucune donnée');
    expect(errorText(filter)).to.equal('');
    // A filter on the portal that matches nothing.
    const [none] = await mount(
      html`<odw-kpi
        src=${`${PORTAL}/${POPULATIONS}`}
        value="sum(population)"
        where='commune = "Nulle-part"'
      ></odw-kpi>`,
    );
    expect(statusText(none)).to.equal('Aucune donnée');
  });

  it('names a URL of no known API', async () => {
    const [page, host] = await mount(html`
      <odw-kpi src="/une/page/quelconque.html" value="count()"></odw-kpi>
      <odw-kpi src="https://example.invalid/accueil" value="count()"></odw-kpi>
    `);
    expect(errorText(page)).to.match(/^Adresse non reconnue : « \S*\/une\/page\/quelconque\.html »/);
    expect(errorText(host)).to.match(/^Adresse non reconnue : « https:\/\/example\.invalid\/accueil »/);
  });

  it('explains an HTML page answered instead of JSON or CSV', async () => {
    const widgets = await mount(html`
      <odw-kpi src=${`${PORTAL}/~html/${POPULATIONS}`} value="count()"></odw-kpi>
      <odw-kpi src=${`${PORTAL}/~html/files/populations-legales-2025.csv`} value="count()"></odw-kpi>
      <odw-table
        src=${`${PORTAL}/~html/ckan/api/3/action/datastore_search?resource_id=populations`}
      ></odw-table>
    `);
    for (const widget of widgets) {
      expect(errorText(widget)).to.equal(
        'La réponse du portail de données n’est pas dans le format attendu. Réessayer',
      );
    }
  });

  it('draws huge numbers, nulls and mixed types', async () => {
    // 2⁵³ + 1, written in the JSON text: more digits than a double holds.
    const data = blobUrl(
      JSON.stringify([
        {nom: 'a', n: 'BIG', x: 1.5e20, m: 1, t: 'a'},
        {nom: 'b', n: 1e15, x: null, m: '2', t: 3},
        {nom: 'c', n: null, x: 2.5e20, m: 'trois', t: null},
        {nom: null, n: 0, x: -1e20, m: true, t: 'b'},
        {nom: 'e', n: -1e15, x: 0, m: null, t: {objet: 1}},
      ]).replace('"BIG"', '9007199254740993'),
    );
    const [big, sum, mixed, chart, table, filter] = await mount(html`
      <odw-kpi src=${data} api="json" value="max(n)"></odw-kpi>
      <odw-kpi src=${data} api="json" value="sum(x)" format="compact"></odw-kpi>
      <odw-kpi src=${data} api="json" value="count(m)"></odw-kpi>
      <odw-chart src=${data} api="json" x="nom" y="sum(x)"></odw-chart>
      <odw-table src=${data} api="json" columns="nom,n,x,m,t"></odw-table>
      <odw-source id="mixed-source" src=${data} api="json"></odw-source>
      <odw-filter source="mixed-source" field="t" type="checkboxes"></odw-filter>
    `);
    const value = (kpi: Element) => normalize(part(kpi, 'value')?.textContent);
    expect(value(big)).to.equal('9 007 199 254 740 992');
    // 1.5e20 + 2.5e20 − 1e20 in French compact notation (Bn: 10¹²).
    expect(value(sum)).to.equal('300 000 000 Bn');
    expect(value(mixed)).to.match(/^\d+$/);
    await drawn(chart);
    const cells = [...shadow(table).querySelectorAll('tbody tr')].map((row) =>
      [...row.querySelectorAll('td, th')].map((cell) => normalize(cell.textContent)),
    );
    expect(cells).to.have.length(5);
    expect(cells.flat()).to.include('trois');
    expect(cells.flat().join('|')).to.not.match(/NaN|undefined|\[object Object\]/);
    expect(normalize(shadow(filter).textContent)).to.not.match(/NaN|undefined|\[object Object\]/);
  });

  it('reads dates in several formats', async () => {
    const csv = blobUrl(
      'jour;n\n01/03/2024;1\n15/03/2024;2\n2024-04-02;3\n2024-05-10T08:00:00;4\n2024-05-11 09:30;5\n',
      'text/csv',
    );
    const data = json([
      {jour: '2024-03-01', n: 1},
      {jour: '2024-03-15T10:00:00Z', n: 2},
      {jour: '2024-04-02T10:00:00+02:00', n: 3},
      {jour: '1 juillet 2024', n: 4},
      {jour: 1717200000000, n: 5},
      {jour: null, n: 6},
    ]);
    const [fromCsv, fromJson, table, range] = await mount(html`
      <odw-chart src=${csv} api="csv" type="line" x="jour" timeunit="month" y="sum(n)"></odw-chart>
      <odw-chart src=${data} api="json" type="column" x="jour" timeunit="month" y="sum(n)"></odw-chart>
      <odw-table src=${csv} api="csv"></odw-table>
      <odw-source id="dates-source" src=${csv} api="csv"></odw-source>
      <odw-filter source="dates-source" field="jour" type="date-range"></odw-filter>
    `);
    await drawn(fromCsv);
    await drawn(fromJson);
    expect(normalize(part(fromCsv, 'summary')?.textContent ?? shadow(fromCsv).textContent)).to.match(
      /3 mois\. N : en hausse de 200 % de mars 2024 à mai 2024/,
    );
    // One label per month at most, never the same month twice.
    for (const chart of [fromCsv, fromJson]) {
      const labels = [...shadow(chart).querySelectorAll('.vega svg .role-axis-label text')]
        .map((text) => text.textContent ?? '')
        .filter((text) => /\d{4}/.test(text));
      expect(labels.length, 'month labels').to.be.greaterThan(0);
      expect(labels, 'month labels').to.deep.equal([...new Set(labels)]);
    }
    expect(normalize(shadow(table).querySelector('tbody')!.textContent)).to.not.match(/Invalid|NaN/);
    expect(errorText(range)).to.equal('');
    expect(shadow(range).querySelectorAll('input[type=date]')).to.have.length(2);
  });

  it('reads a 10 MB file', async function () {
    this.timeout(120_000);
    const lines = ['code,commune,valeur'];
    let total = 0;
    let rows = 0;
    let size = 0;
    while (size < 10_000_000) {
      const value = rows % 1000;
      const line = `${String(rows).padStart(7, '0')},Commune numéro ${rows} du grand fichier de test,${value}`;
      lines.push(line);
      total += value;
      rows += 1;
      size += line.length + 1;
    }
    const big = blobUrl(lines.join('\n'), 'text/csv');
    const [sum, count, table] = await mount(html`
      <odw-kpi src=${big} api="csv" value="sum(valeur)"></odw-kpi>
      <odw-kpi src=${big} api="csv" value="count()"></odw-kpi>
      <odw-table src=${big} api="csv" page-size="10" sort="-valeur"></odw-table>
    `);
    const value = (kpi: Element) => normalize(part(kpi, 'value')?.textContent).replace(/ /g, '');
    expect(value(sum)).to.equal(String(total));
    expect(value(count)).to.equal(String(rows));
    expect(shadow(table).querySelectorAll('tbody tr')).to.have.length(10);
  });
});
