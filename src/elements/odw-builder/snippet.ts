/**
 * From a builder state to what the webmaster pastes: the elements with their attributes (also
 * what the live preview creates, so both are the same widget), the JSON of a dashboard, and the
 * HTML text with every attribute value escaped.
 */
import type {BuilderState, PaletteName, WidgetState} from './state.js';
import {outlineOf} from './suggestions.js';
import {PALETTE_SIZE, paletteColours, parseHex} from './contrast.js';

/** An element to create: its tag and attributes in order (`true`: present without value). */
export interface ElementSpec {
  tag: string;
  attributes: Array<[string, string | true]>;
}

export interface SnippetContext {
  /** The `src` of the script tag (the CDN build). */
  scriptSrc: string;
  /** The address of the embed page (`dist/embed.html`) the iframe shows. */
  embedSrc: string;
  /** Absolute URL of the folder holding the outline files. */
  shapesBase: string;
  /** Absolute URL of the data source (a relative one would break once pasted elsewhere). */
  src: string;
}

/**
 * The files a pasted code loads, found from the URL of the module running the builder, so that
 * the code works on the host that serves the builder: the CDN build (`dist/chunks/…` beside
 * `dist/open-data-widgets.js`), the npm build (`dist/esm/elements/odw-builder/…`), or the
 * sources on the dev server (`src/elements/odw-builder/…`, then `src/autoloader.ts`).
 */
export function publishedFiles(moduleUrl: string): {script: string; embed: string} {
  if (/\/chunks\/[^/]+\.js$/.test(moduleUrl) || /\/esm\/elements\/odw-builder\/[^/]+\.js$/.test(moduleUrl)) {
    const dist = new URL(/\/chunks\//.test(moduleUrl) ? '../' : '../../../', moduleUrl);
    return {script: new URL('open-data-widgets.js', dist).href, embed: new URL('embed.html', dist).href};
  }
  const src = new URL('../../', moduleUrl);
  return {script: new URL('autoloader.ts', src).href, embed: new URL('embed/embed.html', src).href};
}

/** The id of the source that a filter (or a dashboard) shares with its widgets. */
export const SOURCE_ID = 'donnees';
/** The id of a template's source: the rows of the chosen value only, read by every widget. */
export const TEMPLATE_SOURCE_ID = 'selection';

/**
 * Whether the state is made as a dashboard: several widgets, or a template (DESIGN.md « Shared by
 * communes »), whose parameter only a JSON dashboard has.
 */
export function asDashboard(state: BuilderState): boolean {
  return state.dashboard || Boolean(state.param);
}

/** The name of a template's parameter: its label field's name (`commune`), as a placeholder allows. */
export function paramName(state: BuilderState): string {
  const name = (state.paramLabel || state.param || 'valeur').replace(/[^A-Za-z0-9_-]/g, '_');
  return /^[A-Za-z_]/.test(name) ? name : `p${name}`;
}

/** A field name as the expression language reads it: backquoted unless a plain name. */
function fieldReference(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `\`${name.replace(/[`\\]/g, '\\$&')}\``;
}

/** The id the palette and height styles select. */
export const STYLED_ID = 'odw-widget';

/** Colours of the categorical palette (`--odw-palette-1…8`); `default` keeps the theme's. */
export const PALETTE_COLOURS: Record<Exclude<PaletteName, 'default' | 'custom'>, readonly string[]> = {
  dsfr: ['#000091', '#6a6af4', '#009081', '#c3992a', '#e4794a', '#ce614a', '#a558a0', '#417dc4'],
  warm: ['#9a3412', '#c2410c', '#ea580c', '#b45309', '#a16207', '#be123c', '#9d174d', '#7c2d12'],
  cool: ['#1e3a8a', '#1d4ed8', '#0e7490', '#047857', '#4d7c0f', '#6d28d9', '#0369a1', '#115e59'],
};

type Attributes = Array<[string, string | true]>;

function push(attributes: Attributes, name: string, value: string | number | boolean | undefined): void {
  if (value === undefined || value === false || value === '') return;
  if (typeof value === 'number' && !Number.isFinite(value)) return;
  attributes.push([name, value === true ? true : String(value)]);
}

/** The attributes of a widget's own kind (not its source, look or language). */
function kindAttributes(widget: WidgetState, ctx: SnippetContext): Attributes {
  const attributes: Attributes = [];
  switch (widget.kind) {
    case 'kpi':
      push(attributes, 'value', widget.value);
      push(attributes, 'label', widget.label);
      push(attributes, 'unit', widget.unit);
      push(attributes, 'format', widget.format);
      break;
    case 'chart':
      push(attributes, 'type', widget.chartType);
      push(attributes, 'x', widget.x);
      push(attributes, 'y', widget.y);
      push(attributes, 'timeunit', widget.timeunit);
      push(attributes, 'sort', widget.sort);
      push(attributes, 'limit', widget.limit);
      push(attributes, 'height', widget.height);
      break;
    case 'map': {
      push(attributes, 'mode', widget.mode);
      const outline = widget.mode === 'choropleth' ? outlineOf(widget.shapes) : undefined;
      if (outline) {
        push(attributes, 'shapes', new URL(outline.file, ctx.shapesBase).href);
        push(attributes, 'shapes-key', outline.shapesKey);
        push(attributes, 'key', widget.key);
        push(attributes, 'label', widget.label);
        push(attributes, 'value', widget.value);
      }
      break;
    }
    case 'table':
      push(attributes, 'columns', widget.columns);
      push(attributes, 'sort', widget.sort);
      push(attributes, 'page-size', widget.limit);
      break;
    case 'filter':
      push(attributes, 'type', widget.filterType);
      push(attributes, 'field', widget.field);
      push(attributes, 'label', widget.label);
      break;
  }
  return attributes;
}

