import {expect} from '@open-wc/testing';
import {QueryError} from '../../data/errors.js';
import type {CatalogResult} from '../../data/catalog.js';
import type {FieldInfo} from '../../data/types.js';
import {initialModel, type BuilderAction, type BuilderModel, type LoadedDataset} from './builder-model.js';
import {reduce} from './builder-reducer.js';
import {say} from './message.js';
import {encodeState, type BuilderState} from './state.js';

const field = (name: string, type: FieldInfo['type'], label = name): FieldInfo => ({name, label, type});

const FIELDS: FieldInfo[] = [
  field('code_region', 'text', 'Code région'),
  field('region', 'text', 'Région'),
  field('code_departement', 'text', 'Code département'),
  field('commune', 'text', 'Commune'),
  field('epci', 'text', 'EPCI'),
  field('population', 'int', 'Population municipale'),
  field('population_totale', 'int', 'Population totale'),
  field('annee', 'date', 'Année'),
];
const SRC = 'https://data.example.fr/api/explore/v2.1/catalog/datasets/pop/records';

function dataset(fields = FIELDS, rows = 34_875): LoadedDataset {
  return {src: SRC, info: {fields, meta: {title: 'Populations légales'}}, rows};
}

function run(model: BuilderModel, ...actions: BuilderAction[]): BuilderModel {
  return actions.reduce(reduce, model);
}

/** A model whose dataset is loaded, on step 1, with the first widget proposed. */
function loaded(fields = FIELDS): BuilderModel {
  return run(initialModel('fr'), {type: 'loaded', loaded: {type: 'dataset', dataset: dataset(fields)}});
}

const words = (model: BuilderModel) => say(model.status, 'fr');

