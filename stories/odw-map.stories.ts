import type {Meta, StoryObj} from '@storybook/web-components-vite';
import {html} from 'lit';
import {ifDefined} from 'lit/directives/if-defined.js';
import '../src/elements/odw-kpi/define.js';
import '../src/elements/odw-map/define.js';
import './offline-basemap.js';
import {failingAfter} from './portal-faults.js';

/** The emulated portals: Storybook mounts the emulator on its own origin under `/portal/`. */
const DATASETS = 'ods/api/explore/v2.1/catalog/datasets';
const POPULATIONS = `/portal/${DATASETS}/populations-legales-2025/records`;
const PARIS = `/portal/${DATASETS}/paris-stationnement/records`;
const FESTIVALS = `/portal/${DATASETS}/festivals-du-finistere/records`;
const ORLEANS = 'epci = "Orléans Métropole"';

/** A flat grey tile made in the page: shows the basemap layer without any network. */
const LOCAL_TILE =
  "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' width='256' height='256'%3E%3Crect width='256' height='256' fill='%23ececec' stroke='%23d0d0d0'/%3E%3Ctext x='128' y='128' font-size='14' text-anchor='middle' fill='%23999'%3E{z}/{x}/{y}%3C/text%3E%3C/svg%3E";

interface MapArgs {
  src?: string;
  where?: string;
  mode?: 'points' | 'choropleth';
  shapes?: string;
  shapesKey?: string;
  key?: string;
  value?: string;
  scheme?: string;
  classes?: 'quantile' | 'equal' | 'jenks';
  classCount?: number;
  onlyMatched?: boolean;
  color?: string;
  size?: string;
  label?: string;
  popup?: string;
  tiles?: string;
  attribution?: string;
  center?: string;
  zoom?: number;
  noCluster?: boolean;
  title?: string;
  description?: string;
  lang?: 'fr' | 'en';
  theme?: 'light' | 'dark' | 'auto' | 'dsfr';
  refresh?: number;
}

const map = (args: MapArgs) =>
  html`<odw-map
    src=${ifDefined(args.src)}
    where=${ifDefined(args.where)}
    mode=${ifDefined(args.mode)}
    shapes=${ifDefined(args.shapes)}
    shapes-key=${ifDefined(args.shapesKey)}
    key=${ifDefined(args.key)}
    value=${ifDefined(args.value)}
    scheme=${ifDefined(args.scheme)}
    classes=${ifDefined(args.classes)}
    class-count=${ifDefined(args.classCount)}
    ?only-matched=${args.onlyMatched}
    color=${ifDefined(args.color)}
    size=${ifDefined(args.size)}
    label=${ifDefined(args.label)}
    popup=${ifDefined(args.popup)}
    tiles=${ifDefined(args.tiles)}
    attribution=${ifDefined(args.attribution)}
    center=${ifDefined(args.center)}
    zoom=${ifDefined(args.zoom)}
    ?no-cluster=${args.noCluster}
    title=${ifDefined(args.title)}
    description=${ifDefined(args.description)}
    lang=${ifDefined(args.lang)}
    theme=${ifDefined(args.theme)}
    refresh=${ifDefined(args.refresh)}
  ></odw-map>`;

const meta = {
  title: 'Widgets/odw-map',
  component: 'odw-map',
  render: map,
  args: {
    src: POPULATIONS,
    where: ORLEANS,
    shapes: '/portal/files/communes-45-loiret.geojson',
    shapesKey: 'code',
    key: 'code_insee',
    value: 'sum(population)',
    title: 'Population municipale 2025 des communes d’Orléans Métropole',
  },
  argTypes: {
    mode: {control: 'select', options: [undefined, 'points', 'choropleth']},
    classes: {control: 'select', options: [undefined, 'quantile', 'equal', 'jenks']},
    scheme: {
      control: 'select',
      options: [undefined, 'blues', 'greens', 'oranges', 'purples', 'reds', 'ylorrd', 'ylgnbu', 'viridis'],
    },
    theme: {control: 'select', options: [undefined, 'light', 'dark', 'auto', 'dsfr']},
    lang: {control: 'select', options: [undefined, 'fr', 'en']},
  },
} satisfies Meta<MapArgs>;

export default meta;
type Story = StoryObj<MapArgs>;

/**
 * The 22 communes of Orléans Métropole coloured by their 2025 population (computed by the portal
 * with `group_by`), the other communes of the Loiret hatched « pas de donnée ». Outlines: IGN
 * Admin Express 2018; the view fits the communes that have a value.
 */
export const OrleansChoropleth: Story = {name: 'Choropleth: Orléans Métropole'};

/** The same, other outlines hidden with `only-matched`, natural breaks. */
export const OrleansOnlyMatched: Story = {
  name: 'Choropleth: only-matched, jenks',
  args: {onlyMatched: true, classes: 'jenks', scheme: 'ylorrd'},
};

/**
 * The 96 départements by population. The overseas départements have figures but no outline in
 * this file: they are listed as « sans contour » in the data table and in the console.
 */
