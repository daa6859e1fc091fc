// `npm run data`: builds examples/data/ (committed) from the real files of ../shared/data.
// The populations CSV keeps the INSEE look (`;`, BOM, `#` comment lines, NBSP thousands) on purpose:
// the file connector must prove it reads such files as published.
import {readFileSync, writeFileSync, mkdirSync, statSync} from 'node:fs';
import {dirname, join, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const sharedData = resolve(repoRoot, '../shared/data');
const outDir = join(repoRoot, 'examples/data');

const NBSP = '\u00a0';

const POPULATION_COLUMNS = [
  'code_region',
  'region',
  'code_departement',
  'code_insee',
  'commune',
  'epci_siren',
  'epci',
  'population',
  'population_comptee_a_part',
  'population_totale',
];
const NUMERIC_COLUMNS = new Set(['population', 'population_comptee_a_part', 'population_totale']);

/** Data lines of an INSEE CSV: comment lines (`#`) and the header line dropped, cells split on `;`. */
function inseeDataLines(path, headerStart) {
  const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  const lines = text.split(/\r?\n/).filter((line) => line !== '' && !line.startsWith('#'));
  if (!lines[0].startsWith(headerStart)) throw new Error(`${path}: unexpected header ${lines[0]}`);
  return lines.slice(1).map((line) => line.split(';'));
}

/** `116 344` (any space kind) → 116344. */
function parseInseeNumber(text) {
  const digits = text.replace(/[\s\u00a0\u202f]/g, '');
  if (!/^\d+$/.test(digits)) throw new Error(`not a population figure: ${JSON.stringify(text)}`);
  return Number(digits);
}

/** 116344 → `116 344` with a no-break space, as INSEE publishes it. */
function formatInseeNumber(value) {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, NBSP);
}

/**
 * INSEE code of a commune from its département and commune columns. The commune column has three
 * characters and, overseas, already repeats the third digit of the département (971 + 101 → 97101),
 * so the code is the first two characters of the département followed by the commune column.
 */
function inseeCode(departement, commune) {
  return departement.slice(0, 2) + commune;
}

function readEpciByCommune() {
  const byCommune = new Map();
  for (const [codgeo, , siren, name] of inseeDataLines(
    join(sharedData, 'insee/epci-2024-composition-communale.csv'),
    'CODGEO;',
  )) {
    // `ZZZZZZZZZ` / « Sans objet »: islands that belong to no EPCI.
    if (/^Z+$/.test(siren)) continue;
    byCommune.set(codgeo, {siren, name});
  }
  return byCommune;
}

/**
 * INSEE publishes Paris, Lyon and Marseille by municipal arrondissement (75101…, 69381…, 13201…)
 * while the EPCI composition lists the commune itself: an arrondissement takes its commune's EPCI.
 */
function communeOfArrondissement(code) {
  if (/^751\d\d$/.test(code)) return '75056';
  if (/^6938\d$/.test(code)) return '69123';
  if (/^132\d\d$/.test(code)) return '13055';
  return code;
}

function buildPopulationRows() {
  const epciByCommune = readEpciByCommune();
  return inseeDataLines(join(sharedData, 'insee/populations-legales-2025-communes.csv'), 'Code r').map(
    (cells) => {
      const [codeRegion, region, codeDepartement, , , codeCommune, commune, pop, popApart, popTotal] = cells;
      const code = inseeCode(codeDepartement, codeCommune);
      const epci = epciByCommune.get(communeOfArrondissement(code));
      return {
        code_region: codeRegion,
        region,
        code_departement: codeDepartement,
        code_insee: code,
        commune,
        epci_siren: epci?.siren ?? null,
        epci: epci?.name ?? null,
        population: parseInseeNumber(pop),
        population_comptee_a_part: parseInseeNumber(popApart),
        population_totale: parseInseeNumber(popTotal),
      };
    },
  );
}

