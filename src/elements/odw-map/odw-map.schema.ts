/** The attributes of `odw-map` besides every data widget's (src/core/schema.ts). */
import {defineAttributes} from '../../core/schema.js';

export const mapAttributes = defineAttributes({
  /** Default: `choropleth` when `shapes` is set, else `points`. */
  mode: {kind: 'text', values: ['points', 'choropleth']},
  /** Choropleth outlines: URL of a GeoJSON or TopoJSON file (its first object, or `shapes-object`), of an Opendatasoft / tabular / CKAN dataset with a `geo_shape` field, or the `id` of an `odw-source` of such a dataset. Read through the data layer: shared and cached. */
  shapes: {kind: 'text'},
  /** The TopoJSON object to draw. */
  shapesObject: {kind: 'text'},
  /** The outline property joined to `key` (`code`). */
  shapesKey: {kind: 'text'},
  /** The outline property naming an area (default: `nom`, `name`…). */
  shapesLabel: {kind: 'text'},
  /** The data field joined to `shapes-key` (`code_insee`); with `filter-on-click` on points, the field a click filters on. */
  key: {kind: 'text'},
  /** Choropleth value: an aggregate computed by the portal per `key` (`sum(population)`, `count()` by default), or a field. */
  value: {kind: 'text'},
  /** Colours of the classes: `blues` (default), `greens`, `greys`, `oranges`, `purples`, `reds`, `bugn`, `bupu`, `gnbu`, `orrd`, `pubu`, `purd`, `rdpu`, `ylgn`, `ylgnbu`, `ylorbr`, `ylorrd`, `viridis`, or CSS colours separated by commas, lightest first. */
  scheme: {kind: 'text'},
  /** How values are classed (default `quantile`). */
  classes: {kind: 'text', values: ['quantile', 'equal', 'jenks']},
  /** Number of classes (default 5); fewer when values repeat. */
  classCount: {kind: 'integer'},
  /** Hides the outlines that have no value (drawn hatched, « pas de donnée », otherwise). They are listed in the data table either way. */
  onlyMatched: {kind: 'boolean', default: false},
  /** With `lon`: the two numeric fields of the coordinates. Without them the map finds a `geo_point_2d`, `geo_shape` or GeoJSON geometry field itself. */
  lat: {kind: 'text'},
  /** See `lat`. */
  lon: {kind: 'text'},
  /** Points: a field whose values colour the points (categorical legend). */
  color: {kind: 'text'},
  /** Points: a numeric field (`capacite`), the area of each point proportional to it; or an aggregate of one (`sum(capacite)`): the portal groups the records by location (`group_by` the `geo_point_2d` field, or `lat` and `lon`, and `color` and `label` when set) and each location is one point sized by its aggregate; clusters announce the aggregate of their points (`sum`, `avg`, `min`, `max`). A size legend shows the smallest and largest value. */
  size: {kind: 'text'},
  /** The field naming a point, or an area over its outline's own name (table, screen readers, search, popup title); for areas, one name per `key` (`commune`). */
  label: {kind: 'text'},
  /** Fields shown when an area or point is activated (`nom,capacite`). A `<template>` child with `{{field}}` placeholders replaces it; values are inserted as text. */
  popup: {kind: 'text'},
  /** Basemap: `ign` (Plan IGN, Géoplateforme), `osm` (OpenStreetMap), a tile URL template with `{z}`, `{x}`, `{y}`, or `none`. Default: `ign` for points, none for areas. */
  tiles: {kind: 'text'},
  /** The credit of a `tiles` URL template. */
  attribution: {kind: 'text'},
  /** The credit of the outlines (« Fond de carte : IGN Admin Express »). */
  shapesAttribution: {kind: 'text'},
  /** `lat,lon` of the centre of the initial view (default: fitted to the data). */
  center: {kind: 'text'},
  /** Zoom level of the initial view (0 = whole world; 12 ≈ a town). */
  zoom: {kind: 'number'},
  /** Draws every point, overlapping or not. */
  noCluster: {kind: 'boolean', default: false},
  /** Forces how points are drawn (default: SVG up to 400 points). */
  renderer: {kind: 'text', values: ['svg', 'canvas']},
  /** Points: most records read (default 20 000). */
  limit: {kind: 'integer'},
  /** Activating an area (or a point, with `key`) filters the `odw-source` on its key; activating it again removes the filter. */
  filterOnClick: {kind: 'boolean', default: false},
});