function textAttributes(widget: WidgetState): Attributes {
  const attributes: Attributes = [];
  push(attributes, 'where', widget.where);
  push(attributes, 'title', widget.title);
  push(attributes, 'description', widget.description);
  return attributes;
}

/**
 * The colours of the state's palette; none for the theme's own. A custom palette keeps only real
 * hexadecimal colours: what is typed goes into a `<style>` element of the pasted code.
 */
function paletteOf(state: BuilderState): readonly string[] {
  if (!state.palette || state.palette === 'default') return [];
  if (state.palette === 'custom') {
    return paletteColours(state.colours)
      .slice(0, PALETTE_SIZE)
      .filter((colour) => parseHex(colour));
  }
  return PALETTE_COLOURS[state.palette];
}

function needsStyle(state: BuilderState): boolean {
  const mapHeight = state.widgets.some((widget) => widget.kind === 'map' && widget.height);
  return Boolean(paletteOf(state).length || mapHeight);
}

/** The elements of a single widget (with a source first for a filter), as pasted and previewed. */
export function widgetElements(state: BuilderState, ctx: SnippetContext): ElementSpec[] {
  const widget = state.widgets[0];
  const elements: ElementSpec[] = [];
  const attributes: Attributes = [];
  if (needsStyle(state)) push(attributes, 'id', STYLED_ID);
  if (widget.kind === 'filter') {
    const source: Attributes = [['id', SOURCE_ID]];
    push(source, 'src', ctx.src);
    push(source, 'api', state.api);
    push(source, 'refresh', state.refresh);
    elements.push({tag: 'odw-source', attributes: source});
    push(attributes, 'source', SOURCE_ID);
  } else {
    push(attributes, 'src', ctx.src);
    push(attributes, 'api', state.api);
  }
  attributes.push(...kindAttributes(widget, ctx), ...textAttributes(widget));
  push(attributes, 'lang', state.lang);
  push(attributes, 'theme', state.theme);
  if (widget.kind !== 'filter') push(attributes, 'refresh', state.refresh);
  elements.push({tag: `odw-${widget.kind}`, attributes});
  return elements;
}

type JsonValue = string | number | boolean;

function toJson(attributes: Attributes): Record<string, JsonValue> {
  const out: Record<string, JsonValue> = {};
  for (const [name, value] of attributes) {
    out[name] = value === true ? true : /^(limit|page-size|height)$/.test(name) ? Number(value) : value;
  }
  return out;
}

/** The JSON configuration of `odw-dashboard` for a dashboard state. */
export function dashboardConfig(state: BuilderState, ctx: SnippetContext): Record<string, unknown> {
  const config: Record<string, unknown> = {};
  const name = paramName(state);
  if (state.param) {
    config.params = [
      {
        name,
        label: state.paramTitle || name,
        ...(state.paramDefault ? {default: state.paramDefault} : {}),
        choices: {source: SOURCE_ID, value: state.param, label: state.paramLabel || state.param},
      },
    ];
  }
  if (state.title) config.title = state.title;
  if (state.description) config.description = state.description;
  if (state.theme) config.theme = state.theme;
  if (state.lang) config.lang = state.lang;
  const source: Record<string, JsonValue> = {id: SOURCE_ID, src: ctx.src};
  if (state.api) source.api = state.api;
  if (state.refresh) source.refresh = state.refresh;
  config.sources = [source];
  // A single widget made a template: its condition (`epci = "Orléans Métropole"`) also bounds the
  // choices, so it goes on the shared source.
  const shared = state.param && !state.dashboard ? state.widgets[0]?.where?.trim() : undefined;
  if (state.param) {
    if (shared) source.where = shared;
    const chosen = `${fieldReference(state.param)} = \${${name}}`;
    config.sources = [
      source,
      {...source, id: TEMPLATE_SOURCE_ID, where: shared ? `(${shared}) and ${chosen}` : chosen},
    ];
    config.source = TEMPLATE_SOURCE_ID;
  }
  config.filters = state.widgets
    .filter((widget) => widget.kind === 'filter')
    .map((widget) => toJson([...kindAttributes(widget, ctx), ...textAttributes(widget)]));
  config.widgets = state.widgets
    .filter((widget) => widget.kind !== 'filter')
    .map((widget) => {
      const entry: Record<string, JsonValue> = {type: widget.kind};
      for (const [name, value] of Object.entries(
        toJson([...kindAttributes(widget, ctx), ...textAttributes(widget)]),
      )) {
        if (name === 'where' && shared) continue;
        entry[widget.kind === 'chart' && name === 'type' ? 'chart-type' : name] = value;
      }
      if (widget.kind === 'map' || widget.kind === 'table') entry.span = 'full';
      return entry;
    });
  return config;
}

