import {expect, html, waitUntil} from '@open-wc/testing';
import {requestSettings} from '../../data/index.js';
import './define.js';
import type {OdwBuilder} from './odw-builder.js';
import {decodeState, encodeState, stateCodeOf} from './state.js';
import {mount, normalize, openPage, shadow} from '../../../test/helpers.js';

const ODS_PAGE = '/portal/ods/explore/dataset/populations-legales-2025/table/';
const ODS_RECORDS = '/portal/ods/api/explore/v2.1/catalog/datasets/populations-legales-2025/records';
const FESTIVALS = '/portal/ods/explore/dataset/festivals-du-finistere/';
const PARKINGS = '/portal/ods/explore/dataset/paris-stationnement/';
const SCRIPT = '/src/autoloader.ts';
const savedSettings = {...requestSettings};

async function builder(src?: string, lang?: string): Promise<OdwBuilder> {
  const container = await mount(
    html`<odw-builder
      src=${src ?? ''}
      lang=${lang ?? 'fr'}
      script-src=${SCRIPT}
      shapes-base="/portal/files/"
      tabular-api="/portal/tabular/api/"
    ></odw-builder>`,
  );
  return container.querySelector('odw-builder')!;
}

function $(el: OdwBuilder, selector: string): HTMLElement | null {
  return shadow(el).querySelector<HTMLElement>(selector);
}

function text(el: OdwBuilder, selector: string): string {
  return normalize($(el, selector)?.textContent);
}

async function datasetShown(el: OdwBuilder): Promise<void> {
  await waitUntil(() => $(el, '#dataset-meta') || $(el, '#load-error'), 'dataset or error', {
    timeout: 20_000,
  });
  expect($(el, '#load-error'), text(el, '#load-error')).to.equal(null);
}

async function typeAddress(el: OdwBuilder, url: string, search = ''): Promise<void> {
  const input = $(el, '#url') as HTMLInputElement;
  input.value = url;
  input.dispatchEvent(new Event('input'));
  const words = $(el, '#search') as HTMLInputElement;
  words.value = search;
  words.dispatchEvent(new Event('input'));
  await el.updateComplete;
  ($(el, '#load') as HTMLButtonElement).click();
  await el.updateComplete;
}

async function choose(el: OdwBuilder, selector: string): Promise<void> {
  const input = $(el, selector) as HTMLInputElement;
  expect(input, selector).to.not.equal(null);
  input.checked = true;
  input.dispatchEvent(new Event('change'));
  await el.updateComplete;
}

async function select(el: OdwBuilder, selector: string, value: string): Promise<void> {
  const control = $(el, selector) as HTMLSelectElement | HTMLInputElement;
  control.value = value;
  control.dispatchEvent(new Event('change'));
  await el.updateComplete;
}

async function next(el: OdwBuilder): Promise<void> {
  ($(el, '#next') as HTMLButtonElement).click();
  await el.updateComplete;
}

/** The code the Copy button puts on the clipboard (the clipboard stubbed to keep it). */
async function copiedCode(el: OdwBuilder): Promise<string> {
  const copies: string[] = [];
  const clipboard = navigator.clipboard;
  Object.defineProperty(navigator, 'clipboard', {
    configurable: true,
    value: {writeText: async (value: string) => void copies.push(value)},
  });
  try {
    ($(el, '#copy') as HTMLButtonElement).click();
    await waitUntil(
      () => text(el, '#status') === 'Code copié' || text(el, '#status') === 'Code copied',
      'announced',
    );
  } finally {
    Object.defineProperty(navigator, 'clipboard', {configurable: true, value: clipboard});
  }
  expect(copies).to.have.length(1);
  return copies[0];
}

const frames: HTMLIFrameElement[] = [];
afterEach(() => {
  for (const frame of frames.splice(0)) frame.remove();
});

