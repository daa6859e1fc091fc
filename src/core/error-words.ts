/**
 * The sentences that say what failed, in French (first) and English. They load with the first
 * error a page shows (`errorMessage` in src/core/i18n.ts), or with the element that words errors
 * itself (the dashboard, the builder).
 */
import {FormatError, HttpError, NetworkError, QueryError, QuotaError} from '../data/errors.js';
import {ConfigError} from './errors.js';
import {formatDateTime, formatTime, toDate} from './format.js';
import type {Lang} from './lang.js';
import {GENERIC_ERROR, errorWords, messageCatalogue, ownWords} from './messages.js';

const fr = {
  'error.network': 'Le portail de données ne répond pas. Vérifiez votre connexion.',
  'error.timeout': 'Le portail de données met trop de temps à répondre.',
  'error.not-found': 'Jeu de données introuvable. Vérifiez l’adresse de la source.',
  'error.private': 'Jeu de données privé : une clé d’API est nécessaire (attribut api-key).',
  'error.server': 'Le portail de données rencontre une erreur (HTTP {status}). Réessayez plus tard.',
  'error.http': 'Le portail de données a refusé la requête (HTTP {status}).',
  'error.http-message': 'Le portail de données a refusé la requête (HTTP {status}) : {message}',
  'error.quota': 'Le quota de requêtes du portail de données est atteint. Réessayez plus tard.',
  'error.quota-reset': 'Le quota de requêtes du portail de données est atteint jusqu’au {date}.',
  'error.quota-reset-today': 'Le quota de requêtes du portail de données est atteint jusqu’à {time}.',
  'error.syntax': '« {expression} » : {expected}, colonne {column}',
  'error.syntax-no-column': '« {expression} » : {expected}',
  'error.api-url':
    'Adresse non reconnue : « {expression} ». Indiquez une URL Opendatasoft, data.gouv.fr ou CKAN, ou un fichier CSV, JSON ou GeoJSON.',
  'error.query-api': 'Le portail de données a refusé la requête : {message}',
  'error.query': 'La requête est invalide : {message}',
  'error.unknown-field': 'Champ inconnu : « {field} ». Vérifiez son nom dans le jeu de données.',
  'error.separator':
    'Le fichier se lit comme une seule colonne alors que « {separator} » y figure : son séparateur n’a pas été reconnu.',
  'separator.tab': 'tabulation',
  'error.non-finite': 'Le résultat de « {field} » n’est pas un nombre fini (dépassement de capacité ?).',
  'error.answer-key':
    'Le portail de données a répondu sans la colonne « {field} » demandée : il a ignoré l’agrégation.',
  'error.format': 'La réponse du portail de données n’est pas dans le format attendu.',
  'error.source-not-found':
    'Source « {id} » introuvable : aucun élément odw-source ne porte cet identifiant.',
  'error.no-source': 'Aucune source de données : indiquez l’attribut src ou source.',
  'expected.closing-paren': 'parenthèse fermante attendue',
  'expected.opening-paren': 'parenthèse ouvrante attendue',
  'expected.field': 'nom de champ attendu',
  'expected.value': 'valeur attendue',
  'expected.operator': 'opérateur attendu',
  'expected.end': 'fin de l’expression attendue',
  'expected.string-end': 'guillemet fermant attendu',
  'expected.aggregate': 'agrégat attendu (count, sum, avg, min, max, median)',
  'expected.comma': 'virgule attendue',
  'expected.date': 'date attendue (AAAA-MM-JJ)',
  'expected.expression': 'expression attendue',
  'expected.syntax': 'erreur de syntaxe',
};

type ErrorMessageKey = keyof typeof fr;