describe('builder reducer', () => {
  describe('step 1, the data', () => {
    it('asks for an address when none is typed, without loading', () => {
      const model = run(initialModel('fr'), {type: 'address-typed', text: '  '}, {type: 'address-submitted'});
      expect(model.addressError).to.deep.equal({key: 'builder.url-required'});
      expect(model.request).to.equal(undefined);
    });

    it('asks for a load of the address and the words, numbered so that the same address loads again', () => {
      const typed = run(
        initialModel('fr'),
        {type: 'address-typed', text: ' https://data.example.fr/ '},
        {type: 'search-typed', text: ' vélo '},
        {type: 'address-submitted'},
      );
      expect(typed.request).to.deep.equal({
        id: 1,
        load: {type: 'address', url: 'https://data.example.fr/', text: 'vélo'},
      });
      expect(words(typed)).to.equal('Recherche dans le catalogue…');
      expect(run(typed, {type: 'address-submitted'}).request?.id).to.equal(2);
    });

    it('clears an earlier error and catalogue when a new address is submitted', () => {
      const failed = run(
        initialModel('fr'),
        {type: 'address-typed', text: ''},
        {type: 'address-submitted'},
        {type: 'load-failed', error: new Error('x')},
      );
      const next = run(failed, {type: 'address-typed', text: 'https://a.fr/'}, {type: 'address-submitted'});
      expect(next.addressError).to.equal(undefined);
      expect(next.loadError).to.equal(undefined);
      expect(next.catalog).to.equal(undefined);
    });

    it('opens the address given as an attribute', () => {
      const model = reduce(initialModel('fr'), {type: 'open', src: SRC});
      expect(model.address).to.equal(SRC);
      expect(model.request?.load).to.deep.equal({type: 'address', url: SRC, text: ''});
    });

    it('lists a catalogue and counts what it found', () => {
      const catalog: CatalogResult = {family: 'ods', portal: 'https://p.fr/', total: 2, datasets: []};
      const empty = reduce(initialModel('fr'), {
        type: 'loaded',
        loaded: {type: 'catalog', catalog, text: 'vélo'},
      });
      expect(words(empty)).to.equal('Aucun jeu de données ne correspond à « vélo ».');
      const one = {...catalog, datasets: [{id: 'a', title: 'A', sources: []}]};
      expect(
        words(reduce(empty, {type: 'loaded', loaded: {type: 'catalog', catalog: one, text: ''}})),
      ).to.equal('1 jeu de données trouvé.');
      const two = {...catalog, datasets: [...one.datasets, {id: 'b', title: 'B', sources: []}]};
      const listed = reduce(empty, {type: 'loaded', loaded: {type: 'catalog', catalog: two, text: ''}});
      expect(words(listed)).to.equal('2 jeux de données trouvés.');
      expect(listed.catalog?.result.datasets).to.have.length(2);
    });

    it('loads the source picked in a catalogue', () => {
      const model = reduce(initialModel('fr'), {
        type: 'source-chosen',
        source: {title: 'CSV', format: 'csv', src: 'https://p.fr/a.csv', api: 'csv'},
      });
      expect(model.address).to.equal('https://p.fr/a.csv');
      expect(model.request?.load).to.deep.equal({type: 'source', src: 'https://p.fr/a.csv', api: 'csv'});
      expect(words(reduce(model, {type: 'dataset-loading'}))).to.equal('Chargement du jeu de données…');
    });

    it('takes a dataset, says so, and proposes a first chart', () => {
      const model = loaded();
      expect(model.step, 'stays on step 1 to show the dataset').to.equal(1);
      expect(words(model)).to.equal('Jeu de données chargé : « Populations légales », 8 champs.');
      expect(model.build?.widgets).to.deep.equal([
        {kind: 'chart', chartType: 'bar', x: 'region', y: 'sum(population)', sort: '-y', limit: 10},
      ]);
    });

    it('refuses a dataset without fields or without rows, in words', () => {
      const noFields = reduce(initialModel('fr'), {
        type: 'loaded',
        loaded: {type: 'dataset', dataset: dataset([])},
      });
      expect(say(noFields.loadError, 'fr')).to.equal(say({key: 'builder.error.no-fields'}, 'fr'));
      expect(noFields.data).to.equal(undefined);
      const noRows = reduce(initialModel('fr'), {
        type: 'loaded',
        loaded: {type: 'dataset', dataset: dataset(FIELDS, 0)},
      });
      expect(noRows.loadError).to.deep.equal({key: 'builder.error.empty'});
      expect(noRows.build).to.equal(undefined);
    });

    it('keeps a failed load’s error to describe, a portal address said plainly', () => {
      const error = new QueryError('not a portal', {expected: 'portal-url'});
      const model = reduce(initialModel('fr'), {type: 'load-failed', error});
      expect(say(model.loadError, 'fr')).to.equal(say({key: 'builder.error.portal'}, 'fr'));
      expect(model.status).to.deep.equal(model.loadError);
    });
  });

  describe('the state link', () => {
    const state: BuilderState = {src: SRC, dashboard: false, widgets: [{kind: 'kpi', value: 'count()'}]};

    it('loads the dataset of a link, then opens step 2 with its widget', () => {
      const restoring = reduce(initialModel('fr'), {type: 'restore', code: encodeState(state)});
      expect(restoring.request?.load).to.deep.equal({type: 'source', src: SRC, api: undefined});
      expect(restoring.address).to.equal(SRC);
      const restored = reduce(restoring, {type: 'loaded', loaded: {type: 'dataset', dataset: dataset()}});
      expect(restored.step).to.equal(2);
      expect(restored.stepVisits).to.equal(1);
      expect(restored.build).to.deep.equal(state);
      expect(restored.pendingState).to.equal(undefined);
    });

    it('names where a damaged link is wrong, and starts afresh', () => {
      const model = reduce(initialModel('fr'), {
        type: 'restore',
        code: 'eyJzIjoiYSIsInciOlt7ImsiOiJwaWUifV19',
      });
      expect(say(model.stateWarning, 'fr')).to.equal(
        'Le lien de réglage est invalide (w[0].k) : le constructeur repart de zéro.',
      );
      expect(model.request).to.equal(undefined);
      const unreadable = reduce(initialModel('en'), {type: 'restore', code: '%%%'});
      expect(say(unreadable.stateWarning, 'en')).to.equal(
        'The settings link is invalid (unreadable content): the builder starts afresh.',
      );
    });
  });

  describe('moving between steps', () => {
    it('goes on only once a widget exists, and back', () => {
      const empty = reduce(initialModel('fr'), {type: 'go', step: 2});
      expect(empty.step).to.equal(1);
      expect(empty.stepVisits).to.equal(0);
      const model = run(loaded(), {type: 'go', step: 2}, {type: 'go', step: 3}, {type: 'go', step: 2});
      expect(model.step).to.equal(2);
      expect(model.stepVisits, 'each move focuses the heading').to.equal(3);
      expect(run(model, {type: 'go', step: 1}).step).to.equal(1);
    });

    it('starts from a proposal on step 2', () => {
      const model = reduce(loaded(), {type: 'start-with', widget: {kind: 'kpi', value: 'count()'}});
      expect(model.step).to.equal(2);
      expect(model.build?.widgets).to.deep.equal([{kind: 'kpi', value: 'count()'}]);
      expect(reduce(initialModel('fr'), {type: 'start-with', widget: {kind: 'kpi'}}).step).to.equal(1);
    });
  });

  describe('step 2, the widget', () => {
    it('replaces the widget by one of the kind chosen', () => {
      const model = reduce(loaded(), {type: 'choose-kind', kind: 'kpi'});
      expect(model.build?.widgets).to.deep.equal([
        {kind: 'kpi', value: 'sum(population)', label: 'Population municipale'},
      ]);
    });

    it('makes a dashboard, names its table, and edits, adds and removes its widgets', () => {
      const dashboard = reduce(loaded(), {type: 'choose-kind', kind: 'dashboard'});
      expect(dashboard.build?.dashboard).to.equal(true);
      expect(dashboard.build?.title).to.equal('Populations légales');
      expect(dashboard.build?.widgets.map((widget) => widget.kind)).to.deep.equal([
        'filter',
        'kpi',
        'chart',
        'map',
        'table',
      ]);
      expect(dashboard.build?.widgets[4].title).to.equal(say({key: 'builder.table-title'}, 'fr'));
      expect(reduce(dashboard, {type: 'choose-kind', kind: 'dashboard'}), 'chosen twice: unchanged').to.equal(
        dashboard,
      );
      const edited = run(dashboard, {type: 'select-widget', index: 3}, {type: 'choose-kind', kind: 'kpi'});
      expect(edited.selected).to.equal(3);
      expect(edited.build?.widgets[3].kind).to.equal('kpi');
      expect(edited.build?.widgets).to.have.length(5);
      expect(reduce(edited, {type: 'select-widget', index: 9}).selected, 'no such widget').to.equal(3);
      const added = reduce(edited, {type: 'add-widget', kind: 'table'});
      expect(added.selected).to.equal(5);
      expect(added.build?.widgets[5]).to.include({
        kind: 'table',
        title: say({key: 'builder.table-title'}, 'fr'),
      });
      const removed = reduce(added, {type: 'remove-widget', index: 5});
      expect(removed.build?.widgets).to.have.length(5);
      expect(removed.selected, 'the last one, once the selected one is gone').to.equal(4);
    });

    it('keeps the last widget of a dashboard', () => {
      let model = reduce(loaded(), {type: 'choose-kind', kind: 'dashboard'});
      for (let index = 0; index < 4; index++) model = reduce(model, {type: 'remove-widget', index: 0});
      expect(model.build?.widgets).to.have.length(1);
      expect(reduce(model, {type: 'remove-widget', index: 0})).to.equal(model);
    });

    it('adapts the chart to its type: a time axis, a scatter of two numbers, a limit for pies', () => {
      const line = reduce(loaded(), {type: 'choose-chart-type', chartType: 'line'});
      expect(line.build?.widgets[0]).to.deep.include({
        x: 'annee',
        timeunit: 'year',
        sort: undefined,
        limit: undefined,
      });
      const scatter = reduce(line, {type: 'choose-chart-type', chartType: 'scatter'});
      expect(scatter.build?.widgets[0]).to.deep.include({x: 'population', y: 'population_totale'});
      const pie = reduce(scatter, {type: 'choose-chart-type', chartType: 'pie'});
      expect(pie.build?.widgets[0]).to.deep.include({
        x: 'code_region',
        y: 'sum(population)',
        sort: '-y',
        limit: 6,
      });
    });

    it('joins a map to an outline, and drops it for points', () => {
      const map = reduce(loaded(), {type: 'choose-kind', kind: 'map'});
      const regions = reduce(map, {type: 'choose-outline', file: 'regions.geojson'});
      // Named by the data's own names (`label`), which the outlines may write without their article.
      expect(regions.build?.widgets[0]).to.deep.include({
        shapes: 'regions.geojson',
        key: 'code_region',
        label: 'region',
      });
      // No code of commune to join: the outline is chosen, its names are still the data's.
      const communes = reduce(map, {type: 'choose-outline', file: 'communes-45-loiret.geojson'});
      expect(communes.build?.widgets[0]).to.deep.include({key: undefined, label: 'commune'});
      expect(reduce(regions, {type: 'choose-outline', file: 'nowhere.geojson'})).to.equal(regions);
      const points = reduce(regions, {type: 'choose-map-mode', mode: 'points'});
      expect(points.build?.widgets[0]).to.deep.include({
        mode: 'points',
        shapes: undefined,
        key: undefined,
        label: undefined,
      });
      const back = reduce(points, {type: 'choose-map-mode', mode: 'choropleth'});
      expect(back.build?.widgets[0]).to.deep.include({
        shapes: 'departements.geojson',
        key: 'code_departement',
        label: undefined,
        value: 'sum(population)',
      });
    });
  });

  describe('step 3, the details', () => {
    it('checks the numbers typed, and leaves them out when empty', () => {
      const wrong = reduce(loaded(), {type: 'number-typed', input: 'limit', text: '-3'});
      expect(wrong.errors.limit).to.deep.equal({key: 'builder.number-invalid'});
      expect(wrong.build?.widgets[0].limit, 'unchanged').to.equal(10);
      const right = reduce(wrong, {type: 'number-typed', input: 'limit', text: '5'});
      expect(right.errors.limit).to.equal(undefined);
      expect(right.build?.widgets[0].limit).to.equal(5);
      expect(
        reduce(right, {type: 'number-typed', input: 'limit', text: ''}).build?.widgets[0].limit,
      ).to.equal(undefined);
      expect(reduce(right, {type: 'number-typed', input: 'refresh', text: '60'}).build?.refresh).to.equal(60);
      expect(reduce(right, {type: 'number-typed', input: 'height', text: '1.5'}).errors.height).to.deep.equal(
        {
          key: 'builder.number-invalid',
        },
      );
    });

    it('keeps a filter being typed, with the reason it cannot be read', () => {
      const model = reduce(loaded(), {type: 'where-typed', text: 'population >'});
      expect(model.build?.widgets[0].where).to.equal('population >');
      expect(say(model.errors.where, 'fr')).to.match(/^« population > » : valeur attendue/);
      expect(reduce(model, {type: 'where-typed', text: ' '}).errors.where).to.equal(undefined);
    });

    it('adds conditions with "and", refusing a missing or non-numeric value', () => {
      const first = run(
        loaded(),
        {type: 'condition-changed', change: {field: 'epci', value: 'Orléans Métropole'}},
        {type: 'condition-added'},
      );
      expect(first.build?.widgets[0].where).to.equal('epci = "Orléans Métropole"');
      expect(first.condition, 'ready for the next one').to.deep.equal({field: 'epci', op: '=', value: ''});
      const refused = run(
        first,
        {type: 'condition-changed', change: {field: 'population', op: '>=', value: 'many'}},
        {type: 'condition-added'},
      );
      expect(refused.errors.condition).to.deep.equal({key: 'builder.condition.invalid'});
      const second = run(
        refused,
        {type: 'condition-changed', change: {value: '10000'}},
        {type: 'condition-added'},
      );
      expect(second.errors.condition).to.equal(undefined);
      expect(second.build?.widgets[0].where).to.equal('epci = "Orléans Métropole" and population >= 10000');
      const text = run(
        second,
        {type: 'condition-changed', change: {field: 'commune', op: '>', value: 'Orléans'}},
        {type: 'condition-added'},
      );
      expect(text.build?.widgets[0].where, 'a text compares by = only').to.match(/commune = "Orléans"$/);
    });

    it('announces the first problem of a custom palette, and nothing once it is right', () => {
      const custom = reduce(loaded(), {type: 'update-build', change: {palette: 'custom'}});
      const pale = reduce(custom, {type: 'colours-typed', text: '#000091, #ffd700'});
      expect(pale.build?.colours).to.equal('#000091, #ffd700');
      expect(words(pale)).to.equal(
        '#ffd700 : contraste de 1,4:1 avec le fond #ffffff, il faut au moins 3:1 (WCAG 1.4.11, formes graphiques).',
      );
      expect(reduce(pale, {type: 'colours-typed', text: '#000091 #c9191e'}).status).to.equal(undefined);
    });

    it('sets the preview width and the announcement', () => {
      const model = run(loaded(), {type: 'preview-width', width: 'mobile'}, {type: 'status'});
      expect(model.previewWidth).to.equal('mobile');
      expect(model.status).to.equal(undefined);
      expect(words(reduce(model, {type: 'status', message: {key: 'builder.copied'}}))).to.equal('Code copié');
    });
  });

  it('changes nothing that needs a widget before there is one', () => {
    const empty = initialModel('fr');
    for (const action of [
      {type: 'choose-kind', kind: 'kpi'},
      {type: 'choose-chart-type', chartType: 'pie'},
      {type: 'add-widget', kind: 'kpi'},
      {type: 'remove-widget', index: 0},
      {type: 'update-widget', change: {title: 'x'}},
      {type: 'update-build', change: {title: 'x'}},
      {type: 'colours-typed', text: '#000'},
    ] as BuilderAction[]) {
      expect(reduce(empty, action).build, action.type).to.equal(undefined);
    }
  });
});