export const Departements: Story = {
  name: 'Choropleth: départements',
  args: {
    where: undefined,
    shapes: '/portal/files/departements.geojson',
    key: 'code_departement',
    classCount: 7,
    scheme: 'purples',
    title: 'Population municipale 2025 par département',
  },
};

/** 9 814 bicycle parkings of Paris on a canvas, clustered, coloured by type. */
export const ParisPoints: Story = {
  name: 'Points: Paris bicycle parkings',
  args: {
    src: PARIS,
    where: undefined,
    shapes: undefined,
    shapesKey: undefined,
    key: undefined,
    value: undefined,
    color: 'type',
    popup: 'type,capacite,acces,couvert',
    title: 'Stationnement vélo à Paris',
  },
};

/**
 * The same car parks, one point per location sized by its capacity: `size="sum(capacite)"` groups
 * the records by location on the portal (`group_by`); the size legend gives the smallest and the
 * largest total.
 */
export const ParisSized: Story = {
  name: 'Points: Paris car parks sized by capacity',
  args: {...ParisPoints.args, color: undefined, popup: undefined, size: 'sum(capacite)'},
};

/** The 55 festivals of the Finistère, in SVG (focusable points), by artistic domain. */
export const FestivalsPoints: Story = {
  name: 'Points: Finistère festivals',
  args: {
    src: FESTIVALS,
    where: undefined,
    shapes: undefined,
    shapesKey: undefined,
    key: undefined,
    value: undefined,
    color: 'domaine',
    label: 'nom_de_la_manifestation',
    popup: 'commune_principale,domaine,mois_habituel_de_debut,periodicite',
    title: 'Festivals du Finistère',
  },
};

/** A popup written as a `<template>` child: `{{field}}` placeholders receive the values as text. */
export const PopupTemplate: Story = {
  name: 'Points: popup template',
  args: FestivalsPoints.args,
  render: (args) =>
    html`<odw-map src=${FESTIVALS} color="domaine" title=${ifDefined(args.title)}>
      <template>
        <p><strong>{{nom_de_la_manifestation}}</strong></p>
        <p>{{commune_principale}} — {{mois_habituel_de_debut}}</p>
        <p>{{commentaires}}</p>
      </template>
    </odw-map>`,
};

/** A basemap from a URL template (here drawn locally; `tiles="ign"` or `tiles="osm"` on a real site). */
export const WithTiles: Story = {
  name: 'Basemap: tile template',
  args: {tiles: LOCAL_TILE, attribution: 'Fond de démonstration', onlyMatched: true},
};

/** Every tile fails (404): the communes stay, with a notice. */
export const TilesFailing: Story = {
  name: 'Basemap: tiles failing',
  args: {
    tiles: '/portal/~status=404/tiles/{z}/{x}/{y}.png',
    attribution: 'Tuiles indisponibles',
    onlyMatched: true,
  },
};

/** Clicking a commune filters the source: the key figure follows, clicking again clears it. */
export const FilterOnClick: Story = {
  name: 'filter-on-click with a KPI',
  render: () =>
    html`<odw-source id="story-map-pop" src=${POPULATIONS} where=${ORLEANS}></odw-source>
      <odw-kpi source="story-map-pop" value="sum(population)" label="Habitants"></odw-kpi>
      <odw-map
        id="story-map"
        source="story-map-pop"
        shapes="/portal/files/communes-45-loiret.geojson"
        shapes-key="code"
        key="code_insee"
        value="sum(population)"
        only-matched
        filter-on-click
        title="Cliquez sur une commune"
      ></odw-map>`,
};

export const English: Story = {args: {lang: 'en', title: 'Population of the communes of Orléans Métropole'}};

export const Dark: Story = {
  args: {theme: 'dark', scheme: 'viridis'},
  parameters: {backgrounds: {default: 'dark'}},
};

export const Dsfr: Story = {name: 'DSFR', args: {theme: 'dsfr'}};

/** A slow portal (the emulator waits 10 s): the skeleton. */
export const Loading: Story = {
  name: 'State: loading',
  args: {src: `/portal/~latency=10000/${DATASETS}/populations-legales-2025/records`},
};

export const Empty: Story = {name: 'State: empty', args: {where: 'epci = "Nulle part"', onlyMatched: true}};

export const ErrorNotFound: Story = {
  name: 'State: error',
  args: {src: `/portal/~status=404/${DATASETS}/inconnu/records`},
};

/** The first answers are good (metadata, values), every refresh then fails: the map stays, with a dated notice. */
export const Stale: Story = {
  name: 'State: stale',
  args: {refresh: 2},
  loaders: [async () => ({src: await failingAfter(`${DATASETS}/populations-legales-2025/records`, 2)})],
  render: (args, {loaded}) => map({...args, src: String(loaded.src)}),
};

/** No outlines and no coordinates: the map says what to set. */
export const NoCoordinates: Story = {
  name: 'State: no coordinates',
  args: {shapes: undefined, shapesKey: undefined, key: undefined},
};
