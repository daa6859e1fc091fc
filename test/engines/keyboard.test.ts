/**
 * The keyboard basics, pressed as real keys in Chromium, Firefox and WebKit alike: Tab reaches each
 * widget's controls in order, Enter and Space work them, and focus stays on what was pressed.
 */
import {expect, waitUntil} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import '../../src/index.js';
import {drawn, mount, normalize, shadow} from '../helpers.js';
import {communesTable, fiveCommunesChart, filteredPopulation} from './widgets.js';

/** The focused element, looked for through shadow roots. */
function deepActive(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** Presses Tab until `matches` holds for the focused element (at most `limit` presses). */
async function tabTo(matches: (el: Element) => boolean, limit = 15): Promise<Element> {
  for (let presses = 0; presses < limit; presses++) {
    await sendKeys({press: 'Tab'});
    const active = deepActive();
    if (active && matches(active)) return active;
  }
  throw new Error(`never reached by Tab; last focused: ${deepActive()?.outerHTML.slice(0, 120)}`);
}

/** A button before the widgets, where each walk starts. */
async function startBefore(container: HTMLElement): Promise<void> {
  const start = document.createElement('button');
  start.textContent = 'Début';
  container.prepend(start);
  start.focus();
}

describe('keyboard basics in this engine', function () {
  this.timeout(60_000);

  it('Enter on « Voir les données » opens the chart’s table and keeps the focus', async () => {
    const container = await mount(fiveCommunesChart(), 900);
    const chart = container.querySelector('odw-chart')!;
    await drawn(chart);
    await startBefore(container);
    const toggle = await tabTo((el) => el.classList.contains('toggle-table'));
    await sendKeys({press: 'Enter'});
    await waitUntil(() => toggle.getAttribute('aria-expanded') === 'true', 'the table opened');
    expect(shadow(chart).querySelectorAll('#data-table tbody tr').length).to.equal(5);
    expect(deepActive()).to.equal(toggle);
  });

  it('Enter on « Page suivante » turns the table’s page', async () => {
    const container = await mount(communesTable(), 900);
    const table = container.querySelector('odw-table')!;
    await drawn(table);
    const firstRow = () => normalize(shadow(table).querySelector('tbody tr')?.textContent);
    const before = firstRow();
    await startBefore(container);
    await tabTo(
      (el) =>
        normalize(el.textContent) === 'Page suivante' || el.getAttribute('aria-label') === 'Page suivante',
    );
    await sendKeys({press: 'Enter'});
    await waitUntil(() => firstRow() !== before, 'the next page');
    expect(firstRow()).to.not.equal(before);
  });

  it('Space on a checkbox filters the source', async () => {
    const container = await mount(filteredPopulation('keyboard-source', 'checkboxes'), 900);
    const kpi = container.querySelector('odw-kpi')!;
    await drawn(container.querySelector('odw-filter')!);
    await drawn(kpi);
    const total = normalize(shadow(kpi).querySelector('[part~=value]')?.textContent);
    await startBefore(container);
    const box = await tabTo((el) => el instanceof HTMLInputElement && el.type === 'checkbox');
    // ' ' rather than 'Space': the one name every driver knows (puppeteer's BiDi keyboard lacks 'Space').
    await sendKeys({press: ' '});
    expect((box as HTMLInputElement).checked).to.equal(true);
    await waitUntil(
      () => normalize(shadow(kpi).querySelector('[part~=value]')?.textContent) !== total,
      'the figure follows the filter',
    );
    expect(deepActive()).to.equal(box);
  });
});
