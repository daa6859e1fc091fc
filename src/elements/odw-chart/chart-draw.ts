/**
 * A scene (chart-scene.ts) written as SVG with Lit `svg` templates: colours and geometry as
 * attributes, never a `style` attribute, so that the drawing works under a strict CSP and its
 * copy downloads as it looks. Groups carry the class names Vega's SVG had (`mark-rect`,
 * `role-mark`, `role-axis-label`…): pages and stylesheets that select them keep working.
 */
import {html, nothing, svg, type SVGTemplateResult, type TemplateResult} from 'lit';
import type {Scene, SceneText, TextRole} from './chart-scene.js';

export interface DrawOptions {
  /** The focused mark (`ChartPoint.i`), ringed; -1 for none. */
  active: number;
  label: string;
  patternId: string;
  /** The focus ring's two tones: one reads on light, the other on dark. */
  ring: [string, string];
  grid: string;
  muted: string;
}

const r = (value: number) => Math.round(value * 10) / 10;

function patterns(scene: Scene, id: string): SVGTemplateResult | typeof nothing {
  if (!scene.patterns) return nothing;
  // Six fills told apart without colour: solid, diagonals, dots, cross-hatching, rows, columns.
  const drawings = [
    svg`<rect width="8" height="8" fill="CanvasText"></rect>`,
    svg`<path d="M-2,2l4,-4M0,8l8,-8M6,10l4,-4" stroke="CanvasText" stroke-width="2"></path>`,
    svg`<circle cx="4" cy="4" r="2" fill="CanvasText"></circle>`,
    svg`<path d="M0,0l8,8M8,0l-8,8" stroke="CanvasText" stroke-width="1.5"></path>`,
    svg`<path d="M0,2h8M0,6h8" stroke="CanvasText" stroke-width="1.5"></path>`,
    svg`<path d="M2,0v8M6,0v8" stroke="CanvasText" stroke-width="1.5"></path>`,
  ];
  return svg`<defs>${drawings
    .slice(0, scene.patterns)
    .map(
      (drawing, index) =>
        svg`<pattern id="${id}-${index}" width="8" height="8" patternUnits="userSpaceOnUse"><rect width="8" height="8" fill="Canvas"></rect>${drawing}</pattern>`,
    )}</defs>`;
}

function textOf(item: SceneText, lineHeight: number): SVGTemplateResult {
  const transform = item.angle ? `rotate(${item.angle} ${r(item.x)} ${r(item.y)})` : nothing;
  const body = svg`<text
    x=${r(item.x)}
    y=${r(item.y)}
    text-anchor=${item.anchor}
    fill=${item.fill}
    font-weight=${item.bold ? '600' : nothing}
    transform=${transform}
  >${item.lines.map((line, index) =>
    index ? svg`<tspan x=${r(item.x)} dy=${lineHeight}>${line}</tspan>` : svg`<tspan>${line}</tspan>`,
  )}</text>`;
  // A cut text tells its whole self on hover; the summary and the table say it to everyone.
  const cut = item.lines.join(' ').replace(/- /g, '-') !== item.full && item.lines.join('') !== item.full;
  return cut ? svg`<g><title>${item.full}</title>${body}</g>` : body;
}

function texts(scene: Scene, role: TextRole): SVGTemplateResult | typeof nothing {
  const items = scene.texts.filter((item) => item.role === role);
  if (!items.length) return nothing;
  return svg`<g class="role-${role}">${items.map((item) => textOf(item, scene.lineHeight))}</g>`;
}

export function drawScene(scene: Scene, options: DrawOptions): TemplateResult {
  const origin = scene.origin ? `translate(${r(scene.origin.x)} ${r(scene.origin.y)})` : nothing;
  const active = scene.marks.find((mark) => mark.i === options.active);
  // The <svg> element itself belongs to an `html` template; what it holds, to `svg` ones.
  return html`<svg
    xmlns="http://www.w3.org/2000/svg"
    class="chart-svg"
    part="svg"
    role="img"
    aria-label=${options.label}
    width=${scene.width}
    height=${scene.height}
    viewBox="0 0 ${scene.width} ${scene.height}"
  >
    ${patterns(scene, options.patternId)}
    <g class="role-axis-grid" stroke=${options.grid} stroke-width="1">
      ${scene.grid.map((rule) => svg`<line x1=${r(rule.x1)} y1=${r(rule.y1)} x2=${r(rule.x2)} y2=${r(rule.y2)}></line>`)}
    </g>
    ${
      scene.lines.length
        ? svg`<g class=${scene.lines[0].area ? 'mark-area role-line' : 'mark-line role-line'}>
          ${scene.lines.map((line) =>
            line.area
              ? svg`<path d=${line.d} fill=${line.colour} fill-opacity="0.75" stroke=${line.dash === undefined ? 'none' : 'CanvasText'}></path>`
              : svg`<path d=${line.d} fill="none" stroke=${line.colour} stroke-width="2" stroke-dasharray=${line.dash || nothing}></path>`,
          )}
        </g>`
        : nothing
    }
    <g class="role-axis-domain" stroke=${options.muted} stroke-width="1">
      ${scene.domain.map((rule) => svg`<line x1=${r(rule.x1)} y1=${r(rule.y1)} x2=${r(rule.x2)} y2=${r(rule.y2)}></line>`)}
    </g>
    <g class="mark-${scene.kind} role-mark" transform=${origin}>
      ${scene.marks.map(
        (mark) => svg`<path
          data-i=${mark.i}
          d=${mark.d}
          transform=${mark.at ? `translate(${r(mark.at.x)} ${r(mark.at.y)})` : nothing}
          fill=${mark.fill}
          stroke=${mark.stroke ?? nothing}
          stroke-width=${mark.stroke ? 1 : nothing}
        ></path>`,
      )}
    </g>
    ${
      scene.leaders.length
        ? svg`<g class="role-leader" fill="none" stroke=${options.muted} stroke-width="1">
          ${scene.leaders.map((d) => svg`<path d=${d}></path>`)}
        </g>`
        : nothing
    }
    ${texts(scene, 'axis-label')} ${texts(scene, 'axis-title')} ${texts(scene, 'value-label')}
    ${texts(scene, 'slice-label')}
    ${
      active
        ? svg`<g class="focus-ring" fill="none" transform=${active.at ? `translate(${r(active.at.x)} ${r(active.at.y)})` : origin} pointer-events="none">
          <path d=${active.d} stroke=${options.ring[0]} stroke-width="6" stroke-linejoin="round"></path>
          <path d=${active.d} stroke=${options.ring[1]} stroke-width="2" stroke-linejoin="round"></path>
        </g>`
        : nothing
    }
  </svg>`;
}
