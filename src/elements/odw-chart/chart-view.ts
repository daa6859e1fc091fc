/**
 * The chart's figure: its actions row, the drawing (or the box Vega draws a page's specification
 * in), the keyboard's listbox of marks, the tooltip, the legend, the text summary, a drawing error
 * and the data table. Pure rendering: odw-chart.ts gathers what it shows.
 */
import {html, nothing, type TemplateResult} from 'lit';
import type {Lang} from '../../core/i18n.js';
import {drawScene, type DrawOptions} from './chart-draw.js';
import {renderLegend} from './chart-legend.js';
import type {ChartData, ChartPoint} from './chart-model.js';
import type {ChartTheme, Scene} from './chart-scene.js';
import {chartText} from './odw-chart.messages.js';
import {ChartCodeError} from './chart-code-error.js';

export interface ChartViewHandlers {
  click: (event: MouseEvent) => void;
  pointerMove: (event: PointerEvent) => void;
  pointerLeave: () => void;
  keydown: (event: KeyboardEvent) => void;
  focus: () => void;
  blur: () => void;
  /** A legend button pressed: hide or show `name`, one of `names`. */
  toggle: (name: string, names: string[]) => void;
}

export interface ChartView {
  lang: Lang;
  data: ChartData;
  /** The drawing's text alternative: the summary, then the page's description. */
  label: string;
  /** Drawn by Vega from a page's specification, not from `scene`. */
  byVega: boolean;
  scene?: Scene;
  theme?: ChartTheme;
  /** How the scene is drawn; undefined until the theme is read. */
  draw?: DrawOptions;
  /** The focused mark (`ChartPoint.i`); -1 for none. */
  active: number;
  /** The prefix of the ids of the fill patterns (forced colours). */
  patternId: string;
  /** The marks a keyboard walks, in order. */
  points: ChartPoint[];
  /** The category this chart filters its source on. */
  selected?: number;
  title?: string;
  hidden: ReadonlySet<string>;
  drawError: unknown;
  /** « Voir les données » and the actions menu. */
  actions: unknown;
  /** The data table, when shown. */
  table: unknown;
  on: ChartViewHandlers;
}

export function renderChart(view: ChartView): TemplateResult {
  const {lang, data, byVega, theme, on} = view;
  return html`<figure class="chart" aria-labelledby="summary">
    ${view.actions}
    <div class="plot" part="chart">
      ${
        byVega
          ? html`<div class="vega"></div>`
          : html`<div
              class="vega drawing"
              @click=${on.click}
              @pointermove=${on.pointerMove}
              @pointerleave=${on.pointerLeave}
            >
              ${view.scene && view.draw ? drawScene(view.scene, view.draw) : nothing}
            </div>`
      }
      ${byVega ? nothing : renderPoints(view)}
      <div class="tooltip" part="tooltip" aria-hidden="true" hidden></div>
    </div>
    ${
      byVega || !theme
        ? nothing
        : renderLegend(data, theme, {
            lang,
            patternId: view.patternId,
            hidden: view.hidden,
            toggle: on.toggle,
          })
    }
    <figcaption id="summary" class="visually-hidden">${view.label}</figcaption>
    ${
      view.drawError
        ? html`<p class="status error" part="status" role="alert">
            ${
              view.drawError instanceof ChartCodeError
                ? view.drawError.describe(lang)
                : chartText(lang, 'chart.error.render', {message: errorText(view.drawError)})
            }
          </p>`
        : nothing
    }
    ${view.table}
  </figure>`;
}

/** The marks as one Tab stop: a listbox whose active option is the focused mark (chart-focus.ts). */
function renderPoints(view: ChartView): TemplateResult {
  const {lang, points, selected, on} = view;
  const title = view.title?.trim();
  const active = points.find((point) => point.i === view.active);
  return html`<div
    class="points"
    role="listbox"
    tabindex="0"
    aria-label=${title ? chartText(lang, 'chart.points-named', {name: title}) : chartText(lang, 'chart.points')}
    aria-activedescendant=${active ? `point-${active.i}` : nothing}
    @keydown=${on.keydown}
    @focus=${on.focus}
    @blur=${on.blur}
  >
    ${points.map(
      (point) =>
        html`<div
          role="option"
          id="point-${point.i}"
          aria-selected=${selected !== undefined && point.c === selected ? 'true' : 'false'}
        >
          ${point.tip}
        </div>`,
    )}
  </div>`;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
