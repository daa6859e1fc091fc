import {expect, html, waitUntil} from '@open-wc/testing';
import '../odw-kpi/define.js';
import {fakeFullscreen, mount, normalize, part, shadow} from '../../../test/helpers.js';
import {chooseAction, menuButton, menuItems} from '../../../test/menu-helpers.js';
import {ODS, ORLEANS, axisLabels, chartOf, drawn, marks, openTable, summary} from './chart-helpers.test.js';
describe('odw-chart actions, downloads, units and sizing', function () {
  this.timeout(40_000);

  describe('actions', () => {
    it('offers « Voir les données » and a menu of CSV, PNG, SVG, full screen and the dataset page, and downloads the drawn data as CSV', async () => {
      const el = await chartOf(
        html`<odw-chart
          src=${ODS}
          x="commune"
          y="sum(population)"
          where=${ORLEANS}
          sort="-y"
          limit="2"
        ></odw-chart>`,
      );
      await drawn(el);
      expect(normalize(shadow(el).querySelector('.toggle-table')!.textContent)).to.equal('Voir les données');
      expect(menuButton(el).getAttribute('aria-label')).to.equal('Actions du graphique');
      const {restore} = fakeFullscreen(el);
      try {
        el.requestUpdate();
        await el.updateComplete;
        expect(menuItems(el)).to.deep.equal([
          'Télécharger les données (CSV)',
          'Télécharger l’image (PNG)',
          'Télécharger l’image (SVG)',
          'Plein écran',
          'Page du jeu de données',
        ]);
      } finally {
        restore();
      }
      expect(shadow(el).querySelector<HTMLAnchorElement>('.action-dataset')!.href).to.match(
        /\/portal\/ods\/explore\/dataset\/populations-legales-2025\/$/,
      );
      const saved: Blob[] = [];
      const createObjectURL = URL.createObjectURL;
      URL.createObjectURL = (blob: Blob) => {
        saved.push(blob);
        return createObjectURL(blob);
      };
      try {
        await chooseAction(el, 'csv');
        await chooseAction(el, 'svg');
        await waitUntil(() => saved.length === 2, 'two downloads');
      } finally {
        URL.createObjectURL = createObjectURL;
      }
      const csv = new Uint8Array(await saved[0].arrayBuffer());
      expect([...csv.slice(0, 3)], 'a UTF-8 byte order mark').to.deep.equal([0xef, 0xbb, 0xbf]);
      expect(new TextDecoder().decode(csv.slice(3))).to.equal(
        'Commune,Population municipale\r\nOrléans,116344\r\nOlivet,22988\r\n',
      );
      expect(saved[1].type).to.equal('image/svg+xml');
      expect(await saved[1].text()).to.match(/^<svg/);
    });
  });

  describe('the actions row', () => {
    it('names its menu and data region after the chart, and passes axe with each open', async () => {
      const el = await chartOf(
        html`<odw-chart
          title="Population par commune"
          src=${ODS}
          x="commune"
          y="sum(population)"
          where=${ORLEANS}
          limit="3"
        ></odw-chart>`,
        900,
      );
      await drawn(el);
      expect(menuButton(el).getAttribute('aria-label')).to.equal('Actions : Population par commune');
      // Placed in the frame's callbacks, before the next paint (src/core/actions-menu-placement.ts).
      await new Promise((resolve) => requestAnimationFrame(resolve));
      expect(
        shadow(el).querySelector('.widget')!.getAttribute('data-actions'),
        'on the title’s line',
      ).to.equal('inline');
      await expect(el).to.be.accessible();
      menuButton(el).click();
      await el.updateComplete;
      expect(menuButton(el).getAttribute('aria-expanded')).to.equal('true');
      await expect(el).to.be.accessible();
      menuButton(el).click();
      await el.updateComplete;
      const toggle = shadow(el).querySelector<HTMLButtonElement>('.toggle-table')!;
      toggle.click();
      await el.updateComplete;
      const region = shadow(el).querySelector<HTMLElement>('#data-table')!;
      expect(toggle.getAttribute('aria-expanded')).to.equal('true');
      expect(toggle.getAttribute('aria-controls')).to.equal('data-table');
      expect(region.getAttribute('role')).to.equal('region');
      expect(region.getAttribute('aria-label')).to.equal('Données : Population par commune');
      expect(region.tabIndex).to.equal(0);
      expect(normalize(toggle.textContent), 'the same words open or closed').to.equal('Voir les données');
      await expect(el).to.be.accessible();
    });
  });

  describe('downloads and full screen', () => {
    it('downloads the drawing as a PNG image', async () => {
      const el = await chartOf(
        html`<odw-chart
          title="Population d’Orléans Métropole"
          src=${ODS}
          x="commune"
          y="sum(population)"
          where=${ORLEANS}
        ></odw-chart>`,
      );
      await drawn(el);
      const saved: Array<{blob: Blob; name: string}> = [];
      const createObjectURL = URL.createObjectURL;
      const blobs = new Map<string, Blob>();
      URL.createObjectURL = (blob: Blob) => {
        const url = createObjectURL(blob);
        blobs.set(url, blob);
        return url;
      };
      const click = HTMLAnchorElement.prototype.click;
      HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
        saved.push({blob: blobs.get(this.href)!, name: this.download});
      };
      try {
        await chooseAction(el, 'png');
        await waitUntil(() => saved.length === 1, 'a PNG download');
      } finally {
        URL.createObjectURL = createObjectURL;
        HTMLAnchorElement.prototype.click = click;
      }
      const [{blob, name}] = saved;
      expect(name).to.equal('population-d-orleans-metropole.png');
      expect(blob.type).to.equal('image/png');
      const bytes = new Uint8Array(await blob.arrayBuffer());
      expect([...bytes.slice(0, 8)], 'the PNG signature').to.deep.equal([137, 80, 78, 71, 13, 10, 26, 10]);
      // Drawn at twice the size of the chart, for sharp prints.
      const image = await createImageBitmap(blob);
      const svg = shadow(el).querySelector('.vega svg')!;
      expect(image.width).to.equal(2 * Number(svg.getAttribute('width')));
      expect(image.height).to.equal(2 * Number(svg.getAttribute('height')));
      // Not a blank image: the columns are there.
      const canvas = new OffscreenCanvas(image.width, image.height);
      const context = canvas.getContext('2d')!;
      context.drawImage(image, 0, 0);
      const pixels = context.getImageData(0, 0, image.width, image.height).data;
      let blue = 0;
      for (let index = 0; index < pixels.length; index += 4) {
        if (pixels[index] === 0 && pixels[index + 1] === 114 && pixels[index + 2] === 178) blue++;
      }
      expect(blue).to.be.greaterThan(1000);
    });

    it('enters and leaves full screen, its menu item saying which', async () => {
      const el = await chartOf(
        html`<odw-chart src=${ODS} x="commune" y="sum(population)" where=${ORLEANS}></odw-chart>`,
      );
      await drawn(el);
      const {calls, restore} = fakeFullscreen(el);
      const item = () => normalize(shadow(el).querySelector('.action-fullscreen')?.textContent);
      const svgHeight = () => Number(shadow(el).querySelector('.vega svg')!.getAttribute('height'));
      try {
        el.requestUpdate();
        await el.updateComplete;
        expect(item()).to.equal('Plein écran');
        await chooseAction(el, 'fullscreen');
        await waitUntil(() => item() === 'Quitter le plein écran', 'full screen');
        expect(calls).to.deep.equal(['request']);
        expect(shadow(el).activeElement, 'the focus back on the menu button').to.equal(menuButton(el));
        // The drawing takes the height of the screen.
        await waitUntil(() => svgHeight() === Math.max(240, window.innerHeight - 200), 'taller drawing');
        await chooseAction(el, 'fullscreen');
        await waitUntil(() => item() === 'Plein écran', 'not full screen');
        expect(calls).to.deep.equal(['request', 'exit']);
        await waitUntil(() => svgHeight() === 320, 'default height again');
        // A browser that refuses (no user gesture, a frame without allow="fullscreen") changes nothing.
        el.requestFullscreen = () => Promise.reject(new TypeError('Permissions check failed'));
        await chooseAction(el, 'fullscreen');
        await el.updateComplete;
        expect(item()).to.equal('Plein écran');
      } finally {
        restore();
      }
    });
  });

  describe('units, language and breakdowns', () => {
    it('writes the unit in the axis title, the tooltips, the table and the summary', async () => {
      const el = await chartOf(
        html`<odw-chart
          src=${ODS}
          x="commune"
          y="sum(population)"
          where=${ORLEANS}
          sort="-y"
          unit="hab."
        ></odw-chart>`,
      );
      await drawn(el);
      const titles = [...shadow(el).querySelectorAll('.role-axis-title text')].map(
        (text) => text.textContent,
      );
      expect(titles).to.include('Population municipale (hab.)');
      expect(summary(el)).to.equal(
        'Diagramme en colonnes, 22 communes. La plus forte valeur est Orléans avec 116 344 hab. ; la plus faible est Combleux avec 524 hab.',
      );
      expect(normalize(shadow(el).querySelector('[role="option"]')!.textContent)).to.equal(
        'Orléans : 116 344 hab.',
      );
      marks(el)[0].dispatchEvent(new PointerEvent('pointermove', {bubbles: true, clientX: 20, clientY: 20}));
      const tooltip = part(el, 'tooltip') as HTMLElement;
      await waitUntil(() => !tooltip.hidden, 'tooltip shown');
      expect(normalize(tooltip.textContent)).to.equal('Orléans : 116 344 hab.');
      expect((await openTable(el))[0]).to.deep.equal(['Orléans', '116 344 hab.']);
    });

    it('speaks English with lang="en": summary, buttons, axis numbers and tooltips', async () => {
      const el = await chartOf(
        html`<odw-chart
          lang="en"
          src=${ODS}
          x="commune"
          y="sum(population)"
          where=${ORLEANS}
          sort="-y"
        ></odw-chart>`,
      );
      await drawn(el);
      expect(summary(el)).to.equal(
        'Column chart, 22 communes. The highest value is Orléans with 116,344; the lowest is Combleux with 524.',
      );
      expect(axisLabels(el)).to.include('100,000');
      expect(normalize(shadow(el).querySelector('.toggle-table')!.textContent)).to.equal('Show the data');
      expect(normalize(shadow(el).querySelector('[role="option"]')!.textContent)).to.equal(
        'Orléans: 116,344',
      );
      expect((await openTable(el))[0]).to.deep.equal(['Orléans', '116,344']);
    });

    it('keeps the top N categories of a series breakdown and sums the rest in « Autres »', async () => {
      const el = await chartOf(
        html`<odw-chart
          src=${ODS}
          x="code_departement"
          series="epci"
          y="sum(population)"
          where='epci in ("Orléans Métropole", "Dijon Métropole", "Communauté urbaine Angers Loire Métropole")'
          sort="-y"
          limit="2"
          others
        ></odw-chart>`,
      );
      await drawn(el);
      expect(marks(el)).to.have.length(3);
      const head = () =>
        [...part(el, 'table')!.querySelectorAll('thead th')].map((th) => normalize(th.textContent));
      const rows = await openTable(el);
      expect(head()).to.deep.equal([
        'Code département',
        'Communauté urbaine Angers Loire Métropole',
        'Orléans Métropole',
        'Dijon Métropole',
      ]);
      expect(rows).to.deep.equal([
        ['49', '308 806', '—', '—'],
        ['45', '—', '293 673', '—'],
        ['Autres', '—', '—', '258 630'],
      ]);
    });
  });

  describe('sizing', () => {
    it('keeps the figures of a horizontal value axis apart on a phone-wide bar chart', async () => {
      const el = await chartOf(
        html`<odw-chart
          src=${ODS}
          type="bar"
          x="region"
          y="sum(population)"
          sort="-y"
          limit="10"
        ></odw-chart>`,
        340,
      );
      await drawn(el);
      const labels = [...shadow(el).querySelectorAll<SVGTextElement>('.role-axis-label text')]
        .filter((text) => /^[\d\s]+$/.test(text.textContent ?? '') && text.getAttribute('opacity') !== '0')
        .map((text) => text.getBoundingClientRect())
        .sort((a, b) => a.left - b.left);
      expect(labels.length).to.be.greaterThan(1);
      for (let i = 1; i < labels.length; i++) {
        expect(labels[i].left, `label ${i} starts after label ${i - 1} ends`).to.be.greaterThan(
          labels[i - 1].right,
        );
      }
    });

    it('fills its container and follows its width', async () => {
      const container = await mount(
        html`<odw-chart
          src=${ODS}
          x="commune"
          y="sum(population)"
          where=${ORLEANS}
          height="250"
        ></odw-chart>`,
        500,
      );
      const el = container.querySelector('odw-chart')!;
      await drawn(el);
      const svg = () => shadow(el).querySelector('.vega svg')!;
      const plot = shadow(el).querySelector('.plot')!;
      expect(Number(svg().getAttribute('width'))).to.equal(Math.floor(plot.clientWidth));
      expect(svg().getAttribute('height')).to.equal('250');
      container.style.width = '800px';
      await waitUntil(
        () => Number(svg().getAttribute('width')) === Math.floor(plot.clientWidth) && plot.clientWidth > 700,
        'resized',
        {timeout: 5000},
      );
    });

    it('draws at once inside a grid and a flex layout', async () => {
      const container = await mount(
        html`<div style="display: grid; grid-template-columns: 1fr 1fr; gap: 8px">
          <odw-chart src=${ODS} x="commune" y="sum(population)" where=${ORLEANS}></odw-chart>
          <div style="display: flex">
            <odw-chart
              style="flex: 1"
              src=${ODS}
              type="pie"
              x="commune"
              y="sum(population)"
              where=${ORLEANS}
              limit="4"
              others
            ></odw-chart>
          </div>
        </div>`,
        900,
      );
      for (const el of container.querySelectorAll('odw-chart')) {
        await drawn(el);
        const width = Number(shadow(el).querySelector('.vega svg')!.getAttribute('width'));
        expect(width).to.be.greaterThan(300);
        expect(width).to.be.lessThan(450);
      }
    });
  });
});
