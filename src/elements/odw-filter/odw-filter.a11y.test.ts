import {expect, html, waitUntil} from '@open-wc/testing';
import type {TemplateResult} from 'lit';
import {parseFilter} from '../../data/index.js';
import type {OdwSource} from '../odw-source/odw-source.js';
import '../odw-kpi/define.js';
import '../odw-table/define.js';
import './define.js';
import {mount} from '../../../test/helpers.js';
import {ODS_PATH, ODS, LOIRET, loaded, chips} from './filter-harness.test.js';

const FESTIVALS = '/portal/ods/api/explore/v2.1/catalog/datasets/festivals-du-finistere/records';

describe('odw-filter: accessibility', function () {
  this.timeout(30_000);

  describe('accessibility', () => {
    const variants: Array<[string, TemplateResult]> = [
      ['select', html`<odw-filter source="a11y" field="epci" label="Intercommunalité"></odw-filter>`],
      ['select multiple', html`<odw-filter source="a11y" field="epci" multiple></odw-filter>`],
      ['checkboxes', html`<odw-filter source="a11y" field="epci" type="checkboxes"></odw-filter>`],
      ['search', html`<odw-filter source="a11y" field="commune" type="search"></odw-filter>`],
      ['range', html`<odw-filter source="a11y" field="population" type="range"></odw-filter>`],
      [
        'dark checkboxes',
        html`<odw-filter theme="dark" source="a11y" field="epci" type="checkboxes"></odw-filter>`,
      ],
      ['dsfr select', html`<odw-filter theme="dsfr" source="a11y" field="epci"></odw-filter>`],
    ];
    for (const [name, control] of variants) {
      it(`is accessible as ${name}, with an active filter`, async () => {
        const container = await mount(
          html`<div>
            <odw-source id="a11y" src=${ODS} where=${LOIRET}></odw-source>
            ${control}
          </div>`,
        );
        const filter = container.querySelector('odw-filter')!;
        await loaded(filter);
        const source = container.querySelector<OdwSource>('odw-source')!;
        const field = filter.getAttribute('field')!;
        source.setFilter(
          filter.filterKey,
          parseFilter(field === 'population' ? 'population >= 1000' : `${field} = "Orléans Métropole"`),
        );
        await waitUntil(() => chips(filter).length === 1 || field === 'commune', 'summary', {
          timeout: 15_000,
        });
        await expect(filter).to.be.accessible();
      });
    }

    it('is accessible as a date range and while loading', async () => {
      const container = await mount(
        html`<div>
          <odw-source id="a11y-dates" src=${FESTIVALS}></odw-source>
          <odw-filter source="a11y-dates" field="date_debut_ancien" type="date-range"></odw-filter>
          <odw-source id="a11y-slow" src=${`/portal/~latency=3000/${ODS_PATH}`}></odw-source>
          <odw-filter source="a11y-slow" field="epci"></odw-filter>
        </div>`,
      );
      const [dates, slow] = container.querySelectorAll('odw-filter');
      await expect(slow).to.be.accessible();
      await loaded(dates);
      await expect(dates).to.be.accessible();
    });
  });
});
