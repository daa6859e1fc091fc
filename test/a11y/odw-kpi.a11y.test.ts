/**
 * odw-kpi beyond axe (issue 16 item 8): what a keyboard reaches and where the focus goes after
 * « Réessayer », what a screen reader reads, forced colours, text at 200 % and what the page's
 * live region says after a filter changes the figure.
 */
import {expect, html, waitUntil} from '@open-wc/testing';
import {sendKeys, setViewport} from '@web/test-runner-commands';
import '../../src/elements/odw-kpi/define.js';
import '../../src/elements/odw-source/define.js';
import '../../src/elements/odw-filter/define.js';
import {drawn, faultSequence, mount, normalize, part} from '../helpers.js';
import {
  ODS,
  ORLEANS,
  deepActive,
  focusIndicator,
  focusByKeyboard,
  focused,
  forcedColors,
  invisibleText,
  liveRegionText,
  readability,
  renderingSettled,
  tabStops,
  tree,
  withLargeText,
} from './helpers.js';

const ODS_PATH = ODS.replace('/portal/', '');

const habitants = () =>
  html`<odw-kpi
    src=${ODS}
    where=${ORLEANS}
    value="sum(population)"
    label="Habitants"
    unit="hab."
    compare-value="280000"
    title="Orléans Métropole"
  ></odw-kpi>`;

async function kpiOf(template = habitants(), width = 390): Promise<HTMLElement> {
  const container = await mount(template, width);
  const kpi = container.querySelector<HTMLElement>('odw-kpi')!;
  await drawn(kpi);
  return kpi;
}

describe('odw-kpi beyond axe', function () {
  this.timeout(60_000);

  it('is two Tab stops, the source’s links, and keeps the focus after « Réessayer »', async () => {
    const kpi = await kpiOf();
    expect(await tabStops(kpi.parentElement!)).to.deep.equal([
      'link: Populations légales 2025 des communes, Insee',
      'link: Licence Ouverte v2.0 (Etalab)',
    ]);
    const failing = await faultSequence(['status=404']);
    const container = await mount(
      html`<odw-kpi
        src=${`/portal/~seq=${failing}/${ODS_PATH}`}
        where=${ORLEANS}
        value="count()"
        label="Communes"
      ></odw-kpi>`,
      390,
    );
    const broken = container.querySelector('odw-kpi')!;
    await waitUntil(() => part(broken, 'retry'), 'the error and its « Réessayer »', {timeout: 20_000});
    expect(await tabStops(container)).to.deep.equal(['button: Réessayer']);
    (part(broken, 'retry') as HTMLElement).focus();
    await sendKeys({press: 'Enter'});
    await waitUntil(
      () => normalize(part(broken, 'value')?.textContent) === '22',
      'the figure after retrying',
      {
        timeout: 20_000,
      },
    );
    expect(broken.shadowRoot!.contains(deepActive()), 'the focus stays in the widget').to.equal(true);
  });

  it('reads its title, label, figure, comparison and source in that order', async () => {
    await kpiOf();
    const reading = (await tree(['heading', 'StaticText', 'link'])).filter((line) => line !== 'StaticText: ');
    const start = reading.indexOf('heading: Orléans Métropole');
    expect(reading.slice(start, start + 7)).to.deep.equal([
      'heading: Orléans Métropole',
      'StaticText: Habitants',
      'StaticText: 293 673',
      'StaticText: hab.',
      'StaticText: En hausse :',
      'StaticText: +4,9 %',
      'StaticText: par rapport à 280 000',
    ]);
    expect(reading.join('\n')).to.contain('link: Populations légales 2025 des communes, Insee');
  });

  it('keeps its text and its focus ring visible in forced colours', async () => {
    const kpi = await kpiOf();
    await forcedColors(true);
    try {
      expect(invisibleText(kpi)).to.deep.equal([]);
      await focusByKeyboard(kpi.shadowRoot!.querySelector('a')!);
      expect(focusIndicator(deepActive()!)).to.not.equal('none');
      // The rise is said in words, not by a colour alone.
      expect(normalize(part(kpi, 'comparison')!.textContent)).to.equal(
        '▲ En hausse : +4,9 % par rapport à 280 000',
      );
    } finally {
      await forcedColors(false);
    }
  });

  it('doubles its figure with text at 200 %, nothing cut off, overlapping or split at 390 px', async () => {
    const kpi = await kpiOf();
    const before = parseFloat(getComputedStyle(part(kpi, 'value')!).fontSize);
    await withLargeText(async () => {
      await waitUntil(
        () => parseFloat(getComputedStyle(part(kpi, 'value')!).fontSize) >= 2 * before - 1,
        'text at 200 %',
      );
      await renderingSettled();
      expect(readability(kpi)).to.deep.equal([]);
    });
  });

  it('keeps its figure whole in its card on a 320-px phone with text at 200 %', async () => {
    await setViewport({width: 320, height: 640});
    try {
      const kpi = await kpiOf(habitants(), 288);
      await withLargeText(async () => {
        await renderingSettled();
        const value = part(kpi, 'value')!;
        expect(value.scrollWidth, 'the figure within its card').to.be.at.most(value.clientWidth);
        expect(parseFloat(getComputedStyle(value).fontSize), 'still larger than the text').to.be.above(32);
        expect(readability(kpi)).to.deep.equal([]);
      });
    } finally {
      await setViewport({width: 800, height: 600});
    }
  });

  it('says the filter and its new figure in the live region after a checkbox is ticked by keyboard', async () => {
    const container = await mount(
      html`<odw-source id="kpi-a11y-source" src=${ODS} where=${ORLEANS}></odw-source>
        <odw-filter source="kpi-a11y-source" field="commune" type="checkboxes" label="Commune"></odw-filter>
        <odw-kpi source="kpi-a11y-source" value="sum(population)" label="Habitants"></odw-kpi>`,
      600,
    );
    const filter = container.querySelector('odw-filter')!;
    const kpi = container.querySelector('odw-kpi')!;
    await drawn(filter);
    await drawn(kpi);
    const olivet = [...filter.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type=checkbox]')].find(
      (box) => box.value === 'Olivet',
    )!;
    olivet.focus();
    await sendKeys({press: 'Space'});
    expect(await focused()).to.equal('checkbox: Olivet');
    await waitUntil(() => liveRegionText().startsWith('Filtre Commune'), 'the change is said', {
      timeout: 15_000,
    });
    expect(liveRegionText()).to.equal('Filtre Commune : Olivet — Habitants : 22 988');
  });
});
