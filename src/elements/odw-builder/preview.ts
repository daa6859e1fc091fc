/**
 * The live preview: the real elements of the code, created in the preview frame from the same
 * specs as the code, and what a screen reader gets from each once drawn.
 */
import type {LitElement} from 'lit';
import type {BuilderState} from './state.js';
import {
  asDashboard,
  dashboardConfig,
  dashboardElement,
  scriptJson,
  widgetElements,
  type ElementSpec,
  type SnippetContext,
} from './snippet.js';

const DATA_TAGS = 'odw-kpi, odw-chart, odw-map, odw-table, odw-filter';

function createElement(spec: ElementSpec): HTMLElement {
  const element = document.createElement(spec.tag);
  for (const [name, value] of spec.attributes) element.setAttribute(name, value === true ? '' : value);
  return element;
}

/** Replaces what `frame` shows with the elements of `state`. */
export function fillPreview(frame: HTMLElement, state: BuilderState, ctx: SnippetContext): void {
  frame.replaceChildren();
  if (asDashboard(state)) {
    const dashboard = createElement(dashboardElement(state));
    const script = document.createElement('script');
    script.type = 'application/json';
    script.textContent = scriptJson(dashboardConfig(state, ctx));
    dashboard.append(script);
    frame.append(dashboard);
  } else {
    for (const spec of widgetElements(state, ctx)) frame.append(createElement(spec));
  }
}

/** The widgets of the frame a screen reader meets, once each has rendered. */
export async function previewedWidgets(frame: HTMLElement): Promise<Element[]> {
  const widgets: Element[] = [];
  for (const child of frame.children) {
    if (child.localName === 'odw-dashboard') {
      await (child as LitElement).updateComplete;
      const title = child.shadowRoot?.querySelector('[part~="title"]')?.textContent;
      if (title?.trim()) widgets.push(child);
      widgets.push(...(child.shadowRoot?.querySelectorAll(DATA_TAGS) ?? []));
    } else if (child.localName !== 'odw-source') widgets.push(child);
  }
  await Promise.all(widgets.map((widget) => (widget as Partial<LitElement>).updateComplete));
  return widgets;
}

function textOf(node: Element | null | undefined): string {
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/**
 * What a screen reader gets from a widget: its heading, then its accessible name (a key figure's
 * label and value, a chart's or map's generated summary, a table's caption) and its description.
 */
export function spokenText(widget: Element): string {
  const root = widget.shadowRoot;
  if (!root) return '';
  const parts: string[] = [];
  const add = (text: string) => {
    if (text && !parts.some((part) => part.includes(text))) parts.push(text);
  };
  add(textOf(root.querySelector('[part~="title"]')));
  const group = root.querySelector('.kpi[aria-labelledby]');
  if (group) {
    add(
      (group.getAttribute('aria-labelledby') ?? '')
        .split(' ')
        .map((id) => textOf(root.getElementById(id)))
        .join(' '),
    );
  }
  add(textOf(root.querySelector('#summary')));
  add(textOf(root.querySelector('caption')));
  add(textOf(root.querySelector('#description')));
  // A filter has no summary: its control's label says what it filters.
  if (widget.localName === 'odw-filter') add(textOf(root.querySelector('label, legend')));
  add(textOf(root.querySelector('[part~="status"]')));
  return parts.join(' — ');
}