function csvCell(value) {
  const text = value === null ? '' : String(value);
  return /[;"\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function populationCsv(rows) {
  const lines = [
    '# Populations légales 2025 des communes, en vigueur au 1er janvier 2025 (date de référence statistique : 1er janvier 2022)',
    '# Source : Insee, Recensement de la population 2022 - https://www.insee.fr/fr/statistiques/8290591',
    '# EPCI : Insee, Code officiel géographique, composition communale des EPCI au 1er janvier 2024 - https://www.insee.fr/fr/information/2510634',
    '# Licence : Licence Ouverte / Open Licence v2.0 (Etalab) - https://www.etalab.gouv.fr/licence-ouverte-open-licence/',
    '# Champ : France métropolitaine, Guadeloupe, Martinique, Guyane, La Réunion, Saint-Pierre-et-Miquelon, Saint-Barthélemy et Saint-Martin ; limites territoriales au 1er janvier 2024 ; en habitants',
    POPULATION_COLUMNS.join(';'),
    ...rows.map((row) =>
      POPULATION_COLUMNS.map((column) =>
        NUMERIC_COLUMNS.has(column) ? formatInseeNumber(row[column]) : csvCell(row[column]),
      ).join(';'),
    ),
  ];
  // CRLF and BOM, as the INSEE files are published.
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

const FILE_COPIES = [
  ['geo/communes-45-loiret.geojson', 'communes-45-loiret.geojson'],
  ['geo/communes-21-cote-d-or.geojson', 'communes-21-cote-d-or.geojson'],
  ['geo/communes-49-maine-et-loire.geojson', 'communes-49-maine-et-loire.geojson'],
  ['geo/departements-version-simplifiee.geojson', 'departements.geojson'],
  ['geo/regions-version-simplifiee.geojson', 'regions.geojson'],
  ['ods-exports/paris-stationnement.geojson', 'paris-stationnement.geojson'],
  ['ods-exports/festivals-du-finistere.geojson', 'festivals-du-finistere.geojson'],
];

const README = `# Données des exemples, des tests et des benchmarks

Generated by \`npm run data\` (\`tools/build-data.mjs\`) from the real files of \`../shared/data/\`; do not
edit by hand. The portal emulator (\`tools/portal/\`) serves these files under \`/portal/files/<name>\` and
the same data through its emulated APIs (Opendatasoft, data.gouv.fr tabular, CKAN).

Attribution to show wherever the data is shown: « Source : INSEE, populations légales 2025 »,
« Fond de carte : IGN Admin Express ».

| file | what it is | source, licence |
| --- | --- | --- |
| \`populations-legales-2025.csv\` | legal populations in force on 1 January 2025 of every commune (metropolitan France, Guadeloupe, Martinique, Guyane, La Réunion, Saint-Pierre-et-Miquelon, Saint-Barthélemy, Saint-Martin; Paris, Lyon and Marseille by municipal arrondissement, as INSEE publishes them), joined with the EPCI each commune belongs to (an arrondissement takes its commune's). INSEE look kept on purpose: UTF-8 BOM, \`;\` delimiter, CRLF, \`#\` comment lines before the header, populations written with a no-break space between thousands (\`116 344\`). Columns: \`code_region;region;code_departement;code_insee;commune;epci_siren;epci;population;population_comptee_a_part;population_totale\`; communes in no EPCI (four islands, three overseas collectivities) have empty \`epci_siren\` and \`epci\`. | INSEE, recensement de la population 2022 (populations légales 2025) and Code officiel géographique (composition communale des EPCI au 1er janvier 2024), Licence Ouverte v2.0 |
| \`populations-45-21-49.json\` | the same rows for the Loiret (45), the Côte-d'Or (21) and the Maine-et-Loire (49) — the départements of Orléans Métropole, Dijon Métropole and Angers Loire Métropole — as a JSON array of objects, numbers as numbers | same |
| \`communes-45-loiret.geojson\` | 326 commune outlines of the Loiret, properties \`code\` (INSEE), \`nom\` | IGN Admin Express COG 2018 via the france-geojson project (G. David), Licence Ouverte |
| \`communes-21-cote-d-or.geojson\` | 704 communes of the Côte-d'Or | same |
| \`communes-49-maine-et-loire.geojson\` | 183 communes of the Maine-et-Loire | same |
| \`departements.geojson\` | 96 départements of metropolitan France, simplified | same |
| \`regions.geojson\` | 13 metropolitan régions, simplified | same |
| \`paris-stationnement.geojson\` | 9 814 parking places in Paris, Opendatasoft GeoJSON export (MultiPoint geometries, \`geo_point_2d\` as \`[lat, lon]\`) | opendata.paris.fr (Opendatasoft), ODbL |
| \`festivals-du-finistere.geojson\` | 55 festivals of the Finistère, Opendatasoft GeoJSON export (dates, communes, INSEE codes, free text) | Finistère open data (Opendatasoft), Licence Ouverte |

The commune outlines are the 2018 vintage: a handful of communes merged since then, so a join of the
2025 figures with these outlines leaves a few keys unmatched.

Checks run by the build: Orléans Métropole 22 communes, population 293 673; Dijon Métropole 23
communes, 258 630; Communauté urbaine Angers Loire Métropole 29 communes, 308 806.

Three small files are not generated: they were written once in the exact shape of files French
publishers put online (header, separator, codes, number and date writing), with invented values,
to test what those formats do to a widget. The build leaves them as they are.

| file | format it follows | what it tests |
| --- | --- | --- |
| \`valeursfoncieres-2024-extrait-45.txt\` | DGFiP « Demandes de valeurs foncières » (DVF): \`\\|\` separator, the 43 published columns, decimal commas (\`185000,00\`), dates \`JJ/MM/AAAA\`, \`No disposition\` \`000001\`, code postal and code commune as codes; 160 sales in Orléans Métropole | the \`\\|\` separator, codes by name |
| \`subventions-orleans-metropole-2024.csv\` | the national SCDL grants format (schema.data.gouv.fr \`scdl/subventions\`): camelCase headers, \`idAttribuant\` and \`idBeneficiaire\` SIRET (14 digits, Luhn-valid; Orléans Métropole's SIREN 244500468), ISO dates | SIRET kept as written |
| \`meteo-france-horaire-45-21-202501.csv\` | Météo-France climatological data: \`;\` separator, \`NUM_POSTE\` station codes, compact timestamps \`AAAAMMJJHHMN\` (\`202501010000\`), decimal points, empty cells for missing rain; stations Orléans-Bricy (45055001) and Dijon-Longvic (21473001), 1–2 January 2025 | compact timestamps as dates |
`;

/** Figures the data must give; the build fails rather than ship wrong data. */
const EXPECTED_EPCI = [
  ['Orléans Métropole', 22, 293673],
  ['Dijon Métropole', 23, 258630],
  ['Communauté urbaine Angers Loire Métropole', 29, 308806],
];

function checkFigures(rows) {
  for (const [epci, communes, population] of EXPECTED_EPCI) {
    const members = rows.filter((row) => row.epci === epci);
    const total = members.reduce((sum, row) => sum + row.population, 0);
    if (members.length !== communes || total !== population) {
      throw new Error(
        `${epci}: ${members.length} communes, ${total} inhabitants; expected ${communes}, ${population}`,
      );
    }
  }
  const orleans = rows.find((row) => row.code_insee === '45234');
  if (orleans?.population !== 116344)
    throw new Error(`Orléans (45234): ${orleans?.population}, expected 116344`);
}

function main() {
  mkdirSync(outDir, {recursive: true});
  const rows = buildPopulationRows();
  checkFigures(rows);
  writeFileSync(join(outDir, 'populations-legales-2025.csv'), populationCsv(rows));
  const threeDepartements = rows.filter((row) => ['45', '21', '49'].includes(row.code_departement));
  writeFileSync(join(outDir, 'populations-45-21-49.json'), JSON.stringify(threeDepartements, null, 1) + '\n');
  // Read and write rather than copy: the shared files are read-only and their mode must not follow.
  for (const [from, to] of FILE_COPIES) writeFileSync(join(outDir, to), readFileSync(join(sharedData, from)));
  writeFileSync(join(outDir, 'README.md'), README);

  const withoutEpci = rows.filter((row) => row.epci === null).length;
  console.log(
    `examples/data: ${rows.length} communes (${withoutEpci} in no EPCI), ${threeDepartements.length} in 45/21/49`,
  );
  for (const name of ['populations-legales-2025.csv', 'populations-45-21-49.json']) {
    console.log(`  ${name}: ${(statSync(join(outDir, name)).size / 1e6).toFixed(2)} MB`);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
