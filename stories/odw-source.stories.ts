import type {Meta, StoryObj} from '@storybook/web-components-vite';
import {html} from 'lit';
import {parseFilter} from '../src/data/index.js';
import '../src/elements/odw-kpi/define.js';
import '../src/elements/odw-source/define.js';

const ODS = '/portal/ods/api/explore/v2.1/catalog/datasets/populations-legales-2025/records';

const DEPARTEMENTS: Array<[string, string]> = [
  ['45', 'Loiret'],
  ['21', 'Côte-d’Or'],
  ['49', 'Maine-et-Loire'],
];

function sourceOf(event: Event) {
  return (event.currentTarget as HTMLElement).closest('.story')!.querySelector('odw-source')!;
}

const meta = {
  title: 'Data/odw-source',
  component: 'odw-source',
  tags: ['autodocs'],
} satisfies Meta;

export default meta;
type Story = StoryObj;

/**
 * One invisible source, several widgets. The buttons call `source.setFilter('departement', …)` and
 * `source.clearFilters()` as an `odw-filter` would: every bound KPI re-queries.
 */
export const CrossFilter: Story = {
  render: () =>
    html`<div class="story">
      <odw-source id="story-source" src=${ODS}></odw-source>
      <p>
        ${DEPARTEMENTS.map(
          ([code, name]) =>
            html`<button
              type="button"
              @click=${(event: Event) =>
                sourceOf(event).setFilter('departement', parseFilter(`code_departement = "${code}"`))}
            >
              ${name}
            </button> `,
        )}
        <button type="button" @click=${(event: Event) => sourceOf(event).clearFilters()}>
          Toute la France
        </button>
      </p>
      <odw-kpi source="story-source" value="sum(population)" label="Habitants"></odw-kpi>
      <odw-kpi source="story-source" value="count()" label="Communes"></odw-kpi>
    </div>`,
};

/** A base filter on the source (`where`) applies to every widget bound to it. */
export const BaseFilter: Story = {
  render: () =>
    html`<odw-source id="story-base" src=${ODS} where=${'population >= 10000'}></odw-source>
      <odw-kpi source="story-base" value="count()" label="Communes de 10 000 habitants ou plus"></odw-kpi>
      <odw-kpi
        source="story-base"
        value="sum(population)"
        format="compact"
        label="Leurs habitants"
      ></odw-kpi>`,
};

/** `refresh="5"` on the source reloads every bound widget every five seconds (live data). */
export const Refresh: Story = {
  render: () =>
    html`<odw-source id="story-live" src=${ODS} refresh="5"></odw-source>
      <odw-kpi source="story-live" value="count()" label="Communes (rechargé toutes les 5 s)"></odw-kpi>`,
};
