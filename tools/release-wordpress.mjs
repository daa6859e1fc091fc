// Writes open-data-widgets-wordpress.zip: the WordPress plugin of integrations/wordpress/ with its
// copy of dist/, its allow-list and its translations (tools/wordpress/build-plugin.mjs), installable
// from « Extensions › Ajouter › Téléverser ». Needs `npm run build` first.
//   node tools/release-wordpress.mjs [output directory, default: release/, as tools/release.mjs]
import {mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join, relative, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';
import {zipSync} from 'fflate';
import {buildPlugin} from './wordpress/build-plugin.mjs';

export const ZIP_NAME = 'open-data-widgets-wordpress.zip';

function files(dir) {
  return readdirSync(dir, {withFileTypes: true}).flatMap((entry) =>
    entry.isDirectory() ? files(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

/** Zips the plugin under its folder name, as WordPress expects of an uploaded plugin. */
export function releaseWordPress(outputDir) {
  const work = mkdtempSync(join(tmpdir(), 'odw-wordpress-'));
  try {
    const plugin = join(work, 'open-data-widgets');
    buildPlugin(plugin);
    const entries = Object.fromEntries(
      files(plugin).map((path) => [`open-data-widgets/${relative(plugin, path)}`, readFileSync(path)]),
    );
    mkdirSync(outputDir, {recursive: true});
    const zip = join(outputDir, ZIP_NAME);
    writeFileSync(zip, zipSync(entries, {level: 9}));
    return {zip, count: Object.keys(entries).length};
  } finally {
    rmSync(work, {recursive: true, force: true});
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = resolve(fileURLToPath(import.meta.url), '../..');
  try {
    const {zip, count} = releaseWordPress(resolve(process.argv[2] ?? join(root, 'release')));
    console.log(`${relative(process.cwd(), zip) || zip}: ${count} files`);
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
}
