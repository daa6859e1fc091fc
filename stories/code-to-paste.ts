/**
 * The code to paste of each element's documentation page (stories/odw-*.mdx): the page's script,
 * then the element on a real portal's dataset.
 */
const SCRIPT = '<script type="module" src="/odw/open-data-widgets.js"></script>';

const paste = (markup: string) => `${SCRIPT}\n\n${markup}`;

export const kpi = paste(`<odw-kpi
  src="https://data.orleans-metropole.fr/api/explore/v2.1/catalog/datasets/populations-legales-2025/records"
  value="sum(population)"
  where='epci = "Orléans Métropole"'
  label="Habitants"
></odw-kpi>`);

export const chart = paste(`<odw-chart
  src="https://data.orleans-metropole.fr/api/explore/v2.1/catalog/datasets/populations-legales-2025/records"
  x="commune"
  y="sum(population)"
  where='epci = "Orléans Métropole"'
  sort="-y"
  unit="hab."
  title="Population des communes d’Orléans Métropole"
></odw-chart>`);

export const map = paste(`<odw-map
  src="https://data.orleans-metropole.fr/api/explore/v2.1/catalog/datasets/populations-legales-2025/records"
  where='epci = "Orléans Métropole"'
  shapes="/odw/communes-45-loiret.geojson"
  shapes-key="code"
  key="code_insee"
  value="sum(population)"
  title="Population municipale 2025 des communes d’Orléans Métropole"
></odw-map>`);

export const table = paste(`<odw-table
  src="https://data.orleans-metropole.fr/api/explore/v2.1/catalog/datasets/populations-legales-2025/records"
  where='epci = "Orléans Métropole"'
  columns="commune,code_insee,population,population_totale"
  sort="-population"
  page-size="10"
  title="Communes d’Orléans Métropole"
></odw-table>`);

export const filter =
  paste(`<odw-source id="pop" src="https://data.orleans-metropole.fr/api/explore/v2.1/catalog/datasets/populations-legales-2025/records" where='code_departement = "45"'></odw-source>
<odw-filter source="pop" field="epci" label="Intercommunalité"></odw-filter>
<odw-kpi source="pop" value="count()" label="Communes"></odw-kpi>`);

export const source =
  paste(`<odw-source id="pop" src="https://data.orleans-metropole.fr/api/explore/v2.1/catalog/datasets/populations-legales-2025/records" where="population >= 10000"></odw-source>
<odw-kpi source="pop" value="count()" label="Communes de 10 000 habitants ou plus"></odw-kpi>
<odw-kpi source="pop" value="sum(population)" format="compact" label="Leurs habitants"></odw-kpi>`);

export const dashboard = paste(`<odw-dashboard
  title="Orléans Métropole"
  src="https://data.orleans-metropole.fr/api/explore/v2.1/catalog/datasets/populations-legales-2025/records"
  where='epci = "Orléans Métropole"'
  columns="3"
>
  <odw-kpi value="sum(population)" label="Habitants" unit="hab."></odw-kpi>
  <odw-kpi value="count()" label="Communes"></odw-kpi>
  <odw-filter field="commune" label="Commune"></odw-filter>
  <odw-chart span="full" type="bar" x="commune" y="sum(population)" sort="-y" limit="10"
    title="Population par commune"></odw-chart>
</odw-dashboard>`);

export const builder = paste(`<odw-builder></odw-builder>`);
