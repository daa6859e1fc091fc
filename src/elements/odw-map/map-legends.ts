/** The legends of the map (classes, categories, sizes) on screen, and in its SVG and PNG exports. */
import {html, nothing, type TemplateResult} from 'lit';
import {styleProperties} from '../../core/style-properties.js';
import {formatNumber} from '../../core/format.js';
import type {Lang} from '../../core/i18n.js';
import {quietNoData, type ChoroplethData, type PointsData} from './map-types.js';
import {fieldLabel, rangeText, valueText} from './map-text.js';
import {tooLight} from './contrast.js';
import {svgElement} from './svg.js';
import {mapText} from './odw-map.messages.js';

export interface LegendOptions {
  lang: Lang;
  /** Names the legend after its map: « Légende — Population 2025 ». */
  label: string;
  /** `value` of the map: what the classes are of. */
  value?: string;
  onlyMatched: boolean;
  /** Behind the areas: a swatch that does not stand out from it by 3:1 is outlined, as its areas. */
  background?: string;
}

export function choroplethLegend(data: ChoroplethData, options: LegendOptions): TemplateResult {
  const {lang} = options;
  const showNoData = !options.onlyMatched && data.noValue.length > 0;
  return html`<ul class="legend" part="legend" aria-label=${options.label}>
    <li class="legend-title">${valueText(options.value, data, lang)}</li>
    ${data.classes.map(
      (legend) =>
        html`<li>
          <span
            class="swatch ${tooLight(legend.color, options.background) ? 'outlined' : ''}"
            aria-hidden="true"
            ${styleProperties({background: legend.color})}
          ></span>
          ${rangeText(legend.from, legend.to, lang)}
        </li>`,
    )}
    ${
      showNoData
        ? html`<li>
            <span class="swatch no-data ${quietNoData(data) ? 'quiet' : ''}" aria-hidden="true"></span
            >${mapText(lang, 'map.legend-no-data')}
          </li>`
        : nothing
    }
  </ul>`;
}

export function pointsLegend(data: PointsData, options: LegendOptions, sizeLabel: string): TemplateResult {
  return html`${categoryLegend(data, options)}${sizeLegend(data, options.lang, sizeLabel)}`;
}

function categoryLegend(data: PointsData, {lang, label}: LegendOptions): unknown {
  if (!data.colorField || data.categories.length === 0) return nothing;
  return html`<ul class="legend" part="legend" aria-label=${label}>
    <li class="legend-title">${fieldLabel(data.fields, data.colorField)}</li>
    ${data.categories.map(
      (category, i) =>
        html`<li>
          <span
            class="swatch round"
            aria-hidden="true"
            ${styleProperties({
              background: category.other ? category.color : `var(--_odw-palette-${i + 1}, ${category.color})`,
            })}
          ></span>
          ${category.label || mapText(lang, 'map.others')} (${formatNumber(category.count, lang)})
        </li>`,
    )}
  </ul>`;
}

/** The smallest and the largest value of `size`, each with the circle it draws. */
function sizeLegend(data: PointsData, lang: Lang, label: string): unknown {
  if (!data.sizeField) return nothing;
  const sized = data.points.filter((point) => point.size !== undefined);
  if (sized.length === 0) return nothing;
  const smallest = sized.reduce((a, b) => (b.size! < a.size! ? b : a));
  const largest = sized.reduce((a, b) => (b.size! > a.size! ? b : a));
  const entries = smallest.size === largest.size ? [largest] : [smallest, largest];
  const box = Math.ceil(largest.radius) * 2 + 2;
  return html`<ul class="legend size-legend" part="legend size-legend" aria-label=${label}>
    <li class="legend-title">${fieldLabel(data.fields, data.sizeField)}</li>
    ${entries.map(
      (point) =>
        html`<li>
          <svg class="size-swatch" width=${box} height=${box} aria-hidden="true">
            <circle
              cx=${box / 2}
              cy=${box / 2}
              r=${point.radius}
              fill="none"
              stroke="currentColor"
              stroke-width="1"
            ></circle>
          </svg>
          ${formatNumber(point.size!, lang)}
        </li>`,
    )}
  </ul>`;
}

/** The legend drawn into the exported image: a swatch and a text per class or category. */
export function exportLegend(data: ChoroplethData | PointsData, lang: Lang): SVGElement | undefined {
  const items =
    data.mode === 'choropleth'
      ? data.classes.map((legend) => ({color: legend.color, text: rangeText(legend.from, legend.to, lang)}))
      : data.categories.map((category) => ({
          color: category.color,
          text: category.label || mapText(lang, 'map.others'),
        }));
  if (items.length === 0) return undefined;
  const group = svgElement('g', {
    transform: 'translate(8,8)',
    'font-family': 'system-ui, sans-serif',
    'font-size': '12',
  });
  group.append(
    svgElement('rect', {
      width: '150',
      height: String(items.length * 18 + 8),
      fill: '#ffffff',
      'fill-opacity': '0.85',
    }),
  );
  items.forEach((item, i) => {
    group.append(
      svgElement('rect', {x: '4', y: String(4 + i * 18), width: '12', height: '12', fill: item.color}),
    );
    const text = svgElement('text', {x: '22', y: String(14 + i * 18), fill: '#161616'});
    text.textContent = item.text;
    group.append(text);
  });
  return group;
}
