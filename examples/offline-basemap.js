// The demos run without the network: the Plan IGN, basemap of the points maps, is replaced by the
// portal emulator's offline stand-in, drawn from the outlines of examples/data (tools/portal/tiles.mjs).
// On a commune's site, leave this out: the points maps show the Plan IGN of the Géoplateforme.
import {TILE_PRESETS} from '../src/elements/odw-map/odw-map.ts';

TILE_PRESETS.ign = {
  url: '/portal/tiles/{z}/{x}/{y}.svg',
  attribution: 'Fond hors ligne (IGN Admin Express)',
  link: 'https://geoservices.ign.fr/adminexpress',
};
