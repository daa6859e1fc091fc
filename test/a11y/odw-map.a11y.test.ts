/**
 * odw-map beyond axe (issue 16 item 8), besides what src/elements/odw-map/ already tests (one Tab
 * stop for the areas, arrows and search in keyboard.test.ts, the names in accessibility.test.ts):
 * the actions menu and the « Voir les données » toggle shared with the chart and the table, forced
 * colours, text at 200 %, and the live region after a filter.
 */
import {expect, html, waitUntil} from '@open-wc/testing';
import '../../src/elements/odw-map/define.js';
import '../../src/elements/odw-source/define.js';
import '../../src/elements/odw-filter/define.js';
import {drawn, mount, normalize} from '../helpers.js';
import {
  ACTIONS,
  LOIRET,
  ODS,
  ORLEANS,
  expectActionsMenu,
  focusByKeyboard,
  forcedColors,
  invisibleText,
  liveRegionText,
  readability,
  renderingSettled,
  tabStops,
  withLargeText,
} from './helpers.js';

const orleans = (attributes = html``) =>
  html`<odw-map
    src=${ODS}
    where=${ORLEANS}
    shapes=${LOIRET}
    shapes-key="code"
    key="code_insee"
    value="sum(population)"
    only-matched
    title="Population 2025"
    ${attributes}
  ></odw-map>`;

async function mapOf(width = 800): Promise<HTMLElement> {
  const container = await mount(orleans(), width);
  const map = container.querySelector<HTMLElement>('odw-map')!;
  await drawn(map);
  await waitUntil(() => map.shadowRoot!.querySelectorAll('path.area').length >= 22, 'the 22 communes');
  return map;
}

describe('odw-map beyond axe', function () {
  this.timeout(60_000);

  it('keeps its downloads in one actions menu and « Voir les données » a toggle button, as the chart does', async () => {
    const map = await mapOf();
    const stops = await tabStops(map.parentElement!);
    expect(
      stops.filter((stop) => /CSV|PNG|SVG|Plein écran/.test(stop)),
      stops.join(' | '),
    ).to.deep.equal([]);
    expect(stops).to.include('button: Voir les données');
    await expectActionsMenu(map, ACTIONS);
    const toggle = [...map.shadowRoot!.querySelectorAll('button')].find(
      (button) => normalize(button.textContent) === 'Voir les données',
    )!;
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
  });

  it('tells its classes apart, shows its text and its focus in forced colours', async () => {
    await forcedColors(true);
    try {
      const map = await mapOf();
      const root = map.shadowRoot!;
      const classes = new Map<string, string>();
      for (const area of root.querySelectorAll('path.area')) {
        const name = area.getAttribute('aria-label') ?? '';
        const level = /classe (\d) sur/.exec(name)?.[1];
        if (level) classes.set(level, `${getComputedStyle(area).fill} ${area.getAttribute('fill') ?? ''}`);
      }
      expect(classes.size, 'five classes').to.equal(5);
      expect(new Set(classes.values()).size, [...classes.values()].join(' | ')).to.equal(5);
      expect(invisibleText(map)).to.deep.equal([]);
      const area = root.querySelector<SVGElement>('path.area[tabindex="0"]')!;
      await focusByKeyboard(area);
      // The ring drawn above the marks (map-focus.ts): a halo and a ring, one of them in a system colour.
      const strokes = [...root.querySelectorAll('.focus-ring *')].map(
        (shape) => getComputedStyle(shape).stroke,
      );
      expect(
        strokes.filter((stroke) => !/^(none|transparent|rgba\(.*, 0\))$/.test(stroke)),
        `a focus ring: ${strokes.join(', ')}`,
      ).to.not.deep.equal([]);
    } finally {
      await forcedColors(false);
    }
  });

  it('grows its legend with text at 200 %, nothing cut off, overlapping or split at 390 px', async () => {
    const map = await mapOf(390);
    const legend = map.shadowRoot!.querySelector('[part~=legend]')!;
    const before = parseFloat(getComputedStyle(legend).fontSize);
    await withLargeText(async () => {
      await waitUntil(() => parseFloat(getComputedStyle(legend).fontSize) >= 2 * before - 1, 'text at 200 %');
      await renderingSettled();
      expect(readability(map)).to.deep.equal([]);
    });
  });

  it('says the filter and which map changed in the live region', async () => {
    const container = await mount(
      html`<odw-source id="map-a11y-source" src=${ODS} where=${ORLEANS}></odw-source>
        <odw-filter source="map-a11y-source" field="commune" type="select" label="Commune"></odw-filter>
        <odw-map
          source="map-a11y-source"
          shapes=${LOIRET}
          shapes-key="code"
          key="code_insee"
          value="sum(population)"
          only-matched
          title="Population 2025"
        ></odw-map>`,
      800,
    );
    const filter = container.querySelector('odw-filter')!;
    await drawn(filter);
    await drawn(container.querySelector('odw-map')!);
    const select = filter.shadowRoot!.querySelector('select')!;
    select.value = 'Olivet';
    select.dispatchEvent(new Event('change'));
    await waitUntil(() => liveRegionText().startsWith('Filtre Commune'), 'the change is said', {
      timeout: 15_000,
    });
    expect(liveRegionText()).to.equal('Filtre Commune : Olivet — Population 2025 : mis à jour');
  });
});
