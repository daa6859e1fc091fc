/**
 * Every UI string of the widgets, in French (first) and English, and the rules that pick the
 * language of an element and turn errors into sentences.
 */
import {FormatError, HttpError, NetworkError, QueryError, QuotaError} from '../data/errors.js';
import {ConfigError} from './errors.js';
import {formatDateTime, formatTime, toDate} from './format.js';

export type Lang = 'fr' | 'en';

export const LANGS: readonly Lang[] = ['fr', 'en'];

const fr = {
  loading: 'Chargement…',
  empty: 'Aucune donnée',
  retry: 'Réessayer',
  'stale.notice': 'Données du {date} — la mise à jour a échoué',
  'footer.source': 'Source :',
  'footer.license': 'Licence :',
  'footer.modified': 'Mis à jour le {date}',
  'footer.dataset': 'Voir le jeu de données',
  'kpi.up': 'En hausse :',
  'kpi.down': 'En baisse :',
  'kpi.same': 'Stable :',
  'kpi.versus': 'par rapport à {reference}',
  'kpi.points': '{value} points',
  'map.label': 'Carte interactive : + et − pour zoomer, flèches pour se déplacer, 0 pour la vue initiale',
  'map.zoom-in': 'Zoomer',
  'map.zoom-out': 'Dézoomer',
  'map.reset': 'Vue initiale',
  'map.fullscreen': 'Plein écran',
  'map.exit-fullscreen': 'Quitter le plein écran',
  'map.download-csv': 'Données (CSV)',
  'map.download-png': 'Image (PNG)',
  'map.download-svg': 'Image (SVG)',
  'map.actions': 'Actions sur la carte',
  'map.show-data': 'Voir les données',
  'map.no-data': 'pas de donnée',
  'map.no-outline': 'sans contour',
  'map.others': 'Autres',
  'map.name': 'Nom',
  'map.key': 'Code',
  'map.class': 'Classe',
  'map.class-of': 'classe {index} sur {count}',
  'map.range': '{from} à {to}',
  'map.legend': 'Légende',
  'map.area': '{name} : {value}, {class}',
  'map.area-no-data': '{name} : pas de donnée',
  'map.cluster': '{count} points regroupés, activer pour zoomer',
  'map.summary-choropleth': '{count} zones colorées selon {value} en {classes} classes, de {min} ({minName}) à {max} ({maxName}).',
  'map.summary-no-value': '{count} contours sans donnée.',
  'map.summary-unmatched': '{count} clés sans contour : {keys}.',
  'map.summary-points': '{count} points sur la carte.',
  'map.summary-categories': 'Par {field} : {list}.',
  'map.summary-skipped': '{count} enregistrements sans coordonnées ne sont pas placés.',
  'map.table-truncated': '{shown} premières lignes sur {total} ; le CSV contient tout.',
  'map.wheel-hint': 'Ctrl + molette pour zoomer',
  'map.tiles-failed': 'Fond de carte indisponible',
  'map.close': 'Fermer',
  'map.no-geo':
    'Aucune coordonnée dans ces données : indiquez shapes (carte choroplèthe) ou lat et lon (points).',
  'map.no-join': 'Carte choroplèthe incomplète : indiquez shapes-key et key (les champs à joindre).',
  'table.search': 'Rechercher dans le tableau',
  'table.rows': 'Lignes {from} à {to} sur {total}',
  'table.page': 'Page {page} sur {pages}',
  'table.pager': 'Pagination du tableau',
  'table.first': 'Première page',
  'table.previous': 'Page précédente',
  'table.next': 'Page suivante',
  'table.last': 'Dernière page',
  'table.scroll': 'Tableau de données, défilable',
  'table.download-csv': 'Télécharger les données (CSV)',
  'table.open-dataset': 'Ouvrir le jeu de données',
  'table.yes': 'Oui',
  'table.no': 'Non',
  'filter.all': 'Tous',
  'filter.reset': 'Réinitialiser',
  'filter.remove': 'Retirer le filtre {value}',
  'filter.active': 'Filtres actifs',
  'filter.min': 'Minimum',
  'filter.max': 'Maximum',
  'filter.from': 'Du',
  'filter.to': 'Au',
  'filter.between': '{min} à {max}',
  'filter.at-least': 'à partir de {min}',
  'filter.at-most': 'jusqu’à {max}',
  'filter.contains': 'contient « {text} »',
  'filter.too-many': '{count} valeurs correspondent : précisez la recherche.',
  'filter.no-match': 'Aucune valeur ne correspond.',
  'chart.type.column': 'Diagramme en colonnes',
  'chart.type.bar': 'Diagramme en barres',
  'chart.type.line': 'Graphique en courbes',
  'chart.type.area': 'Graphique en aires',
  'chart.type.pie': 'Diagramme circulaire',
  'chart.type.donut': 'Diagramme en anneau',
  'chart.type.scatter': 'Nuage de points',
  'chart.summary.categories': '{count} {what}',
  'chart.summary.series': '{count} séries ({names})',
  'chart.summary.max': 'maximum {label} : {value}',
  'chart.summary.points': '{count} points',
  'chart.summary.periods': '{count} périodes',
  'chart.categories': 'catégories « {label} »',
  'chart.others': 'Autres',
  'chart.null': 'Non renseigné',
  'chart.count': 'Nombre',
  'chart.value': 'Valeur',
  'chart.agg.avg': '{label} (moyenne)',
  'chart.agg.min': '{label} (minimum)',
  'chart.agg.max': '{label} (maximum)',
  'chart.agg.median': '{label} (médiane)',
  'chart.percent': 'Part',
  'chart.week': 'semaine du {date}',
  'chart.points': 'Points du graphique : flèches pour parcourir, Entrée pour choisir',
  'chart.show-data': 'Voir les données',
  'chart.hide-data': 'Masquer les données',
  'chart.actions': 'Actions du graphique',
  'chart.download-csv': 'Télécharger les données (CSV)',
  'chart.download-png': 'Télécharger l’image (PNG)',
  'chart.download-svg': 'Télécharger l’image (SVG)',
  'chart.fullscreen': 'Plein écran',
  'chart.exit-fullscreen': 'Quitter le plein écran',
  'chart.filtered': 'Filtré sur {label}',
  'chart.error.x': 'Indiquez l’attribut x : le champ des catégories ou des dates.',
  'chart.error.y-field':
    '« {expression} » : y doit être un agrégat (count, sum, avg, min, max, median), sauf pour un nuage de points.',
  'chart.error.type':
    'Type de graphique inconnu : « {value} ». Types possibles : column, bar, line, area, pie, donut, scatter.',
  'chart.error.sort': 'sort doit valoir x, -x, y ou -y, et non « {value} ».',
  'chart.error.timeunit': 'timeunit doit valoir year, month, week, day ou hour, et non « {value} ».',
  'chart.error.stack': 'stack doit valoir normal ou percent, et non « {value} ».',
  'chart.error.spec-json': 'La spécification JSON du graphique est invalide : {message}',
  'chart.error.spec-url':
    'Spécification refusée : elle charge des données depuis « {url} ». Un graphique ne lit que sa source.',
  'chart.error.render': 'Le graphique n’a pas pu être dessiné : {message}',
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
  'error.format': 'La réponse du portail de données n’est pas dans le format attendu.',
  'error.source-not-found':
    'Source « {id} » introuvable : aucun élément odw-source ne porte cet identifiant.',
  'error.no-source': 'Aucune source de données : indiquez l’attribut src ou source.',
  'error.generic': 'Les données n’ont pas pu être chargées.',
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

export type MessageKey = keyof typeof fr;

const en: Record<MessageKey, string> = {
  loading: 'Loading…',
  empty: 'No data',
  retry: 'Retry',
  'stale.notice': 'Data from {date} — the update failed',
  'footer.source': 'Source:',
  'footer.license': 'Licence:',
  'footer.modified': 'Updated {date}',
  'footer.dataset': 'View the dataset',
  'kpi.up': 'Up:',
  'kpi.down': 'Down:',
  'kpi.same': 'Unchanged:',
  'kpi.versus': 'compared with {reference}',
  'kpi.points': '{value} points',
  'map.label': 'Interactive map: + and − to zoom, arrows to move, 0 for the initial view',
  'map.zoom-in': 'Zoom in',
  'map.zoom-out': 'Zoom out',
  'map.reset': 'Initial view',
  'map.fullscreen': 'Full screen',
  'map.exit-fullscreen': 'Exit full screen',
  'map.download-csv': 'Data (CSV)',
  'map.download-png': 'Image (PNG)',
  'map.download-svg': 'Image (SVG)',
  'map.actions': 'Map actions',
  'map.show-data': 'Show the data',
  'map.no-data': 'no data',
  'map.no-outline': 'no outline',
  'map.others': 'Others',
  'map.name': 'Name',
  'map.key': 'Code',
  'map.class': 'Class',
  'map.class-of': 'class {index} of {count}',
  'map.range': '{from} to {to}',
  'map.legend': 'Legend',
  'map.area': '{name}: {value}, {class}',
  'map.area-no-data': '{name}: no data',
  'map.cluster': '{count} grouped points, activate to zoom in',
  'map.summary-choropleth': '{count} areas coloured by {value} in {classes} classes, from {min} ({minName}) to {max} ({maxName}).',
  'map.summary-no-value': '{count} outlines without data.',
  'map.summary-unmatched': '{count} keys without an outline: {keys}.',
  'map.summary-points': '{count} points on the map.',
  'map.summary-categories': 'By {field}: {list}.',
  'map.summary-skipped': '{count} records without coordinates are not placed.',
  'map.table-truncated': 'First {shown} rows of {total}; the CSV has them all.',
  'map.wheel-hint': 'Ctrl + wheel to zoom',
  'map.tiles-failed': 'Basemap unavailable',
  'map.close': 'Close',
  'map.no-geo': 'No coordinates in this data: set shapes (choropleth) or lat and lon (points).',
  'map.no-join': 'Incomplete choropleth: set shapes-key and key (the fields to join).',
  'table.search': 'Search the table',
  'table.rows': 'Rows {from} to {to} of {total}',
  'table.page': 'Page {page} of {pages}',
  'table.pager': 'Table pages',
  'table.first': 'First page',
  'table.previous': 'Previous page',
  'table.next': 'Next page',
  'table.last': 'Last page',
  'table.scroll': 'Data table, scrollable',
  'table.download-csv': 'Download the data (CSV)',
  'table.open-dataset': 'Open the dataset',
  'table.yes': 'Yes',
  'table.no': 'No',
  'filter.all': 'All',
  'filter.reset': 'Reset',
  'filter.remove': 'Remove the filter {value}',
  'filter.active': 'Active filters',
  'filter.min': 'Minimum',
  'filter.max': 'Maximum',
  'filter.from': 'From',
  'filter.to': 'To',
  'filter.between': '{min} to {max}',
  'filter.at-least': 'from {min}',
  'filter.at-most': 'up to {max}',
  'filter.contains': 'contains “{text}”',
  'filter.too-many': '{count} values match: refine the search.',
  'filter.no-match': 'No value matches.',
  'chart.type.column': 'Column chart',
  'chart.type.bar': 'Bar chart',
  'chart.type.line': 'Line chart',
  'chart.type.area': 'Area chart',
  'chart.type.pie': 'Pie chart',
  'chart.type.donut': 'Donut chart',
  'chart.type.scatter': 'Scatter plot',
  'chart.summary.categories': '{count} {what}',
  'chart.summary.series': '{count} series ({names})',
  'chart.summary.max': 'maximum {label}: {value}',
  'chart.summary.points': '{count} points',
  'chart.summary.periods': '{count} periods',
  'chart.categories': '“{label}” categories',
  'chart.others': 'Others',
  'chart.null': 'Not given',
  'chart.count': 'Count',
  'chart.value': 'Value',
  'chart.agg.avg': '{label} (average)',
  'chart.agg.min': '{label} (minimum)',
  'chart.agg.max': '{label} (maximum)',
  'chart.agg.median': '{label} (median)',
  'chart.percent': 'Share',
  'chart.week': 'week of {date}',
  'chart.points': 'Chart points: arrows to move, Enter to choose',
  'chart.show-data': 'Show the data',
  'chart.hide-data': 'Hide the data',
  'chart.actions': 'Chart actions',
  'chart.download-csv': 'Download the data (CSV)',
  'chart.download-png': 'Download the image (PNG)',
  'chart.download-svg': 'Download the image (SVG)',
  'chart.fullscreen': 'Full screen',
  'chart.exit-fullscreen': 'Exit full screen',
  'chart.filtered': 'Filtered on {label}',
  'chart.error.x': 'Set the x attribute: the field of the categories or dates.',
  'chart.error.y-field':
    '“{expression}”: y must be an aggregate (count, sum, avg, min, max, median), except in a scatter plot.',
  'chart.error.type': 'Unknown chart type: “{value}”. Types: column, bar, line, area, pie, donut, scatter.',
  'chart.error.sort': 'sort must be x, -x, y or -y, not “{value}”.',
  'chart.error.timeunit': 'timeunit must be year, month, week, day or hour, not “{value}”.',
  'chart.error.stack': 'stack must be normal or percent, not “{value}”.',
  'chart.error.spec-json': 'The JSON specification of the chart is invalid: {message}',
  'chart.error.spec-url':
    'Specification refused: it loads data from “{url}”. A chart only reads its source.',
  'chart.error.render': 'The chart could not be drawn: {message}',
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
  'error.format': 'The answer of the data portal is not in the expected format.',
  'error.source-not-found': 'Source “{id}” not found: no odw-source element has this id.',
  'error.no-source': 'No data source: set the src or source attribute.',
  'error.generic': 'The data could not be loaded.',
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

const catalogue: Record<Lang, Record<MessageKey, string>> = {fr, en};

/** The message `key` in `lang`, with `{name}` placeholders replaced by `params`. */
export function t(lang: Lang, key: MessageKey, params: Record<string, string | number> = {}): string {
  return catalogue[lang][key].replace(/\{(\w+)\}/g, (placeholder, name: string) =>
    name in params ? String(params[name]) : placeholder,
  );
}

/** `fr-FR` → `fr`, `EN` → `en`; anything else (or nothing) → `fr`. */
export function normalizeLang(value: string | null | undefined): Lang {
  const primary = (value ?? '').trim().toLowerCase().split(/[-_]/)[0];
  return (LANGS as readonly string[]).includes(primary) ? (primary as Lang) : 'fr';
}

/**
 * The language of an element: its own `lang`, else the closest ancestor's (crossing shadow roots),
 * else `<html lang>`, else French. An empty `lang=""` means "unknown" and is skipped.
 */
export function resolveLang(element: Element): Lang {
  let node: Element | null = element;
  while (node) {
    const withLang: Element | null = node.closest('[lang]:not([lang=""])');
    if (withLang) return normalizeLang(withLang.getAttribute('lang'));
    const root = node.getRootNode();
    node = root instanceof ShadowRoot ? root.host : null;
  }
  return normalizeLang(document.documentElement.getAttribute('lang'));
}

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
  if (apiMessage) return t(lang, 'error.query-api', {message: apiMessage});
  if (expected === 'api-url') return t(lang, 'error.api-url', {expression: expression ?? ''});
  if (expression === undefined) return t(lang, 'error.query', {message: error.message});
  const what = t(
    lang,
    expected && EXPECTED_CODES.has(expected) ? (`expected.${expected}` as MessageKey) : 'expected.syntax',
  );
  return column === undefined
    ? t(lang, 'error.syntax-no-column', {expression, expected: what})
    : t(lang, 'error.syntax', {expression, expected: what, column});
}

function describeHttpError(error: HttpError, lang: Lang): string {
  const {status, apiMessage} = error;
  if (status === 404) return t(lang, 'error.not-found');
  if (status === 401 || status === 403) return t(lang, 'error.private');
  if (status >= 500) return t(lang, 'error.server', {status});
  return apiMessage
    ? t(lang, 'error.http-message', {status, message: apiMessage})
    : t(lang, 'error.http', {status});
}

function describeQuotaError(error: QuotaError, lang: Lang): string {
  const resetAt = error.resetAt && toDate(error.resetAt);
  if (!resetAt) return t(lang, 'error.quota');
  const today = new Date().toDateString() === resetAt.toDateString();
  return today
    ? t(lang, 'error.quota-reset-today', {time: formatTime(resetAt, lang)})
    : t(lang, 'error.quota-reset', {date: formatDateTime(resetAt, lang)});
}

/** A clear sentence in `lang` saying what failed; plain text, never HTML. */
export function describeError(error: unknown, lang: Lang): string {
  if (error instanceof NetworkError) return t(lang, error.timedOut ? 'error.timeout' : 'error.network');
  if (error instanceof HttpError) return describeHttpError(error, lang);
  if (error instanceof QuotaError) return describeQuotaError(error, lang);
  if (error instanceof QueryError) return describeQueryError(error, lang);
  if (error instanceof FormatError) return t(lang, 'error.format');
  if (error instanceof ConfigError) {
    if (error.reason === 'invalid' && 'describe' in error && typeof error.describe === 'function') {
      return String(error.describe(lang));
    }
    return error.reason === 'source-not-found'
      ? t(lang, 'error.source-not-found', {id: error.detail ?? ''})
      : t(lang, 'error.no-source');
  }
  return t(lang, 'error.generic');
}
