/**
 * The layouts drawn with d3-shape: lines, areas, scatter points, pie and donut. Loaded by the
 * charts of those types only (chart-shape-loader.ts): a column or bar chart's page never downloads
 * d3-shape.
 */
export {placeLineMarks} from './chart-lines.js';
export {layoutRound} from './chart-round.js';
