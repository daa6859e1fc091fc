/** The map's text summary, in plain words: what is shown, the highest and lowest, what is missing. */
import {formatNumber} from '../../core/format.js';
import type {Lang} from '../../core/i18n.js';
import type {ChoroplethData, MapArea, PointsData} from './map-types.js';
import {fieldLabel, valueText} from './map-text.js';
import {mapText} from './odw-map.messages.js';

/** How many of the highest and of the lowest areas are named, when there are enough of them. */
const NAMED_AREAS = 3;

export interface SummaryOptions {
  lang: Lang;
  description?: string;
  /** `value` of the map. */
  value?: string;
  /** « 500 points sur 9 814 … » when the map read part of the records. */
  partial?: string;
}

export function summaryText(data: ChoroplethData | PointsData, options: SummaryOptions): string {
  const {lang} = options;
  const sentences: string[] = [];
  if (options.description?.trim()) sentences.push(options.description.trim());
  if (data.mode === 'choropleth') {
    sentences.push(...choroplethSentences(data, options));
    return sentences.join(' ');
  }
  sentences.push(mapText(lang, 'map.summary-points', {count: formatNumber(data.points.length, lang)}));
  if (options.partial) sentences.push(`${options.partial}.`);
  if (data.colorField && data.categories.length) {
    const list = data.categories
      .map(
        (category) =>
          `${category.label || mapText(lang, 'map.others')} ${formatNumber(category.count, lang)}`,
      )
      .join(', ');
    sentences.push(
      mapText(lang, 'map.summary-categories', {field: fieldLabel(data.fields, data.colorField), list}),
    );
  }
  if (data.skipped)
    sentences.push(mapText(lang, 'map.summary-skipped', {count: formatNumber(data.skipped, lang)}));
  return sentences.join(' ');
}

function choroplethSentences(data: ChoroplethData, {lang, value}: SummaryOptions): string[] {
  const sentences: string[] = [];
  const valued = data.areas.filter((area) => area.value !== null).sort((a, b) => b.value! - a.value!);
  const count = (n: number) => formatNumber(n, lang);
  if (valued.length) {
    sentences.push(
      mapText(lang, valued.length === 1 ? 'map.summary-one-area' : 'map.summary-areas', {
        count: count(valued.length),
        value: valueText(value, data, lang),
        classes: count(data.classes.length),
      }),
    );
    const named = valued.length >= 2 * NAMED_AREAS ? NAMED_AREAS : 1;
    const list = (areas: MapArea[]) =>
      joinWords(
        areas.map((area) => `${area.name} (${formatNumber(area.value!, lang)})`),
        lang,
      );
    if (valued.length > 1) {
      const plural = named > 1 ? 's' : '';
      sentences.push(mapText(lang, `map.summary-highest${plural}`, {list: list(valued.slice(0, named))}));
      sentences.push(
        mapText(lang, `map.summary-lowest${plural}`, {list: list(valued.slice(-named).reverse())}),
      );
    }
  }
  const noValue = data.noValue.length;
  if (noValue)
    sentences.push(
      mapText(lang, noValue === 1 ? 'map.summary-no-value-one' : 'map.summary-no-value', {
        count: count(noValue),
      }),
    );
  const unmatched = data.unmatched.length;
  if (unmatched)
    sentences.push(
      mapText(lang, unmatched === 1 ? 'map.summary-unmatched-one' : 'map.summary-unmatched', {
        count: count(unmatched),
      }),
    );
  return sentences;
}

/** « Orléans, Olivet et Saran ». */
function joinWords(items: string[], lang: Lang): string {
  if (items.length < 2) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${mapText(lang, 'map.and')} ${items[items.length - 1]}`;
}
