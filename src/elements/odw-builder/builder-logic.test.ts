import {expect} from '@open-wc/testing';
import type {FieldInfo} from '../../data/types.js';
import {StateError, decodeState, encodeState, stateCodeOf, stateLink, type BuilderState} from './state.js';
import {
  chartTypes,
  firstWidget,
  joinableOutlines,
  keyFields,
  mapModes,
  nameField,
  splitAggregate,
  suggestDashboard,
  suggestWidget,
  widgetKinds,
  xFields,
} from './suggestions.js';
import {
  dashboardConfig,
  formatAttribute,
  iframeCode,
  publishedFiles,
  scriptJson,
  snippet,
  widgetElements,
} from './snippet.js';

const field = (name: string, type: FieldInfo['type'], label = name): FieldInfo => ({name, label, type});

const POPULATION: FieldInfo[] = [
  field('code_region', 'text', 'Code région'),
  field('region', 'text', 'Région'),
  field('code_departement', 'text', 'Code département'),
  field('code_insee', 'text', 'Code INSEE'),
  field('commune', 'text', 'Commune'),
  field('epci', 'text', 'EPCI'),
  field('population', 'int', 'Population municipale'),
  field('population_totale', 'int', 'Population totale'),
];
const PARKINGS: FieldInfo[] = [
  field('nom', 'text', 'Nom'),
  field('type', 'text', 'Type de stationnement'),
  field('capacite', 'int', 'Capacité'),
  field('geo_point_2d', 'geo_point_2d', 'Coordonnées'),
];
const FESTIVALS: FieldInfo[] = [
  field('nom_de_la_manifestation', 'text'),
  field('domaine', 'text'),
  field('date_debut_ancien', 'date'),
  field('ndeg_de_l_edition_2019', 'double'),
  field('departement', 'text'),
  field('coordonnees_insee', 'geo_point_2d'),
];
const NUMBERS_ONLY: FieldInfo[] = [field('a', 'int'), field('b', 'double')];

const CTX = {
  scriptSrc: 'https://metropole.example/odw/open-data-widgets.js',
  embedSrc: 'https://metropole.example/odw/embed.html',
  shapesBase: 'https://example.fr/data/',
  src: 'https://data.example.fr/api/explore/v2.1/catalog/datasets/pop/records',
};

