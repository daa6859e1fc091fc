/**
 * The row of actions a chart, a map and a table share (part `actions`): the « Voir les données »
 * toggle where the widget has a data table, and the menu button (actions-menu.ts) with the
 * downloads, full screen and the dataset page; and the region the toggle reveals. The same words
 * (actions-menu.messages.ts) and look (actions-menu.styles.ts) on every widget.
 */
import {html, nothing, type TemplateResult} from 'lit';
import type {ActionsMenuController, MenuItem} from './actions-menu.js';
import {actionsText} from './actions-menu.messages.js';
import type {Lang} from './lang.js';

export type {MenuItem} from './actions-menu.js';

/** « Voir les données »: whether its region is open, its id, and what the button does. */
export interface DataToggle {
  open: boolean;
  /** The id of the region it shows and hides. */
  controls: string;
  toggle: () => void;
}

export interface ActionsRow {
  lang: Lang;
  /** What the widget is called (its title) in the button's name, « Actions : <name> ». */
  name?: string;
  /** The button's name without one (« Actions du graphique »). */
  unnamed: string;
  items: readonly MenuItem[];
  dataToggle?: DataToggle;
}

/** The actions row: the data toggle, then the menu button and its menu. */
export function renderActions(menu: ActionsMenuController, row: ActionsRow): TemplateResult {
  const {lang, dataToggle} = row;
  return html`<div class="frame-actions" part="actions">
    ${dataToggle ? renderDataToggle(lang, dataToggle) : nothing}
    <div class="menu-anchor" @focusout=${menu.onFocusOut}>
      <button
        type="button"
        id=${menu.buttonId}
        class="menu-button"
        aria-haspopup="menu"
        aria-expanded=${menu.open ? 'true' : 'false'}
        aria-controls=${menu.menuId}
        title=${actionsText(lang, 'actions.button')}
        aria-label=${row.name?.trim() ? actionsText(lang, 'actions.menu', {name: row.name.trim()}) : row.unnamed}
        @click=${menu.onButtonClick}
        @keydown=${menu.onButtonKeydown}
      >
        ${moreIcon}
      </button>
      <div
        id=${menu.menuId}
        class="menu"
        role="menu"
        aria-labelledby=${menu.buttonId}
        ?hidden=${!menu.open}
        @keydown=${menu.onMenuKeydown}
      >
        ${row.items.map((item) => renderItem(menu, item))}
      </div>
    </div>
  </div>`;
}

function renderItem(menu: ActionsMenuController, item: MenuItem): TemplateResult {
  const activate = () => menu.activate(item);
  return item.href
    ? html`<a role="menuitem" tabindex="-1" class="action-${item.id}" href=${item.href} @click=${activate}
        >${item.label}</a
      >`
    : html`<button role="menuitem" tabindex="-1" type="button" class="action-${item.id}" @click=${activate}>
        ${item.label}
      </button>`;
}

/** « Voir les données », a disclosure button: the same words on every widget, its state in `aria-expanded`. */
function renderDataToggle(lang: Lang, toggle: DataToggle): TemplateResult {
  return html`<button
    type="button"
    class="toggle-table"
    aria-expanded=${toggle.open ? 'true' : 'false'}
    aria-controls=${toggle.controls}
    @click=${toggle.toggle}
  >
    ${chevronIcon}<span>${actionsText(lang, 'actions.show-data')}</span>
  </button>`;
}

/**
 * The region « Voir les données » reveals, named « Données : <name> » (or `unnamed`) and focusable
 * (it scrolls); `content` is drawn only while it is open.
 */
export function renderDataRegion(
  lang: Lang,
  region: {id: string; open: boolean; name?: string; unnamed: string; content: () => unknown},
): TemplateResult {
  const name = region.name?.trim();
  return html`<div
    class="data-table"
    id=${region.id}
    role="region"
    tabindex="0"
    aria-label=${name ? actionsText(lang, 'actions.data', {name}) : region.unnamed}
    ?hidden=${!region.open}
  >
    ${region.open ? region.content() : nothing}
  </div>`;
}

/** The menu's items a drawn widget offers: its data, its image, full screen and its dataset page. */
export function standardItems(
  lang: Lang,
  actions: {
    csv?: () => unknown;
    png?: () => unknown;
    svg?: () => unknown;
    /** Full screen, where the page allows it: whether the widget is full screen now, and the switch. */
    fullscreen?: {active: boolean; toggle: () => unknown};
    datasetPage?: string;
  },
): MenuItem[] {
  const items: MenuItem[] = [];
  if (actions.csv)
    items.push({id: 'csv', label: actionsText(lang, 'actions.download-csv'), run: actions.csv});
  if (actions.png)
    items.push({id: 'png', label: actionsText(lang, 'actions.download-png'), run: actions.png});
  if (actions.svg)
    items.push({id: 'svg', label: actionsText(lang, 'actions.download-svg'), run: actions.svg});
  const {fullscreen} = actions;
  if (fullscreen && document.fullscreenEnabled) {
    items.push({
      id: 'fullscreen',
      label: actionsText(lang, fullscreen.active ? 'actions.exit-fullscreen' : 'actions.fullscreen'),
      run: fullscreen.toggle,
    });
  }
  if (actions.datasetPage) {
    items.push({id: 'dataset', label: actionsText(lang, 'actions.dataset-page'), href: actions.datasetPage});
  }
  return items;
}

const moreIcon = html`<svg class="icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
  <circle cx="3" cy="8" r="1.5" />
  <circle cx="8" cy="8" r="1.5" />
  <circle cx="13" cy="8" r="1.5" />
</svg>`;

const chevronIcon = html`<svg
  class="icon chevron"
  viewBox="0 0 16 16"
  width="16"
  height="16"
  aria-hidden="true"
>
  <path d="M4 6l4 4 4-4" fill="none" stroke="currentColor" stroke-width="1.75" />
</svg>`;
