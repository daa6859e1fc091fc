// Writes each element's styles to `dist/styles/<tag>.css`, from the npm build's modules, for the
// engines that cannot adopt stylesheets under a strict CSP (src/core/linked-styles.ts).
import {mkdirSync, readdirSync, writeFileSync} from 'node:fs';

const elements = readdirSync('dist/esm/elements');
// The DSFR theme's rules, which the widgets load with their first widget of that theme
// (src/core/theme.ts `themeIn`): a linked stylesheet holds them from the start.
const {dsfrStyles} = await import(new URL('../dist/esm/core/theme-dsfr.js', import.meta.url).href);
const dsfrRule = ":host([theme='dsfr'])";
mkdirSync('dist/styles', {recursive: true});
for (const tag of elements) {
  const module = await import(new URL(`../dist/esm/elements/${tag}/${tag}.js`, import.meta.url).href);
  const element = Object.values(module).find((value) => typeof value?.finalize === 'function');
  if (!element) throw new Error(`dist/esm/elements/${tag}/${tag}.js exports no element class`);
  element.finalize();
  const styles = element.elementStyles.map((style) => style.cssText);
  if (!styles.some((text) => text.includes(dsfrRule))) styles.push(dsfrStyles.cssText);
  const css = styles.join('\n');
  writeFileSync(`dist/styles/${tag}.css`, `${css}\n`);
}
console.log(`dist/styles/: ${elements.length} stylesheets`);
