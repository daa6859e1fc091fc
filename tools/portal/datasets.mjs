// The datasets the emulator serves, read once from the data folder (examples/data/) and kept in
// memory, with the metadata a real portal would publish for them.
import {searchable} from './engine.mjs';

/**
 * The data folder, read through whoever hosts the emulator: the file system in Node (portal.mjs),
 * `fetch` in a browser (browser.mjs).
 * @typedef {object} DataFiles
 * @property {(name: string) => Promise<Uint8Array|undefined>} read a file's bytes; undefined when absent
 * @property {(name: string) => Promise<{size: number, modified: Date}|undefined>} stat
 */

/** A data file as text; throws when it is absent (the datasets' files are part of the repository). */
export async function readText(files, name) {
  const bytes = await files.read(name);
  if (!bytes) throw new Error(`Missing data file: ${name}`);
  return new TextDecoder().decode(bytes);
}

/** Geometry of a record as its source gave it, for GeoJSON exports; never a field. */
export const GEOMETRY = Symbol('geometry');
/** Position of a record in its dataset (0-based): the key of its cached search text. */
const ROW_INDEX = Symbol('rowIndex');

export const POPULATIONS_RESOURCE_ID = '7d3f6a2e-1c4b-4e8a-9f2d-5b6c7a8e9d01';
/** Same data; the portal refuses aggregation (tabular) and SQL (CKAN) on it. */
export const RESTRICTED_RESOURCE_ID = '9a1b2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c5d';
export const POPULATIONS_CSV = 'populations-legales-2025.csv';

const LICENCE_OUVERTE = {
  license: 'Licence Ouverte v2.0 (Etalab)',
  license_url: 'https://www.etalab.gouv.fr/licence-ouverte-open-licence/',
};
const ODBL = {
  license: 'Open Database License (ODbL)',
  license_url: 'https://opendatacommons.org/licenses/odbl/',
};

function field(name, label, type, description = null, annotations = {}) {
  return {name, label, type, description, annotations};
}
const FACET = {facet: true};

const POPULATION_FIELDS = [
  field('code_region', 'Code région', 'text', 'Code officiel géographique de la région', FACET),
  field('region', 'Région', 'text', null, FACET),
  field('code_departement', 'Code département', 'text', 'Code officiel géographique du département', FACET),
  field(
    'code_insee',
    'Code INSEE',
    'text',
    'Code officiel géographique de la commune (département + commune)',
  ),
  field('commune', 'Commune', 'text'),
  field('epci_siren', 'SIREN de l’EPCI', 'text', 'Numéro SIREN de l’intercommunalité à fiscalité propre'),
  field(
    'epci',
    'EPCI',
    'text',
    'Intercommunalité (métropole, communauté urbaine, d’agglomération ou de communes)',
    FACET,
  ),
  field(
    'population',
    'Population municipale',
    'int',
    'Personnes ayant leur résidence habituelle sur le territoire de la commune',
  ),
  field(
    'population_comptee_a_part',
    'Population comptée à part',
    'int',
    'Personnes résidant dans une autre commune mais gardant un lien avec celle-ci (étudiants, militaires…)',
  ),
  field('population_totale', 'Population totale', 'int', 'Population municipale + population comptée à part'),
];

const PARKING_FIELDS = [
  field('nom', 'Nom', 'text'),
  field('type', 'Type de stationnement', 'text', 'Mobilier : arceaux, râtelier, abri, casier…', FACET),
  field('capacite', 'Capacité', 'int', 'Nombre de places vélo'),
  field('acces', 'Accès', 'text', null, FACET),
  field('payant', 'Payant', 'text', null, FACET),
  field('couvert', 'Couvert', 'text', null, FACET),
  field('surveille', 'Surveillé', 'text', null, FACET),
  field('osm_id', 'Identifiant OpenStreetMap', 'text'),
  field('geo_shape', 'Géométrie', 'geo_shape'),
  field('geo_point_2d', 'Coordonnées', 'geo_point_2d'),
];

