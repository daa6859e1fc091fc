/**
 * The popup of an activated area or point: a non-modal dialog with the popup fields, or the
 * page's `<template>` filled with the values as text.
 */
import {html, nothing, type ReactiveController, type ReactiveElement, type TemplateResult} from 'lit';
import {styleProperties} from '../../core/style-properties.js';
import {formatNumber} from '../../core/format.js';
import type {Lang} from '../../core/i18n.js';
import type {Filter, Row} from '../../data/types.js';
import type {ChoroplethData, MapArea, MapData, MapTarget, PointsData} from './map-types.js';
import {classText, displayValue, fieldLabel, splitFields, valueText} from './map-text.js';
import {mapText} from './odw-map.messages.js';

/** What is open: the target, where on the map (pixels), and the mark that gets the focus back. */
export interface OpenPopup {
  target: MapTarget;
  at: [number, number];
  markId: string;
}

export interface PopupOptions {
  lang: Lang;
  data?: MapData;
  /** The `popup` attribute: the fields to show. */
  fields?: string;
  value?: string;
  template?: HTMLTemplateElement;
  controller: MapPopupController;
}

/**
 * The open popup: it takes the focus when it opens; Escape, « Fermer » or moving the map closes
 * it, and the focus goes back to the mark it belongs to.
 */
export class MapPopupController implements ReactiveController {
  private opened?: OpenPopup;
  private focusPending = false;

  /** `focusMark`: focuses the mark of that id on the map. */
  constructor(
    private readonly host: ReactiveElement,
    private readonly focusMark: (markId: string) => void,
  ) {
    host.addController(this);
  }

  get current(): OpenPopup | undefined {
    return this.opened;
  }

  show(popup: OpenPopup): void {
    this.opened = popup;
    this.focusPending = true;
    this.host.requestUpdate();
  }

  /** Closes the popup; the focus, when it was in it (or `returnFocus`), goes back to its mark. */
  close(returnFocus = true): void {
    const popup = this.opened;
    if (!popup) return;
    const root = this.host.renderRoot as ShadowRoot;
    const inside = root.querySelector('.popup')?.contains(root.activeElement);
    this.opened = undefined;
    this.host.requestUpdate();
    if (returnFocus || inside) this.focusMark(popup.markId);
  }

  hostUpdated(): void {
    if (!this.focusPending) return;
    this.focusPending = false;
    this.host.renderRoot.querySelector<HTMLElement>('.popup')?.focus();
  }

  /** Escape closes the popup, wherever the focus is in the map. */
  readonly onKeyDown = (event: KeyboardEvent): void => {
    if (event.key === 'Escape' && this.opened) {
      this.close();
      event.stopPropagation();
    }
  };

  render(options: PopupOptions): unknown {
    return this.opened ? popupTemplate(this.opened, options) : nothing;
  }
}

function popupTemplate({target, at}: OpenPopup, options: PopupOptions): TemplateResult {
  const {lang} = options;
  const title = target.kind === 'area' ? target.area.name : target.point.label;
  const row =
    target.kind === 'area'
      ? {...(target.area.feature.properties ?? {}), ...(target.area.row ?? {})}
      : target.point.row;
  let content: unknown;
  if (options.template) {
    content = fillTemplate(options.template, row, lang);
  } else {
    const fields = splitFields(options.fields);
    const known = options.data && 'fields' in options.data ? options.data.fields : [];
    const entries: Array<[string, string]> = fields.length
      ? fields.map((name) => [fieldLabel(known, name), displayValue(row[name], lang)])
      : [];
    // The class of an area is always given in words, not only by its colour.
    if (!fields.length || target.kind === 'area') entries.push(...defaultEntries(target, options));
    content = html`${title ? html`<p class="popup-title">${title}</p>` : nothing}
      <dl>
        ${entries.map(
          ([name, value]) =>
            html`<dt>${name}</dt>
              <dd>${value}</dd>`,
        )}
      </dl>`;
  }
  return html`<div
    class="popup"
    part="popup"
    role="dialog"
    tabindex="-1"
    aria-label=${title || mapText(lang, 'map.label')}
    ${styleProperties({left: `${at[0]}px`, top: `${at[1]}px`})}
  >
    <button
      type="button"
      class="close"
      aria-label=${mapText(lang, 'map.close')}
      @click=${() => options.controller.close()}
    >
      ×
    </button>
    ${content}
  </div>`;
}

function defaultEntries(target: MapTarget, {data, lang, value}: PopupOptions): Array<[string, string]> {
  if (target.kind === 'area') {
    const {area} = target;
    const choropleth = data as ChoroplethData;
    const name = valueText(value, choropleth, lang);
    if (area.value === null) return [[name, mapText(lang, 'map.no-data')]];
    return [
      [name, formatNumber(area.value, lang)],
      [mapText(lang, 'map.class'), classText(area.classIndex, choropleth, lang)],
    ];
  }
  const points = data as PointsData;
  const entries: Array<[string, string]> = [];
  for (const field of [points.colorField, points.sizeField]) {
    if (field) entries.push([fieldLabel(points.fields, field), displayValue(target.point.row[field], lang)]);
  }
  return entries;
}

/** The datum of an area: its data row, or the outline's properties when no row matched. */
/**
 * The filter `filter-on-click` sets for an activated area or point: its `field` equal to its value
 * (an area without a row: its key); none for an empty or composite value.
 */
export function markFilter(target: MapTarget, field: string): Filter | undefined {
  const raw =
    target.kind === 'area' ? (target.area.row?.[field] ?? target.area.key) : target.point.row[field];
  if (raw === null || raw === undefined || typeof raw === 'object') return undefined;
  const value =
    typeof raw === 'number'
      ? {type: 'number' as const, value: raw}
      : {type: 'string' as const, value: String(raw)};
  return {type: 'compare', field, op: '=', value};
}

export function areaDatum(area: MapArea, keyField: string | undefined): Row {
  if (area.row) return area.row;
  return {...(area.feature.properties ?? {}), ...(keyField ? {[keyField]: area.key} : {})};
}

/**
 * A copy of the page's `<template>` with each `{{field}}` replaced by the value as text. Values
 * go into text nodes and plain attributes only: never into markup, event handlers, URLs or styles.
 */
export function fillTemplate(template: HTMLTemplateElement, row: Row, lang: Lang): DocumentFragment {
  const fragment = template.content.cloneNode(true) as DocumentFragment;
  const fill = (text: string) =>
    text.replace(/\{\{\s*([^}]+?)\s*\}\}/g, (_, name: string) => displayValue(row[name], lang));
  for (const element of fragment.querySelectorAll('script, style, iframe, object, embed')) element.remove();
  const walker = document.createTreeWalker(fragment, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeType === Node.TEXT_NODE) {
      node.nodeValue = fill(node.nodeValue ?? '');
      continue;
    }
    const element = node as Element;
    for (const attribute of [...element.attributes]) {
      const name = attribute.name.toLowerCase();
      const unsafe =
        name.startsWith('on') ||
        name === 'style' ||
        name === 'href' ||
        name === 'src' ||
        name === 'srcset' ||
        name === 'xlink:href';
      if (name.startsWith('on')) element.removeAttribute(attribute.name);
      else if (attribute.value.includes('{{')) {
        if (unsafe) element.removeAttribute(attribute.name);
        else element.setAttribute(attribute.name, fill(attribute.value));
      }
    }
  }
  return fragment;
}
