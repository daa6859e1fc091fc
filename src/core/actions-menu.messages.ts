import {messageCatalogue} from './i18n.js';

/**
 * The words of the actions every drawn widget offers (chart, map, table), in French (first) and
 * English. Their own catalogue: a page of key figures, which has no actions, does not load them.
 */
const fr = {
  'actions.menu': 'Actions : {name}',
  'actions.button': 'Actions',
  'actions.download-csv': 'Télécharger les données (CSV)',
  'actions.download-png': 'Télécharger l’image (PNG)',
  'actions.download-svg': 'Télécharger l’image (SVG)',
  'actions.fullscreen': 'Plein écran',
  'actions.exit-fullscreen': 'Quitter le plein écran',
  'actions.dataset-page': 'Page du jeu de données',
  'actions.show-data': 'Voir les données',
  'actions.data': 'Données : {name}',
};

const en: Record<keyof typeof fr, string> = {
  'actions.menu': 'Actions: {name}',
  'actions.button': 'Actions',
  'actions.download-csv': 'Download the data (CSV)',
  'actions.download-png': 'Download the image (PNG)',
  'actions.download-svg': 'Download the image (SVG)',
  'actions.fullscreen': 'Full screen',
  'actions.exit-fullscreen': 'Exit full screen',
  'actions.dataset-page': 'Dataset page',
  'actions.show-data': 'Show the data',
  'actions.data': 'Data: {name}',
};

export type ActionsMessageKey = keyof typeof fr;

export const actionsText = messageCatalogue({fr, en});
