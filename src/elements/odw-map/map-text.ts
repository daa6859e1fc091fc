/** The map's words: names of fields and aggregates, values, classes, areas, points and clusters. */
import {parseSelect} from '../../data/index.js';
import type {FieldInfo, Selection} from '../../data/types.js';
import {formatNumber} from '../../core/format.js';
import type {Lang} from '../../core/i18n.js';
import type {ChoroplethData, MapArea, MapPoint, PointsData} from './map-types.js';
import type {Quarter} from './map-points.js';
import {mapText} from './odw-map.messages.js';

/** What a map is called: its title, else what it shows (its value, or the field colouring its points). */
export function mapNameOf(
  title: string | undefined,
  data: ChoroplethData | PointsData | undefined,
  value: string | undefined,
  lang: Lang,
): string {
  return (
    title?.trim() ||
    (data?.mode === 'choropleth'
      ? valueText(value, data, lang)
      : data?.colorField
        ? fieldLabel(data.fields, data.colorField)
        : '')
  );
}

export function firstSelection(text: string): Selection {
  const [selection] = parseSelect(text);
  return selection ?? {type: 'aggregate', fn: 'count', as: 'count()'};
}

/** « Population municipale (somme) » for `sum(population)`; the field's label for a field. */
export function valueLabel(selection: Selection, fields: FieldInfo[], lang: Lang): string {
  if (selection.type === 'field') return fieldLabel(fields, selection.field);
  if (!selection.field) return mapText(lang, 'map.count');
  return mapText(lang, 'map.aggregate', {
    field: fieldLabel(fields, selection.field),
    fn: mapText(lang, `map.fn.${selection.fn}`),
  });
}

/** What the choropleth shows (`value`, `count()` by default), in words. */
export function valueText(value: string | undefined, data: ChoroplethData, lang: Lang): string {
  return valueLabel(firstSelection(value?.trim() || 'count()'), data.fields, lang);
}

export function splitFields(text: string | undefined): string[] {
  return (text ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
}

export function fieldLabel(fields: FieldInfo[], name: string): string {
  return fields.find((field) => field.name === name)?.label ?? name;
}

export function displayValue(value: unknown, lang: Lang): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return formatNumber(value, lang);
  if (typeof value === 'object') return '';
  return String(value);
}

export function rangeText(from: number, to: number, lang: Lang): string {
  return from === to
    ? formatNumber(from, lang)
    : mapText(lang, 'map.range', {from: formatNumber(from, lang), to: formatNumber(to, lang)});
}

/** « classe 5 sur 5 (29 479 à 116 344) ». */
export function classText(index: number, data: ChoroplethData, lang: Lang): string {
  const legend = data.classes[index];
  if (!legend) return '';
  return `${mapText(lang, 'map.class-of', {index: index + 1, count: data.classes.length})} (${rangeText(legend.from, legend.to, lang)})`;
}

/** The accessible name of an area: « Orléans : 116 344, classe 5 sur 5 ». */
export function describeArea(area: MapArea, data: ChoroplethData | undefined, lang: Lang): string {
  if (area.value === null) return mapText(lang, 'map.area-no-data', {name: area.name});
  return mapText(lang, 'map.area', {
    name: area.name,
    value: formatNumber(area.value, lang),
    class: mapText(lang, 'map.class-of', {index: area.classIndex + 1, count: data?.classes.length ?? 0}),
  });
}

/** The accessible name of a point: its label, category and size, or else its coordinates. */
export function describePoint(point: MapPoint, data: PointsData | undefined, lang: Lang): string {
  const parts = [point.label];
  if (point.category !== undefined) parts.push(point.category);
  if (point.size !== undefined && data?.sizeField)
    parts.push(`${fieldLabel(data.fields, data.sizeField)} ${formatNumber(point.size, lang)}`);
  const named = parts.filter(Boolean).join(', ');
  return (
    named ||
    `${formatNumber(point.lat, lang, {decimals: 5})}, ${formatNumber(point.lon, lang, {decimals: 5})}`
  );
}

/** Fields whose one value shared by every point of a cluster says where it is. */
const PLACE_FIELD = /commune|ville|city|town|arrondissement|quartier|localit/i;

/**
 * Where a cluster is, in words: « à Brest » when its points share one commune, else the part of
 * the view it is in (« au nord-ouest de la vue »).
 */
export function clusterPlace(points: MapPoint[], quarter: Quarter, lang: Lang): string {
  const fields = Object.keys(points[0]?.row ?? {}).filter((name) => PLACE_FIELD.test(name));
  for (const field of fields) {
    const value = points[0].row[field];
    if (typeof value !== 'string' || !value.trim()) continue;
    if (points.every((point) => point.row[field] === value))
      return mapText(lang, 'map.place-in', {place: value});
  }
  return mapText(lang, `map.quarter.${quarter}`);
}

/** « 7 k », « 9,8 k », « 512 »: the count written on a cluster. */
export function clusterCount(count: number, lang: Lang): string {
  return count >= 1000 ? formatNumber(count, lang, {format: 'compact'}) : formatNumber(count, lang);
}