const FESTIVAL_FIELDS = [
  field('ndeg_identification', 'N° d’identification', 'text'),
  field('nom_de_la_manifestation', 'Nom de la manifestation', 'text'),
  field('domaine', 'Domaine', 'text', null, FACET),
  field('complement_domaine', 'Complément domaine', 'text', null, FACET),
  field('periodicite', 'Périodicité', 'text', null, FACET),
  field('mois_habituel_de_debut', 'Mois habituel de début', 'text', null, FACET),
  field('mois_indicatif', 'Mois indicatif', 'text'),
  field(
    'mois_indicatif_en_chiffre_y_compris_double_mois',
    'Mois indicatif (en chiffre, y compris double mois)',
    'double',
  ),
  field('date_de_creation', 'Date de création', 'date', null, FACET),
  field('date_debut_ancien', 'Date de début (édition 2019)', 'date', null, FACET),
  field('date_de_fin_ancien', 'Date de fin (édition 2019)', 'date'),
  field('ndeg_de_l_edition_2018', 'N° de l’édition 2018', 'double'),
  field('ndeg_de_l_edition_2019', 'N° de l’édition 2019', 'double'),
  field('check_edition', 'Contrôle édition', 'double'),
  field('commune_principale', 'Commune principale', 'text', null, FACET),
  field('autres_communes', 'Autres communes', 'text'),
  field('libelle_commune_pour_calcul_cp_insee', 'Libellé commune (calcul CP/INSEE)', 'text'),
  field('code_postal', 'Code postal', 'text'),
  field('code_insee', 'Code INSEE', 'text'),
  field('departement', 'Département', 'text'),
  field('nom_departement', 'Nom du département', 'text'),
  field('dept_sk', 'Département (clé)', 'double'),
  field('region', 'Région', 'text'),
  field('site_web', 'Site web', 'text'),
  field('commentaires', 'Commentaires', 'text'),
  field(
    'soutenu_en_2017_par_le_ministere_de_la_culture',
    'Soutenu en 2017 par le ministère de la Culture',
    'text',
  ),
  field(
    'soutenu_en_2017_par_le_centre_national_des_varietes',
    'Soutenu en 2017 par le Centre national des variétés',
    'text',
  ),
  field(
    'soutenu_en_2017_par_le_centre_national_du_cinema',
    'Soutenu en 2017 par le Centre national du cinéma',
    'text',
  ),
  field('coordonnees_insee', 'Coordonnées INSEE', 'geo_point_2d'),
];

const DEFINITIONS = {
  'populations-legales-2025': {
    fields: POPULATION_FIELDS,
    features: ['analyze'],
    load: loadPopulations,
    metas: {
      title: 'Populations légales 2025 des communes',
      description:
        '<p>Populations légales des communes en vigueur au 1<sup>er</sup> janvier 2025 (date de référence statistique : 1<sup>er</sup> janvier 2022), issues du recensement de la population, avec l’intercommunalité (EPCI) de chaque commune au 1<sup>er</sup> janvier 2024.</p><p>Paris, Lyon et Marseille sont détaillées par arrondissement municipal.</p>',
      publisher: 'Insee',
      ...LICENCE_OUVERTE,
      modified: '2024-12-19T08:00:00+00:00',
      keyword: ['population', 'recensement', 'populations légales', 'communes', 'EPCI'],
      theme: ['Population, Société'],
      attributions: ['Source : INSEE, populations légales 2025'],
    },
  },
  'paris-stationnement': {
    fields: PARKING_FIELDS,
    features: ['geo', 'analyze'],
    load: (files) => loadGeoJsonExport(files, 'paris-stationnement.geojson', 'geo_point_2d', 'geo_shape'),
    metas: {
      title: 'Stationnement vélo à Paris',
      description:
        '<p>Emplacements de stationnement des vélos à Paris (arceaux, râteliers, abris, casiers, consignes Véligo) : type de mobilier, capacité, accès, couverture. Données issues d’OpenStreetMap.</p>',
      publisher: 'Ville de Paris',
      ...ODBL,
      modified: '2024-11-04T05:00:12+00:00',
      keyword: ['vélo', 'stationnement', 'mobilité', 'arceaux'],
      theme: ['Mobilité et Espace Public'],
      attributions: ['© les contributeurs d’OpenStreetMap'],
    },
  },
  'festivals-du-finistere': {
    fields: FESTIVAL_FIELDS,
    features: ['geo', 'analyze', 'timeserie'],
    load: (files) => loadGeoJsonExport(files, 'festivals-du-finistere.geojson', 'coordonnees_insee'),
    metas: {
      title: 'Festivals du Finistère',
      description:
        '<p>Festivals organisés dans le Finistère : nom, domaine artistique, périodicité, dates de la dernière édition connue, commune principale et codes INSEE.</p>',
      publisher: 'Département du Finistère',
      ...LICENCE_OUVERTE,
      modified: '2019-06-13T14:21:08+00:00',
      keyword: ['festival', 'culture', 'spectacle vivant', 'musique'],
      theme: ['Culture, Patrimoine'],
      attributions: ['Source : Département du Finistère'],
    },
  },
};

