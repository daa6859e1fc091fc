/**
 * Loads chart-shape-layouts.ts, once per page, for the chart types that draw with d3-shape
 * (chart-plan.ts `drawsShapes`). In the CDN build the loader has already asked for its files when
 * the markup named such a type (chart-prefetch.ts).
 */
import {chartCodeLoader} from './chart-code-error.js';

export type ShapeLayouts = typeof import('./chart-shape-layouts.js');

let loaded: ShapeLayouts | undefined;

/** The layouts, which `loadShapeLayouts()` has loaded. */
export function shapeLayouts(): ShapeLayouts {
  if (!loaded) throw new Error('chart-shape-layouts.ts is not loaded: await loadShapeLayouts() first');
  return loaded;
}

/** Loads the layouts, once per page. */
export const loadShapeLayouts = chartCodeLoader(() =>
  import('./chart-shape-layouts.js').then((layouts) => (loaded = layouts)),
);
