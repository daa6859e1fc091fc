/** The chart engine's number and date formats, in French and English. */
import {locale} from 'vega-format';
import {MONTHS, NUMBER_LOCALES} from '../../core/format.js';
import type {Lang} from '../../core/i18n.js';

/** French and English number and date formats for one view (no global locale is changed). */
const LOCALES: Record<Lang, {number: object; time: object}> = {
  fr: {
    number: NUMBER_LOCALES.fr,
    time: {
      dateTime: '%A %e %B %Y à %X',
      date: '%d/%m/%Y',
      time: '%H:%M:%S',
      periods: ['', ''],
      days: ['dimanche', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi'],
      shortDays: ['dim.', 'lun.', 'mar.', 'mer.', 'jeu.', 'ven.', 'sam.'],
      months: MONTHS.fr,
      shortMonths: [
        'janv.',
        'févr.',
        'mars',
        'avr.',
        'mai',
        'juin',
        'juil.',
        'août',
        'sept.',
        'oct.',
        'nov.',
        'déc.',
      ],
    },
  },
  en: {
    number: NUMBER_LOCALES.en,
    time: {
      dateTime: '%x, %X',
      date: '%-m/%-d/%Y',
      time: '%-I:%M:%S %p',
      periods: ['AM', 'PM'],
      days: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
      shortDays: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'],
      months: MONTHS.en,
      shortMonths: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
    },
  },
};

export interface Formats {
  /** A d3-format specifier's formatter (`,~f`, `.0%`). */
  format(specifier: string): (value: number) => string;
  /** A d3-time-format specifier's formatter, in UTC. */
  utcFormat(specifier: string): (date: Date) => string;
}

const formats = new Map<Lang, Formats>();

/** The formats of `lang`, as Vega's views write them (axes drawn by chart-axes.ts included). */
export function formatsOf(lang: Lang): Formats {
  let found = formats.get(lang);
  if (!found) {
    found = locale(LOCALES[lang].number, LOCALES[lang].time) as Formats;
    formats.set(lang, found);
  }
  return found;
}
