import {expect, fixture, html, oneEvent, waitUntil} from '@open-wc/testing';
import FakeTimers from '@sinonjs/fake-timers';
import {parseFilter} from '../../data/index.js';
import '../odw-kpi/define.js';
import './define.js';
import type {OdwSource} from './odw-source.js';
import {mount, requestLog, uniqueTag} from '../../../test/helpers.js';

const ODS = '/portal/ods/api/explore/v2.1/catalog/datasets/populations-legales-2025/records';

describe('odw-source', function () {
  // Real requests to the emulator, on a machine shared with other runs.
  this.timeout(30_000);

  it('is invisible', async () => {
    const source = await fixture<OdwSource>(html`<odw-source src=${ODS}></odw-source>`);
    expect(getComputedStyle(source).display).to.equal('none');
  });

  it('keeps one filter per key and fires odw-filter-change with the filters in force', async () => {
    const source = await fixture<OdwSource>(html`<odw-source src=${ODS}></odw-source>`);
    const loiret = parseFilter('code_departement = "45"');
    const big = parseFilter('population > 10000');

    setTimeout(() => source.setFilter('departement', loiret));
    const first = await oneEvent(source, 'odw-filter-change');
    expect(first.detail.filters).to.deep.equal([loiret]);
    expect(first.bubbles && first.composed).to.equal(true);

    source.setFilter('taille', big);
    expect(source.filters).to.deep.equal([loiret, big]);
    expect(source.getFilter('taille')).to.deep.equal(big);

    source.setFilter('departement', undefined);
    expect(source.filters).to.deep.equal([big]);
  });

  it('ignores a filter equal to the one already set (no event, same revision)', async () => {
    const source = await fixture<OdwSource>(html`<odw-source src=${ODS}></odw-source>`);
    source.setFilter('departement', parseFilter('code_departement = "45"'));
    const revision = source.revision;
    let events = 0;
    source.addEventListener('odw-filter-change', () => events++);
    source.setFilter('departement', parseFilter('code_departement = "45"'));
    source.clearFilters();
    source.clearFilters();
    expect(events).to.equal(1);
    expect(source.revision).to.equal(revision + 1);
  });

  it('gives the filters in force but one, for the counts of a control (disjunctive facets)', async () => {
    const source = await fixture<OdwSource>(
      html`<odw-source src=${ODS} where=${'population > 1000'}></odw-source>`,
    );
    source.setFilter('epci', parseFilter('epci = "Orléans Métropole"'));
    source.setFilter('taille', parseFilter('population < 5000'));
    expect(source.filterExcept('epci')).to.deep.equal(parseFilter('population > 1000 and population < 5000'));
    expect(source.filterEntries.map(([key]) => key)).to.deep.equal(['epci', 'taille']);
  });

  it('with url-sync, reads its filters from the URL when connected and writes them back', async () => {
    const initial = location.href;
    try {
      const url = new URL(location.href);
      url.searchParams.set('synced.departement', 'code_departement = "45"');
      history.replaceState(history.state, '', url);
      const source = await fixture<OdwSource>(
        html`<odw-source id="synced" src=${ODS} url-sync></odw-source>`,
      );
      expect(source.filter).to.deep.equal(parseFilter('code_departement = "45"'));
      source.setFilter('taille', parseFilter('population > 10000'));
      const params = new URLSearchParams(location.search);
      expect(params.get('synced.departement')).to.equal('code_departement = "45"');
      expect(params.get('synced.taille')).to.equal('population > 10000');
      expect(location.search, 'spaces written as %20').to.include('population%20%3E%2010000');
      source.clearFilters();
      expect(new URLSearchParams(location.search).has('synced.departement')).to.equal(false);
    } finally {
      history.replaceState(history.state, '', initial);
    }
  });

  it('combines its base where with the filters in force', async () => {
    const source = await fixture<OdwSource>(
      html`<odw-source src=${ODS} where=${'population > 1000'}></odw-source>`,
    );
    expect(source.filter).to.deep.equal(parseFilter('population > 1000'));
    source.setFilter('departement', parseFilter('code_departement = "45"'));
    expect(source.filter).to.deep.equal(parseFilter('population > 1000 and code_departement = "45"'));
    source.clearFilters();
    source.where = '';
    expect(source.filter).to.equal(undefined);
  });

  it('makes its widgets re-query when its where changes', async () => {
    const container = await mount(
      html`<div>
        <odw-source id="where-src" src=${ODS}></odw-source>
        <odw-kpi source="where-src" value="count()" where='epci = "Orléans Métropole"'></odw-kpi>
      </div>`,
    );
    const source = container.querySelector('odw-source')!;
    const kpi = container.querySelector('odw-kpi')!;
    const value = () => kpi.shadowRoot!.querySelector('[part=value]')?.textContent?.trim();
    await waitUntil(() => value() === '22', 'Orléans Métropole has 22 communes', {timeout: 15_000});
    source.where = 'population > 10000';
    await waitUntil(() => value() !== '22' && value() !== undefined, 'the count follows the base filter', {
      timeout: 15_000,
    });
    expect(Number(value())).to.be.within(1, 21);
  });

  it('reloads every bound widget on its refresh timer, and stops when removed', async () => {
    const clock = FakeTimers.install({toFake: ['setInterval', 'clearInterval']});
    try {
      const tag = uniqueTag();
      const url = `/portal/~tag=${tag}/ods/api/explore/v2.1/catalog/datasets/populations-legales-2025/records`;
      const container = await mount(
        html`<div>
          <odw-source id="refreshing" src=${url} refresh="1"></odw-source>
          <odw-kpi source="refreshing" value="count()"></odw-kpi>
        </div>`,
      );
      await waitUntil(async () => (await requestLog(tag)).length > 0, 'first load', {timeout: 15_000});
      const afterLoad = (await requestLog(tag)).length;
      await clock.tickAsync(1000);
      await waitUntil(async () => (await requestLog(tag)).length > afterLoad, 'a refresh', {timeout: 10_000});
      container.remove();
      expect(clock.countTimers(), 'no refresh timer left').to.equal(0);
      const sent = (await requestLog(tag)).length;
      await clock.tickAsync(5000);
      expect((await requestLog(tag)).length, 'no request after the removal').to.equal(sent);
    } finally {
      clock.uninstall();
    }
  });
});
