/**
 * The visual tests' page: widgets drawn once in an iframe (test/visual/page.html), then the
 * iframe set to each width in turn, so that the window itself is 320, 390, 768 or 1 280 px wide
 * (media queries, `innerWidth` and the page's own scroll are those of a phone or a desktop) in
 * every engine, with no viewport command (WebKit's driver has none).
 */
import {waitUntil} from '@open-wc/testing';
import {loadFrame} from '../helpers.js';
import {boxProblems, frameTallerThanFigure, textBoxes} from './boxes.js';

export const WIDTHS = [320, 390, 768, 1280] as const;
export type Width = (typeof WIDTHS)[number];
const PHONE_WIDTH = 390;

export const ODS = '/portal/ods/api/explore/v2.1/catalog/datasets/populations-legales-2025/records';
export const FESTIVALS = '/portal/ods/api/explore/v2.1/catalog/datasets/festivals-du-finistere/records';
export const LOIRET = '/portal/files/communes-45-loiret.geojson';
export const MAINE_ET_LOIRE = '/portal/files/communes-49-maine-et-loire.geojson';
/** 22 communes, among them Saint-Hilaire-Saint-Mesmin and La Chapelle-Saint-Mesmin. */
export const ORLEANS = 'epci = "Orléans Métropole"';
/** 29 communes, among them Saint-Martin-du-Fouilloux and Saint-Clément-de-la-Place. */
export const ANGERS = 'epci = "Communauté urbaine Angers Loire Métropole"';
/** 30 communes of Côte-d'Or, among them Montigny-Mornay-Villeneuve-sur-Vingeanne (40 letters). */
export const MIREBELLOIS = 'epci = "Communauté de communes Mirebellois et Fontenois"';

const WIDGETS = 'odw-kpi, odw-chart, odw-map, odw-table, odw-filter, odw-dashboard, odw-builder';

export interface VisualPage {
  frame: HTMLIFrameElement;
  doc: Document;
  main: HTMLElement;
}

/** Every widget of the page, those inside a dashboard's shadow root included. */
export function widgets(root: ParentNode): Element[] {
  return [...root.querySelectorAll(WIDGETS)].flatMap((widget) => [
    widget,
    ...(widget.shadowRoot ? widgets(widget.shadowRoot) : []),
  ]);
}

/** Whether `widget` has finished loading: no placeholder, nothing busy, something drawn. */
function loaded(widget: Element): boolean {
  const root = widget.shadowRoot;
  if (!root || !root.firstElementChild) return false;
  if (root.querySelector('.skeleton, [aria-busy="true"]')) return false;
  if (widget.localName === 'odw-chart') return Boolean(root.querySelector('svg text, [part~=status]'));
  if (widget.localName === 'odw-map')
    return Boolean(root.querySelector('svg.map-svg path, svg.map-svg circle, [part~=status]'));
  return true;
}

/** Where the text is now, to tell when the layout has stopped moving. */
function layoutSignature(doc: Document): string {
  return textBoxes(doc)
    .map(({text, box}) => `${text}@${Math.round(box.left)},${Math.round(box.top)},${Math.round(box.width)}`)
    .join('|');
}

/** Two rendering updates of the page: its resize observers have run and its widgets have drawn again. */
async function renderingUpdates(page: VisualPage): Promise<void> {
  const view = page.doc.defaultView!;
  for (let i = 0; i < 2; i++) {
    let done = false;
    view.requestAnimationFrame(() => (done = true));
    await waitUntil(() => done, 'an animation frame of the page', {timeout: 5_000});
  }
}

/**
 * Waits until every widget has loaded, the page has rendered twice, and the text has stayed in
 * place for three looks in a row.
 */
export async function settle(page: VisualPage, timeout = 30_000): Promise<void> {
  // A frame out of sight may get no rendering updates (WebKit): its widgets would keep their old size.
  page.frame.scrollIntoView();
  await waitUntil(() => widgets(page.doc).every(loaded), 'the widgets never finished loading', {timeout});
  await renderingUpdates(page);
  let last = '';
  let still = 0;
  await waitUntil(
    () => {
      const now = layoutSignature(page.doc);
      still = now === last ? still + 1 : 0;
      last = now;
      return still >= 2;
    },
    'the layout never settled',
    {timeout: 10_000, interval: 200},
  );
}

/** Opens the page with `markup` in it, `width` px wide, once its widgets have loaded. */
export async function openVisualPage(markup: string, width: Width = 1280): Promise<VisualPage> {
  const frame = await loadFrame('/test/visual/page.html', width, 900);
  frame.style.border = '0';
  const win = frame.contentWindow!;
  await waitUntil(() => win.customElements.get('odw-builder'), 'the elements defined', {timeout: 30_000});
  const doc = frame.contentDocument!;
  const main = doc.getElementById('widgets')!;
  main.innerHTML = markup;
  const page = {frame, doc, main};
  await settle(page);
  return page;
}

export async function resize(page: VisualPage, width: Width): Promise<void> {
  page.frame.width = String(width);
  await settle(page);
}

/** What holds on a phone for a widget and its figure: its frame no taller than the figure. */
export type FigureOf = (widget: Element) => Element | null | undefined;

/**
 * Every problem of the page at each width, prefixed by the width: the box rules for all text,
 * and at phone widths the frame rule for each widget `figureOf` gives a figure for.
 */
export async function problemsAtEveryWidth(
  page: VisualPage,
  figureOf: FigureOf = figure,
  widths: readonly Width[] = WIDTHS,
): Promise<string[]> {
  const problems: string[] = [];
  for (const width of widths) {
    await resize(page, width);
    const found = boxProblems(page.doc);
    if (width <= PHONE_WIDTH) {
      for (const widget of widgets(page.doc)) {
        if (!figureOf(widget) && !FRAMED.has(widget.localName)) continue;
        if (widget.shadowRoot?.querySelector('[part~=status]')) continue;
        found.push(...frameTallerThanFigure(widget, figureOf(widget)));
      }
    }
    problems.push(...found.map((problem) => `${width} px: ${problem}`));
  }
  return problems;
}

/** The widgets that draw a figure in a frame. */
const FRAMED = new Set(['odw-kpi', 'odw-chart', 'odw-map', 'odw-table']);

/** The figure each framed widget draws: the KPI's figure, the chart's plot, the map, the table. */
export function figure(widget: Element): Element | null | undefined {
  const root = widget.shadowRoot;
  switch (widget.localName) {
    case 'odw-kpi':
      return root?.querySelector('[part~=body]');
    case 'odw-chart':
      return root?.querySelector('[part~=chart]');
    case 'odw-map':
      return root?.querySelector('svg.map-svg')?.parentElement;
    case 'odw-table':
      return root?.querySelector('table');
    default:
      return undefined;
  }
}
