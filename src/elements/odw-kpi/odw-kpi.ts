import {html, nothing, type TemplateResult} from 'lit';
import {and, firstSelection, parseFilter} from '../../data/index.js';
import {QueryError} from '../../data/errors.js';
import type {QueryResult, Selection} from '../../data/types.js';
import {OdwDataElement, type DataTarget, type LoadOptions, type Loaded} from '../../core/data-element.js';
import {formatNumber} from '../../core/format.js';
import type {Lang} from '../../core/lang.js';
import {kpiStyles} from './odw-kpi.styles.js';
import {kpiAttributes} from './odw-kpi.schema.js';
import {kpiText} from './odw-kpi.messages.js';
import {propertiesOf, type AttributeValues} from '../../core/schema.js';

/** Keeps the unit on the figure's line. */
const NO_BREAK_SPACE = '\u00a0';

/** What an `odw-kpi` shows: its figure and, with a comparison, the reference figure. */
export interface KpiData {
  /** A number, or text when `value` names a text field. `null` when there is no data. */
  value: number | string | null;
  reference?: number;
}

// The fields are typed from the attribute schema (src/core/schema.ts).
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export interface OdwKpi extends AttributeValues<typeof kpiAttributes> {}

/**
 * One key figure computed by the portal: an aggregate of a dataset (`sum(population)`), its label,
 * unit and an optional comparison shown as an evolution.
 *
 * All the KPIs of a page that ask the same question of the same dataset share one request.
 *
 * @summary A key figure (aggregate of a dataset) with its label, unit and optional comparison.
 *
 *
 * @fires {OdwLoadEvent} odw-load - Data loaded (also after each refresh); `detail`: `{rows, total}`.
 * @fires {OdwErrorEvent} odw-error - Loading failed; `detail.error` is a typed error of the data layer.
 *
 * @csspart base - The frame around everything.
 * @csspart title - The heading.
 * @csspart description - The text alternative, visually hidden (style it to show it).
 * @csspart body - The figure, or the loading, empty and error states.
 * @csspart label - The label.
 * @csspart value - The figure (a `<p>`), unit included.
 * @csspart unit - The unit.
 * @csspart comparison - The evolution against the reference.
 * @csspart status - The empty, error and stale messages.
 * @csspart retry - The « Réessayer » button.
 * @csspart footer - The attribution: dataset, publisher, licence, last update.
 *
 * @cssprop --odw-kpi-value-font-size - Size of the figure (default `--odw-font-size-value`, 2.25rem).
 * @cssprop --odw-kpi-value-color - Colour of the figure.
 * @cssprop --odw-kpi-up-color - Colour of an increase (default `--odw-positive-color`).
 * @cssprop --odw-kpi-down-color - Colour of a decrease (default `--odw-negative-color`).
 * @cssprop --odw-font-family - Font stack.
 * @cssprop --odw-font-size - Base font size.
 * @cssprop --odw-font-size-small - Footer, comparison and notices.
 * @cssprop --odw-font-size-title - The heading.
 * @cssprop --odw-font-size-value - Key figures.
 * @cssprop --odw-text-color - Text.
 * @cssprop --odw-muted-color - Secondary text.
 * @cssprop --odw-background - Background of the widget.
 * @cssprop --odw-border-color - Borders.
 * @cssprop --odw-border-width - Width of the widget's border (0 for none).
 * @cssprop --odw-accent - Links and buttons.
 * @cssprop --odw-positive-color - Increases.
 * @cssprop --odw-negative-color - Decreases.
 * @cssprop --odw-error-color - Error message text and border.
 * @cssprop --odw-error-surface - Error message background.
 * @cssprop --odw-warning-color - Stale notice text and border.
 * @cssprop --odw-warning-surface - Stale notice background.
 * @cssprop --odw-focus-color - Focus ring.
 * @cssprop --odw-skeleton-color - Loading placeholder.
 * @cssprop --odw-radius - Corner radius.
 * @cssprop --odw-spacing - Padding of the widget.
 * @cssprop --odw-spacing-small - Gaps inside the widget.
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class OdwKpi extends OdwDataElement<KpiData> {
  static override styles = [...OdwDataElement.styles, kpiStyles];

  static override properties = propertiesOf(kpiAttributes);

  protected override queryDependencies(): readonly unknown[] {
    return [this.value, this.compare, this.compareWhere, this.compareValue];
  }

  protected override async load(target: DataTarget, options: LoadOptions): Promise<Loaded<KpiData>> {
    // Everything is parsed before the first request: a typo costs no request and shows its column.
    const selection = firstSelection(this.value?.trim() || 'count()');
    const fixedReference = Number.isFinite(this.compareValue) ? this.compareValue : undefined;
    const comparing =
      fixedReference === undefined && Boolean(this.compare?.trim() || this.compareWhere?.trim());
    const compareSelection = comparing && this.compare?.trim() ? firstSelection(this.compare) : selection;
    const compareTarget: DataTarget = this.compareWhere?.trim()
      ? {...target, where: and(target.sourceFilter, parseFilter(this.compareWhere))}
      : target;

    const [result, comparison] = await Promise.all([
      this.runQuery(target, selectionQuery(selection), options),
      comparing ? this.runQuery(compareTarget, selectionQuery(compareSelection), options) : undefined,
    ]);
    const value = readValue(result, selection);
    const compared = comparison ? readValue(comparison, compareSelection) : fixedReference;
    return {
      data: {value, reference: typeof compared === 'number' ? compared : undefined},
      result,
    };
  }

  /** The label stays when the figure cannot be shown: a reader still knows which figure failed. */
  protected override stateLabel(): string | undefined {
    return this.label;
  }

  protected override isEmpty(data: KpiData): boolean {
    return data.value === null;
  }

  protected override renderData(data: KpiData, lang: Lang): TemplateResult {
    const label = this.label?.trim();
    const unit = this.unit?.trim();
    const figure = typeof data.value === 'number' ? this.formatFigure(data.value, lang) : String(data.value);
    return html`<div class="kpi" role="group" aria-labelledby=${label ? 'label value' : 'value'}>
      ${label ? html`<p id="label" class="label" part="label">${label}</p>` : nothing}
      <p id="value" class="value" part="value">
        ${figure}${unit ? html`${NO_BREAK_SPACE}<span class="unit" part="unit">${unit}</span>` : nothing}
      </p>
      ${
        typeof data.value === 'number' && data.reference !== undefined
          ? this.renderComparison(data.value, data.reference, lang)
          : nothing
      }
    </div>`;
  }

  /** « Habitants : 22 150 hab. » after a filter changed the figure. */
  protected override announcement(data: KpiData, lang: Lang): string {
    const name = this.label?.trim() || this.title?.trim();
    const figure = typeof data.value === 'number' ? this.formatFigure(data.value, lang) : String(data.value);
    const unit = this.unit?.trim();
    const text = unit ? `${figure}${NO_BREAK_SPACE}${unit}` : figure;
    return name ? kpiText(lang, 'kpi.announce', {name, figure: text}) : text;
  }

  private formatFigure(value: number, lang: Lang, signed = false): string {
    return formatNumber(value, lang, {format: this.format, decimals: this.decimals, signed});
  }

  private renderComparison(value: number, reference: number, lang: Lang): TemplateResult {
    const difference = value - reference;
    const direction = difference > 0 ? 'up' : difference < 0 ? 'down' : 'same';
    let change: string;
    if (this.format === 'percent') {
      // Two ratios are compared in percentage points, not as a relative change.
      const points = Math.round(difference * 1000) / 10;
      change = kpiText(lang, 'kpi.points', {value: formatNumber(points, lang, {signed: true})});
    } else if (reference !== 0) {
      change = formatNumber(difference / Math.abs(reference), lang, {format: 'percent', signed: true});
    } else {
      change = this.formatFigure(difference, lang, true);
    }
    const referenceText = this.compareLabel?.trim() || this.formatFigure(reference, lang);
    const arrow = {up: '▲', down: '▼', same: '▶'}[direction];
    return html`<p class="comparison ${direction}" part="comparison">
      <span class="trend"
        ><span aria-hidden="true">${arrow}</span>
        <span class="visually-hidden">${kpiText(lang, `kpi.${direction}`)}</span> ${change}</span
      >
      ${kpiText(lang, 'kpi.versus', {reference: referenceText})}
    </p>`;
  }
}

