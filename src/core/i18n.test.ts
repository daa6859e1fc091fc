import {expect, html} from '@open-wc/testing';
import {render, type TemplateResult} from 'lit';
import {FormatError, HttpError, NetworkError, QueryError, QuotaError} from '../data/errors.js';
import {ConfigError} from './errors.js';
import {formatDateTime} from './format.js';
import {describeError, normalizeLang, resolveLang, t} from './i18n.js';

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
});
