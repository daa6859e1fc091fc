import {expect, html, waitUntil} from '@open-wc/testing';
import {mount, normalize, shadow} from '../../../test/helpers.js';
import {
  $,
  text,
  builder,
  datasetShown,
  choose,
  next,
  partOf,
  previewed,
  ODS_PAGE,
} from './builder-harness.test.js';

describe('odw-builder preview and code', function () {
  this.timeout(60_000);

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
});
