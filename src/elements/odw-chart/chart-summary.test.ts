import {expect} from '@open-wc/testing';
import {normalizeSpaces} from '../../core/format.js';
import type {Lang} from '../../core/i18n.js';
import type {FieldInfo, Row} from '../../data/types.js';
import {buildChartData, type ChartData} from './chart-model.js';
import {planChart, type ChartAttributes} from './chart-plan.js';
import {describeChart} from './chart-summary.js';
import './odw-chart.messages.js';

const fields: FieldInfo[] = [
  {name: 'commune', label: 'Commune', type: 'text'},
  {name: 'nom', label: 'Nom de la commune', type: 'text'},
  {name: 'region', label: 'Région', type: 'text'},
  {name: 'epci', label: 'EPCI', type: 'text'},
  {name: 'pmun', label: 'Population municipale', type: 'int'},
  {name: 'pcap', label: 'Population comptée à part', type: 'int'},
  {name: 'date', label: 'Date', type: 'date'},
  {name: 'passages', label: 'Passages', type: 'int'},
  {name: 'city', label: 'City', type: 'text'},
  {name: 'reseau', label: 'Réseau', type: 'text'},
];

/** INSEE, populations légales 2025: the 22 communes of Orléans Métropole (municipale, comptée à part). */
const ORLEANS_METROPOLE: Array<[string, number, number]> = [
  ['Orléans', 116344, 2472],
  ['Olivet', 22988, 504],
  ['Saint-Jean-de-Braye', 22088, 623],
  ['Fleury-les-Aubrais', 21664, 211],
  ['Saran', 16866, 222],
  ['Saint-Jean-de-la-Ruelle', 16608, 234],
  ['La Chapelle-Saint-Mesmin', 10492, 205],
  ['Ingré', 9838, 241],
  ['Saint-Jean-le-Blanc', 9534, 138],
  ['Chécy', 8948, 202],
  ['Saint-Denis-en-Val', 7768, 195],
  ['Saint-Pryvé-Saint-Mesmin', 6200, 105],
  ['Ormes', 4341, 96],
  ['Saint-Cyr-en-Val', 3430, 76],
  ['Semoy', 3204, 76],
  ['Saint-Hilaire-Saint-Mesmin', 3156, 86],
  ['Mardié', 3083, 50],
  ['Boigny-sur-Bionne', 2106, 54],
  ['Marigny-les-Usages', 1861, 27],
  ['Chanteau', 1611, 26],
  ['Bou', 1019, 22],
  ['Combleux', 524, 14],
];

/** The 12 régions of mainland France (Corsica aside), population municipale 2025. */
const REGIONS: Array<[string, number]> = [
  ['Île-de-France', 12380964],
  ['Auvergne-Rhône-Alpes', 8163884],
  ['Nouvelle-Aquitaine', 6113384],
  ['Occitanie', 6080731],
  ['Hauts-de-France', 5998916],
  ['Grand Est', 5560079],
  ["Provence-Alpes-Côte d'Azur", 5170312],
  ['Pays de la Loire', 3879216],
  ['Bretagne', 3422845],
  ['Normandie', 3339074],
  ['Bourgogne-Franche-Comté', 2803977],
  ['Centre-Val de Loire', 2581597],
];

const communeRows = (count = 22): Row[] =>
  ORLEANS_METROPOLE.slice(0, count).map(([commune, pmun, pcap]) => ({
    commune,
    'sum(pmun)': pmun,
    'sum(pcap)': pcap,
  }));

function chart(
  attributes: ChartAttributes,
  rows: Row[],
  {lang = 'fr', unit, othersRows}: {lang?: Lang; unit?: string; othersRows?: Row[]} = {},
): ChartData {
  return buildChartData(
    planChart(attributes),
    {rows, total: rows.length, fields, meta: {}},
    {
      lang,
      unit,
      othersRows,
    },
  );
}

