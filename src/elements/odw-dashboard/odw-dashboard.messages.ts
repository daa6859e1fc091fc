import {messageCatalogue} from '../../core/i18n.js';

/** The strings of `odw-dashboard`, in French (first) and English. */
const fr = {
  'dashboard.loading': 'Chargement du tableau de bord…',
  'dashboard.filters': 'Filtres',
  'dashboard.config-invalid': 'La configuration du tableau de bord est invalide :',
  'dashboard.root': 'configuration',
  'dashboard.none': 'aucune',
  'dashboard.error.unknown-key': '{path} : clé inconnue (attendu : {allowed})',
  'dashboard.error.missing': '{path} : clé obligatoire manquante',
  'dashboard.error.type': '{path} : {expected} attendu, et non {value}',
  'dashboard.error.enum': '{path} : {value} n’est pas permis (valeurs possibles : {allowed})',
  'dashboard.error.unknown-source': '{path} : aucune source {value} (sources : {allowed})',
  'dashboard.error.duplicate-id': '{path} : l’identifiant {value} est déjà pris',
  'dashboard.error.empty': '{path} : aucun widget ni filtre à afficher',
  'dashboard.error.json': 'La configuration n’est pas du JSON valide : {message}',
  'dashboard.error.fetch': 'La configuration « {url} » n’a pas pu être chargée : {message}',
  'dashboard.error.module': 'Le widget {tag} n’a pas pu être chargé.',
  'dashboard.expected.text': 'un texte',
  'dashboard.expected.number': 'un nombre',
  'dashboard.expected.integer': 'un entier positif ou nul',
  'dashboard.expected.boolean': 'true ou false',
  'dashboard.expected.list': 'une liste [ … ]',
  'dashboard.expected.object': 'un objet { … }',
  'dashboard.expected.url-sync': '"query", "hash", true ou false',
  'dashboard.expected.span': 'un entier de 1 à 12 ou "full"',
  'dashboard.expected.param-name': 'un nom (lettres, chiffres, _ et -)',
  'dashboard.expected.choices': '{"source", "value", "label"} ou une liste de {"value", "label"}',
  'dashboard.error.unknown-param': '{path} : le paramètre {value} n’est pas déclaré dans params',
  'dashboard.error.missing-param':
    '{path} : le paramètre {value} n’a pas de valeur (ni dans l’adresse, ni dans params, ni par défaut)',
};

const en: Record<keyof typeof fr, string> = {
  'dashboard.loading': 'Loading the dashboard…',
  'dashboard.filters': 'Filters',
  'dashboard.config-invalid': 'The dashboard configuration is invalid:',
  'dashboard.root': 'configuration',
  'dashboard.none': 'none',
  'dashboard.error.unknown-key': '{path}: unknown key (expected: {allowed})',
  'dashboard.error.missing': '{path}: required key missing',
  'dashboard.error.type': '{path}: {expected} expected, not {value}',
  'dashboard.error.enum': '{path}: {value} is not allowed (possible values: {allowed})',
  'dashboard.error.unknown-source': '{path}: no source {value} (sources: {allowed})',
  'dashboard.error.duplicate-id': '{path}: the id {value} is already used',
  'dashboard.error.empty': '{path}: no widget or filter to show',
  'dashboard.error.json': 'The configuration is not valid JSON: {message}',
  'dashboard.error.fetch': 'The configuration “{url}” could not be loaded: {message}',
  'dashboard.error.module': 'The {tag} widget could not be loaded.',
  'dashboard.expected.text': 'a text',
  'dashboard.expected.number': 'a number',
  'dashboard.expected.integer': 'a whole number, 0 or more',
  'dashboard.expected.boolean': 'true or false',
  'dashboard.expected.list': 'a list [ … ]',
  'dashboard.expected.object': 'an object { … }',
  'dashboard.expected.url-sync': '"query", "hash", true or false',
  'dashboard.expected.span': 'a whole number from 1 to 12 or "full"',
  'dashboard.expected.param-name': 'a name (letters, digits, _ and -)',
  'dashboard.expected.choices': '{"source", "value", "label"} or a list of {"value", "label"}',
  'dashboard.error.unknown-param': '{path}: the parameter {value} is not declared in params',
  'dashboard.error.missing-param':
    '{path}: the parameter {value} has no value (not in the address, in params, nor by default)',
};

export type DashboardMessageKey = keyof typeof fr;

export const dashboardText = messageCatalogue({fr, en});