/** One aggregate over every matching record, or the field of the first one. */
function selectionQuery(selection: Selection): {select: Selection[]; limit?: number} {
  return selection.type === 'field' ? {select: [selection], limit: 1} : {select: [selection]};
}

/**
 * The figure of the answer's first row. An aggregate that is not a finite number (a sum that
 * overflowed) or that a row lacks (a portal that ignored the aggregation) is an error, not
 * « Aucune donnée ».
 */
function readValue(result: QueryResult, selection: Selection): number | string | null {
  const [row] = result.rows;
  if (selection.type === 'aggregate' && row && !(selection.as in row)) {
    throw new QueryError(`The answer has no "${selection.as}" column`, {
      found: selection.as,
      expected: 'answer-key',
    });
  }
  const raw = row?.[selection.as];
  if (raw === null || raw === undefined || raw === '') return null;
  if (typeof raw === 'number') {
    if (Number.isFinite(raw)) return raw;
    throw new QueryError(`"${selection.as}" is not a finite number`, {
      found: selection.as,
      expected: 'finite-number',
    });
  }
  if (typeof raw === 'string' && raw.trim() !== '' && Number.isFinite(Number(raw))) return Number(raw);
  return typeof raw === 'object' ? JSON.stringify(raw) : String(raw);
}
