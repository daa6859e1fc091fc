// Assembles the WordPress plugin in a folder of its own (a WordPress plugins folder, or the folder
// tools/release-wordpress.mjs zips): the sources of integrations/wordpress/open-data-widgets/, plus
// what is built, never written by hand nor kept in the repository:
// - generated/elements.php: each tag and its attributes, from custom-elements.json (npm run analyze),
//   the one source of the KSES allow-list and of the shortcodes;
// - languages/*.mo and *.json: the .po translations compiled for PHP and for the editor script;
// - dist/: what a browser loads of `npm run build` (open-data-widgets.js and chunks/), so the
//   plugin serves the script itself.
//   node tools/wordpress/build-plugin.mjs <target folder, emptied first>
import {cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync} from 'node:fs';
import {createHash} from 'node:crypto';
import {join, relative, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';

const root = resolve(fileURLToPath(import.meta.url), '../../..');
const pluginDir = join(root, 'integrations/wordpress/open-data-widgets');
/** Scripts of the plugin that use wp.i18n, relative to the plugin. */
const EDITOR_SCRIPTS = ['block/editor.js'];

/** The tags of custom-elements.json with their attribute names. */
export function documentedElements(manifest) {
  const elements = {};
  for (const module of manifest.modules) {
    for (const declaration of module.declarations ?? []) {
      if (!declaration.customElement || !declaration.tagName) continue;
      elements[declaration.tagName] = (declaration.attributes ?? []).map((attribute) => attribute.name);
    }
  }
  return Object.fromEntries(Object.entries(elements).sort(([a], [b]) => a.localeCompare(b)));
}

const phpString = (value) => `'${value.replace(/[\\']/g, '\\$&')}'`;

function elementsPhp(elements) {
  const rows = Object.entries(elements).map(
    ([tag, attributes]) => `\t${phpString(tag)} => array( ${attributes.map(phpString).join(', ')} ),`,
  );
  return [
    '<?php',
    '// Generated from custom-elements.json by tools/wordpress/build-plugin.mjs: do not edit.',
    "defined( 'ABSPATH' ) || exit;",
    'return array(',
    ...rows,
    ');',
    '',
  ].join('\n');
}

/** The translated messages of a .po file (no contexts or plurals: the plugin uses neither). */
export function parsePo(text) {
  const messages = new Map();
  let current = null;
  let field = null;
  const unquote = (quoted) => JSON.parse(quoted);
  for (const line of text.split('\n')) {
    const start = /^(msgid|msgstr) (".*")$/.exec(line);
    if (start) {
      if (start[1] === 'msgid') current = {msgid: '', msgstr: ''};
      field = start[1];
      current[field] = unquote(start[2]);
      if (field === 'msgstr') messages.set(current.msgid, current.msgstr);
    } else if (/^".*"$/.test(line) && current) {
      current[field] += unquote(line);
      if (field === 'msgstr') messages.set(current.msgid, current.msgstr);
    }
  }
  return messages;
}

/** The Jed 1.x JSON that wp.i18n reads, for the messages of a `<domain>-<locale>.po` file. */
function jedJson(messages, poName) {
  const lang = /-([a-z]{2}_[A-Z]{2})\.po$/.exec(poName)?.[1] ?? '';
  const translated = [...messages]
    .filter(([id, str]) => id !== '' && str !== '')
    .map(([id, str]) => [id, [str]]);
  return JSON.stringify({
    domain: 'messages',
    locale_data: {messages: {'': {domain: 'messages', lang}, ...Object.fromEntries(translated)}},
  });
}

/** A GNU .mo file (little-endian, no hash table) for the messages. */
export function compileMo(messages) {
  const entries = [...messages]
    .filter(([, msgstr]) => msgstr !== '')
    .map(([id, str]) => [Buffer.from(id), Buffer.from(str)]);
  entries.sort(([a], [b]) => Buffer.compare(a, b));
  const count = entries.length;
  const headerSize = 28;
  const tables = headerSize + 16 * count;
  const header = Buffer.alloc(tables);
  header.writeUInt32LE(0x950412de, 0);
  header.writeUInt32LE(0, 4);
  header.writeUInt32LE(count, 8);
  header.writeUInt32LE(headerSize, 12);
  header.writeUInt32LE(headerSize + 8 * count, 16);
  header.writeUInt32LE(0, 20);
  header.writeUInt32LE(tables, 24);
  const strings = [];
  let offset = tables;
  const place = (buffer, tableOffset) => {
    header.writeUInt32LE(buffer.length, tableOffset);
    header.writeUInt32LE(offset, tableOffset + 4);
    strings.push(buffer, Buffer.from([0]));
    offset += buffer.length + 1;
  };
  entries.forEach(([id], index) => place(id, headerSize + 8 * index));
  entries.forEach(([, str], index) => place(str, headerSize + 8 * count + 8 * index));
  return Buffer.concat([header, ...strings]);
}

/** Assembles the plugin in `target` (emptied first). */
export function buildPlugin(target) {
  const manifestPath = join(root, 'custom-elements.json');
  const script = join(root, 'dist/open-data-widgets.js');
  for (const [path, command] of [
    [manifestPath, 'npm run analyze'],
    [script, 'npm run build'],
  ]) {
    if (!existsSync(path)) throw new Error(`${path} is missing: run \`${command}\` first.`);
  }

  rmSync(target, {recursive: true, force: true});
  cpSync(pluginDir, target, {recursive: true});

  const generated = join(target, 'generated');
  mkdirSync(generated, {recursive: true});
  const elements = documentedElements(JSON.parse(readFileSync(manifestPath, 'utf8')));
  writeFileSync(join(generated, 'elements.php'), elementsPhp(elements));

  const languages = join(target, 'languages');
  for (const name of readdirSync(languages).filter((file) => file.endsWith('.po'))) {
    const messages = parsePo(readFileSync(join(languages, name), 'utf8'));
    writeFileSync(join(languages, name.replace(/\.po$/, '.mo')), compileMo(messages));
    // The editor script's strings: WordPress reads <domain>-<locale>-<md5 of the script's path>.json.
    for (const script of EDITOR_SCRIPTS) {
      const hash = createHash('md5').update(script).digest('hex');
      writeFileSync(join(languages, name.replace(/\.po$/, `-${hash}.json`)), jedJson(messages, name));
    }
  }

  // What a browser loads (open-data-widgets.js and what sits beside it), not the npm modules and
  // types, nor source maps.
  const dist = join(target, 'dist');
  cpSync(join(root, 'dist'), dist, {
    recursive: true,
    filter: (source) =>
      !/^(esm|types)(\/|$)/.test(relative(join(root, 'dist'), source)) && !source.endsWith('.map'),
  });
  return {elements: Object.keys(elements)};
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const target = process.argv[2];
  if (!target) {
    console.error('Usage: node tools/wordpress/build-plugin.mjs <target folder>');
    process.exit(1);
  }
  try {
    const {elements} = buildPlugin(resolve(target));
    console.log(`Plugin assembled in ${target} (${elements.length} elements: ${elements.join(', ')})`);
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
}
