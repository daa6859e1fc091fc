import {expect, html, waitUntil} from '@open-wc/testing';
import FakeTimers from '@sinonjs/fake-timers';
import {ANNOUNCE_DELAY, announce} from './announcer.js';
import '../elements/odw-kpi/define.js';
import '../elements/odw-source/define.js';
import '../elements/odw-filter/define.js';
import type {OdwSource} from '../elements/odw-source/odw-source.js';
import type {OdwKpi} from '../elements/odw-kpi/odw-kpi.js';
import {mount, normalize, part, uniqueTag} from '../../test/helpers.js';

const ODS = '/portal/ods/api/explore/v2.1/catalog/datasets/populations-legales-2025/records';

/** The page's live regions: the one region lives in a widget's shadow root. */
function liveRegions(): Element[] {
  return [...document.querySelectorAll('odw-kpi, odw-filter')].flatMap((widget) => [
    ...(widget.shadowRoot?.querySelectorAll('[aria-live]') ?? []),
  ]);
}

describe('the page’s live region', function () {
  this.timeout(30_000);

  it('is one region for the page, in the first widget, moved when that widget leaves', async () => {
    const container = await mount(html`<odw-kpi src=${ODS}></odw-kpi><odw-kpi src=${ODS}></odw-kpi>`);
    const [first, second] = container.querySelectorAll('odw-kpi');
    expect(liveRegions()).to.have.length(1);
    expect(first.shadowRoot!.querySelector('[aria-live="polite"]')).to.not.equal(null);
    first.remove();
    await (second as OdwKpi).updateComplete;
    expect(second.shadowRoot!.querySelector('[aria-live="polite"]')).to.not.equal(null);
  });

  it('gathers the reports of one change into one message, after a quiet time', async () => {
    const container = await mount(html`<odw-kpi src=${ODS}></odw-kpi>`);
    const kpi = container.querySelector('odw-kpi') as OdwKpi;
    const clock = FakeTimers.install({toFake: ['setTimeout', 'clearTimeout']});
    try {
      announce('Filtre Commune : Olivet');
      await clock.tickAsync(ANNOUNCE_DELAY / 2);
      announce('Habitants : 22 150');
      announce('Habitants : 22 150');
      await clock.tickAsync(ANNOUNCE_DELAY - 1);
      await kpi.updateComplete;
      const region = () => normalize(kpi.shadowRoot!.querySelector('[aria-live]')!.textContent);
      expect(region(), 'nothing said while reports still come').to.not.contain('Habitants');
      await clock.tickAsync(1);
      await kpi.updateComplete;
      expect(region()).to.equal('Filtre Commune : Olivet — Habitants : 22 150');
    } finally {
      clock.uninstall();
    }
  });

  it('says a key figure’s new value after a filter of its source', async () => {
    const id = uniqueTag('pop');
    const container = await mount(
      html`<odw-source id=${id} src=${ODS} where='epci = "Orléans Métropole"'></odw-source>
        <odw-kpi source=${id} value="sum(population)" label="Habitants" unit="hab."></odw-kpi>`,
    );
    const kpi = container.querySelector('odw-kpi') as OdwKpi;
    await waitUntil(() => normalize(part(kpi, 'value')?.textContent) !== '', 'the first figure', {
      timeout: 10_000,
    });
    const region = () => normalize(kpi.shadowRoot!.querySelector('[aria-live]')!.textContent);
    expect(region(), 'the first load is not news').not.to.match(/^Habitants/);
    const source = container.querySelector('odw-source') as OdwSource;
    source.setFilter('commune', {
      type: 'compare',
      field: 'commune',
      op: '=',
      value: {type: 'string', value: 'Olivet'},
    });
    await waitUntil(() => region().startsWith('Habitants'), 'the change is said', {timeout: 10_000});
    expect(region()).to.match(/^Habitants : [\d ]+ hab\.$/);
  });

  it('says the filter chosen with the key figures it changed, in one message', async () => {
    const id = uniqueTag('pop');
    const container = await mount(
      html`<odw-source id=${id} src=${ODS} where='epci = "Orléans Métropole"'></odw-source>
        <odw-filter source=${id} field="commune" label="Commune"></odw-filter>
        <odw-kpi source=${id} value="sum(population)" label="Habitants"></odw-kpi>`,
    );
    const kpi = container.querySelector('odw-kpi') as OdwKpi;
    const filter = container.querySelector('odw-filter')!;
    await waitUntil(() => filter.shadowRoot?.querySelector('select option[value="Olivet"]'), 'the choices', {
      timeout: 10_000,
    });
    await waitUntil(() => normalize(part(kpi, 'value')?.textContent) !== '', 'the first figure', {
      timeout: 10_000,
    });
    const select = filter.shadowRoot!.querySelector('select')!;
    select.value = 'Olivet';
    select.dispatchEvent(new Event('change'));
    const region = () =>
      normalize(
        liveRegions()
          .map((element) => element.textContent)
          .join(' '),
      );
    await waitUntil(() => region().startsWith('Filtre Commune'), 'the change is said', {timeout: 15_000});
    expect(region()).to.match(/^Filtre Commune : Olivet — Habitants : [\d ]+$/);
  });
});
