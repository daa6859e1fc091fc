/**
 * The widgets of a dashboard: which tags it gives its default source and theme to, the modules it
 * loads for the tags a configuration uses, the parts it exports, and how it sets their attributes.
 */
import type {AttributeValue} from './dashboard-config.js';

/** The data widgets a dashboard gives its default source and theme to. */
export const WIDGET_TAGS = ['odw-kpi', 'odw-chart', 'odw-map', 'odw-table', 'odw-filter'] as const;
export const WIDGET_SELECTOR = WIDGET_TAGS.join(',');

/**
 * The modules of the widgets a configuration may create. The dashboard loads them itself, only
 * for the tags its configuration uses: its shadow root is out of reach of the page's scripts.
 */
export const widgetModules: Record<string, () => Promise<unknown>> = {
  'odw-kpi': () => import('../odw-kpi/define.js'),
  'odw-chart': () => import('../odw-chart/define.js'),
  'odw-map': () => import('../odw-map/define.js'),
  'odw-table': () => import('../odw-table/define.js'),
  'odw-filter': () => import('../odw-filter/define.js'),
};

/**
 * The parts of each widget kind. Widgets built from a JSON configuration live in the dashboard's
 * shadow root, so the page styles them through the dashboard: `odw-dashboard::part(kpi-value)`.
 */
const WIDGET_PARTS: Record<string, readonly string[]> = {
  'odw-kpi': ['label', 'value', 'unit', 'comparison'],
  'odw-chart': ['actions', 'chart', 'svg', 'legend', 'table', 'tooltip'],
  'odw-map': ['actions', 'zoom', 'map', 'popup', 'search', 'notice', 'legend', 'summary', 'table'],
  'odw-table': ['actions', 'search', 'scroller', 'table', 'pager'],
  'odw-filter': ['label', 'control', 'summary', 'reset'],
};
const COMMON_PARTS = ['base', 'title', 'description', 'body', 'status', 'retry', 'footer'];

/** `exportparts` of a configured widget: each of its parts, prefixed with its kind (`chart-title`). */
export function exportedParts(tag: string): string {
  const kind = tag.replace(/^odw-/, '');
  return [...COMMON_PARTS, ...(WIDGET_PARTS[tag] ?? [])].map((name) => `${name}: ${kind}-${name}`).join(', ');
}

/** Attribute texts of a configuration: `true` → present and empty, `false` → absent. */
export function attributeTexts(
  attributes: Record<string, AttributeValue>,
): Record<string, string | undefined> {
  return Object.fromEntries(
    Object.entries(attributes).map(([name, value]) => [
      name,
      value === true ? '' : value === false ? undefined : String(value),
    ]),
  );
}

export function setAttributes(element: Element, attributes: Record<string, string | undefined>): void {
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined) element.removeAttribute(name);
    else if (element.getAttribute(name) !== value) element.setAttribute(name, value);
  }
}

/**
 * Sets `name` to `value` on a widget that has none of `own` attributes, or that got it from the
 * dashboard before (tracked in `assigned`); removes it when the dashboard has no value any more.
 */
export function assignDefault(
  widget: Element,
  name: string,
  value: string | undefined,
  assigned: WeakSet<Element>,
  own: string[],
): void {
  const mine = assigned.has(widget);
  if (!mine && own.some((attribute) => widget.hasAttribute(attribute))) return;
  if (value) {
    if (widget.getAttribute(name) !== value) widget.setAttribute(name, value);
    assigned.add(widget);
  } else if (mine) {
    widget.removeAttribute(name);
    assigned.delete(widget);
  }
}