/** The summary with plain spaces, easier to read in an assertion (the no-break spaces are tested apart). */
function summary(
  attributes: ChartAttributes,
  rows: Row[],
  lang: Lang = 'fr',
  unit?: string,
  othersRows?: Row[],
) {
  return normalizeSpaces(describeChart(chart(attributes, rows, {lang, unit, othersRows}), lang));
}

/** Monthly rows from January 2013: `values[i]` is month i. */
function monthRows(values: Array<number | null>, extra: Row = {}, start = Date.UTC(2013, 0, 1)): Row[] {
  return values.flatMap((value, index) => {
    if (value === null) return [];
    const date = new Date(start);
    date.setUTCMonth(date.getUTCMonth() + index);
    return [{'month(date)': date.toISOString().slice(0, 10), 'sum(passages)': value, ...extra}];
  });
}

/** 36 months, January 2013 to December 2015: 100 first, 80 in March 2013, 130 in July 2015, 112 last. */
const PASSAGES = Array.from({length: 36}, (_, index) => 95 + ((index * 7) % 21));
PASSAGES[0] = 100;
PASSAGES[2] = 80;
PASSAGES[30] = 130;
PASSAGES[35] = 112;

const population = {x: 'commune', y: 'sum(pmun)'};
const monthly = {type: 'line', x: 'date', y: 'sum(passages)', timeunit: 'month'};

