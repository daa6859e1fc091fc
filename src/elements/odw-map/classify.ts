/**
 * Class breaks of a choropleth. Every method answers `bounds`: `count + 1` ascending numbers,
 * `[min, …, max]`; class `i` holds the values in `(bounds[i], bounds[i + 1]]` (the first class
 * includes `min`). Equal bounds are merged, so a method may answer fewer classes than asked.
 */
export type ClassMethod = 'quantile' | 'equal' | 'jenks';

/** Jenks is quadratic in the number of values: above this, it runs on evenly spaced ranks. */
const JENKS_MAX_VALUES = 1000;

export function classBounds(values: readonly number[], method: ClassMethod, count: number): number[] {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return [];
  const classes = Math.max(1, Math.min(Math.round(count) || 1, sorted.length));
  const min = sorted[0];
  const max = sorted[sorted.length - 1];
  let bounds: number[];
  if (min === max) {
    bounds = [min, max];
  } else if (method === 'equal') {
    bounds = Array.from({length: classes + 1}, (_, i) =>
      i === classes ? max : min + ((max - min) * i) / classes,
    );
  } else if (method === 'jenks') {
    bounds = jenks(sample(sorted, JENKS_MAX_VALUES), classes);
  } else {
    // Upper bounds are data values, so the legend shows figures that exist (`524`, not `523,7`).
    bounds = [
      min,
      ...Array.from({length: classes}, (_, i) => sorted[Math.ceil(((i + 1) * sorted.length) / classes) - 1]),
    ];
  }
  return dedupe(bounds);
}

/** The class of `value` under `bounds`, or -1 for a value outside them or not a number. */
export function classIndex(value: number, bounds: readonly number[]): number {
  if (!Number.isFinite(value) || bounds.length < 2) return -1;
  if (value < bounds[0] || value > bounds[bounds.length - 1]) return -1;
  for (let i = 1; i < bounds.length; i++) if (value <= bounds[i]) return i - 1;
  return bounds.length - 2;
}

/** Merges empty classes; the first class may be the minimum alone (`[10, 10, 30]`). */
function dedupe(bounds: number[]): number[] {
  const unique = [bounds[0]];
  for (const bound of bounds.slice(1)) {
    if (bound > unique[unique.length - 1] || unique.length === 1) unique.push(bound);
  }
  return unique;
}

function sample(sorted: number[], size: number): number[] {
  if (sorted.length <= size) return sorted;
  return Array.from({length: size}, (_, i) => sorted[Math.round((i * (sorted.length - 1)) / (size - 1))]);
}

/** Jenks natural breaks (Fisher's dynamic programme minimising the within-class variance). */
function jenks(sorted: number[], classes: number): number[] {
  const n = sorted.length;
  // lowerClassLimits[l][j]: first (1-based) index of the last class when the first l values form j classes.
  const lowerClassLimits = Array.from({length: n + 1}, () => new Array<number>(classes + 1).fill(0));
  const variances = Array.from({length: n + 1}, () => new Array<number>(classes + 1).fill(0));
  for (let j = 1; j <= classes; j++) {
    lowerClassLimits[1][j] = 1;
    for (let i = 2; i <= n; i++) variances[i][j] = Infinity;
  }
  for (let l = 2; l <= n; l++) {
    let sum = 0;
    let sumSquares = 0;
    let variance = 0;
    for (let m = 1; m <= l; m++) {
      const lower = l - m + 1;
      const value = sorted[lower - 1];
      sum += value;
      sumSquares += value * value;
      variance = sumSquares - (sum * sum) / m;
      const before = lower - 1;
      if (before !== 0) {
        for (let j = 2; j <= classes; j++) {
          if (variances[l][j] >= variance + variances[before][j - 1]) {
            lowerClassLimits[l][j] = lower;
            variances[l][j] = variance + variances[before][j - 1];
          }
        }
      }
    }
    lowerClassLimits[l][1] = 1;
    variances[l][1] = variance;
  }
  const bounds = new Array<number>(classes + 1);
  bounds[classes] = sorted[n - 1];
  bounds[0] = sorted[0];
  let k = n;
  for (let j = classes; j >= 2; j--) {
    const lower = lowerClassLimits[k][j];
    bounds[j - 1] = sorted[lower - 2];
    k = lower - 1;
  }
  return bounds;
}
