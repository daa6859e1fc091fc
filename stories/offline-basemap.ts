// The stories run without the network: the Plan IGN, basemap of the points maps, is replaced by the
// portal emulator's offline stand-in (tools/portal/tiles.mjs), as in examples/offline-basemap.js.
import {TILE_PRESETS} from '../src/elements/odw-map/odw-map.js';

TILE_PRESETS.ign = {
  url: '/portal/tiles/{z}/{x}/{y}.svg',
  attribution: 'Fond hors ligne (IGN Admin Express)',
  link: 'https://geoservices.ign.fr/adminexpress',
};
