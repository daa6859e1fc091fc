/**
 * The chart's actions (src/core/figure-actions.ts), named after its title: « Voir les données »
 * shows the data table under the chart.
 */
import type {ReactiveElement} from 'lit';
import type {DisplayController} from '../../core/display-controller.js';
import {FigureActions, type FigureDownloads} from '../../core/figure-actions.js';
import {chartText} from './odw-chart.messages.js';

export class ChartActions extends FigureActions {
  constructor(
    host: ReactiveElement & {title: string},
    downloads: FigureDownloads,
    display: DisplayController,
  ) {
    super(host, {
      name: () => host.title,
      unnamed: (lang) => ({actions: chartText(lang, 'chart.actions'), data: chartText(lang, 'chart.data')}),
      downloads,
      display,
    });
  }
}
