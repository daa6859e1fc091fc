import {messageCatalogue} from '../../core/i18n.js';

/** The strings of `odw-filter`, in French (first) and English. */
const fr = {
  'filter.all': 'Toutes les valeurs',
  'filter.announce': 'Filtre {label} : {values}',
  'filter.all-feminine': 'Toutes les {things}',
  'filter.all-masculine': 'Tous les {things}',
  'filter.more': '{count} de plus',
  'filter.no-choice': 'Aucune valeur à choisir',
  'filter.reset': 'Réinitialiser',
  'filter.reset-named': 'Réinitialiser le filtre {label}',
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
  'filter.error.type':
    'Type de filtre inconnu : « {value} ». Types possibles : select, checkboxes, search, range, date-range.',
};

const en: Record<keyof typeof fr, string> = {
  'filter.all': 'All values',
  'filter.announce': 'Filter {label}: {values}',
  'filter.all-feminine': 'All {things}',
  'filter.all-masculine': 'All {things}',
  'filter.more': '{count} more',
  'filter.no-choice': 'No value to choose from',
  'filter.reset': 'Reset',
  'filter.reset-named': 'Reset the filter {label}',
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
  'filter.error.type':
    'Unknown filter type: “{value}”. Types: select, checkboxes, search, range, date-range.',
};

export type FilterMessageKey = keyof typeof fr;

export const filterText = messageCatalogue({fr, en});