const en: Record<ErrorMessageKey, string> = {
  'error.network': 'The data portal does not respond. Check your connection.',
  'error.timeout': 'The data portal takes too long to respond.',
  'error.not-found': 'Dataset not found. Check the address of the source.',
  'error.private': 'Private dataset: an API key is needed (api-key attribute).',
  'error.server': 'The data portal has an error (HTTP {status}). Try again later.',
  'error.http': 'The data portal refused the request (HTTP {status}).',
  'error.http-message': 'The data portal refused the request (HTTP {status}): {message}',
  'error.quota': 'The request quota of the data portal is exhausted. Try again later.',
  'error.quota-reset': 'The request quota of the data portal is exhausted until {date}.',
  'error.quota-reset-today': 'The request quota of the data portal is exhausted until {time}.',
  'error.syntax': '“{expression}”: {expected}, column {column}',
  'error.syntax-no-column': '“{expression}”: {expected}',
  'error.api-url':
    'Unrecognised address: “{expression}”. Give an Opendatasoft, data.gouv.fr or CKAN URL, or a CSV, JSON or GeoJSON file.',
  'error.query-api': 'The data portal refused the query: {message}',
  'error.query': 'The query is invalid: {message}',
  'error.unknown-field': 'Unknown field: “{field}”. Check its name in the dataset.',
  'error.separator':
    'The file reads as one column although “{separator}” occurs in it: its separator was not recognised.',
  'separator.tab': 'tab',
  'error.non-finite': 'The result of “{field}” is not a finite number (an overflow?).',
  'error.answer-key':
    'The data portal answered without the “{field}” column asked for: it ignored the aggregation.',
  'error.format': 'The answer of the data portal is not in the expected format.',
  'error.source-not-found': 'Source “{id}” not found: no odw-source element has this id.',
  'error.no-source': 'No data source: set the src or source attribute.',
  'expected.closing-paren': 'closing parenthesis expected',
  'expected.opening-paren': 'opening parenthesis expected',
  'expected.field': 'field name expected',
  'expected.value': 'value expected',
  'expected.operator': 'operator expected',
  'expected.end': 'end of expression expected',
  'expected.string-end': 'closing quote expected',
  'expected.aggregate': 'aggregate expected (count, sum, avg, min, max, median)',
  'expected.comma': 'comma expected',
  'expected.date': 'date expected (YYYY-MM-DD)',
  'expected.expression': 'expression expected',
  'expected.syntax': 'syntax error',
};

const errorText = messageCatalogue({fr, en});

const EXPECTED_CODES = new Set([
  'closing-paren',
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
]);

function describeQueryError(error: QueryError, lang: Lang): string {
  const {expression, column, expected, apiMessage} = error.details;
  if (apiMessage) return errorText(lang, 'error.query-api', {message: apiMessage});
  // The connectors name the URL in `found`.
  if (expected === 'api-url')
    return errorText(lang, 'error.api-url', {expression: expression ?? error.details.found ?? ''});
  if (expected === 'known-field')
    return errorText(lang, 'error.unknown-field', {field: error.details.found ?? ''});
  if (expected === 'separator')
    return errorText(lang, 'error.separator', {separator: separatorName(error.details.found ?? '', lang)});
  if (expected === 'finite-number')
    return errorText(lang, 'error.non-finite', {field: error.details.found ?? ''});
  if (expected === 'answer-key')
    return errorText(lang, 'error.answer-key', {field: error.details.found ?? ''});
  if (expression === undefined) return errorText(lang, 'error.query', {message: error.message});
  const what = errorText(
    lang,
    expected && EXPECTED_CODES.has(expected)
      ? (`expected.${expected}` as ErrorMessageKey)
      : 'expected.syntax',
  );
  return column === undefined
    ? errorText(lang, 'error.syntax-no-column', {expression, expected: what})
    : errorText(lang, 'error.syntax', {expression, expected: what, column});
}

/** A separator as a reader can see it: the tab is named, the others are shown. */
function separatorName(separator: string, lang: Lang): string {
  return separator === '\t' ? errorText(lang, 'separator.tab') : separator;
}

function describeHttpError(error: HttpError, lang: Lang): string {
  const {status, apiMessage} = error;
  if (status === 404) return errorText(lang, 'error.not-found');
  if (status === 401 || status === 403) return errorText(lang, 'error.private');
  if (status >= 500) return errorText(lang, 'error.server', {status});
  return apiMessage
    ? errorText(lang, 'error.http-message', {status, message: apiMessage})
    : errorText(lang, 'error.http', {status});
}

function describeQuotaError(error: QuotaError, lang: Lang): string {
  const resetAt = error.resetAt && toDate(error.resetAt);
  if (!resetAt) return errorText(lang, 'error.quota');
  const today = new Date().toDateString() === resetAt.toDateString();
  return today
    ? errorText(lang, 'error.quota-reset-today', {time: formatTime(resetAt, lang)})
    : errorText(lang, 'error.quota-reset', {date: formatDateTime(resetAt, lang)});
}

/** A clear sentence in `lang` saying what failed; plain text, never HTML. */
export function describeError(error: unknown, lang: Lang): string {
  if (error instanceof NetworkError)
    return errorText(lang, error.timedOut ? 'error.timeout' : 'error.network');
  if (error instanceof HttpError) return describeHttpError(error, lang);
  if (error instanceof QuotaError) return describeQuotaError(error, lang);
  if (error instanceof QueryError) return describeQueryError(error, lang);
  if (error instanceof FormatError) return errorText(lang, 'error.format');
  const own = ownWords(error, lang);
  if (own !== undefined) return own;
  if (error instanceof ConfigError) {
    return error.reason === 'source-not-found'
      ? errorText(lang, 'error.source-not-found', {id: error.detail ?? ''})
      : errorText(lang, 'error.no-source');
  }
  return GENERIC_ERROR[lang];
}

errorWords.describe = describeError;
