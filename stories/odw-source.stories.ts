import type {Meta, StoryObj} from '@storybook/web-components-vite';
import {html} from 'lit';
import {ifDefined} from 'lit/directives/if-defined.js';
import {parseFilter} from '../src/data/index.js';
import '../src/elements/odw-kpi/define.js';
import '../src/elements/odw-source/define.js';
import '../src/elements/odw-table/define.js';
import {failingAfter} from './portal-faults.js';

const ODS_PATH = 'ods/api/explore/v2.1/catalog/datasets/populations-legales-2025/records';
const ODS = `/portal/${ODS_PATH}`;

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

let bound = 0;

/** A source and two widgets bound to it: the source's state is what they show. */
function boundWidgets(src: string, where?: string, refresh?: number) {
  const id = `story-source-state-${++bound}`;
  return html`<odw-source
      id=${id}
      src=${src}
      where=${ifDefined(where)}
      refresh=${ifDefined(refresh)}
    ></odw-source>
    <odw-kpi source=${id} value="sum(population)" label="Habitants"></odw-kpi>
    <odw-table source=${id} columns="commune,population" sort="-population" page-size="5"></odw-table>`;
}

/** A slow portal (the emulator waits 10 s): every bound widget shows its placeholder. */
export const Loading: Story = {render: () => boundWidgets(`/portal/~latency=10000/${ODS_PATH}`)};

/** A base filter that matches nothing: every bound widget is empty. */
export const Empty: Story = {render: () => boundWidgets(ODS, 'epci = "Nulle part"')};

export const ErrorNotFound: Story = {
  name: 'Error: dataset not found',
  render: () => boundWidgets('/portal/~status=404/ods/api/explore/v2.1/catalog/datasets/inconnu/records'),
};

/**
 * `refresh` on the source, whose first answers are good (metadata, figure, rows) and every
 * refresh then fails: the bound widgets keep their data, with a dated notice.
 */
export const Stale: Story = {
  loaders: [async () => ({src: await failingAfter(ODS_PATH, 4)})],
  render: (_args, {loaded}) => boundWidgets(String(loaded.src), undefined, 2),
};
