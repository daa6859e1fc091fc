// `npm run release`: `release/open-data-widgets-<version>.zip`, what a webmaster or a métropole
// puts on its own server — the browser files of `dist/` and a short French text on hosting them.
// Run after `npm run build` (the npm script does both).
import {mkdirSync, readFileSync, readdirSync, statSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {zipSync} from 'fflate';

const {name, version} = JSON.parse(readFileSync('package.json', 'utf8'));
const folder = `${name}-${version}`;

/** What a browser loads; `esm/` and `types/` are for the bundlers of npm users. */
const forBrowsers = (path) => !/^(esm|types)\//.test(path);

const HOSTING = `open-data-widgets ${version} — à héberger sur votre propre serveur
================================================================

Ce dossier contient tout ce qu'un navigateur charge : aucun CDN n'est nécessaire.

1. Copiez le dossier « ${folder} » sur votre serveur web, par exemple sous
   https://www.ma-commune.fr/odw/ (gardez ensemble open-data-widgets.js, chunks/ et styles/).

2. Dans vos pages, une seule ligne charge toutes les balises :

     <script type="module" src="/odw/open-data-widgets.js"></script>
     <odw-kpi src="https://data.ma-metropole.fr/api/explore/v2.1/catalog/datasets/…/records"
              value="sum(population)" label="Habitants"></odw-kpi>

   Chaque balise ne télécharge que son propre code (un chiffre clé ne charge pas les cartes).

3. Réglages du serveur :
   - les fichiers .js doivent être servis en « text/javascript » et les .css en « text/css »
     (c'est le cas par défaut d'Apache, nginx et IIS) ;
   - les fichiers de chunks/ ont un nom qui change à chaque version : ils peuvent être mis en
     cache longtemps (« Cache-Control: max-age=31536000, immutable ») ; open-data-widgets.js
     garde son nom : cache court (une heure, par exemple) ;
   - une politique de sécurité stricte suffit : « script-src 'self'; style-src 'self' », et
     « connect-src » doit autoriser le ou les portails de données interrogés.

4. Contenu de repli : ce que vous écrivez entre les balises (un lien vers le jeu de données,
   une phrase) reste affiché si le script ne peut pas s'exécuter.

5. Mise à jour : remplacez le dossier entier par celui de la nouvelle version.

Licence : MIT (fichier LICENSE). Documentation : README.md du paquet open-data-widgets.
`;

const files = {[`${folder}/HEBERGER.txt`]: new TextEncoder().encode(HOSTING)};
files[`${folder}/LICENSE`] = readFileSync('LICENSE');
for (const path of readdirSync('dist', {recursive: true})) {
  const full = join('dist', path);
  if (statSync(full).isFile() && forBrowsers(path)) files[`${folder}/${path}`] = readFileSync(full);
}
mkdirSync('release', {recursive: true});
const zip = `release/${folder}.zip`;
writeFileSync(zip, zipSync(files, {level: 9}));
console.log(`${zip}: ${Object.keys(files).length} files, ${(statSync(zip).size / 1024).toFixed(0)} kB`);
