/** The map as an image: a standalone SVG document, or a PNG drawn from it. Part of the map engine. */
import {SVG_NS, svgElement} from './svg.js';

export interface ImageSource {
  svg: SVGSVGElement;
  /** The points drawn on a canvas, when there are many. */
  canvas?: HTMLCanvasElement;
  width: number;
  height: number;
}

/** A standalone SVG document of the map as shown (a canvas layer is embedded as an image). */
export function mapSvg({svg, canvas, width, height}: ImageSource, extra?: SVGElement): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.setAttribute('xmlns', SVG_NS);
  copy.setAttribute('width', String(width));
  copy.setAttribute('height', String(height));
  copy.setAttribute('viewBox', `0 0 ${width} ${height}`);
  for (const element of copy.querySelectorAll('[tabindex]')) element.removeAttribute('tabindex');
  for (const ring of copy.querySelectorAll('.focus-ring')) ring.remove();
  // Tiles from another origin would not load inside an image of the map, nor be allowed in a PNG.
  for (const image of copy.querySelectorAll('g.tiles image')) {
    if (!(image.getAttribute('href') ?? '').startsWith('data:')) image.remove();
  }
  copy.insertBefore(svgElement('rect', {width: '100%', height: '100%', fill: '#ffffff'}), copy.firstChild);
  if (canvas) {
    copy.append(
      svgElement('image', {
        href: canvas.toDataURL('image/png'),
        width: String(width),
        height: String(height),
      }),
    );
  }
  if (extra) copy.append(extra);
  return new XMLSerializer().serializeToString(copy);
}

/** The map as a PNG at the screen's pixel density. */
export async function mapPng(source: ImageSource, extra?: SVGElement): Promise<Blob> {
  const {width, height} = source;
  const url = URL.createObjectURL(new Blob([mapSvg(source, extra)], {type: 'image/svg+xml'}));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const ratio = window.devicePixelRatio || 1;
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * ratio);
    canvas.height = Math.round(height * ratio);
    const context = canvas.getContext('2d')!;
    context.scale(ratio, ratio);
    context.drawImage(image, 0, 0, width, height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('PNG encoding failed'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}
