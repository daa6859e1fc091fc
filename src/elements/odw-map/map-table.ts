/** « Voir les données »: the mapped values as a table, which the CSV export also holds. */
import {html, nothing, type TemplateResult} from 'lit';
import {compareText} from '../../data/collation.js';
import {formatNumber} from '../../core/format.js';
import type {Lang} from '../../core/i18n.js';
import type {ChoroplethData, PointsData} from './map-types.js';
import {classText, displayValue, fieldLabel, splitFields, valueText} from './map-text.js';
import {mapText} from './odw-map.messages.js';

/** Rows listed in « Voir les données » for a points map (the CSV has them all). */
const TABLE_ROWS = 200;

export interface Cell {
  text: string;
  numeric?: boolean;
  raw: unknown;
}

export interface MapTable {
  header: string[];
  rows: Cell[][];
}

export interface TableOptions {
  lang: Lang;
  value?: string;
  /** The `popup` attribute: its fields are columns of a points table. */
  popup?: string;
}

/** The mapped values: areas from the highest value, then the keys without outline; or the points. */
export function tableOf(data: ChoroplethData | PointsData, {lang, value, popup}: TableOptions): MapTable {
  if (data.mode === 'choropleth') {
    const header = [
      mapText(lang, 'map.name'),
      mapText(lang, 'map.key'),
      valueText(value, data, lang),
      mapText(lang, 'map.class'),
    ];
    // With only-matched, the outlines without value are counted in the summary, not listed.
    const areas = [...data.areas].sort(
      (a, b) => (b.value ?? -Infinity) - (a.value ?? -Infinity) || compareText(a.name, b.name),
    );
    const rows = areas.map((area): Cell[] => [
      {text: area.name, raw: area.name},
      {text: area.key, raw: area.key},
      area.value === null
        ? {text: mapText(lang, 'map.no-data'), raw: null}
        : {text: formatNumber(area.value, lang), numeric: true, raw: area.value},
      {
        text: area.value === null ? '' : classText(area.classIndex, data, lang),
        raw: area.value === null ? null : area.classIndex + 1,
      },
    ]);
    for (const unmatched of data.unmatched) {
      rows.push([
        {text: unmatched.key, raw: unmatched.key},
        {text: unmatched.key, raw: unmatched.key},
        unmatched.value === null
          ? {text: '', raw: null}
          : {text: formatNumber(unmatched.value, lang), numeric: true, raw: unmatched.value},
        {text: mapText(lang, 'map.no-outline'), raw: mapText(lang, 'map.no-outline')},
      ]);
    }
    return {header, rows};
  }
  const names = [...splitFields(popup), data.colorField, data.sizeField].filter(
    (name, i, all): name is string => Boolean(name) && name !== data.labelField && all.indexOf(name) === i,
  );
  const header = [
    data.labelField ? fieldLabel(data.fields, data.labelField) : mapText(lang, 'map.name'),
    ...names.map((name) => fieldLabel(data.fields, name)),
    'Latitude',
    'Longitude',
  ];
  const rows = data.points.map((point, i): Cell[] => [
    // Row headers are never empty: an unnamed point is numbered.
    {text: point.label || mapText(lang, 'map.point', {index: formatNumber(i + 1, lang)}), raw: point.label},
    ...names.map((name) => {
      const raw = point.row[name];
      return {text: displayValue(raw, lang), numeric: typeof raw === 'number', raw};
    }),
    {text: formatNumber(point.lat, lang, {decimals: 5}), numeric: true, raw: point.lat},
    {text: formatNumber(point.lon, lang, {decimals: 5}), numeric: true, raw: point.lon},
  ]);
  return {header, rows};
}

/** The table of « Voir les données » (in the region src/core/actions-menu-view.ts draws), and what it leaves out. */
export function tableContent(table: MapTable, points: boolean, lang: Lang): TemplateResult {
  const shown = table.rows.slice(0, points ? TABLE_ROWS : undefined);
  return html`<table part="table">
      <thead>
        <tr>
          ${table.header.map((name) => html`<th scope="col">${name}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${shown.map(
          (row) =>
            html`<tr>
              ${row.map((cell, i) =>
                i === 0
                  ? html`<th scope="row">${cell.text}</th>`
                  : html`<td class=${cell.numeric ? 'number' : ''}>${cell.text}</td>`,
              )}
            </tr>`,
        )}
      </tbody>
    </table>
    ${
      shown.length < table.rows.length
        ? html`<p class="note">
            ${mapText(lang, 'map.table-truncated', {
              shown: formatNumber(shown.length, lang),
              total: formatNumber(table.rows.length, lang),
            })}
          </p>`
        : nothing
    }`;
}