describe('chart summary', () => {
  describe('column and bar', () => {
    it('names the highest and lowest communes of Orléans Métropole, in French and English', () => {
      expect(summary({type: 'column', ...population, sort: '-y'}, communeRows(), 'fr', 'hab.')).to.equal(
        'Diagramme en colonnes, 22 communes. La plus forte valeur est Orléans avec 116 344 hab. ; ' +
          'la plus faible est Combleux avec 524 hab.',
      );
      expect(summary({type: 'column', ...population, sort: '-y'}, communeRows(), 'en', 'hab.')).to.equal(
        'Column chart, 22 communes. The highest value is Orléans with 116,344 hab.; ' +
          'the lowest is Combleux with 524 hab.',
      );
    });

    it('writes French figures and punctuation with no-break spaces', () => {
      const text = describeChart(chart({type: 'bar', ...population}, communeRows(), {unit: 'hab.'}), 'fr');
      expect(text).to.contain('116\u202f344\u00a0hab.\u202f; la plus faible');
      expect(text).not.to.match(/\.\./);
    });

    it('finds the extremes whatever the sort', () => {
      const rows = communeRows().reverse();
      expect(summary({type: 'bar', ...population, sort: 'x'}, rows)).to.equal(
        'Diagramme en barres, 22 communes. La plus forte valeur est Orléans avec 116 344 ; ' +
          'la plus faible est Combleux avec 524.',
      );
    });

    it('counts categories with the right plural: 1 région, 12 régions, 1 region, 12 regions', () => {
      const rows = REGIONS.map(([region, pmun]) => ({region, 'sum(pmun)': pmun}));
      const regions = {type: 'column', x: 'region', y: 'sum(pmun)'};
      expect(summary(regions, rows)).to.match(/^Diagramme en colonnes, 12 régions\. /);
      expect(summary(regions, rows)).to.contain(
        'Île-de-France avec 12 380 964 ; la plus faible est Centre-Val',
      );
      expect(summary(regions, rows, 'en')).to.match(/^Column chart, 12 régions\. The highest value/);
      expect(summary(regions, rows.slice(11))).to.equal(
        'Diagramme en colonnes, 1 région. Centre-Val de Loire : 2 581 597.',
      );
      expect(summary(regions, rows.slice(11), 'en')).to.equal(
        'Column chart, 1 région. Centre-Val de Loire: 2,581,597.',
      );
    });

    it('quotes a label of several words after « catégories », singular and plural', () => {
      const rows = communeRows(3).map(({commune, 'sum(pmun)': pmun}) => ({nom: commune, 'sum(pmun)': pmun}));
      const attributes = {type: 'column', x: 'nom', y: 'sum(pmun)'};
      expect(summary(attributes, rows)).to.match(
        /^Diagramme en colonnes, 3 catégories « Nom de la commune »\./,
      );
      expect(summary(attributes, rows.slice(0, 1))).to.match(/, 1 catégorie « Nom de la commune »\./);
      expect(summary(attributes, rows, 'en')).to.match(/^Column chart, 3 “Nom de la commune” categories\./);
      expect(summary(attributes, rows.slice(0, 1), 'en')).to.match(/, 1 “Nom de la commune” category\./);
    });

    it('writes the plural of a one-word label in each language: villes, réseaux, cities', () => {
      const rows = (field: string, count: number) =>
        ['Orléans', 'Olivet', 'Saran']
          .slice(0, count)
          .map((name, index) => ({[field]: name, 'sum(pmun)': index + 1}));
      expect(summary({type: 'column', x: 'reseau', y: 'sum(pmun)'}, rows('reseau', 3))).to.match(
        /, 3 réseaux\./,
      );
      expect(summary({type: 'column', x: 'reseau', y: 'sum(pmun)'}, rows('reseau', 1))).to.match(
        /, 1 réseau\./,
      );
      expect(summary({type: 'column', x: 'city', y: 'sum(pmun)'}, rows('city', 3), 'en')).to.match(
        /, 3 cities\./,
      );
      expect(summary({type: 'column', x: 'city', y: 'sum(pmun)'}, rows('city', 1), 'en')).to.match(
        /, 1 city\./,
      );
    });

    it('keeps an acronym as it is written', () => {
      const rows = [
        {epci: 'Orléans Métropole', 'sum(pmun)': 293673},
        {epci: 'CC des Loges', 'sum(pmun)': 41542},
      ];
      expect(summary({type: 'bar', x: 'epci', y: 'sum(pmun)'}, rows)).to.match(
        /^Diagramme en barres, 2 EPCI\./,
      );
    });

    it('mentions « Autres » and what it groups, apart from the extremes', () => {
      const rest = 293673 - (116344 + 22988 + 22088 + 21664 + 16866);
      const attributes = {type: 'bar', ...population, sort: '-y', limit: 5, others: true};
      expect(summary(attributes, communeRows(5), 'fr', 'hab.', [{'sum(pmun)': rest}])).to.equal(
        'Diagramme en barres, 5 communes et « Autres ». ' +
          'La plus forte valeur est Orléans avec 116 344 hab. ; la plus faible est Saran avec 16 866 hab. ' +
          '« Autres » regroupe le reste : 93 723 hab.',
      );
      expect(summary(attributes, communeRows(5), 'en', 'hab.', [{'sum(pmun)': rest}])).to.equal(
        'Bar chart, 5 communes and “Others”. ' +
          'The highest value is Orléans with 116,344 hab.; the lowest is Saran with 16,866 hab. ' +
          '“Others” groups the rest: 93,723 hab.',
      );
    });

    it('says when the highest or lowest value is shared, and when every value is the same', () => {
      const rows = [
        {commune: 'Saint-Cyr-en-Val', 'sum(pcap)': 76},
        {commune: 'Semoy', 'sum(pcap)': 76},
        {commune: 'Bou', 'sum(pcap)': 22},
      ];
      const attributes = {type: 'column', x: 'commune', y: 'sum(pcap)'};
      expect(summary(attributes, rows)).to.equal(
        'Diagramme en colonnes, 3 communes. La plus forte valeur, 76, est partagée par Saint-Cyr-en-Val et Semoy ; ' +
          'la plus faible est Bou avec 22.',
      );
      expect(summary(attributes, rows, 'en')).to.contain(
        'The highest value, 76, is shared by Saint-Cyr-en-Val and Semoy; the lowest is Bou with 22.',
      );
      const equal = rows.map((row) => ({...row, 'sum(pcap)': 50}));
      expect(summary(attributes, equal)).to.equal(
        'Diagramme en colonnes, 3 communes. Toutes les valeurs sont égales : 50.',
      );
      expect(summary(attributes, equal, 'en')).to.equal(
        'Column chart, 3 communes. Every value is the same: 50.',
      );
    });

    it('counts the communes sharing an extreme when there are too many to name', () => {
      const rows = ['Bou', 'Chanteau', 'Combleux', 'Mardié', 'Ormes', 'Semoy'].map((commune) => ({
        commune,
        'sum(pcap)': 10,
      }));
      rows.push({commune: 'Orléans', 'sum(pcap)': 2472});
      expect(summary({type: 'column', x: 'commune', y: 'sum(pcap)'}, rows)).to.contain(
        'la plus faible, 10, est partagée par 6 communes.',
      );
    });

    it('gives the extremes of each series, named', () => {
      const attributes = {type: 'column', x: 'commune', y: 'sum(pmun), sum(pcap)'};
      expect(summary(attributes, communeRows(4))).to.equal(
        'Diagramme en colonnes, 4 communes, 2 séries (Population municipale et Population comptée à part). ' +
          'Population municipale : la plus forte valeur est Orléans avec 116 344 ; ' +
          'la plus faible est Fleury-les-Aubrais avec 21 664. ' +
          'Population comptée à part : la plus forte valeur est Orléans avec 2 472 ; ' +
          'la plus faible est Fleury-les-Aubrais avec 211.',
      );
      expect(summary(attributes, communeRows(4), 'en')).to.match(
        /^Column chart, 4 communes, 2 series \(Population municipale and Population comptée à part\)\. Population municipale: the highest/,
      );
    });

    it('says a stacked chart is stacked and gives the extreme totals', () => {
      const normal = {type: 'column', x: 'commune', y: 'sum(pmun), sum(pcap)', stack: 'normal'};
      expect(summary(normal, communeRows(4))).to.equal(
        'Diagramme en colonnes, séries empilées, 4 communes, 2 séries (Population municipale et Population comptée à part). ' +
          'Le plus fort total est Orléans avec 118 816 ; le plus faible est Fleury-les-Aubrais avec 21 875.',
      );
      expect(summary({...normal, stack: 'percent'}, communeRows(4), 'en')).to.equal(
        'Column chart, series stacked to 100%, 4 communes, 2 series (Population municipale and Population comptée à part). ' +
          'The highest total is Orléans with 118,816; the lowest is Fleury-les-Aubrais with 21,875.',
      );
      expect(summary({...normal, type: 'bar', stack: 'percent'}, communeRows(2))).to.match(
        /^Diagramme en barres, séries empilées à 100 %, 2 communes/,
      );
    });

    it('writes out an empty chart', () => {
      const text = describeChart(chart({type: 'column', ...population}, []), 'fr');
      expect(text).to.equal('Diagramme en colonnes\u00a0: aucune donnée.');
      expect(describeChart(chart({type: 'pie', ...population}, [], {lang: 'en'}), 'en')).to.equal(
        'Pie chart: no data.',
      );
      const nulls = communeRows(2).map((row) => ({...row, 'sum(pmun)': null}));
      expect(summary({type: 'bar', ...population}, nulls)).to.equal('Diagramme en barres : aucune donnée.');
    });
  });

  describe('line and area', () => {
    it('gives the trend and the dated extremes of a monthly series, in French and English', () => {
      expect(summary(monthly, monthRows(PASSAGES))).to.equal(
        'Graphique en courbes, 36 mois. Passages : en hausse de 12 % de janvier 2013 à décembre 2015 ; ' +
          'minimum 80 en mars 2013, maximum 130 en juillet 2015.',
      );
      expect(summary(monthly, monthRows(PASSAGES), 'en')).to.equal(
        'Line chart, 36 months. Passages: up 12% from January 2013 to December 2015; ' +
          'lowest 80 in March 2013, highest 130 in July 2015.',
      );
    });

    it('says « en baisse » and « stable », with percentages written in French', () => {
      const down = [...PASSAGES];
      down[35] = 87.5;
      expect(summary(monthly, monthRows(down))).to.contain('Passages : en baisse de 12,5 % de janvier 2013');
      expect(summary(monthly, monthRows(down), 'en')).to.contain('Passages: down 12.5% from January 2013');
      const steady = [...PASSAGES];
      steady[35] = 100.4;
      expect(summary(monthly, monthRows(steady))).to.contain(
        'Passages : stable de janvier 2013 à décembre 2015 ;',
      );
      expect(summary(monthly, monthRows(steady), 'en')).to.contain('Passages: stable from January 2013 to');
    });

    it('elides « de » before a vowel: « d’avril 2013 », « d’août 2014 »', () => {
      const april = monthRows([10, 12, 11], {}, Date.UTC(2013, 3, 1));
      expect(summary(monthly, april)).to.contain('en hausse de 10 % d’avril 2013 à juin 2013');
      const august = monthRows([10, 9], {}, Date.UTC(2014, 7, 1));
      expect(summary(monthly, august)).to.contain('en baisse de 10 % d’août 2014 à septembre 2014');
    });

    it('reads a series written in reverse time order from the first period to the last', () => {
      const rows = monthRows(PASSAGES).reverse();
      expect(summary({...monthly, sort: '-x'}, rows)).to.contain(
        'en hausse de 12 % de janvier 2013 à décembre 2015',
      );
    });

    it('counts only the periods that hold a value, and reads the trend across gaps', () => {
      const values: Array<number | null> = [...PASSAGES];
      values[10] = null;
      values[11] = null;
      expect(summary(monthly, monthRows(values))).to.match(
        /^Graphique en courbes, 34 mois\. Passages : en hausse de 12 %/,
      );
    });

    it('writes each time unit: years, weeks, days and hours', () => {
      const years = [2013, 2014, 2015].map((year, index) => ({
        'year(date)': year,
        'sum(passages)': [50, 40, 75][index],
      }));
      const yearly = {type: 'area', x: 'date', y: 'sum(passages)', timeunit: 'year'};
      expect(summary(yearly, years)).to.equal(
        'Graphique en aires, 3 années. Passages : en hausse de 50 % de 2013 à 2015 ; minimum 40 en 2014, maximum 75 en 2015.',
      );
      expect(summary(yearly, years, 'en')).to.equal(
        'Area chart, 3 years. Passages: up 50% from 2013 to 2015; lowest 40 in 2014, highest 75 in 2015.',
      );
      const weeks = ['2024-03-04', '2024-03-11', '2024-03-18'].map((week, index) => ({
        'week(date)': week,
        'sum(passages)': [20, 30, 10][index],
      }));
      const weekly = {type: 'line', x: 'date', y: 'sum(passages)', timeunit: 'week'};
      expect(summary(weekly, weeks)).to.equal(
        'Graphique en courbes, 3 semaines. Passages : en baisse de 50 % de la semaine du 4 mars 2024 à celle du 18 mars 2024 ; ' +
          'minimum 10 la semaine du 18 mars 2024, maximum 30 la semaine du 11 mars 2024.',
      );
      expect(summary(weekly, weeks, 'en')).to.contain(
        'down 50% from the week of March 4, 2024 to that of March 18, 2024; lowest 10 in the week of March 18, 2024',
      );
      const days = ['2024-03-01', '2024-03-02'].map((day, index) => ({
        'day(date)': day,
        'sum(passages)': [4, 6][index],
      }));
      const daily = {type: 'line', x: 'date', y: 'sum(passages)', timeunit: 'day'};
      expect(summary(daily, days)).to.equal(
        'Graphique en courbes, 2 jours. Passages : en hausse de 50 % du 1er mars 2024 au 2 mars 2024 ; ' +
          'minimum 4 le 1er mars 2024, maximum 6 le 2 mars 2024.',
      );
      expect(summary(daily, days, 'en')).to.contain(
        'up 50% from March 1, 2024 to March 2, 2024; lowest 4 on March 1, 2024',
      );
      const hours = ['2024-03-01T08', '2024-03-01T09'].map((hour, index) => ({
        'hour(date)': hour,
        'sum(passages)': [4, 3][index],
      }));
      const hourly = {type: 'line', x: 'date', y: 'sum(passages)', timeunit: 'hour'};
      expect(summary(hourly, hours)).to.contain(
        'en baisse de 25 % du 1er mars 2024 à 8 h au 1er mars 2024 à 9 h',
      );
      expect(summary(hourly, hours, 'en')).to.match(
        /^Line chart, 2 hours\. .* from March 1, 2024 at 8:00 to/,
      );
    });

    it('writes out a line of one point, singular', () => {
      expect(summary(monthly, monthRows([42]))).to.equal(
        'Graphique en courbes, 1 mois. Passages : 42 en janvier 2013.',
      );
      expect(
        summary({...monthly, timeunit: 'year'}, [{'year(date)': 2024, 'sum(passages)': 42}], 'en'),
      ).to.equal('Line chart, 1 year. Passages: 42 in 2024.');
    });

    it('describes each series by name, and says how many there are', () => {
      const rows = [
        ...monthRows(PASSAGES.slice(0, 12), {commune: 'Orléans'}),
        ...monthRows([50, 48, 47, 45, 44, 46, 43, 42, 41, 40, 39, 40], {commune: 'Olivet'}),
      ];
      expect(summary({...monthly, series: 'commune'}, rows)).to.equal(
        'Graphique en courbes, 12 mois, 2 séries (Orléans et Olivet). ' +
          'Orléans : en hausse de 9 % de janvier 2013 à décembre 2013 ; minimum 80 en mars 2013, maximum 109 en juin 2013. ' +
          'Olivet : en baisse de 20 % de janvier 2013 à décembre 2013 ; minimum 39 en novembre 2013, maximum 50 en janvier 2013.',
      );
      expect(summary({...monthly, series: 'commune'}, rows, 'en')).to.contain(
        'Line chart, 12 months, 2 series (Orléans and Olivet). Orléans: up 9% from January 2013 to December 2013;',
      );
    });

    it('says an area of several series is stacked and follows their total', () => {
      const rows = [
        ...monthRows([10, 20, 30], {commune: 'Orléans'}),
        ...monthRows([5, 5, 6], {commune: 'Olivet'}),
      ];
      expect(summary({...monthly, type: 'area', series: 'commune'}, rows)).to.equal(
        'Graphique en aires, séries empilées, 3 mois, 2 séries (Orléans et Olivet). ' +
          'Orléans : en hausse de 200 % de janvier 2013 à mars 2013 ; minimum 10 en janvier 2013, maximum 30 en mars 2013. ' +
          'Olivet : en hausse de 20 % de janvier 2013 à mars 2013 ; minimum 5 en janvier 2013, maximum 6 en mars 2013. ' +
          'Total : en hausse de 140 % de janvier 2013 à mars 2013 ; minimum 15 en janvier 2013, maximum 36 en mars 2013.',
      );
    });

    it('reads a line over categories from the first to the last, « d’Orléans »', () => {
      const rows = communeRows(3);
      expect(summary({type: 'line', ...population}, rows)).to.equal(
        'Graphique en courbes, 3 communes. Population municipale : en baisse de 81 % d’Orléans à Saint-Jean-de-Braye ; ' +
          'minimum 22 088 pour Saint-Jean-de-Braye, maximum 116 344 pour Orléans.',
      );
      expect(summary({type: 'line', ...population}, rows, 'en')).to.contain(
        'Population municipale: down 81% from Orléans to Saint-Jean-de-Braye; lowest 22,088 for Saint-Jean-de-Braye',
      );
    });

    it('gives a difference rather than a percentage from a start at zero or below', () => {
      const rows = monthRows([-3, 0, 12]);
      expect(summary(monthly, rows)).to.contain('Passages : en hausse de 15 de janvier 2013 à mars 2013');
      expect(summary(monthly, monthRows([0, 0]), 'en')).to.contain(
        'Passages: stable from January 2013 to February 2013',
      );
    });
  });

  describe('pie and donut', () => {
    it('gives the shares, largest first, then the rest summed up', () => {
      const rows = communeRows().reverse();
      expect(summary({type: 'pie', ...population}, rows)).to.equal(
        'Diagramme circulaire, 22 communes. Parts : Orléans 39,6 % ; Olivet 7,8 % ; Saint-Jean-de-Braye 7,5 % ; ' +
          'Fleury-les-Aubrais 7,4 % ; Saran 5,7 % ; les 17 autres communes 31,9 %.',
      );
      expect(summary({type: 'donut', ...population}, rows, 'en')).to.equal(
        'Donut chart, 22 communes. Shares: Orléans 39.6%; Olivet 7.8%; Saint-Jean-de-Braye 7.5%; ' +
          'Fleury-les-Aubrais 7.4%; Saran 5.7%; the 17 other communes 31.9%.',
      );
    });

    it('names every slice when only one more would be left', () => {
      const text = summary({type: 'pie', ...population}, communeRows(6));
      expect(text).to.contain('Saran 7,8 % ; Saint-Jean-de-la-Ruelle 7,7 %.');
      expect(text).not.to.contain('autre');
    });

    it('puts « Autres » last, whatever its share', () => {
      const rest = 293673 - (116344 + 22988 + 22088 + 21664 + 16866);
      const attributes = {type: 'donut', ...population, limit: 5, others: true};
      expect(summary(attributes, communeRows(5), 'fr', undefined, [{'sum(pmun)': rest}])).to.equal(
        'Diagramme en anneau, 5 communes et « Autres ». Parts : Orléans 39,6 % ; Olivet 7,8 % ; ' +
          'Saint-Jean-de-Braye 7,5 % ; Fleury-les-Aubrais 7,4 % ; Saran 5,7 % ; « Autres » 31,9 %.',
      );
      expect(summary(attributes, communeRows(5), 'en', undefined, [{'sum(pmun)': rest}])).to.match(
        /^Donut chart, 5 communes and “Others”\. Shares: Orléans 39\.6%; .*; Saran 5\.7%; “Others” 31\.9%\.$/,
      );
    });

    it('counts the rest in categories when the label is not one word', () => {
      const rows = communeRows(8).map(({commune, 'sum(pmun)': pmun}) => ({nom: commune, 'sum(pmun)': pmun}));
      expect(summary({type: 'pie', x: 'nom', y: 'sum(pmun)'}, rows)).to.match(/ ; les 3 autres \d+,\d %\.$/);
      expect(summary({type: 'pie', x: 'nom', y: 'sum(pmun)'}, rows, 'en')).to.match(
        /; the 3 others \d+\.\d%\.$/,
      );
    });

    it('writes out one slice', () => {
      expect(summary({type: 'donut', ...population}, communeRows(1), 'fr', 'hab.')).to.equal(
        'Diagramme en anneau, 1 commune. Orléans : 116 344 hab.',
      );
    });
  });

  describe('scatter', () => {
    const scatter = (pairs: Array<[number, number]>, lang: Lang = 'fr') =>
      summary(
        {type: 'scatter', x: 'pmun', y: 'pcap'},
        pairs.map(([pmun, pcap]) => ({pmun, pcap})),
        lang,
      );
    const xs = [1, 2, 3, 4, 5];
    const pairsOf = (ys: number[]): Array<[number, number]> => xs.map((x, index) => [x, ys[index]]);

    it('finds the strong positive correlation of the two populations of the 22 communes (r = 0,99)', () => {
      const pairs = ORLEANS_METROPOLE.map(([, pmun, pcap]): [number, number] => [pmun, pcap]);
      expect(scatter(pairs)).to.equal(
        'Nuage de points, 22 points. Population municipale de 524 à 116 344 ; Population comptée à part de 14 à 2 472. ' +
          'Corrélation positive forte entre Population municipale et Population comptée à part (r = 0,99) : ' +
          'Population comptée à part tend à augmenter quand Population municipale augmente.',
      );
      expect(scatter(pairs, 'en')).to.equal(
        'Scatter plot, 22 points. Population municipale from 524 to 116,344; Population comptée à part from 14 to 2,472. ' +
          'A strong positive correlation between Population municipale and Population comptée à part (r = 0.99): ' +
          'Population comptée à part tends to rise as Population municipale rises.',
      );
      // Without Orléans, still strong: r = 0,88.
      expect(scatter(pairs.slice(1))).to.contain(
        'Corrélation positive forte entre Population municipale et Population comptée à part (r = 0,88)',
      );
    });

    it('words each strength and sign from sets of known r', () => {
      expect(scatter(pairsOf([2, 1, 4, 3, 5]))).to.contain(
        'Corrélation positive forte entre Population municipale et Population comptée à part (r = 0,80)',
      );
      expect(scatter(pairsOf([1, 4, 2, 5, 3]))).to.contain('Corrélation positive modérée entre');
      expect(scatter(pairsOf([5, 2, 4, 1, 3]))).to.contain(
        'Corrélation négative modérée entre Population municipale et Population comptée à part (r = -0,50) : Population comptée à part tend à diminuer',
      );
      expect(scatter(pairsOf([3, 1, 4, 5, 2]))).to.contain('Corrélation positive faible entre');
      expect(scatter(pairsOf([3, 1, 4, 5, 2]), 'en')).to.contain('A weak positive correlation between');
      expect(scatter(pairsOf([1, 4, 5, 4, 1]))).to.contain(
        'Aucune corrélation entre Population municipale et Population comptée à part (r = 0,00).',
      );
      expect(scatter(pairsOf([1, 4, 5, 4, 1]), 'en')).to.contain(
        'No correlation between Population municipale and',
      );
      expect(scatter(pairsOf([10, 8, 6, 4, 2]), 'en')).to.contain('A strong negative correlation between');
    });

    it('measures no correlation when a variable does not vary, nor with two points', () => {
      expect(scatter(pairsOf([7, 7, 7, 7, 7]))).to.contain(
        'Corrélation non mesurable : Population comptée à part ne varie pas.',
      );
      expect(
        scatter([
          [1, 2],
          [3, 5],
        ]),
      ).to.equal(
        'Nuage de points, 2 points. Population municipale de 1 à 3 ; Population comptée à part de 2 à 5.',
      );
    });

    it('writes out one point, singular', () => {
      expect(scatter([[116344, 2472]])).to.equal(
        'Nuage de points, 1 point. Population municipale : 116 344, Population comptée à part : 2 472.',
      );
      expect(scatter([[116344, 2472]], 'en')).to.equal(
        'Scatter plot, 1 point. Population municipale: 116,344, Population comptée à part: 2,472.',
      );
    });

    it('names the series of a scatter plot', () => {
      const rows = [
        {pmun: 116344, pcap: 2472, commune: 'Orléans'},
        {pmun: 22988, pcap: 504, commune: 'Olivet'},
        {pmun: 524, pcap: 14, commune: 'Combleux'},
      ];
      expect(summary({type: 'scatter', x: 'pmun', y: 'pcap', series: 'commune'}, rows)).to.match(
        /^Nuage de points, 3 points, 3 séries \(Orléans, Olivet et Combleux\)\. /,
      );
    });
  });
});