/** A blank page holding only the pasted code (the script tag loads the library from source). */
async function pasted(code: string): Promise<Document> {
  const frame = document.createElement('iframe');
  frame.width = '1000';
  frame.height = '800';
  frames.push(frame);
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, {once: true}));
  frame.srcdoc = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Page</title></head><body>${code}</body></html>`;
  document.body.append(frame);
  await loaded;
  return frame.contentDocument!;
}

/** The first element `selector` finds in a document or in the shadow roots inside it. */
function deepQuery(root: Document | ShadowRoot, selector: string): Element | null {
  const found = root.querySelector(selector);
  if (found) return found;
  for (const host of root.querySelectorAll('*')) {
    const inner = host.shadowRoot ? deepQuery(host.shadowRoot, selector) : null;
    if (inner) return inner;
  }
  return null;
}

function partOf(widget: Element, name: string): string {
  return normalize(widget.shadowRoot?.querySelector(`[part~="${name}"]`)?.textContent);
}

function previewed(el: OdwBuilder, tag: string): HTMLElement {
  return $(el, `#preview-frame ${tag}`)!;
}

describe('odw-builder', function () {
  this.timeout(60_000);

  beforeEach(() => Object.assign(requestSettings, {baseDelay: 5, maxDelay: 20}));
  afterEach(() => Object.assign(requestSettings, savedSettings));

  describe('step 1, the data', () => {
    it('loads a dataset page URL and shows its title, publisher, licence, update, rows and fields', async () => {
      const el = await builder();
      await typeAddress(el, ODS_PAGE);
      await datasetShown(el);
      const meta = text(el, '#dataset-meta');
      expect(meta).to.include('Populations légales 2025 des communes');
      expect(meta).to.include('Insee');
      expect(meta).to.include('Licence Ouverte v2.0 (Etalab)');
      expect(meta).to.match(/Dernière mise à jour 19 décembre 2024/);
      expect(meta).to.match(/Nombre de lignes \d\d \d{3}/);
      const rows = [...shadow(el).querySelectorAll('#fields tbody tr')].map((row) =>
        normalize(row.textContent),
      );
      expect(rows).to.include('Population municipale population nombre entier');
      expect(text(el, '#status')).to.equal(
        'Jeu de données chargé : « Populations légales 2025 des communes », 10 champs.',
      );
      await expect(el).to.be.accessible();
    });

    it('searches an Opendatasoft portal’s catalogue and loads the dataset picked', async () => {
      const el = await builder();
      await typeAddress(el, '/portal/ods/', 'vélo');
      await waitUntil(() => $(el, '.datasets'), 'catalogue listed', {timeout: 20_000});
      expect(text(el, '#status')).to.equal('1 jeu de données trouvé.');
      expect(text(el, '.datasets')).to.include('Stationnement vélo à Paris');
      expect(text(el, '.datasets')).to.include('Ville de Paris');
      await expect(el).to.be.accessible();
      const choice = $(el, '.datasets button')!;
      expect(choice.getAttribute('aria-label')).to.equal('Choisir « Stationnement vélo à Paris »');
      choice.click();
      await datasetShown(el);
      expect(text(el, '#dataset-meta')).to.include('Open Database License (ODbL)');
      expect(text(el, '#dataset-meta')).to.match(/Nombre de lignes 9 814/);
    });

    it('searches data.gouv.fr and reads a parsed resource through the tabular API', async () => {
      const el = await builder();
      await typeAddress(el, '/portal/datagouv', 'populations');
      await waitUntil(() => $(el, '.datasets button'), 'resources listed', {timeout: 20_000});
      expect(text(el, '.datasets')).to.include('Populations légales 2025');
      $(el, '.datasets button')!.click();
      await datasetShown(el);
      expect(($(el, '#url') as HTMLInputElement).value).to.equal(
        location.origin + '/portal/tabular/api/resources/7d3f6a2e-1c4b-4e8a-9f2d-5b6c7a8e9d01/data/',
      );
      expect(text(el, '#fields')).to.include('population');
    });

    it('lists the resources of a data.gouv.fr dataset page pasted as it is', async () => {
      const el = await builder();
      await typeAddress(el, '/portal/datagouv/fr/datasets/populations-legales-2025/');
      await waitUntil(() => $(el, '.datasets button'), 'resources listed', {timeout: 20_000});
      const buttons = [...shadow(el).querySelectorAll('.datasets button')].map((button) =>
        normalize(button.textContent),
      );
      expect(buttons).to.deep.equal([
        'Choisir : Populations légales 2025 des communes (CSV)',
        'Choisir : Populations légales 2025 des communes (copie)',
      ]);
    });

    it('asks for an address when none is given, the message tied to the field', async () => {
      const el = await builder();
      await typeAddress(el, '  ');
      const input = $(el, '#url')!;
      expect(input.getAttribute('aria-invalid')).to.equal('true');
      expect(input.getAttribute('aria-describedby')).to.equal('url-help url-error');
      expect(text(el, '#url-error')).to.equal('Indiquez une adresse.');
      await expect(el).to.be.accessible();
    });

    for (const [what, url, search, message] of [
      [
        'an address that is neither a dataset nor a portal',
        '/portal/files/nothing-here',
        '',
        'Cette adresse n’est ni celle d’un jeu de données ni celle d’un portail reconnu.',
      ],
      [
        'a private dataset',
        '/portal/~status=401/ods/api/explore/v2.1/catalog/datasets/populations-legales-2025/records',
        '',
        'Jeu de données privé : une clé d’API est nécessaire (attribut api-key).',
      ],
      [
        'an unknown dataset',
        '/portal/ods/explore/dataset/nulle-part/',
        '',
        'Jeu de données introuvable. Vérifiez l’adresse de la source.',
      ],
    ]) {
      it(`says in words what failed for ${what}`, async () => {
        const el = await builder();
        await typeAddress(el, url, search);
        await waitUntil(() => $(el, '#load-error'), 'error shown', {timeout: 20_000});
        expect(text(el, '#load-error')).to.equal(message);
        expect($(el, '#load-error')!.getAttribute('role')).to.equal('alert');
        expect($(el, '#url')!.getAttribute('aria-describedby')).to.equal('url-help load-error');
        expect($(el, '#url'), 'the form stays usable').to.not.equal(null);
      });
    }

    it('says when a catalogue search finds nothing', async () => {
      const el = await builder();
      await typeAddress(el, '/portal/ods', 'zzzintrouvable');
      await waitUntil(() => $(el, '#catalog-empty'), 'empty result', {timeout: 20_000});
      expect(text(el, '#catalog-empty')).to.equal('Aucun jeu de données ne correspond à « zzzintrouvable ».');
      expect(text(el, '#status')).to.equal(text(el, '#catalog-empty'));
    });
  });

  describe('steps', () => {
    it('moves the focus to the heading of each step and marks the current one', async () => {
      const el = await builder(ODS_PAGE);
      await datasetShown(el);
      await next(el);
      expect(shadow(el).activeElement?.id).to.equal('step2-heading');
      expect(text(el, '#step2-heading')).to.equal('Étape 2 sur 3 : Le widget');
      expect(text(el, '.steps [aria-current="step"]')).to.equal('2. Le widget');
      await next(el);
      expect(shadow(el).activeElement?.id).to.equal('step3-heading');
      ($(el, '#previous') as HTMLButtonElement).click();
      await el.updateComplete;
      expect(shadow(el).activeElement?.id).to.equal('step2-heading');
    });

    it('proposes a first chart as soon as the dataset is loaded, with only the choices the fields allow', async () => {
      const el = await builder(ODS_PAGE);
      await datasetShown(el);
      await next(el);
      expect(($(el, '#kind-chart') as HTMLInputElement).checked).to.equal(true);
      const kinds = [...shadow(el).querySelectorAll('#kind-group input')].map((input) => input.id);
      expect(kinds).to.deep.equal([
        'kind-kpi',
        'kind-chart',
        'kind-map',
        'kind-table',
        'kind-filter',
        'kind-dashboard',
      ]);
      const types = [...shadow(el).querySelectorAll('#chart-type-group input')].map(
        (input) => (input as HTMLInputElement).value,
      );
      expect(types, 'no time axis without a date').to.deep.equal([
        'column',
        'bar',
        'pie',
        'donut',
        'scatter',
      ]);
      expect(text(el, '#chart-type-note')).to.equal('Courbe et aire demandent un champ de date.');
      const measures = [...($(el, '#y-field') as HTMLSelectElement).options].map((option) => option.value);
      expect(measures, 'aggregates on numbers only').to.deep.equal([
        'population',
        'population_comptee_a_part',
        'population_totale',
      ]);
      await waitUntil(() => shadow(previewed(el, 'odw-chart')).querySelector('#summary'), 'chart drawn', {
        timeout: 30_000,
      });
      await expect(el).to.be.accessible();
    });

    it('fills the details with a text alternative proposal, and insists on one for charts', async () => {
      const el = await builder(ODS_PAGE);
      await datasetShown(el);
      await next(el);
      await next(el);
      const description = $(el, '#widget-description') as HTMLTextAreaElement;
      expect(description.value).to.equal(
        'Barres horizontales : Somme de Population municipale par Région, les 10 premières valeurs.',
      );
      expect(description.getAttribute('aria-required')).to.equal('true');
      description.value = '';
      description.dispatchEvent(new Event('change'));
      await el.updateComplete;
      expect(description.getAttribute('aria-invalid')).to.equal('true');
      expect(description.getAttribute('aria-describedby')).to.equal(
        'widget-description-help widget-description-error',
      );
      expect(text(el, '#code')).to.include('description="Barres horizontales');
      await select(el, '#where', 'population >');
      expect(text(el, '#where-error')).to.match(/^« population > » : valeur attendue/);
      expect($(el, '#where')!.getAttribute('aria-describedby')).to.equal('where-help where-error');
      await select(el, '#limit', '-3');
      expect(text(el, '#limit-error')).to.equal('Indiquez un nombre entier positif.');
      await select(el, '#limit', '5');
      await select(el, '#palette', 'dsfr');
      await select(el, '#widget-lang', 'en');
      const code = text(el, '#code');
      expect(code).to.include('limit="5"');
      expect(code).to.include('--odw-palette-1: #000091;');
      expect(code).to.include('lang="en"');
      await expect(el).to.be.accessible();
    });
  });

  describe('conditions', () => {
    it('adds conditions to the filter without typing an expression', async () => {
      const el = await builder(ODS_PAGE);
      await datasetShown(el);
      $(el, '#propose-kpi')!.click();
      await el.updateComplete;
      await next(el);
      await select(el, '#condition-field', 'epci');
      // The values are those of the field, to pick from.
      await waitUntil(() => $(el, '#condition-value')?.localName === 'select', 'the values of epci', {
        timeout: 15_000,
      });
      const options = [...($(el, '#condition-value') as HTMLSelectElement).options].map(
        (option) => option.value,
      );
      expect(options).to.include('Orléans Métropole');
      expect(options[0], 'nothing picked at first').to.equal('');
      await select(el, '#condition-value', 'Orléans Métropole');
      $(el, '#add-condition')!.click();
      await el.updateComplete;
      expect(($(el, '#where') as HTMLInputElement).value).to.equal('epci = "Orléans Métropole"');
      await select(el, '#condition-field', 'population');
      await select(el, '#condition-op', '>=');
      $(el, '#add-condition')!.click();
      await el.updateComplete;
      expect(text(el, '#condition-error')).to.equal(
        'Indiquez une valeur (un nombre pour un champ numérique).',
      );
      expect($(el, '#condition-value')!.getAttribute('aria-describedby')).to.equal('condition-error');
      const number = $(el, '#condition-value') as HTMLInputElement;
      number.value = '10000';
      number.dispatchEvent(new Event('input'));
      $(el, '#add-condition')!.click();
      await el.updateComplete;
      expect(($(el, '#where') as HTMLInputElement).value).to.equal(
        'epci = "Orléans Métropole" and population >= 10000',
      );
      await waitUntil(() => partOf(previewed(el, 'odw-kpi'), 'value') === '227 050', 'the filtered figure', {
        timeout: 30_000,
      });
      await expect(el).to.be.accessible();
    });
  });

  describe('templates', () => {
    it('turns a key figure into a commune template with a selector, its default picked from the values', async () => {
      const el = await builder(ODS_PAGE);
      await datasetShown(el);
      $(el, '#propose-kpi')!.click();
      await el.updateComplete;
      await next(el);
      await select(el, '#where', 'epci = "Orléans Métropole"');
      await select(el, '#template-param', 'code_insee');
      await select(el, '#template-label', 'commune');
      // The 22 codes of the métropole, under the widget's condition, to pick from.
      await waitUntil(() => $(el, '#template-default')?.localName === 'select', 'the codes', {
        timeout: 15_000,
      });
      expect(($(el, '#template-default') as HTMLSelectElement).options).to.have.length(23);
      await select(el, '#template-default', '45232');
      const code = text(el, '#code');
      expect(code).to.include('<odw-dashboard params="commune=45232">');
      expect(code).to.include('"where": "(epci = \\"Orléans Métropole\\") and code_insee = ${commune}"');
      expect(text(el, '#iframe-help')).to.match(/publiez d’abord son JSON/);
      const dashboard = previewed(el, 'odw-dashboard');
      await waitUntil(() => dashboard.shadowRoot?.querySelector('[part~="params"] select'), 'the selector', {
        timeout: 20_000,
      });
      const selector = dashboard.shadowRoot!.querySelector<HTMLSelectElement>('[part~="params"] select')!;
      expect(selector.selectedOptions[0].text).to.equal('Olivet');
      const kpi = dashboard.shadowRoot!.querySelector('odw-kpi')!;
      await waitUntil(() => partOf(kpi, 'value') === '22 988', 'the figure of Olivet', {timeout: 20_000});
      await expect(el).to.be.accessible();
    });
  });

  describe('proposals, preview and copy', () => {
    it('proposes a first chart and a key figure as soon as the dataset is loaded', async () => {
      const el = await builder('/portal/files/populations-legales-2025.csv');
      await datasetShown(el);
      expect(
        [...shadow(el).querySelectorAll('#proposals button')].map((button) => normalize(button.textContent)),
      ).to.deep.equal(['Graphique : Barres horizontales, region', 'Chiffre clé : population']);
      $(el, '#propose-kpi')!.click();
      await el.updateComplete;
      expect(shadow(el).activeElement?.id).to.equal('step2-heading');
      expect(($(el, '#kind-kpi') as HTMLInputElement).checked).to.equal(true);
      await waitUntil(() => partOf(previewed(el, 'odw-kpi'), 'value'), 'figure', {timeout: 30_000});
      expect(partOf(previewed(el, 'odw-kpi'), 'value')).to.equal('67 808 450');
    });

    it('writes the tag and the iframe with the script it was itself loaded from', async () => {
      const container = await mount(
        html`<odw-builder src=${ODS_PAGE} shapes-base="/portal/files/"></odw-builder>`,
      );
      const el = container.querySelector('odw-builder')!;
      await datasetShown(el);
      $(el, '#propose-kpi')!.click();
      await el.updateComplete;
      const script = new URL('/src/autoloader.ts', location.href).href;
      expect(text(el, '#code')).to.include(`<script type="module" src="${script}"></script>`);
      const template = document.createElement('template');
      template.innerHTML = text(el, '#iframe-code');
      const iframe = template.content.querySelector('iframe')!;
      expect(
        iframe.src.startsWith(new URL('/src/embed/embed.html?tag=odw-kpi&src=', location.href).href),
      ).to.equal(true);
      expect(text(el, '#iframe-help')).to.include(new URL('/src/embed/embed-resize.js', location.href).href);
      await expect(el).to.be.accessible();
    });

    it('previews at the width of a page column, and of a phone on request', async () => {
      const el = await builder(ODS_PAGE);
      await datasetShown(el);
      await next(el);
      expect($(el, '#preview-frame')!.getBoundingClientRect().width).to.be.within(361, 720);
      await choose(el, '#preview-width-mobile');
      expect($(el, '#preview-frame')!.getBoundingClientRect().width).to.equal(360);
    });

    it('copies through a hidden text area when the clipboard API refuses, and says when nothing works', async () => {
      const el = await builder(ODS_PAGE);
      await datasetShown(el);
      const clipboard = navigator.clipboard;
      const execCommand = document.execCommand;
      const selections: string[] = [];
      let copyWorks = true;
      Object.defineProperty(navigator, 'clipboard', {
        configurable: true,
        value: {writeText: () => Promise.reject(new DOMException('denied', 'NotAllowedError'))},
      });
      document.execCommand = (command: string) => {
        const area = $(el, '#copy-source') as HTMLTextAreaElement;
        selections.push(`${command}:${area.value.slice(area.selectionStart, area.selectionEnd)}`);
        return copyWorks;
      };
      try {
        $(el, '#copy')!.click();
        await waitUntil(() => text(el, '#status') === 'Code copié', 'announced');
        expect(selections).to.deep.equal([`copy:${$(el, '#code')!.textContent}`]);
        expect(shadow(el).activeElement?.id, 'focus back on the button').to.equal('copy');
        copyWorks = false;
        $(el, '#copy')!.click();
        await waitUntil(() => text(el, '#status').startsWith('La copie a échoué'), 'failure announced');
      } finally {
        Object.defineProperty(navigator, 'clipboard', {configurable: true, value: clipboard});
        document.execCommand = execCommand;
      }
    });
  });

  describe('each widget, from the builder to a blank page', () => {
    /** Chooses `kind` on step 2 of a builder of `src`, then runs `setUp` there. */
    async function widgetOf(
      src: string,
      kind: string,
      setUp?: (el: OdwBuilder) => Promise<void>,
    ): Promise<OdwBuilder> {
      const el = await builder(src);
      await datasetShown(el);
      await next(el);
      await choose(el, `#kind-${kind}`);
      await setUp?.(el);
      return el;
    }

    /** Reads `read` from the previewed widget, then from the same widget in a blank page holding the copied code. */
    async function sameOnPastedPage(
      el: OdwBuilder,
      tag: string,
      read: (widget: Element) => string,
    ): Promise<{preview: string; page: string; code: string}> {
      const preview = previewed(el, tag);
      await waitUntil(() => read(preview), `${tag} previewed`, {timeout: 30_000});
      const code = await copiedCode(el);
      const page = await pasted(code);
      await waitUntil(
        () => page.querySelector(tag) && read(page.querySelector(tag)!),
        `${tag} on the pasted page`,
        {
          timeout: 30_000,
        },
      );
      const result = {preview: read(preview), page: read(page.querySelector(tag)!), code};
      expect(result.page).to.equal(result.preview);
      return result;
    }

    const partText = (widget: Element, name: string) =>
      normalize(widget.shadowRoot?.querySelector(`[part~="${name}"]`)?.textContent);
    const summaryOf = (widget: Element) =>
      normalize(widget.shadowRoot?.querySelector('#summary')?.textContent);

    it('makes a KPI: the same figure in the preview, the reader text and the pasted page', async () => {
      const el = await widgetOf(ODS_PAGE, 'kpi');
      const {page, code} = await sameOnPastedPage(el, 'odw-kpi', (widget) => partText(widget, 'value'));
      expect(page).to.equal('67 808 450');
      expect(code).to.match(/^<script type="module" src="\/src\/autoloader.ts"><\/script>\n<odw-kpi\n/);
      expect(code).to.include(`src="${location.origin}${ODS_PAGE}"`);
      await waitUntil(() => text(el, '#reader').includes('67 808 450'), 'reader text');
      expect(text(el, '#reader')).to.equal('Population municipale 67 808 450');
      await expect(el).to.be.accessible();
    });

    for (const [type, src] of [
      ['column', ODS_PAGE],
      ['bar', ODS_PAGE],
      ['pie', ODS_PAGE],
      ['donut', ODS_PAGE],
      ['scatter', ODS_PAGE],
      ['line', FESTIVALS],
      ['area', FESTIVALS],
    ]) {
      it(`makes a ${type} chart that draws the same on the pasted page`, async () => {
        const el = await widgetOf(src, 'chart', (builderEl) => choose(builderEl, `#chart-type-${type}`));
        const {page, code} = await sameOnPastedPage(el, 'odw-chart', summaryOf);
        expect(code).to.include(`type="${type}"`);
        expect(page.length).to.be.greaterThan(10);
        await waitUntil(() => text(el, '#reader') !== 'En attente du widget…', 'reader text');
        expect(text(el, '#reader')).to.include(page);
      });
    }

    it('makes a choropleth of départements with the bundled outlines', async () => {
      const el = await widgetOf(ODS_PAGE, 'map');
      expect(($(el, '#map-mode-choropleth') as HTMLInputElement).checked).to.equal(true);
      expect($(el, '#map-mode-points'), 'no points without a geo field').to.equal(null);
      const outlines = [...($(el, '#map-shapes') as HTMLSelectElement).options].map((option) => option.value);
      expect(outlines).to.include('departements.geojson');
      expect(($(el, '#map-key') as HTMLSelectElement).value).to.equal('code_departement');
      const {page, code} = await sameOnPastedPage(el, 'odw-map', summaryOf);
      expect(code).to.include(`shapes="${location.origin}/portal/files/departements.geojson"`);
      expect(page).to.match(/96/);
      await expect(el).to.be.accessible();
    });

    it('makes a points map of a dataset with coordinates', async () => {
      const el = await widgetOf(PARKINGS, 'map');
      expect(($(el, '#map-mode-points') as HTMLInputElement).checked).to.equal(true);
      const {page} = await sameOnPastedPage(el, 'odw-map', summaryOf);
      expect(page).to.include('9 814 points');
    });

    it('makes a table of the chosen columns', async () => {
      const el = await widgetOf(ODS_PAGE, 'table');
      const rowsOf = (widget: Element) =>
        [...(widget.shadowRoot?.querySelectorAll('tbody tr') ?? [])]
          .map((row) => normalize(row.textContent))
          .join(' | ');
      const {page, code} = await sameOnPastedPage(el, 'odw-table', rowsOf);
      expect(code).to.include('columns="code_region,region,code_departement,code_insee,commune"');
      expect(page.split(' | ')).to.have.length(10);
    });

    it('makes a filter bound to a source of its own', async () => {
      const el = await widgetOf(ODS_PAGE, 'filter');
      const choices = (widget: Element) =>
        [...(widget.shadowRoot?.querySelectorAll('option, input[type="checkbox"]') ?? [])].length > 1
          ? String(widget.shadowRoot!.querySelectorAll('option, input[type="checkbox"]').length)
          : '';
      const {code} = await sameOnPastedPage(el, 'odw-filter', choices);
      expect(code).to.include('field="region"');
      await waitUntil(() => text(el, '#reader').includes('Région'), 'the filter read by its label');
      expect(code).to.match(
        /<odw-source id="donnees" src="[^"]+"><\/odw-source>\n<odw-filter\n {2}source="donnees"/,
      );
    });

    it('makes a dashboard of several widgets: one odw-dashboard with its JSON', async () => {
      const el = await widgetOf(ODS_PAGE, 'dashboard');
      const items = [...shadow(el).querySelectorAll('#dashboard-widgets > li')].map((item) =>
        normalize(item.textContent),
      );
      expect(items.map((item) => item.split(' :')[0])).to.deep.equal([
        '1. Filtre',
        '2. Chiffre clé',
        '3. Graphique',
        '4. Carte',
        '5. Tableau',
      ]);
      ($(el, '#edit-4') as HTMLButtonElement).click();
      await el.updateComplete;
      await choose(el, '#edited-kind-kpi');
      expect(text(el, '#dashboard-widgets > li:nth-child(5)')).to.match(
        /^5\. Chiffre clé : Population municipale/,
      );
      ($(el, '#remove-4') as HTMLButtonElement).click();
      await el.updateComplete;
      expect(shadow(el).querySelectorAll('#dashboard-widgets > li')).to.have.length(4);
      ($(el, '#add-table') as HTMLButtonElement).click();
      await el.updateComplete;
      expect(text(el, '#dashboard-widgets > li:nth-child(5)')).to.match(
        /^5\. Tableau : .*\(en cours de modification\) Retirer$/,
      );
      ($(el, '#edit-1') as HTMLButtonElement).click();
      await el.updateComplete;
      await select(el, '#value-fn', 'count');
      // Once the dashboard is drawn, its title and its table's name differ (a table named after the
      // dataset, like the dashboard, made two regions of one name).
      await waitUntil(
        () => previewed(el, 'odw-dashboard').shadowRoot?.querySelector('section[aria-labelledby]'),
        'the dashboard titled',
        {timeout: 20_000},
      );
      await expect(el).to.be.accessible();
      // Checked before the blank page exists: its dashboard bears the same name, on purpose.
      await next(el);
      expect(text(el, 'legend')).to.equal('Le tableau de bord');
      await expect(el).to.be.accessible();
      const figure = (dashboard: Element) => {
        const kpi = dashboard.shadowRoot ? deepQuery(dashboard.shadowRoot, 'odw-kpi') : null;
        return kpi ? partText(kpi, 'value') : '';
      };
      const {page, code} = await sameOnPastedPage(el, 'odw-dashboard', figure);
      expect(page, 'count() of the communes').to.match(/^\d\d \d{3}$/);
      const json = /<script type="application\/json">([\s\S]*)<\/script>/.exec(code)![1];
      const config = JSON.parse(json) as {widgets: Array<{type: string}>; filters: unknown[]; title: string};
      expect(config.title).to.equal('Populations légales 2025 des communes');
      expect(config.widgets.map((widget) => widget.type)).to.deep.equal(['kpi', 'chart', 'map', 'table']);
      expect(config.filters).to.have.length(1);
    });
  });

  describe('the state link', () => {
    const initialUrl = location.href;
    afterEach(() => history.replaceState(null, '', initialUrl));

    it('reopens the builder in the same state, with the same code', async () => {
      const el = await builder(FESTIVALS);
      await datasetShown(el);
      await next(el);
      await choose(el, '#chart-type-line');
      await select(el, '#chart-timeunit', 'month');
      await next(el);
      await select(el, '#widget-title', 'Festivals par mois « 2019 »');
      const code = text(el, '#code');
      const link = $(el, '#link')!.getAttribute('href')!;
      expect(decodeState(stateCodeOf(new URL(link).hash)!).widgets[0]).to.deep.include({
        chartType: 'line',
        timeunit: 'month',
        title: 'Festivals par mois « 2019 »',
      });

      history.replaceState(null, '', link);
      const container = await mount(
        html`<odw-builder url-sync script-src=${SCRIPT} shapes-base="/portal/files/"></odw-builder>`,
      );
      const reopened = container.querySelector('odw-builder')!;
      await waitUntil(() => $(reopened, '#step2-heading'), 'reopened at step 2', {timeout: 20_000});
      expect(text(reopened, '#code')).to.equal(code);
      expect(($(reopened, '#chart-type-line') as HTMLInputElement).checked).to.equal(true);
      await choose(reopened, '#chart-type-area');
      expect(location.hash, 'the URL follows the changes').to.not.equal(new URL(link).hash);
      expect(decodeState(stateCodeOf(location.hash)!).widgets[0].chartType).to.equal('area');
    });

    it('gives a plain message for a damaged link and starts afresh', async () => {
      history.replaceState(null, '', '#builder=eyJzIjoiYSIsInciOlt7ImsiOiJwaWUifV19');
      const container = await mount(html`<odw-builder url-sync></odw-builder>`);
      const el = container.querySelector('odw-builder')!;
      expect(text(el, '[role="alert"]')).to.equal(
        'Le lien de réglage est invalide (w[0].k) : le constructeur repart de zéro.',
      );
      expect($(el, '#url')).to.not.equal(null);
      await expect(el).to.be.accessible();
    });
  });

  describe('the builder page of the examples', () => {
    it('opens from a state link, with the outlines of examples/data', async () => {
      const code = encodeState({
        src: ODS_RECORDS,
        dashboard: false,
        widgets: [
          {
            kind: 'map',
            mode: 'choropleth',
            shapes: 'departements.geojson',
            key: 'code_departement',
            value: 'sum(population)',
          },
        ],
      });
      const page = await openPage(`/examples/builder.html#builder=${code}`, 'odw-builder');
      const el = page.querySelector('odw-builder')!;
      await waitUntil(() => $(el, '#step2-heading'), 'restored at step 2', {timeout: 20_000});
      expect(text(el, '#code')).to.include(`shapes="${location.origin}/examples/data/departements.geojson"`);
      const map = previewed(el, 'odw-map');
      await waitUntil(
        () => normalize(map.shadowRoot?.querySelector('#summary')?.textContent).includes('96'),
        'map drawn',
        {
          timeout: 30_000,
        },
      );
    });
  });

  describe('languages', () => {
    it('speaks English with lang="en", and so does the widget it makes', async () => {
      const el = await builder(ODS_RECORDS, 'en');
      await datasetShown(el);
      expect(text(el, '#status')).to.equal(
        'Dataset loaded: “Populations légales 2025 des communes”, 10 fields.',
      );
      expect(text(el, '#step1-heading')).to.equal('Step 1 of 3: The data');
      await next(el);
      expect(text(el, '#kind-group legend')).to.equal('Kind of widget');
      await expect(el).to.be.accessible();
    });
  });
});
