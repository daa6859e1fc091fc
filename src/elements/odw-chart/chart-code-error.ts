import type {Lang} from '../../core/i18n.js';
import {chartText} from './odw-chart.messages.js';

/**
 * A part of the chart's own code that could not be downloaded (its shape layouts, or Vega for a
 * `.spec`): the server or the network failed. Chromium, Firefox and WebKit keep a failed module
 * until the page is reloaded, so trying again in the page cannot fix it: it says to reload.
 */
export class ChartCodeError extends Error {
  readonly retryable = false;

  constructor(cause: unknown) {
    super('A part of the chart’s code could not be downloaded', {cause});
    this.name = 'ChartCodeError';
  }

  describe(lang: Lang): string {
    return chartText(lang, 'chart.error.code');
  }
}

/**
 * `load`, run once per page: a code chunk's dynamic import. Its failure becomes a `ChartCodeError`,
 * kept as the browser keeps the failed module.
 */
export function chartCodeLoader<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () =>
    (loading ??= load().catch((error: unknown) => {
      throw new ChartCodeError(error);
    }));
}
