// Basemap tiles drawn offline, for the demos and tests of points maps: a quiet plan in the Web
// Mercator tiling of the Géoplateforme (`/portal/tiles/{z}/{x}/{y}.svg`), drawn from the outlines of
// examples/data (régions, départements, and the communes of three départements from level 9).
// A stand-in for the Plan IGN, which needs the network.
import {readText} from './datasets.mjs';

const SIZE = 256;
const COMMUNE_FILES = [
  'communes-45-loiret.geojson',
  'communes-21-cote-d-or.geojson',
  'communes-49-maine-et-loire.geojson',
];
/** From this level the communes are drawn. */
const COMMUNE_LEVEL = 9;

/** Outer rings with their bounding boxes, read once per data folder. */
const layersByFiles = new WeakMap();

function rings(geometry) {
  if (!geometry) return [];
  if (geometry.type === 'Polygon') return geometry.coordinates;
  if (geometry.type === 'MultiPolygon') return geometry.coordinates.flat();
  return [];
}

async function readLayer(files, name) {
  try {
    const {features} = JSON.parse(await readText(files, name));
    return features.flatMap((feature) =>
      rings(feature.geometry).map((ring) => {
        const lons = ring.map(([lon]) => lon);
        const lats = ring.map(([, lat]) => lat);
        return {ring, box: [Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)]};
      }),
    );
  } catch {
    return [];
  }
}

/** @param {import('./datasets.mjs').DataFiles} files */
function layersOf(files) {
  let layers = layersByFiles.get(files);
  if (!layers) {
    layers = Promise.all([
      readLayer(files, 'regions.geojson'),
      readLayer(files, 'departements.geojson'),
      ...COMMUNE_FILES.map((name) => readLayer(files, name)),
    ]).then(([regions, departements, ...communes]) => ({regions, departements, communes: communes.flat()}));
    layersByFiles.set(files, layers);
  }
  return layers;
}

/** Longitude and latitude of a tile's corner (x, y at level z). */
function lonLat(x, y, z) {
  const n = 2 ** z;
  const lon = (x / n) * 360 - 180;
  const lat = (Math.atan(Math.sinh(Math.PI * (1 - (2 * y) / n))) * 180) / Math.PI;
  return [lon, lat];
}

/** The SVG of tile `x`, `y` at level `z`. */
function tileSvg(layers, z, x, y) {
  const world = SIZE * 2 ** z;
  const project = ([lon, lat]) => {
    const sin = Math.sin((lat * Math.PI) / 180);
    const px = ((lon + 180) / 360) * world - x * SIZE;
    const py = (0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)) * world - y * SIZE;
    return `${px.toFixed(1)},${py.toFixed(1)}`;
  };
  const [west, north] = lonLat(x, y, z);
  const [east, south] = lonLat(x + 1, y + 1, z);
  const inTile = ({box: [minLon, minLat, maxLon, maxLat]}) =>
    maxLon >= west && minLon <= east && maxLat >= south && minLat <= north;
  const path = (items) =>
    items
      .filter(inTile)
      .map(({ring}) => `M${ring.map(project).join('L')}Z`)
      .join('');
  const communes = z >= COMMUNE_LEVEL ? path(layers.communes) : '';
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${SIZE}" height="${SIZE}" viewBox="0 0 ${SIZE} ${SIZE}">
<rect width="${SIZE}" height="${SIZE}" fill="#f4f3ef"/>
<path d="${path(layers.departements)}" fill="#ebeae4" stroke="none"/>
${communes ? `<path d="${communes}" fill="none" stroke="#d6d4cc" stroke-width="0.6"/>` : ''}
<path d="${path(layers.departements)}" fill="none" stroke="#bdbab0" stroke-width="1"/>
<path d="${path(layers.regions)}" fill="none" stroke="#a5a196" stroke-width="1.6"/>
</svg>`;
}

/**
 * `/{z}/{x}/{y}.svg` → the tile; undefined for another path or a tile outside the world.
 * @param {import('./datasets.mjs').DataFiles} files
 */
export async function handleTile(files, path) {
  const match = /^\/(\d{1,2})\/(\d+)\/(\d+)\.svg$/.exec(path);
  if (!match) return undefined;
  const [z, x, y] = match.slice(1).map(Number);
  if (z > 20 || x >= 2 ** z || y >= 2 ** z) return undefined;
  return tileSvg(await layersOf(files), z, x, y);
}
