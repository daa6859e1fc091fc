/**
 * The chart as files: its data as CSV; its drawing as an SVG that stands alone (its font, its
 * background, no focus ring, no trace of the template), and a PNG drawn from that SVG through a
 * canvas. Everything is an attribute, so neither needs a stylesheet or a `style` attribute.
 */

import {saveFile} from '../../core/export.js';
import type {ChartData} from './chart-model.js';
import {csvOf} from './chart-rows.js';
import type {ChartTheme} from './chart-scene.js';
import type {ChartView} from './vega-engine.js';

export interface ExportLook {
  fontFamily: string;
  /** Font size of the chart's text, in pixels. */
  fontSize: number;
  background: string;
}

/** A standalone copy of `svg`, as text. */
export function svgFile(svg: SVGSVGElement, look: ExportLook): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  copy.setAttribute('font-family', look.fontFamily);
  copy.setAttribute('font-size', String(look.fontSize));
  for (const name of ['part', 'class', 'role', 'aria-label']) copy.removeAttribute(name);
  copy.querySelector('.focus-ring')?.remove();
  // Lit's markers are comments: a downloaded file does not need them.
  const walker = document.createTreeWalker(copy, NodeFilter.SHOW_COMMENT);
  const comments: Node[] = [];
  while (walker.nextNode()) comments.push(walker.currentNode);
  for (const comment of comments) comment.parentNode?.removeChild(comment);
  const background = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
  background.setAttribute('width', '100%');
  background.setAttribute('height', '100%');
  background.setAttribute('fill', look.background);
  copy.insertBefore(background, copy.firstChild);
  return new XMLSerializer().serializeToString(copy);
}

/** `svgText` drawn at `scale` times its size into a PNG. */
export async function pngFile(
  svgText: string,
  width: number,
  height: number,
  scale = 2,
): Promise<Blob | null> {
  const url = URL.createObjectURL(new Blob([svgText], {type: 'image/svg+xml'}));
  try {
    const image = new Image(width, height);
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    canvas.getContext('2d')!.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** What a chart's downloads are made from: Vega's view for a page's specification, else its SVG. */
export interface ChartDrawing {
  view?: ChartView;
  svg: SVGSVGElement | null;
  theme?: ChartTheme;
  fontSize: number;
  width: number;
  height: number;
}

/** The drawing as a standalone SVG, as text; undefined before it is drawn. */
export async function chartSvg(drawing: ChartDrawing): Promise<string | undefined> {
  if (drawing.view) return drawing.view.toSVG();
  if (!drawing.svg || !drawing.theme) return undefined;
  return svgFile(drawing.svg, {
    fontFamily: drawing.theme.font,
    fontSize: drawing.fontSize,
    background: drawing.theme.background,
  });
}

/** The drawing as a PNG at twice its size; null before it is drawn. */
export async function chartPng(drawing: ChartDrawing): Promise<Blob | null> {
  if (drawing.view) {
    const canvas = await drawing.view.toCanvas(2);
    return new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  }
  const text = await chartSvg(drawing);
  return text ? pngFile(text, drawing.width, drawing.height, 2) : null;
}

export interface ChartFileSource {
  /** The data drawn, undefined before the first. */
  data: () => ChartData | undefined;
  drawing: () => ChartDrawing;
  /** The files' name, without extension. */
  name: () => string;
}

/** The chart's downloads: its data as CSV, its drawing as PNG and as SVG. */
export class ChartFiles {
  constructor(private readonly source: ChartFileSource) {}

  csv(): void {
    const data = this.source.data();
    if (!data) return;
    // A BOM so that spreadsheet programs read the accents.
    const blob = new Blob(['\ufeff', csvOf(data)], {type: 'text/csv;charset=utf-8'});
    saveFile(blob, `${this.source.name()}.csv`);
  }

  async svg(): Promise<void> {
    const text = await chartSvg(this.source.drawing());
    if (text) saveFile(new Blob([text], {type: 'image/svg+xml'}), `${this.source.name()}.svg`);
  }

  async png(): Promise<void> {
    const blob = await chartPng(this.source.drawing());
    if (blob) saveFile(blob, `${this.source.name()}.png`);
  }
}
