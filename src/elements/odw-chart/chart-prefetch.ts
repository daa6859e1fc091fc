/**
 * A chart's first questions, asked by the CDN loader (src/loader.ts) as soon as it meets the tag,
 * while the chart's drawing code still downloads. The element, once defined, asks the same ones
 * and is answered by the requests in flight, or by their kept answers (src/data/request.ts shares
 * both): on a page's first load its data travels at the same time as its code, not after it.
 *
 * Only what the markup says alone is asked: a chart whose source reads filters from the page's
 * address, or that draws a Vega-Lite `.spec`, waits for its element. A question the element would
 * not ask costs one unused request, never a wrong chart.
 */
import {and, parseFilter, query} from '../../data/index.js';
import type {ApiFamily, Filter} from '../../data/types.js';
import {defaultConverter} from 'lit';
import {propertiesOf, type AttributeSchema} from '../../core/schema.js';
import {dataElementAttributes} from '../../core/data-element.schema.js';
import {chartAttributes} from './odw-chart.schema.js';
import {sourceAttributes} from '../odw-source/odw-source.schema.js';
import {drawsShapes, planChart, type ChartAttributes} from './chart-plan.js';
import {loadChart} from './chart-query.js';

/** The key under which the build lists the files of chart-shape-layouts.ts (rollup.config.mjs). */
const SHAPE_LAYOUTS = 'chart-shape-layouts';

/** The source attributes a chart's query reads (src/elements/odw-source/odw-source.ts). */
interface SourceMarkup {
  src?: string;
  api?: ApiFamily;
  apiKey?: string;
  where?: string;
}

/**
 * Sends the first requests of `element`, an `odw-chart` not yet defined, and asks `preload` (the
 * loader's) for the files of the layouts its type draws with. Never throws.
 */
export function prefetchChart(element: Element, preload: (need: string) => void = () => {}): void {
  try {
    // Defined meanwhile: the element asks for itself.
    if (customElements.get(element.localName)) return;
    if (element.querySelector('script') || element.hasAttribute('spec')) return;
    const widget = markupValues(element, {...dataElementAttributes, ...chartAttributes});
    const sourceId = (widget.source as string | undefined)?.trim();
    const root = element.getRootNode() as Document | ShadowRoot;
    const sourceElement = sourceId ? root.getElementById?.(sourceId) : null;
    if (sourceId && (!sourceElement || sourceElement.hasAttribute('url-sync'))) return;
    const source = sourceElement
      ? (markupValues(sourceElement, sourceAttributes) as SourceMarkup)
      : undefined;
    const src = (source ? source.src : (widget.src as string | undefined))?.trim();
    if (!src) return;
    // As the element words it (src/core/own-filter.ts): the source's filter, then the chart's own.
    const sourceFilter: Filter | undefined = source ? and(parsed(source.where)) : undefined;
    const where = and(sourceFilter, parsed(widget.where as string | undefined));
    const api = source ? source.api : (widget.api as ApiFamily | undefined);
    const apiKey = source ? source.apiKey : (widget.apiKey as string | undefined);
    const plan = planChart(widget as ChartAttributes);
    // A line's, an area's, a scatter's or a pie's layouts download while its data travels.
    if (drawsShapes(plan.type)) preload(SHAPE_LAYOUTS);
    const target = {src: new URL(src, document.baseURI).href, api, apiKey, sourceFilter, where};
    void loadChart(plan, target, (queried, options) =>
      query(queried.src, {where: queried.where, ...options, api: queried.api, apiKey: queried.apiKey}),
    ).catch(() => undefined);
  } catch {
    // A mistake in the markup: the element, once defined, says what it is.
  }
}

function parsed(where: string | undefined): Filter | undefined {
  return where?.trim() ? parseFilter(where) : undefined;
}

/** The values the element's properties take from its attributes: Lit's conversion, else the default. */
function markupValues(element: Element, schema: AttributeSchema): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const [property, declaration] of Object.entries(propertiesOf(schema))) {
    const text = element.getAttribute(declaration.attribute as string);
    values[property] =
      text === null ? schema[property].default : defaultConverter.fromAttribute!(text, declaration.type);
  }
  return values;
}
