import {messageCatalogue} from '../../core/i18n.js';

/** The strings of `odw-table`, in French (first) and English. */
const fr = {
  'table.search': 'Rechercher dans le tableau',
  'table.search-named': 'Rechercher dans le tableau {name}',
  'table.rows': 'Lignes {from} à {to} sur {total}',
  'table.rows-named': '{name} : {range}',
  'table.page': 'Page {page} sur {pages}',
  'table.pager': 'Pages du tableau {name}',
  'table.first': 'Première page',
  'table.previous': 'Page précédente',
  'table.next': 'Page suivante',
  'table.last': 'Dernière page',
  'table.unnamed': 'Tableau de données',
  'table.of': ' : {name}',
  'table.download-csv': 'Télécharger les données (CSV)',
  'table.open-dataset': 'Ouvrir le jeu de données',
  'table.yes': 'Oui',
  'table.no': 'Non',
};

const en: Record<keyof typeof fr, string> = {
  'table.search': 'Search the table',
  'table.search-named': 'Search the table {name}',
  'table.rows': 'Rows {from} to {to} of {total}',
  'table.rows-named': '{name}: {range}',
  'table.page': 'Page {page} of {pages}',
  'table.pager': 'Pages of the table {name}',
  'table.first': 'First page',
  'table.previous': 'Previous page',
  'table.next': 'Next page',
  'table.last': 'Last page',
  'table.unnamed': 'Data table',
  'table.of': ': {name}',
  'table.download-csv': 'Download the data (CSV)',
  'table.open-dataset': 'Open the dataset',
  'table.yes': 'Yes',
  'table.no': 'No',
};

export type TableMessageKey = keyof typeof fr;

export const tableText = messageCatalogue({fr, en});
