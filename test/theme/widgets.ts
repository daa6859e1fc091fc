/** Every element kind on the emulator's Orléans data, for the theme and print tests. */
import {waitUntil} from '@open-wc/testing';
import {html, render, type ReactiveElement} from 'lit';
import '../../src/index.js';
import type {Theme} from '../../src/core/theme.js';
import {drawn, faultSequence, uniqueTag} from '../helpers.js';

const ODS_PATH = 'ods/api/explore/v2.1/catalog/datasets/populations-legales-2025/records';
export const ODS = `/portal/${ODS_PATH}`;
export const LOIRET = '/portal/files/communes-45-loiret.geojson';
export const ORLEANS = 'epci = "Orléans Métropole"';

/** Waits until `widget` shows its data (and no error), or what its `data-shows` selector names (a state). */
export async function settled(widget: Element): Promise<void> {
  const state = widget.getAttribute('data-shows');
  if (!state) return drawn(widget);
  await waitUntil(
    () => widget.shadowRoot?.querySelector(state),
    `${widget.outerHTML} never showed ${state}`,
    {
      timeout: 30_000,
    },
  );
}

/**
 * A dashboard in `theme` holding every element kind and the states with colours of their own:
 * KPIs rising and falling, an error, a stale figure, an empty table, a pie with all eight palette
 * colours, a choropleth, checkboxes and a select. Resolves once all of them are drawn; the
 * caller removes the container (it serves several tests).
 */
export async function mountEveryKind(theme: Theme): Promise<HTMLElement> {
  const stale = await faultSequence(['ok', 'ok', ...Array<string>(600).fill('status=500')]);
  const container = document.createElement('div');
  container.className = 'every-kind';
  render(
    html`<odw-dashboard
      theme=${theme}
      title="Orléans Métropole"
      description="Population légale 2025"
      columns="2"
    >
      <odw-kpi
        src=${ODS}
        where=${ORLEANS}
        value="sum(population)"
        label="Habitants"
        unit="hab."
        compare-value="280000"
        title="En hausse"
      ></odw-kpi>
      <odw-kpi
        src=${ODS}
        where=${ORLEANS}
        value="sum(population)"
        label="Habitants"
        compare-value="400000"
      ></odw-kpi>
      <odw-kpi
        data-shows=".status.error"
        src=${`/portal/~tag=${uniqueTag()},status=404/${ODS_PATH}`}
        value="count()"
      ></odw-kpi>
      <odw-kpi
        data-shows=".status.stale"
        src=${`/portal/~seq=${stale}/${ODS_PATH}`}
        value="count()"
        refresh="1"
      ></odw-kpi>
      <odw-chart
        src=${ODS}
        where=${ORLEANS}
        type="column"
        x="commune"
        y="sum(population)"
        sort="-y"
        limit="8"
        title="Les communes"
      ></odw-chart>
      <odw-chart
        src=${ODS}
        where=${ORLEANS}
        type="pie"
        x="commune"
        y="sum(population)"
        sort="-y"
        limit="7"
        others
        title="Parts"
      ></odw-chart>
      <odw-map
        span="full"
        src=${ODS}
        where=${ORLEANS}
        mode="choropleth"
        shapes=${LOIRET}
        shapes-key="code"
        key="code_insee"
        value="sum(population)"
        only-matched
        title="Carte"
      ></odw-map>
      <odw-table
        span="full"
        src=${ODS}
        where=${ORLEANS}
        columns="commune,population"
        sort="-population"
        page-size="5"
        search
        title="Communes"
      ></odw-table>
      <odw-table
        data-shows="td.empty"
        src=${ODS}
        where='epci = "Nulle part"'
        columns="commune,population"
      ></odw-table>
      <odw-filter
        src=${ODS}
        where=${ORLEANS}
        field="commune"
        type="checkboxes"
        label="Communes"
        limit="5"
      ></odw-filter>
      <odw-filter src=${ODS} field="epci" type="select" label="EPCI"></odw-filter>
    </odw-dashboard>`,
    container,
  );
  document.body.append(container);
  await Promise.all(
    [...container.querySelectorAll('*')].map((el) => (el as Partial<ReactiveElement>).updateComplete),
  );
  const widgets = [...container.querySelectorAll('odw-kpi, odw-chart, odw-map, odw-table, odw-filter')];
  for (const widget of widgets) await settled(widget);
  return container;
}
