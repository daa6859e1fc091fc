/**
 * The answers behind each loaded chart, kept so that a change of language words the chart again
 * without querying again.
 */
import type {DatasetMeta, QueryResult, Row} from '../../data/types.js';
import type {Lang} from '../../core/i18n.js';
import {buildChartData, type BuildOptions, type ChartData} from './chart-model.js';
import type {ChartPlan} from './chart-plan.js';

interface Answers {
  plan: ChartPlan;
  result: QueryResult;
  othersRows?: Row[];
  unit?: string;
  lang: Lang;
}

export class ChartAnswers {
  private readonly answers = new WeakMap<ChartData, Answers>();
  private reworded?: {from: ChartData; lang: Lang; data: ChartData};

  /** What is drawn from the answers, remembered with them. */
  build(plan: ChartPlan, result: QueryResult, options: BuildOptions): ChartData {
    const data = buildChartData(plan, result, options);
    this.answers.set(data, {plan, result, ...options});
    return data;
  }

  /** The dataset's metadata of the answer `data` was drawn from (for the actions menu's dataset page). */
  metaOf(data: ChartData): DatasetMeta | undefined {
    return this.answers.get(data)?.result.meta;
  }

  /** `data` in `lang`: as loaded, or built again from the same answers. */
  inLanguage(data: ChartData, lang: Lang): ChartData {
    const answers = this.answers.get(data);
    if (!answers || answers.lang === lang) return data;
    if (this.reworded?.from !== data || this.reworded.lang !== lang) {
      const {plan, result, othersRows, unit} = answers;
      this.reworded = {from: data, lang, data: buildChartData(plan, result, {lang, unit, othersRows})};
    }
    return this.reworded.data;
  }
}
