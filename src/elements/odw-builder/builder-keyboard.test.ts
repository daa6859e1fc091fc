import {expect, waitUntil} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import {
  $,
  builder,
  choose,
  datasetShown,
  deepActive,
  next,
  select,
  tabWalk,
  typeAddress,
  ODS_PAGE,
} from './builder-harness.test.js';

/**
 * Each step by keyboard alone: the Tab order from the step's heading, Enter on « Étape suivante »,
 * axe in each state; and focus kept in the builder when the focused control goes away.
 */
describe('odw-builder by keyboard', function () {
  this.timeout(60_000);

  it('walks step 1 before and after loading, then Enter moves to step 2’s heading', async () => {
    const el = await builder();
    expect(await tabWalk(el, '#step1-heading', '#load')).to.deep.equal(['#url', '#search', '#load']);
    await expect(el).to.be.accessible();
    await typeAddress(el, ODS_PAGE);
    await datasetShown(el);
    const stops = await tabWalk(el, '#step1-heading', '#next');
    expect(stops.slice(0, 3)).to.deep.equal(['#url', '#search', '#load']);
    expect(stops.slice(3), 'the metadata links, the fields table, the proposals').to.include.members([
      'div',
      '#propose-chart',
      '#propose-kpi',
    ]);
    expect(stops.indexOf('#propose-kpi')).to.equal(stops.length - 2);
    await expect(el).to.be.accessible();
    await sendKeys({press: 'Enter'});
    await el.updateComplete;
    expect(deepActive()?.id).to.equal('step2-heading');
  });

  it('walks step 2, one stop per group of choices, and arrows change the kind', async () => {
    const el = await builder(ODS_PAGE);
    await datasetShown(el);
    await next(el);
    const stops = await tabWalk(el, '#step2-heading', '#next');
    expect(stops).to.deep.equal([
      '#kind-chart',
      '#chart-type-bar',
      '#chart-x',
      '#y-fn',
      '#y-field',
      '#previous',
      '#next',
    ]);
    await expect(el).to.be.accessible();
    $(el, '#kind-chart')!.focus();
    await sendKeys({press: 'ArrowDown'});
    await el.updateComplete;
    expect(deepActive()?.id).to.equal('kind-map');
    expect(($(el, '#kind-map') as HTMLInputElement).checked).to.equal(true);
    expect(await tabWalk(el, '#kind-map', '#map-shapes')).to.deep.equal([
      '#map-mode-choropleth',
      '#map-shapes',
    ]);
    await sendKeys({down: 'Shift'});
    await sendKeys({press: 'Tab'});
    await sendKeys({press: 'Tab'});
    await sendKeys({up: 'Shift'});
    expect(deepActive()?.id).to.equal('kind-map');
  });

  it('walks step 3 to its last field, then back to step 2 with Enter', async () => {
    const el = await builder(ODS_PAGE);
    await datasetShown(el);
    await next(el);
    await next(el);
    const stops = await tabWalk(el, '#step3-heading', '#previous');
    expect(stops).to.deep.equal([
      '#widget-title',
      '#widget-description',
      '#propose',
      '#where',
      '#condition-field',
      '#condition-op',
      '#condition-value',
      '#add-condition',
      '#sort',
      '#limit',
      '#height',
      '#template-param',
      '#palette',
      '#theme',
      '#widget-lang',
      '#refresh',
      '#previous',
    ]);
    await expect(el).to.be.accessible();
    await sendKeys({press: 'Enter'});
    await el.updateComplete;
    expect(deepActive()?.id).to.equal('step2-heading');
  });

  it('reaches the preview and the code after the editor', async () => {
    const el = await builder(ODS_PAGE);
    await datasetShown(el);
    await next(el);
    const stops = await tabWalk(el, '#next', '#copy-iframe');
    expect(stops[0]).to.equal('#preview-width-desktop');
    expect(stops.slice(-4)).to.deep.equal(['#copy', '#link', '#iframe-code', '#copy-iframe']);
  });

  describe('focus kept in the builder', () => {
    it('on the widget edited when its Edit button gives way, and on a neighbour when one is removed', async () => {
      const el = await builder(ODS_PAGE);
      await datasetShown(el);
      await next(el);
      await choose(el, '#kind-dashboard');
      $(el, '#edit-4')!.focus();
      $(el, '#edit-4')!.click();
      await el.updateComplete;
      expect(deepActive()?.id, 'the kind of the widget now edited').to.equal('edited-kind-table');
      $(el, '#remove-4')!.focus();
      $(el, '#remove-4')!.click();
      await el.updateComplete;
      expect(deepActive()?.id).to.equal('remove-3');
      // Removed from the middle, the next widget's button takes the place of the one pressed.
      $(el, '#remove-1')!.focus();
      $(el, '#remove-1')!.click();
      await el.updateComplete;
      expect(deepActive()?.id).to.equal('remove-1');
      await expect(el).to.be.accessible();
    });

    it('on the value box when it turns into the list of the field’s values', async () => {
      const el = await builder(ODS_PAGE);
      await datasetShown(el);
      $(el, '#propose-kpi')!.click();
      await el.updateComplete;
      await next(el);
      await select(el, '#condition-field', 'epci');
      const box = $(el, '#condition-value')!;
      expect(box.localName, 'typed until the values arrive').to.equal('input');
      box.focus();
      await waitUntil(() => $(el, '#condition-value')?.localName === 'select', 'the values of epci', {
        timeout: 15_000,
      });
      await el.updateComplete;
      expect(deepActive()).to.equal($(el, '#condition-value'));
    });

    it('on the dataset when the catalogue button pressed gives way to it', async () => {
      const el = await builder();
      await typeAddress(el, '/portal/ods/', 'vélo');
      await waitUntil(() => $(el, '.datasets button'), 'catalogue listed', {timeout: 20_000});
      const choice = $(el, '.datasets button')!;
      choice.focus();
      choice.click();
      await datasetShown(el);
      await el.updateComplete;
      expect(deepActive()?.id).to.equal('dataset-heading');
    });
  });
});
