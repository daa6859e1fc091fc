/**
 * The words of a chart's summary (chart-summary.ts): plurals, a label read as a noun, dates in
 * words, sentences, and the correlation it reports.
 */
import {MONTHS} from '../../core/format.js';
import type {Lang} from '../../core/i18n.js';
import type {TimeUnit} from '../../data/types.js';
import {chartText} from './odw-chart.messages.js';

/** French puts 0 and 1 in the singular (« 1 région », « 0,5 litre »); English only 1. */
export function pluralForm(count: number, lang: Lang): 'one' | 'other' {
  return (lang === 'fr' ? Math.abs(count) < 2 : count === 1) ? 'one' : 'other';
}

/**
 * « Commune » → commune / communes, « EPCI » stays: a one-word label read as a noun. A label of
 * several words (« Nom de la commune ») is not: it is quoted after « catégories » instead.
 */
export function nounOf(label: string, lang: Lang): {one: string; other: string} | undefined {
  if (!/^\p{L}+$/u.test(label)) return undefined;
  if (label.length > 1 && label === label.toLocaleUpperCase(lang)) return {one: label, other: label};
  const one = label.toLocaleLowerCase(lang);
  let other: string;
  if (lang === 'fr') other = /[sxz]$/.test(one) ? one : /(au|eu)$/.test(one) ? `${one}x` : `${one}s`;
  else
    other = /(s|x|z|ch|sh)$/.test(one)
      ? `${one}es`
      : /[^aeiou]y$/.test(one)
        ? `${one.slice(0, -1)}ies`
        : `${one}s`;
  return {one, other};
}

/** « 2013 », « janvier 2013 », « 1er mars 2024 », « March 1, 2024 at 14:00 », read in UTC. */
export function dateText(time: number, unit: TimeUnit | undefined, lang: Lang): string {
  const date = new Date(time);
  const [year, month, day] = [date.getUTCFullYear(), MONTHS[lang][date.getUTCMonth()], date.getUTCDate()];
  if (unit === 'year') return String(year);
  if (unit === 'month') return `${month} ${year}`;
  const dayText = lang === 'fr' ? `${day === 1 ? '1er' : day} ${month} ${year}` : `${month} ${day}, ${year}`;
  return unit === 'hour'
    ? chartText(lang, 'chart.describe.hour', {date: dayText, hour: date.getUTCHours()})
    : dayText;
}

/** Pearson's r of two series of the same length, neither constant. */
export function pearson(xs: number[], ys: number[]): number {
  const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
  const [mx, my] = [mean(xs), mean(ys)];
  let [sxy, sxx, syy] = [0, 0, 0];
  xs.forEach((x, index) => {
    const [dx, dy] = [x - mx, ys[index] - my];
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  });
  return sxy / Math.sqrt(sxx * syy);
}
