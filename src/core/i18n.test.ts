import {expect, html} from '@open-wc/testing';
import {render, type TemplateResult} from 'lit';
import {FormatError, HttpError, NetworkError, QueryError, QuotaError} from '../data/errors.js';
import {ConfigError, isRetryable} from './errors.js';
import {formatDateTime} from './format.js';
import {describeError, normalizeLang, resolveLang, t} from './i18n.js';
import {
  CKAN_SQL_OFF,
  CKAN_UNKNOWN_FILTER,
  failureOf,
  TABULAR_UNKNOWN_COLUMN,
} from '../../test/real-answers.js';

describe('t', () => {
  it('answers the French and English text of a key', () => {
    expect(t('fr', 'retry')).to.equal('Réessayer');
    expect(t('en', 'retry')).to.equal('Retry');
    expect(t('fr', 'empty')).to.equal('Aucune donnée');
  });

  it('fills {placeholders} from params', () => {
    expect(t('fr', 'stale.notice', {date: '3 mars 2026 à 14:05'})).to.equal(
      'Données du 3 mars 2026 à 14:05 — la mise à jour a échoué',
    );
  });
});

describe('normalizeLang', () => {
  it('keeps the primary language when supported, French otherwise', () => {
    expect(normalizeLang('fr-FR')).to.equal('fr');
    expect(normalizeLang('EN-gb')).to.equal('en');
    expect(normalizeLang('de')).to.equal('fr');
    expect(normalizeLang('')).to.equal('fr');
    expect(normalizeLang(null)).to.equal('fr');
  });
});

describe('resolveLang', () => {
  const placed: HTMLElement[] = [];
  /** Puts `template` in the page and answers its first element. */
  function place(template: TemplateResult): Element {
    const container = document.createElement('div');
    render(template, container);
    document.body.append(container);
    placed.push(container);
    return container.firstElementChild!;
  }
  let htmlLang: string | null;
  beforeEach(() => {
    htmlLang = document.documentElement.getAttribute('lang');
  });
  afterEach(() => {
    for (const container of placed.splice(0)) container.remove();
    if (htmlLang === null) document.documentElement.removeAttribute('lang');
    else document.documentElement.setAttribute('lang', htmlLang);
  });

  it("takes the element's own lang first", () => {
    const el = place(html`<div lang="fr"><span lang="en-US"></span></div>`);
    expect(resolveLang(el.querySelector('span')!)).to.equal('en');
  });

  it('inherits from the closest ancestor with a lang, skipping lang=""', () => {
    const el = place(
      html`<div lang="en">
        <p lang=""><span></span></p>
      </div>`,
    );
    expect(resolveLang(el.querySelector('span')!)).to.equal('en');
  });

  it('crosses shadow roots to the host and its ancestors', () => {
    const outer = place(html`<section lang="en"><div></div></section>`);
    const host = outer.querySelector('div')!;
    const inner = document.createElement('span');
    host.attachShadow({mode: 'open'}).append(inner);
    expect(resolveLang(inner)).to.equal('en');
  });

  it('falls back to <html lang>, then French', () => {
    const el = place(html`<span></span>`);
    document.documentElement.setAttribute('lang', 'en');
    expect(resolveLang(el)).to.equal('en');
    document.documentElement.removeAttribute('lang');
    expect(resolveLang(el)).to.equal('fr');
  });
});

