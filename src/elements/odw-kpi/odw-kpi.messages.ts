import {messageCatalogue} from '../../core/i18n.js';

/** The strings of `odw-kpi`, in French (first) and English. */
const fr = {
  'kpi.up': 'En hausse :',
  'kpi.down': 'En baisse :',
  'kpi.same': 'Stable :',
  'kpi.versus': 'par rapport à {reference}',
  'kpi.points': '{value} points',
};

const en: Record<keyof typeof fr, string> = {
  'kpi.up': 'Up:',
  'kpi.down': 'Down:',
  'kpi.same': 'Unchanged:',
  'kpi.versus': 'compared with {reference}',
  'kpi.points': '{value} points',
};

export const kpiText = messageCatalogue({fr, en});
