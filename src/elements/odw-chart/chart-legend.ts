/** The chart's legend, an HTML list of toggle buttons with a swatch each (a pattern or dash under forced colours). */
import {html, nothing, svg, type TemplateResult} from 'lit';
import type {Lang} from '../../core/i18n.js';
import type {ChartData} from './chart-model.js';
import {DASHES, seriesFill, seriesStroke, type ChartTheme} from './chart-scene.js';
import {chartText} from './odw-chart.messages.js';

export interface LegendOptions {
  lang: Lang;
  patternId: string;
  /** Series (or slices) hidden. */
  hidden: ReadonlySet<string>;
  /** A button pressed: hide or show `name`, one of `names`. */
  toggle: (name: string, names: string[]) => void;
}

/** The legend: a list of buttons that hide and show each series (or slice); nothing for one. */
export function renderLegend(
  data: ChartData,
  theme: ChartTheme,
  options: LegendOptions,
): TemplateResult | typeof nothing {
  const round = data.plan.type === 'pie' || data.plan.type === 'donut';
  const names = round
    ? data.points.filter((point) => point.v !== null && point.v > 0).map((point) => point.k)
    : data.series;
  if (names.length < 2 || data.plan.color) return nothing;
  const plain = data.categories.filter((category) => !category.others);
  const swatch = (name: string, index: number) => {
    const others = round && data.categories.find((category) => category.label === name)?.others;
    const position = round ? plain.findIndex((category) => category.label === name) : index;
    const fill =
      others && !theme.forced ? theme.muted : seriesFill(theme, others ? index : position, options.patternId);
    return html`<svg class="swatch" width="14" height="14" viewBox="0 0 14 14" aria-hidden="true">
      ${
        round || data.plan.type === 'column' || data.plan.type === 'bar' || data.plan.type === 'area'
          ? svg`<rect width="14" height="14" fill=${fill} stroke=${theme.forced ? 'CanvasText' : 'none'}></rect>`
          : svg`<path d="M0,7h14" stroke=${seriesStroke(theme, index)} stroke-width="3"
            stroke-dasharray=${theme.forced ? DASHES[index % DASHES.length] || nothing : nothing}></path>`
      }
    </svg>`;
  };
  const title = round ? data.xLabel : (data.seriesLabel ?? '');
  return html`<div class="legend" part="legend">
    ${title ? html`<span class="legend-title" id="legend-title">${title}</span>` : nothing}
    <ul
      aria-labelledby=${title ? 'legend-title' : nothing}
      aria-label=${title ? nothing : chartText(options.lang, 'chart.legend')}
    >
      ${names.map(
        (name, index) =>
          html`<li>
            <button
              type="button"
              aria-pressed=${options.hidden.has(name) ? 'false' : 'true'}
              title=${chartText(options.lang, options.hidden.has(name) ? 'chart.legend.show' : 'chart.legend.hide', {name})}
              @click=${() => options.toggle(name, names)}
            >
              ${swatch(name, index)}<span>${name}</span>
            </button>
          </li>`,
      )}
    </ul>
  </div>`;
}
