import {messageCatalogue} from '../../core/i18n.js';

/** The strings of `odw-source`, in French (first) and English. */
const fr = {
  'source.failed': 'Les données «\u00a0{name}\u00a0» n’ont pas pu être chargées.',
  'source.stale': '{name} : {notice}',
};

const en: Record<keyof typeof fr, string> = {
  'source.failed': 'The data “{name}” could not be loaded.',
  'source.stale': '{name}: {notice}',
};

export const sourceText = messageCatalogue({fr, en});