describe('odw-builder suggestions', () => {
  it('offers bar and pie charts for categories, a time axis only with a date, a scatter with two numbers', () => {
    expect(chartTypes(POPULATION)).to.deep.equal(['column', 'bar', 'pie', 'donut', 'scatter']);
    expect(chartTypes(FESTIVALS)).to.deep.equal(['column', 'bar', 'line', 'area', 'pie', 'donut']);
    expect(chartTypes(NUMBERS_ONLY)).to.deep.equal(['scatter']);
    expect(xFields(FESTIVALS, 'line').map((f) => f.name)).to.deep.equal(['date_debut_ancien']);
  });

  it('offers a choropleth only with a code matching bundled outlines, points only with a geo field', () => {
    expect(mapModes(POPULATION)).to.deep.equal(['choropleth']);
    expect(joinableOutlines(POPULATION).map((o) => o.level)).to.deep.equal([
      'region',
      'departement',
      'commune',
      'commune',
      'commune',
    ]);
    expect(keyFields(POPULATION, 'commune').map((f) => f.name)).to.deep.equal(['code_insee']);
    expect(keyFields(POPULATION, 'region').map((f) => f.name)).to.deep.equal(['code_region']);
    expect(mapModes(PARKINGS)).to.deep.equal(['points']);
    expect(mapModes(FESTIVALS)).to.deep.equal(['points', 'choropleth']);
    expect(widgetKinds(NUMBERS_ONLY)).to.deep.equal(['kpi', 'chart', 'table', 'filter']);
  });

  it('proposes a first chart of the main measure by the main category', () => {
    expect(firstWidget(POPULATION)).to.deep.equal({
      kind: 'chart',
      chartType: 'bar',
      x: 'region',
      y: 'sum(population)',
      sort: '-y',
      limit: 10,
    });
    expect(suggestWidget('kpi', POPULATION)).to.deep.equal({
      kind: 'kpi',
      value: 'sum(population)',
      label: 'Population municipale',
    });
    expect(suggestWidget('kpi', [field('nom', 'text')])).to.deep.equal({
      kind: 'kpi',
      value: 'count()',
      label: undefined,
    });
  });

  it('names the areas of a choropleth by a field of the data when it has one for the level', () => {
    const communes = [field('code_insee', 'text'), field('libelle_commune', 'text'), field('n', 'int')];
    expect(suggestWidget('map', communes)).to.deep.include({
      mode: 'choropleth',
      shapes: 'communes-45-loiret.geojson',
      key: 'code_insee',
      label: 'libelle_commune',
    });
    expect(nameField(POPULATION, 'region')?.name).to.equal('region');
    expect(nameField(POPULATION, 'departement')).to.equal(undefined);
    expect(nameField([field('commune', 'int')], 'commune'), 'a name is text').to.equal(undefined);
  });

  it('proposes a choropleth of départements for population data', () => {
    expect(suggestWidget('map', POPULATION)).to.deep.equal({
      kind: 'map',
      mode: 'choropleth',
      shapes: 'departements.geojson',
      key: 'code_departement',
      value: 'sum(population)',
    });
    expect(suggestWidget('map', PARKINGS)).to.deep.equal({kind: 'map', mode: 'points'});
  });

  it('proposes a dashboard with a filter, a KPI, a chart, a map and a table', () => {
    expect(suggestDashboard(POPULATION).map((w) => w.kind)).to.deep.equal([
      'filter',
      'kpi',
      'chart',
      'map',
      'table',
    ]);
  });

  it('reads aggregates back into a function and a field', () => {
    expect(splitAggregate('sum(population)')).to.deep.equal({fn: 'sum', field: 'population'});
    expect(splitAggregate('count()')).to.deep.equal({fn: 'count'});
    expect(splitAggregate('nonsense')).to.deep.equal({fn: 'count'});
  });
});

describe('odw-builder state in a link', () => {
  const state: BuilderState = {
    src: '/portal/ods/api/explore/v2.1/catalog/datasets/populations-legales-2025/records',
    dashboard: true,
    title: 'Orléans — « métropole »',
    widgets: [
      {kind: 'kpi', value: 'sum(population)', label: 'Habitants', where: 'epci = "Orléans Métropole"'},
      {kind: 'chart', chartType: 'bar', x: 'commune', y: 'sum(population)', limit: 10},
    ],
    palette: 'dsfr',
    lang: 'en',
    refresh: 60,
  };

  it('round-trips a state, accents and quotes included, in URL-safe characters', () => {
    const code = encodeState(state);
    expect(code).to.match(/^[A-Za-z0-9_-]+$/);
    expect(decodeState(code)).to.deep.equal(state);
  });

  it('finds the state in a hash among other parameters and builds the link', () => {
    const link = stateLink('https://mairie.fr/outils/builder.html?x=1#old', state);
    expect(link.startsWith('https://mairie.fr/outils/builder.html?x=1#builder=')).to.equal(true);
    expect(decodeState(stateCodeOf(new URL(link).hash)!)).to.deep.equal(state);
    expect(stateCodeOf('#other=1')).to.equal(undefined);
  });

  for (const [what, code, path] of [
    ['text that is not base64 JSON', '%%%', ''],
    ['JSON that is not an object', btoa('[1]'), ''],
    ['an unknown key', btoa(JSON.stringify({s: 'a.csv', w: [{k: 'kpi'}], zz: 1})), 'zz'],
    ['an unknown widget kind', btoa(JSON.stringify({s: 'a.csv', w: [{k: 'pie'}]})), 'w[0].k'],
    ['a negative number', btoa(JSON.stringify({s: 'a.csv', w: [{k: 'chart', li: -1}]})), 'w[0].li'],
    ['no widget', btoa(JSON.stringify({s: 'a.csv', w: []})), 'w'],
    ['no source', btoa(JSON.stringify({w: [{k: 'kpi'}]})), 's'],
  ]) {
    it(`refuses ${what}, naming where`, () => {
      let error: unknown;
      try {
        decodeState(code);
      } catch (caught) {
        error = caught;
      }
      expect(error).to.be.instanceOf(StateError);
      expect((error as StateError).path).to.equal(path);
    });
  }
});

