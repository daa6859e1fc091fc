import {expect, waitUntil} from '@open-wc/testing';
import {
  $,
  text,
  builder,
  datasetShown,
  select,
  next,
  partOf,
  previewed,
  ODS_PAGE,
} from './builder-harness.test.js';

describe('odw-builder details', function () {
  this.timeout(60_000);

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

  describe('the text alternative', () => {
    it('asks for a description, with a hint, and writes it into the tag and the frame', async () => {
      const el = await builder(ODS_PAGE);
      await datasetShown(el);
      $(el, '#propose-kpi')!.click();
      await el.updateComplete;
      await next(el);
      const description = $(el, '#widget-description') as HTMLTextAreaElement;
      expect(text(el, 'label[for="widget-description"]')).to.equal(
        'Description (texte lu par les lecteurs d’écran)',
      );
      expect(description.getAttribute('aria-describedby')).to.equal('widget-description-help');
      expect(text(el, '#widget-description-help')).to.match(/^Dites ce que montre le widget/);
      description.value = 'Habitants des communes de France en 2025';
      description.dispatchEvent(new Event('change'));
      await el.updateComplete;
      expect(text(el, '#code')).to.include('description="Habitants des communes de France en 2025"');
      const template = document.createElement('template');
      template.innerHTML = text(el, '#iframe-code');
      const frame = new URL(template.content.querySelector('iframe')!.src);
      expect(frame.searchParams.get('description')).to.equal('Habitants des communes de France en 2025');
    });

    it('writes the proposal of a chart into both codes when none is typed', async () => {
      const el = await builder(ODS_PAGE);
      await datasetShown(el);
      const proposed =
        'Barres horizontales : Somme de Population municipale par Région, les 10 premières valeurs.';
      expect(text(el, '#code')).to.include(`description="${proposed}"`);
      const template = document.createElement('template');
      template.innerHTML = text(el, '#iframe-code');
      const frame = new URL(template.content.querySelector('iframe')!.src);
      expect(frame.searchParams.get('description')).to.equal(proposed);
    });
  });

  describe('a custom palette', () => {
    it('names each colour below 3:1 on the background, with its ratio, tied to the field and said', async () => {
      const el = await builder(ODS_PAGE);
      await datasetShown(el);
      await next(el);
      await next(el);
      expect($(el, '#palette-colours'), 'only for a custom palette').to.equal(null);
      await select(el, '#palette', 'custom');
      const field = $(el, '#palette-colours') as HTMLInputElement;
      expect(text(el, '#palette-colours-help')).to.include('au moins 3:1');
      expect(text(el, '#palette-colours-error')).to.equal('Indiquez au moins une couleur.');
      await select(el, '#palette-colours', '#000091, #ffd700, #c9191e');
      const problem =
        '#ffd700 : contraste de 1,4:1 avec le fond #ffffff, il faut au moins 3:1 (WCAG 1.4.11, formes graphiques).';
      expect(text(el, '#palette-colours-error')).to.equal(problem);
      expect(text(el, '#status'), 'announced').to.equal(problem);
      expect(field.getAttribute('aria-invalid')).to.equal('true');
      expect(field.getAttribute('aria-describedby')).to.equal('palette-colours-help palette-colours-error');
      expect(text(el, '#code')).to.include('--odw-palette-2: #ffd700;');
      await expect(el).to.be.accessible();
      await select(el, '#theme', 'dark');
      expect(text(el, '#palette-colours-error'), 'on the dark background').to.match(
        /^#000091 : contraste de 1,\d+:1 avec le fond #161b22/,
      );
      await select(el, '#theme', '');
      await select(el, '#palette-colours', '#000091, #c9191e');
      expect($(el, '#palette-colours-error')).to.equal(null);
      expect(field.getAttribute('aria-invalid')).to.equal('false');
      expect(text(el, '#code')).to.include('--odw-palette-2: #c9191e;');
    });
  });
});
