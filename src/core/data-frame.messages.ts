import {messageCatalogue} from './messages.js';

/** The notes of a widget whose source speaks for it (src/core/source-binding-controller.ts). */
const fr = {
  'frame.unavailable': 'Données indisponibles',
  'frame.since': 'Données du {date}',
};

const en: Record<keyof typeof fr, string> = {
  'frame.unavailable': 'Data unavailable',
  'frame.since': 'Data from {date}',
};

export const frameText = messageCatalogue({fr, en});
