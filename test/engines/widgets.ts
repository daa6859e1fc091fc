/** The widgets the cross-engine tests draw, on the emulator's Orléans data. */
import {html, type TemplateResult} from 'lit';
import {ODS, ORLEANS} from '../theme/widgets.js';

/** A bar chart of the five most populated communes. */
export const fiveCommunesChart = (): TemplateResult =>
  html`<odw-chart
    src=${ODS}
    where=${ORLEANS}
    type="bar"
    x="commune"
    y="sum(population)"
    sort="-y"
    limit="5"
    title="Les communes"
  ></odw-chart>`;

/** The communes by population, five a page. */
export const communesTable = (): TemplateResult =>
  html`<odw-table
    src=${ODS}
    where=${ORLEANS}
    columns="commune,population"
    sort="-population"
    page-size="5"
    title="Communes"
  ></odw-table>`;

/** A source, a filter control of `type` on its communes, and the population it filters. */
export const filteredPopulation = (id: string, type: 'select' | 'checkboxes'): TemplateResult =>
  html`<odw-source id=${id} src=${ODS} where=${ORLEANS}></odw-source>
    <odw-filter source=${id} field="commune" type=${type} label="Communes" limit="5"></odw-filter>
    <odw-kpi source=${id} value="sum(population)" label="Habitants"></odw-kpi>`;
