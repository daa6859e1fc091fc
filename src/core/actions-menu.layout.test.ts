import {expect, html, waitUntil} from '@open-wc/testing';
import type {TemplateResult} from 'lit';
import '../elements/odw-chart/define.js';
import '../elements/odw-map/define.js';
import '../elements/odw-table/define.js';
import {mount, part, shadow} from '../../test/helpers.js';

const ODS = '/portal/ods/api/explore/v2.1/catalog/datasets/populations-legales-2025/records';
const LOIRET = '/portal/files/communes-45-loiret.geojson';
const ORLEANS = 'epci = "Orléans Métropole"';

/** What each widget draws (its figure's part), with a title as long as a real page's. */
const widgets: Array<{name: string; figure: string; template: TemplateResult}> = [
  {
    name: 'odw-chart',
    figure: 'chart',
    template: html`<odw-chart
      title="Population des communes d’Orléans Métropole"
      src=${ODS}
      where=${ORLEANS}
      x="commune"
      y="sum(population)"
      sort="-y"
      limit="8"
    ></odw-chart>`,
  },
  {
    name: 'odw-map',
    figure: 'map',
    template: html`<odw-map
      title="Population municipale 2025 des communes d’Orléans Métropole"
      src=${ODS}
      where=${ORLEANS}
      shapes=${LOIRET}
      shapes-key="code"
      key="code_insee"
      value="sum(population)"
      only-matched
    ></odw-map>`,
  },
  {
    name: 'odw-table',
    figure: 'scroller',
    template: html`<odw-table
      title="Les communes d’Orléans Métropole"
      src=${ODS}
      where=${ORLEANS}
      columns="commune,population"
      sort="-population"
      page-size="5"
    ></odw-table>`,
  },
];

/** The height of `boxes` stacked as they are drawn: from the highest top to the lowest bottom. */
function span(boxes: DOMRect[]): number {
  return Math.max(...boxes.map((box) => box.bottom)) - Math.min(...boxes.map((box) => box.top));
}

describe('the frame on a phone: title, actions and footer never taller than the figure', function () {
  this.timeout(60_000);

  for (const width of [320, 390]) {
    for (const {name, figure, template} of widgets) {
      it(`${name} in a ${width} px card`, async () => {
        const container = await mount(template, width);
        const el = container.querySelector(name)!;
        await waitUntil(
          () => part(el, 'footer') && part(el, figure) && part(el, 'actions'),
          `${name} drawn`,
          {
            timeout: 20_000,
          },
        );
        // The placement settles on the next frame after a resize.
        await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
        const box = (partName: string) => part(el, partName)!.getBoundingClientRect();
        const heading = span([box('title'), box('actions')]);
        const frame = heading + box('footer').height;
        const drawn = box(figure).height;
        const placement = shadow(el).querySelector('.widget')!.getAttribute('data-actions') ?? 'under';
        expect(
          frame,
          `title and actions (${placement}) ${heading} + footer ${box('footer').height}`,
        ).to.be.at.most(drawn);
        // Nothing wider than the card.
        expect(el.scrollWidth, 'no horizontal overflow').to.be.at.most(width);
        for (const partName of ['title', 'actions', 'footer']) {
          expect(box(partName).right, partName).to.be.at.most(el.getBoundingClientRect().right + 0.5);
        }
      });
    }
  }
});

/** Whether a word of `element`'s text is drawn on two lines (broken where it does not fit). */
function breaksAWord(element: Element): boolean {
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    for (const word of node.textContent!.matchAll(/\S+/g)) {
      const range = document.createRange();
      range.setStart(node, word.index);
      range.setEnd(node, word.index + word[0].length);
      if (new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size > 1) return true;
    }
  }
  return false;
}

describe('a title beside the actions row', function () {
  this.timeout(60_000);

  // At 320 px « Colonnes » is wider than the room the row leaves it: broken there (« Colonn-es »)
  // the frame was no taller, so the row stayed beside it.
  for (const [width, title] of [
    [320, 'Colonnes'],
    [320, 'Population'],
    [390, 'Population des communes d’Orléans Métropole'],
  ] as const) {
    it(`breaks no word at ${width} px: « ${title} »`, async () => {
      const container = await mount(
        html`<odw-chart
          title=${title}
          src=${ODS}
          where=${ORLEANS}
          x="commune"
          y="sum(population)"
        ></odw-chart>`,
        width,
      );
      const el = container.querySelector('odw-chart')!;
      await waitUntil(() => part(el, 'chart') && part(el, 'actions'), 'chart drawn', {timeout: 20_000});
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      expect(breaksAWord(part(el, 'title')!)).to.equal(false);
    });
  }
});
