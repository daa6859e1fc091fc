// A plugin for custom-elements-manifest.config.mjs: the attributes of the manifest (hence the
// reference of tools/reference.mjs and Storybook's controls) come from the elements' attribute
// schemas (src/core/schema.ts), the one place each attribute is declared. The kinds, values and
// defaults are read by running the schema modules (bundled with esbuild); the descriptions are the
// JSDoc comments above their entries, which the bundle does not keep.
import {build} from 'esbuild';
import {readdirSync} from 'node:fs';

/** `headingLevel` → `heading-level` (src/core/schema.ts, `attributeName`). */
function attributeName(property, spec) {
  return spec.attribute ?? property.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
}

function typeText(spec) {
  if (spec.kind === 'boolean') return 'boolean';
  if (spec.kind === 'number' || spec.kind === 'integer') return 'number';
  return spec.values ? spec.values.map((value) => `'${value}'`).join(' | ') : 'string';
}

/** Every exported schema of the `*.schema.ts` files, by export name. */
async function loadSchemas(files) {
  const result = await build({
    stdin: {
      contents: files.map((file) => `export * from './${file}';`).join('\n'),
      resolveDir: process.cwd(),
      loader: 'ts',
    },
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'neutral',
    logLevel: 'silent',
  });
  const code = result.outputFiles[0].text;
  return import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
}

/** The plugin, once the schema modules under `root` have run. */
export async function schemaAttributes(root = 'src') {
  const files = readdirSync(root, {recursive: true})
    .filter((file) => file.endsWith('.schema.ts'))
    .map((file) => `${root}/${file}`)
    .sort();
  const schemas = await loadSchemas(files);
  /** Schema export name → property → its JSDoc description. */
  const descriptions = new Map();
  /** Class name → the schema export its `static properties = propertiesOf(…)` names. */
  const classSchemas = new Map();
  return {
    name: 'odw-schema-attributes',
    analyzePhase({ts, node}) {
      if (ts.isVariableDeclaration(node) && node.initializer && ts.isCallExpression(node.initializer)) {
        const call = node.initializer;
        const [object] = call.arguments;
        if (
          call.expression.getText() !== 'defineAttributes' ||
          !object ||
          !ts.isObjectLiteralExpression(object)
        ) {
          return;
        }
        const docs = new Map();
        for (const entry of object.properties) {
          if (!entry.name) continue;
          const doc = (entry.jsDoc ?? [])
            .map((jsDoc) => ts.getTextOfJSDocComment(jsDoc.comment) ?? '')
            .join(' ');
          docs.set(entry.name.getText(), doc.replace(/\s+/g, ' ').trim());
        }
        descriptions.set(node.name.getText(), docs);
      }
      if (ts.isClassDeclaration(node) && node.name) {
        for (const member of node.members) {
          const initializer = ts.isPropertyDeclaration(member) ? member.initializer : undefined;
          if (member.name?.getText() !== 'properties' || !initializer || !ts.isCallExpression(initializer))
            continue;
          if (initializer.expression.getText() !== 'propertiesOf') continue;
          classSchemas.set(node.name.getText(), initializer.arguments[0].getText());
        }
      }
    },
    packageLinkPhase({customElementsManifest}) {
      const declarations = customElementsManifest.modules.flatMap((module) => module.declarations ?? []);
      const byName = new Map(declarations.map((declaration) => [declaration.name, declaration]));
      /** The schemas of a class and its superclasses, nearest last (it wins). */
      const chain = (declaration) => {
        const parent = declaration.superclass && byName.get(declaration.superclass.name);
        const own = classSchemas.has(declaration.name)
          ? [{schema: classSchemas.get(declaration.name), from: declaration}]
          : [];
        return [...(parent ? chain(parent) : []), ...own];
      };
      for (const declaration of declarations) {
        if (declaration.kind !== 'class') continue;
        if (!classSchemas.has(declaration.name)) continue;
        const links = chain(declaration);
        const attributes = new Map();
        const fields = new Map();
        for (const {schema: exportName, from} of links) {
          const schema = schemas[exportName];
          if (!schema)
            throw new Error(`schema-manifest: ${exportName} is not exported by a *.schema.ts file`);
          for (const [property, spec] of Object.entries(schema)) {
            const name = attributeName(property, spec);
            const type = {text: typeText(spec)};
            const description = descriptions.get(exportName)?.get(property) || undefined;
            const defaultText = spec.default === undefined ? undefined : JSON.stringify(spec.default);
            const inheritedFrom = from === declaration ? undefined : {name: from.name, module: from.module};
            attributes.set(name, {
              name,
              type,
              default: defaultText,
              description,
              fieldName: property,
              inheritedFrom,
            });
            fields.set(property, {
              kind: 'field',
              name: property,
              type,
              default: defaultText,
              description,
              attribute: name,
              reflects: spec.reflect ?? true,
              inheritedFrom,
            });
          }
        }
        // The element's own attributes first, then those every data widget has.
        const ownFirst = (list) => [
          ...list.filter((item) => !item.inheritedFrom),
          ...list.filter((item) => item.inheritedFrom),
        ];
        declaration.attributes = ownFirst([...attributes.values()]);
        declaration.members = [
          ...ownFirst([...fields.values()]),
          ...(declaration.members ?? []).filter((member) => !fields.has(member.name)),
        ];
      }
    },
  };
}