describe('describeError', () => {
  it('says the portal does not answer on a network failure, and that it is too slow on a timeout', () => {
    expect(describeError(new NetworkError('failed'), 'fr')).to.equal(
      'Le portail de données ne répond pas. Vérifiez votre connexion.',
    );
    expect(describeError(new NetworkError('slow', undefined, true), 'fr')).to.match(/trop de temps/);
    expect(describeError(new NetworkError('slow', undefined, true), 'en')).to.match(/too long/);
  });

  it('names a missing dataset, a private one and a server failure', () => {
    expect(describeError(new HttpError(404, 'Not found'), 'fr')).to.match(/^Jeu de données introuvable/);
    expect(describeError(new HttpError(401, 'Denied'), 'fr')).to.match(/^Jeu de données privé/);
    expect(describeError(new HttpError(403, 'Denied'), 'en')).to.match(/^Private dataset/);
    expect(describeError(new HttpError(503, 'Down'), 'fr')).to.match(/HTTP 503/);
  });

  it('says what a real API answered, in its own words', async () => {
    const tabular = await failureOf(400, TABULAR_UNKNOWN_COLUMN);
    expect(describeError(tabular, 'fr')).to.equal(
      'Le portail de données a refusé la requête : Database error: column "nombre" does not exist',
    );
    expect(describeError(tabular, 'en')).to.equal(
      'The data portal refused the query: Database error: column "nombre" does not exist',
    );
    const ckan = await failureOf(409, CKAN_UNKNOWN_FILTER);
    expect(describeError(ckan, 'fr')).to.equal(
      'Le portail de données a refusé la requête : filters: field "quater" not in table',
    );
    expect(describeError(await failureOf(400, CKAN_SQL_OFF), 'fr')).to.equal(
      'Le portail de données a refusé la requête (HTTP 400) : Bad request - Action name not known: datastore_search_sql',
    );
  });

  it('names the separator of a file read as one column, a non-finite result and an ignored aggregate', () => {
    const separator = new QueryError('x', {found: '|', expected: 'separator'});
    expect(describeError(separator, 'fr')).to.equal(
      'Le fichier se lit comme une seule colonne alors que « | » y figure : son séparateur n’a pas été reconnu.',
    );
    expect(describeError(new QueryError('x', {found: '\t', expected: 'separator'}), 'en')).to.equal(
      'The file reads as one column although “tab” occurs in it: its separator was not recognised.',
    );
    const overflow = new QueryError('x', {found: 'sum(montant)', expected: 'finite-number'});
    expect(describeError(overflow, 'fr')).to.equal(
      'Le résultat de « sum(montant) » n’est pas un nombre fini (dépassement de capacité ?).',
    );
    expect(describeError(overflow, 'en')).to.equal(
      'The result of “sum(montant)” is not a finite number (an overflow?).',
    );
    const ignored = new QueryError('x', {found: 'total', expected: 'answer-key'});
    expect(describeError(ignored, 'fr')).to.equal(
      'Le portail de données a répondu sans la colonne « total » demandée : il a ignoré l’agrégation.',
    );
    expect(describeError(ignored, 'en')).to.equal(
      'The data portal answered without the “total” column asked for: it ignored the aggregation.',
    );
  });

  it("quotes the API's message for another refused request", () => {
    expect(describeError(new HttpError(422, 'x', undefined, 'limit too high'), 'fr')).to.match(
      /HTTP 422\) : limit too high$/,
    );
  });

  it('gives the reset date and time of an exhausted quota, formatted in the language', () => {
    const resetAt = new Date(2030, 2, 3, 14, 5);
    expect(describeError(new QuotaError('quota', undefined, resetAt), 'fr')).to.equal(
      `Le quota de requêtes du portail de données est atteint jusqu’au ${formatDateTime(resetAt, 'fr')}.`,
    );
    expect(describeError(new QuotaError('quota'), 'en')).to.match(/quota .* exhausted/);
  });

  it('gives only the time when the quota resets today', () => {
    const resetAt = new Date();
    resetAt.setHours(23, 59, 0, 0);
    expect(describeError(new QuotaError('quota', undefined, resetAt), 'fr')).to.equal(
      'Le quota de requêtes du portail de données est atteint jusqu’à 23:59.',
    );
  });

  it('points at the column of an expression that does not parse, with what was expected', () => {
    const error = new QueryError('syntax', {
      expression: 'sum(population',
      column: 15,
      expected: 'closing-paren',
    });
    expect(describeError(error, 'fr')).to.equal(
      '« sum(population » : parenthèse fermante attendue, colonne 15',
    );
    expect(describeError(error, 'en')).to.equal('“sum(population”: closing parenthesis expected, column 15');
  });

  it('translates every code the parser may expect', () => {
    const codes = [
      'opening-paren',
      'field',
      'value',
      'operator',
      'end',
      'string-end',
      'aggregate',
      'comma',
      'date',
      'expression',
    ];
    for (const code of codes) {
      const text = describeError(new QueryError('x', {expression: 'a', column: 1, expected: code}), 'fr');
      expect(text, code).not.to.match(/syntaxe|expected/);
    }
  });

  it('explains an unrecognised source URL', () => {
    const error = new QueryError('x', {expression: 'https://example.org/page', expected: 'api-url'});
    expect(describeError(error, 'fr')).to.match(/^Adresse non reconnue : « https:\/\/example.org\/page »/);
  });

  it("gives the API's message when the portal refused the query", () => {
    const error = new QueryError('x', {apiMessage: 'Unknown field: populaton'});
    expect(describeError(error, 'fr')).to.equal(
      'Le portail de données a refusé la requête : Unknown field: populaton',
    );
  });

  it('reports an answer in the wrong format, configuration mistakes and anything else', () => {
    expect(describeError(new FormatError('html'), 'fr')).to.match(/format attendu/);
    expect(describeError(new ConfigError('source-not-found', 'pop'), 'fr')).to.match(
      /^Source « pop » introuvable/,
    );
    expect(describeError(new ConfigError('no-source'), 'en')).to.match(/^No data source/);
    expect(describeError(new TypeError('boom'), 'fr')).to.equal('Les données n’ont pas pu être chargées.');
  });

  it('lets an error of an element word itself, and say that trying again cannot fix it', () => {
    class CodeMissing extends Error {
      readonly retryable = false;
      describe(lang: string): string {
        return lang === 'fr' ? 'Le code manque.' : 'The code is missing.';
      }
    }
    expect(describeError(new CodeMissing(), 'fr')).to.equal('Le code manque.');
    expect(describeError(new CodeMissing(), 'en')).to.equal('The code is missing.');
    expect(isRetryable(new CodeMissing()), 'no « Réessayer »').to.equal(false);
    expect(isRetryable(new NetworkError('down', 'https://example.org')), 'the portal may come back').to.equal(
      true,
    );
    expect(isRetryable(new ConfigError('no-source'))).to.equal(false);
  });
});
