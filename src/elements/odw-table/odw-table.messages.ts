import {addMessages} from '../../core/i18n.js';

/** The strings of `odw-table`, in French (first) and English: its part of the one catalogue of core/i18n.ts. */
const fr = {
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
};

const en: Record<keyof typeof fr, string> = {
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
};

export const tableMessages = {fr, en};

addMessages(tableMessages);
