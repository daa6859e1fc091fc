import type {Preview} from '@storybook/web-components-vite';
import {setCustomElementsManifest} from '@storybook/web-components-vite';
import {html} from 'lit';
import {keyed} from 'lit/directives/keyed.js';
import {http} from 'msw';
import {setupWorker} from 'msw/browser';
import {mswLoader} from 'msw-storybook-addon/csf3';
import customElements from '../custom-elements.json';
import {createFetchPortal, fetchedFiles} from '../tools/portal/browser.mjs';

setCustomElementsManifest(customElements);

/**
 * The portal emulator answers `/portal/…` inside the page, in the dev server and the static build
 * alike: msw's service worker hands it each request; it reads the copy of examples/data/ that
 * Storybook serves at `emulator-data/` (.storybook/main.ts).
 */
const portal = createFetchPortal({files: fetchedFiles(new URL('emulator-data/', document.baseURI))});

async function startPortal() {
  const worker = setupWorker(http.all('/portal/*', ({request}) => portal(request)));
  await worker.start({
    serviceWorker: {url: new URL('mockServiceWorker.js', document.baseURI).pathname},
    onUnhandledRequest: 'bypass',
    quiet: true,
  });
  return worker;
}

const preview: Preview = {
  // Runs before the stories' own loaders (some register fault sequences on the emulator).
  loaders: [mswLoader(startPortal)],
  globalTypes: {
    lang: {
      description: 'Langue des widgets',
      toolbar: {
        title: 'Langue',
        icon: 'globe',
        items: [
          {value: 'fr', title: 'Français', right: 'fr'},
          {value: 'en', title: 'English', right: 'en'},
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: {lang: 'fr'},
  decorators: [
    (story, {globals}) => {
      const lang = globals.lang === 'en' ? 'en' : 'fr';
      document.documentElement.lang = lang;
      // On the story's own root too: docs pages wrap the stories in Storybook's `lang="en"` blocks.
      // The widgets read their language when drawn: a new language draws the story again.
      return html`${keyed(lang, html`<div lang=${lang}>${story()}</div>`)}`;
    },
  ],
  parameters: {
    controls: {expanded: true},
    // The code shown under an example is the story's, without the language wrapper above.
    docs: {source: {excludeDecorators: true}},
    a11y: {test: 'error'},
  },
};
export default preview;
