/** The data table of a chart (« Voir les données »): exactly what is drawn, full labels included. */
import {html, nothing, type TemplateResult} from 'lit';
import {formatNumber} from '../../core/format.js';
import type {Lang} from '../../core/i18n.js';
import type {ChartData} from './chart-model.js';
import {tableOf} from './chart-rows.js';

export function renderTable(data: ChartData, summary: string, lang: Lang): TemplateResult {
  const {head, rows} = tableOf(data);
  const withLabel = !data.plan.records || Boolean(data.plan.series);
  return html`<table part="table">
    <caption>
      ${summary}
    </caption>
    <thead>
      <tr>
        ${head.map((name) => html`<th scope="col">${name}</th>`)}
      </tr>
    </thead>
    <tbody>
      ${rows.map(
        (row) =>
          html`<tr>
            ${withLabel ? html`<th scope="row">${row.label}</th>` : nothing}
            ${row.cells.map(
              (value) =>
                html`<td class="number">
                  ${value === null ? '—' : formatNumber(value, lang, {unit: data.unit})}
                </td>`,
            )}
          </tr>`,
      )}
    </tbody>
  </table>`;
}
