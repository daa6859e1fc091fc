/**
 * The words the builder derives from its model in a language: the text alternative it proposes for a chart or a map, and the short name of a widget in lists.
 */
import type {FieldInfo} from '../../data/types.js';
import type {Lang} from '../../core/i18n.js';
import {tb, type BuilderMessageKey} from './odw-builder.messages.js';
import type {BuilderState, WidgetState} from './state.js';
import {labelOf, splitAggregate} from './suggestions.js';

export type Translate = (key: BuilderMessageKey, params?: Record<string, string | number>) => string;

export function translator(lang: Lang): Translate {
  return (key, params) => tb(lang, key, params);
}

/** Charts and maps need a text alternative: their drawing says nothing to a screen reader. */
export function needsDescription(widget: WidgetState): boolean {
  return widget.kind === 'chart' || widget.kind === 'map';
}

/** The text alternative proposed for a chart or a map. */
export function proposal(
  widget: WidgetState,
  fields: readonly FieldInfo[],
  datasetTitle: string,
  t: Translate,
): string | undefined {
  const measureText = (expression: string | undefined) => {
    const {fn, field} = splitAggregate(expression);
    return fn === 'count'
      ? t('builder.proposal.count')
      : t('builder.proposal.aggregate', {fn: t(`builder.aggregate.${fn}`), field: labelOf(fields, field)});
  };
  if (widget.kind === 'chart') {
    if (widget.chartType === 'scatter') {
      return t('builder.proposal.scatter', {x: labelOf(fields, widget.x), y: labelOf(fields, widget.y)});
    }
    const params = {
      type: t(`builder.chart.${widget.chartType ?? 'column'}`),
      x: labelOf(fields, widget.x),
      y: measureText(widget.y),
    };
    return widget.limit
      ? t('builder.proposal.chart-limit', {...params, limit: widget.limit})
      : t('builder.proposal.chart', params);
  }
  if (widget.kind === 'map') {
    if (widget.mode === 'choropleth') {
      return t('builder.proposal.choropleth', {
        shapes: widget.shapes ? t(`builder.outline.${widget.shapes}` as BuilderMessageKey) : '',
        value: measureText(widget.value),
        key: labelOf(fields, widget.key),
      });
    }
    return t('builder.proposal.points', {title: datasetTitle});
  }
  return undefined;
}

/** The state as pasted: required text alternatives left empty take the proposal. */
export function effectiveState(
  build: BuilderState,
  fields: readonly FieldInfo[],
  datasetTitle: string,
  t: Translate,
): BuilderState {
  return {
    ...build,
    widgets: build.widgets.map((widget) =>
      needsDescription(widget) && !widget.description?.trim()
        ? {...widget, description: proposal(widget, fields, datasetTitle, t)}
        : widget,
    ),
  };
}

/** A short text naming what a widget shows, for the dashboard's list. */
export function widgetText(widget: WidgetState, fields: readonly FieldInfo[], t: Translate): string {
  switch (widget.kind) {
    case 'kpi':
      return widget.label || widget.value || 'count()';
    case 'chart':
      return `${t(`builder.chart.${widget.chartType ?? 'column'}`)}, ${labelOf(fields, widget.x)}`;
    case 'map':
      return t(`builder.map.${widget.mode ?? 'points'}`);
    case 'table':
      return (widget.columns ?? '')
        .split(',')
        .map((name) => labelOf(fields, name))
        .join(', ');
    case 'filter':
      return labelOf(fields, widget.field);
  }
}