export const DATASET_IDS = Object.keys(DEFINITIONS);

// ---------------------------------------------------------------------------------------------

/** Splits delimited text (quotes doubled inside quoted cells) into rows of cells. */
function parseDelimited(text, delimiter) {
  const rows = [];
  let row = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else cell += char;
    } else if (char === '"' && cell === '') quoted = true;
    else if (char === delimiter) {
      row.push(cell);
      cell = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += char;
  }
  if (cell !== '' || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

async function loadPopulations(files) {
  const text = (await readText(files, POPULATIONS_CSV)).replace(/^\uFEFF/, '');
  // Quoted cells are rare in this file: split plain lines directly, parse the others properly.
  const lines = text
    .split(/\r?\n/)
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => (line.includes('"') ? parseDelimited(line, ';')[0] : line.split(';')));
  const [header, ...data] = lines;
  const numeric = header.map((name) => POPULATION_FIELDS.find((f) => f.name === name)?.type === 'int');
  return data.map((cells) => {
    const row = {};
    for (let index = 0; index < header.length; index++) {
      const raw = cells[index] ?? '';
      row[header[index]] =
        raw === '' ? null : numeric[index] ? Number(raw.replace(/[\s\u00a0\u202f]/g, '')) : raw;
    }
    return row;
  });
}

/**
 * Records of an Opendatasoft GeoJSON export. The export writes geo_point_2d fields as
 * `[lat, lon]`; records hold them as the v2.1 records API serves them, `{lon, lat}`.
 */
async function loadGeoJsonExport(files, name, pointField, shapeField) {
  const collection = JSON.parse(await readText(files, name));
  return collection.features.map((feature) => {
    const row = {...feature.properties};
    const point = row[pointField];
    row[pointField] = Array.isArray(point) ? {lon: point[1], lat: point[0]} : null;
    if (shapeField)
      row[shapeField] = feature.geometry
        ? {type: 'Feature', geometry: feature.geometry, properties: {}}
        : null;
    row[GEOMETRY] = feature.geometry ?? null;
    return row;
  });
}

// ---------------------------------------------------------------------------------------------

/**
 * @typedef {object} Dataset
 * @property {string} id
 * @property {object[]} fields ODS field descriptions
 * @property {string[]} fieldNames
 * @property {object[]} rows
 * @property {object} metas ODS `metas.default`
 * @property {string[]} features
 */

/**
 * Loads each dataset on first use and keeps it.
 * @param {DataFiles} files
 */
export function createDatasetStore(files) {
  /** @type {Map<string, Promise<Dataset>>} */
  const cache = new Map();
  return {
    files,
    has: (id) => Object.hasOwn(DEFINITIONS, id),
    /** @returns {Promise<Dataset|undefined>} */
    get(id) {
      if (!Object.hasOwn(DEFINITIONS, id)) return Promise.resolve(undefined);
      let dataset = cache.get(id);
      if (!dataset) {
        dataset = loadDataset(id, files);
        cache.set(id, dataset);
        // A failed read is tried again by the next request.
        dataset.catch(() => cache.delete(id));
      }
      return dataset;
    },
  };
}

/** @returns {Promise<Dataset>} */
async function loadDataset(id, files) {
  const definition = DEFINITIONS[id];
  const rows = await definition.load(files);
  rows.forEach((row, index) => {
    row[ROW_INDEX] = index;
  });
  // Full-text search folds accents and case once per record and field set, not per query.
  const searchColumns = new Map();
  const searchText = (row, fields, key) => {
    let column = searchColumns.get(key);
    if (!column) {
      column = new Array(rows.length);
      searchColumns.set(key, column);
    }
    const index = row[ROW_INDEX];
    let text = column[index];
    if (text === undefined) {
      text = '';
      for (const name of fields) text += searchable(row[name]);
      column[index] = text;
    }
    return text;
  };
  const fieldNames = definition.fields.map((f) => f.name);
  const types = new Map(definition.fields.map((f) => [f.name, f.type]));
  return {
    id,
    fields: definition.fields,
    fieldNames,
    types,
    rows,
    features: definition.features,
    metas: {
      ...definition.metas,
      records_count: rows.length,
      language: 'fr',
      timezone: 'Europe/Paris',
      data_processed: definition.metas.modified,
      metadata_processed: definition.metas.modified,
    },
    schema: {
      hasField: (name) => types.has(name),
      fieldNames,
      textFields: definition.fields.filter((f) => f.type === 'text').map((f) => f.name),
      searchText,
    },
  };
}