/** The dashboard's element: its JSON goes in a `<script type="application/json">` child. */
export function dashboardElement(state: BuilderState): ElementSpec {
  const attributes: Attributes = [];
  if (needsStyle(state)) push(attributes, 'id', STYLED_ID);
  // The one attribute each page of a template changes.
  if (state.param && state.paramDefault) {
    push(attributes, 'params', new URLSearchParams({[paramName(state)]: state.paramDefault}).toString());
  }
  return {tag: 'odw-dashboard', attributes};
}

/** JSON that cannot end the `<script>` element it sits in. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(/</g, '\\u003c');
}

/**
 * An attribute as HTML text: double quotes, or single quotes when the value has double quotes
 * and no single one (`where='epci = "Orléans"'`, as people write it); `&`, `<`, `>` and the quote escaped.
 */
export function formatAttribute(name: string, value: string | true): string {
  if (value === true) return name;
  const quote = value.includes('"') && !value.includes("'") ? "'" : '"';
  const escaped = value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(quote === '"' ? /"/g : /'/g, quote === '"' ? '&quot;' : '&#39;');
  return `${name}=${quote}${escaped}${quote}`;
}

export function formatElement(element: ElementSpec, content = ''): string {
  const attributes = element.attributes.map(([name, value]) => formatAttribute(name, value));
  const open =
    attributes.length > 2
      ? `<${element.tag}\n${attributes.map((attribute) => `  ${attribute}`).join('\n')}\n>`
      : `<${[element.tag, ...attributes].join(' ')}>`;
  return `${open}${content}</${element.tag}>`;
}

/** The CSS custom properties of the palette and map height, set on the widget through its id. */
export function styleProperties(state: BuilderState): Record<string, string> {
  const properties: Record<string, string> = {};
  paletteOf(state).forEach((colour, index) => {
    properties[`--odw-palette-${index + 1}`] = colour;
  });
  const map = state.widgets.find((widget) => widget.kind === 'map' && widget.height);
  if (map?.height) properties['--odw-map-height'] = `${map.height}px`;
  return properties;
}

function styleBlock(state: BuilderState): string {
  const properties = Object.entries(styleProperties(state));
  if (!properties.length) return '';
  const lines = properties.map(([name, value]) => `    ${name}: ${value};`);
  return `<style>\n  #${STYLED_ID} {\n${lines.join('\n')}\n  }\n</style>\n`;
}

/** The whole code to paste: the script tag, styles if any, then the element(s). */
export function snippet(state: BuilderState, ctx: SnippetContext): string {
  const script = `<script type="module" ${formatAttribute('src', ctx.scriptSrc)}></script>\n`;
  const body = asDashboard(state)
    ? formatElement(
        dashboardElement(state),
        `\n  <script type="application/json">\n${scriptJson(dashboardConfig(state, ctx))
          .split('\n')
          .map((line) => `    ${line}`)
          .join('\n')}\n  </script>\n`,
      )
    : widgetElements(state, ctx)
        .map((element) => formatElement(element))
        .join('\n');
  return `${script}${styleBlock(state)}${body}\n`;
}

/**
 * Heights of the iframe without the resize script: enough for the widget at a phone's width, so
 * nothing is cut off (at worst, a scroll bar inside the frame).
 */
const IFRAME_HEIGHTS: Record<string, number> = {kpi: 260, chart: 560, map: 620, table: 760};

/**
 * The `<iframe>` of `dist/embed.html` showing the same widget, for a CMS that forbids scripts;
 * empty for a dashboard (its JSON must first be published at an address: `embed.html?config=…`)
 * and a filter alone.
 */
export function iframeCode(state: BuilderState, ctx: SnippetContext): string {
  const widget = state.widgets[0];
  if (asDashboard(state) || !widget || widget.kind === 'filter') return '';
  const element = widgetElements(state, ctx)[0];
  const query = new URLSearchParams({tag: element.tag});
  for (const [name, value] of element.attributes) {
    if (name !== 'id') query.append(name, value === true ? '' : value);
  }
  const height = widget.kind === 'chart' && widget.height ? widget.height + 200 : IFRAME_HEIGHTS[widget.kind];
  const title = widget.title?.trim() || widget.label?.trim() || widget.description?.trim() || element.tag;
  return `${formatElement({
    tag: 'iframe',
    attributes: [
      ['title', title],
      ['src', `${ctx.embedSrc}?${query}`],
      ['width', '100%'],
      ['height', String(height)],
      ['loading', 'lazy'],
    ],
  })}\n`;
}