describe('odw-builder snippet', () => {
  it('writes one widget with its attributes, the script first, values escaped', () => {
    const code = snippet(
      {
        src: CTX.src,
        dashboard: false,
        widgets: [
          {
            kind: 'kpi',
            value: 'sum(population)',
            label: 'Habitants <b>&</b>',
            where: 'epci = "Orléans Métropole"',
            title: `L'agglomération "test"`,
          },
        ],
      },
      CTX,
    );
    expect(code).to.equal(
      `<script type="module" src="${CTX.scriptSrc}"></script>
<odw-kpi
  src="${CTX.src}"
  value="sum(population)"
  label="Habitants &lt;b&gt;&amp;&lt;/b&gt;"
  where='epci = "Orléans Métropole"'
  title="L'agglomération &quot;test&quot;"
></odw-kpi>
`,
    );
  });

  it('writes the iframe of the embed page with the same attributes, a title and a height for a phone', () => {
    const state: BuilderState = {
      src: CTX.src,
      dashboard: false,
      widgets: [
        {
          kind: 'chart',
          chartType: 'bar',
          x: 'commune',
          y: 'sum(population)',
          where: 'epci = "Orléans Métropole"',
          title: 'Population',
        },
      ],
    };
    const code = iframeCode(state, CTX);
    const template = document.createElement('template');
    template.innerHTML = code;
    const iframe = template.content.querySelector('iframe')!;
    expect(iframe.title).to.equal('Population');
    expect(iframe.getAttribute('width')).to.equal('100%');
    expect(iframe.getAttribute('height')).to.equal('560');
    const url = new URL(iframe.src);
    expect(url.origin + url.pathname).to.equal(CTX.embedSrc);
    expect([...url.searchParams]).to.deep.equal([
      ['tag', 'odw-chart'],
      ['src', CTX.src],
      ['type', 'bar'],
      ['x', 'commune'],
      ['y', 'sum(population)'],
      ['where', 'epci = "Orléans Métropole"'],
      ['title', 'Population'],
    ]);
    expect(iframeCode({...state, dashboard: true}, CTX), 'a dashboard needs its JSON published').to.equal('');
  });

  it('turns a widget into a template: a parameter with its choices, a source of the chosen value', () => {
    const state: BuilderState = {
      src: CTX.src,
      dashboard: false,
      widgets: [{kind: 'kpi', value: 'sum(population)', label: 'Habitants de ${commune.label}'}],
      param: 'code_insee',
      paramLabel: 'commune',
      paramTitle: 'Commune',
      paramDefault: '45234',
    };
    expect(dashboardConfig(state, CTX)).to.deep.equal({
      params: [
        {
          name: 'commune',
          label: 'Commune',
          default: '45234',
          choices: {source: 'donnees', value: 'code_insee', label: 'commune'},
        },
      ],
      sources: [
        {id: 'donnees', src: CTX.src},
        {id: 'selection', src: CTX.src, where: 'code_insee = ${commune}'},
      ],
      source: 'selection',
      filters: [],
      widgets: [{type: 'kpi', value: 'sum(population)', label: 'Habitants de ${commune.label}'}],
    });
    const code = snippet(state, CTX);
    expect(code).to.include('<odw-dashboard params="commune=45234">');
    expect(iframeCode(state, CTX), 'a template is a dashboard: its JSON is published first').to.equal('');
    expect(decodeState(encodeState(state))).to.deep.equal(state);
  });

  it('points the pasted code at the files beside the module that runs the builder', () => {
    expect(publishedFiles('https://metropole.example/odw/chunks/odw-builder-a1b2c3.js')).to.deep.equal({
      script: 'https://metropole.example/odw/open-data-widgets.js',
      embed: 'https://metropole.example/odw/embed.html',
    });
    expect(
      publishedFiles(
        'https://cdn.example/npm/open-data-widgets/dist/esm/elements/odw-builder/odw-builder.js',
      ),
    ).to.deep.equal({
      script: 'https://cdn.example/npm/open-data-widgets/dist/open-data-widgets.js',
      embed: 'https://cdn.example/npm/open-data-widgets/dist/embed.html',
    });
    expect(publishedFiles('http://localhost:8000/src/elements/odw-builder/odw-builder.ts')).to.deep.equal({
      script: 'http://localhost:8000/src/autoloader.ts',
      embed: 'http://localhost:8000/src/embed/embed.html',
    });
  });

  it('quotes attributes so that the browser reads back exactly the value', () => {
    for (const value of [`a "b" 'c'`, `"x" & <y>`, `it's`, 'plain']) {
      const template = document.createElement('template');
      template.innerHTML = `<i ${formatAttribute('data-v', value)}></i>`;
      expect(template.content.firstElementChild!.getAttribute('data-v')).to.equal(value);
    }
  });

  it('binds a filter to a source it declares', () => {
    const elements = widgetElements(
      {
        src: CTX.src,
        dashboard: false,
        widgets: [{kind: 'filter', field: 'epci', filterType: 'select'}],
        refresh: 30,
      },
      CTX,
    );
    expect(elements).to.deep.equal([
      {
        tag: 'odw-source',
        attributes: [
          ['id', 'donnees'],
          ['src', CTX.src],
          ['refresh', '30'],
        ],
      },
      {
        tag: 'odw-filter',
        attributes: [
          ['source', 'donnees'],
          ['type', 'select'],
          ['field', 'epci'],
        ],
      },
    ]);
  });

  it('points a choropleth at the outline file with its key', () => {
    const [map] = widgetElements(
      {
        src: CTX.src,
        dashboard: false,
        widgets: [
          {
            kind: 'map',
            mode: 'choropleth',
            shapes: 'departements.geojson',
            key: 'code_departement',
            label: 'departement',
            value: 'sum(population)',
          },
        ],
      },
      CTX,
    );
    expect(Object.fromEntries(map.attributes)).to.deep.include({
      shapes: 'https://example.fr/data/departements.geojson',
      'shapes-key': 'code',
      key: 'code_departement',
      label: 'departement',
      value: 'sum(population)',
    });
  });

  it('describes a dashboard in JSON that odw-dashboard accepts, filters in the filter bar', () => {
    const config = dashboardConfig(
      {
        src: CTX.src,
        dashboard: true,
        title: 'Bilan',
        lang: 'en',
        widgets: [
          {kind: 'filter', field: 'epci', filterType: 'select'},
          {kind: 'chart', chartType: 'pie', x: 'commune', y: 'count()', limit: 5},
          {kind: 'table', columns: 'commune,population', limit: 10},
        ],
      },
      CTX,
    );
    expect(config).to.deep.equal({
      title: 'Bilan',
      lang: 'en',
      sources: [{id: 'donnees', src: CTX.src}],
      filters: [{type: 'select', field: 'epci'}],
      widgets: [
        {type: 'chart', 'chart-type': 'pie', x: 'commune', y: 'count()', limit: 5},
        {type: 'table', columns: 'commune,population', 'page-size': 10, span: 'full'},
      ],
    });
  });

  it('keeps a JSON configuration from closing its script element', () => {
    expect(scriptJson({title: '</script><script>alert(1)</script>'})).to.not.include('</script>');
    expect(JSON.parse(scriptJson({title: '</script>'}))).to.deep.equal({title: '</script>'});
  });

  it('sets the palette through custom properties on the widget id', () => {
    const code = snippet({src: CTX.src, dashboard: false, palette: 'dsfr', widgets: [{kind: 'kpi'}]}, CTX);
    expect(code).to.include('#odw-widget {');
    expect(code).to.include('--odw-palette-1: #000091;');
    expect(code).to.match(/<odw-kpi id="odw-widget" src=/);
  });
});
