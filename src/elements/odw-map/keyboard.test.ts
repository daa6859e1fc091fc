/**
 * The map with the keyboard alone, pressed as real keys: one Tab stop for the marks, arrows to the
 * neighbour, Page Down / Page Up by value, « Trouver une commune », and the focus after each action.
 */
import {expect, waitUntil} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import {html} from 'lit';
import type {OdwSource} from '../odw-source/odw-source.js';
import type {OdwMap} from './odw-map.js';
import {
  FESTIVALS,
  LOIRET,
  ORLEANS,
  POPULATIONS,
  area,
  drawn,
  focused,
  mapSuite,
  mount,
  normalize,
  orleansMap,
  part,
  shadow,
} from './map-harness.test.js';
import {luminance} from './contrast.js';

/** The focused element, looked for through shadow roots. */
function deepActive(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** Mounts `template` between two buttons; the walk starts on the first. */
async function between(template: ReturnType<typeof html>): Promise<{map: OdwMap; after: HTMLElement}> {
  const container = await mount(
    html`<button id="before">Avant</button>${template}<button id="after">Après</button>`,
  );
  const map = container.querySelector('odw-map')!;
  await drawn(map);
  container.querySelector<HTMLElement>('#before')!.focus();
  return {map, after: container.querySelector<HTMLElement>('#after')!};
}

/** Presses Tab until the focus reaches `end`: every element focused on the way. */
async function walk(end: Element, limit = 40): Promise<Element[]> {
  const stops: Element[] = [];
  for (let presses = 0; presses < limit; presses++) {
    await sendKeys({press: 'Tab'});
    const active = deepActive();
    if (!active || active === end) return stops;
    stops.push(active);
  }
  throw new Error(`Tab never reached ${end.outerHTML}`);
}

function describeStop(el: Element): string {
  return `${el.tagName.toLowerCase()}${el.getAttribute('part') ? `[${el.getAttribute('part')}]` : ''} ${normalize(
    el.getAttribute('aria-label') ?? el.textContent,
  ).slice(0, 40)}`;
}

function contrast(a: string, b: string): number {
  const [x, y] = [luminance(a)!, luminance(b)!];
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
}

describe('odw-map: keyboard', function () {
  mapSuite(this);

  it('takes one Tab stop for its 326 areas, the highest value first', async () => {
    const {map, after} = await between(orleansMap());
    const stops = await walk(after);
    const marks = stops.filter((stop) => stop.matches('.area, .point, .cluster'));
    // Before: one stop per area (326) besides the map, its buttons and « Voir les données ».
    expect(marks, stops.map(describeStop).join('\n')).to.have.length(1);
    expect(marks[0]).to.equal(area(map, '45234'));
    expect(stops.map(describeStop)).to.deep.equal([
      'button Voir les données',
      'button Actions : Population 2025',
      'input Trouver une commune — Population 2025',
      'button Zoomer',
      'button Dézoomer',
      'button Vue initiale',
      `div[map] ${normalize(part(map, 'map')!.getAttribute('aria-label')).slice(0, 40)}`,
      'path Orléans : 116 344, classe 5 sur 5',
      // The footer's links: the dataset and its licence.
      'a Populations légales 2025 des communes, I',
      'a Licence Ouverte v2.0 (Etalab)',
    ]);
  });

  it('moves to the neighbour with the arrows, by value with Page Down / Page Up, Home and End', async () => {
    const {map} = await between(orleansMap('', {onlyMatched: true}));
    const orleans = area(map, '45234');
    orleans.focus();
    const box = (el: Element) => el.getBoundingClientRect();
    const centre = (el: Element) => [box(el).left + box(el).width / 2, box(el).top + box(el).height / 2];
    const [x] = centre(orleans);
    await sendKeys({press: 'ArrowRight'});
    const east = focused(map)!;
    expect(east.classList.contains('area')).to.equal(true);
    expect(east).to.not.equal(orleans);
    expect(centre(east)[0]).to.be.greaterThan(x);
    // One mark in the Tab order: the one focused last.
    expect(shadow(map).querySelectorAll('.area[tabindex="0"]')).to.have.length(1);
    expect(east.getAttribute('tabindex')).to.equal('0');
    await sendKeys({press: 'ArrowLeft'});
    expect(focused(map)).to.equal(orleans);

    await sendKeys({press: 'PageDown'});
    expect(normalize(focused(map)!.getAttribute('aria-label'))).to.equal('Olivet : 22 988, classe 5 sur 5');
    await sendKeys({press: 'PageUp'});
    expect(focused(map)).to.equal(orleans);
    await sendKeys({press: 'End'});
    expect(normalize(focused(map)!.getAttribute('aria-label'))).to.equal('Combleux : 524, classe 1 sur 5');
    await sendKeys({press: 'Home'});
    expect(focused(map)).to.equal(orleans);
    // Enter opens the popup, which takes the focus; Escape gives it back.
    await sendKeys({press: 'Enter'});
    await map.updateComplete;
    expect(focused(map)).to.equal(part(map, 'popup'));
    await sendKeys({press: 'Escape'});
    await map.updateComplete;
    expect(focused(map)).to.equal(orleans);
  });

  it('draws a two-tone ring around the focused area, and outlines the lightest class, both at 3:1', async () => {
    const {map} = await between(orleansMap('', {onlyMatched: true}));
    area(map, '45234').focus();
    await sendKeys({press: 'ArrowDown'});
    const ring = shadow(map).querySelector('.focus-ring .ring')!;
    const halo = shadow(map).querySelector('.focus-ring .halo')!;
    expect(ring.getAttribute('d')).to.equal(focused(map)!.getAttribute('d'));
    const ringColor = getComputedStyle(ring).stroke;
    const haloColor = getComputedStyle(halo).stroke;
    expect(contrast(ringColor, haloColor)).to.be.at.least(3);
    const background = getComputedStyle(part(map, 'map')!).backgroundColor;
    // The lightest blue is 1.03:1 on the map's background: its areas are outlined at 3:1 or more.
    const combleux = area(map, '45100');
    expect(contrast(combleux.getAttribute('fill')!, background)).to.be.lessThan(3);
    const outline = shadow(map).querySelector('path.outline[data-key="45100"]')!;
    expect(outline.getAttribute('d')).to.equal(combleux.getAttribute('d'));
    expect(contrast(outline.getAttribute('stroke')!, background)).to.be.at.least(3);
    expect(part(map, 'legend')!.querySelector('.swatch.outlined')).to.exist;
  });

  it('finds a commune by a part of its name, accents and case ignored, and focuses it', async () => {
    const {map} = await between(orleansMap('', {onlyMatched: true}));
    const input = shadow(map).querySelector<HTMLInputElement>('input[role="combobox"]')!;
    expect(normalize(shadow(map).querySelector('label[for="search-input"]')!.textContent)).to.equal(
      'Trouver une commune',
    );
    input.focus();
    await sendKeys({type: 'saint jean'});
    await map.updateComplete;
    const options = () =>
      [...shadow(map).querySelectorAll('[role="option"]')].map((o) => normalize(o.textContent));
    expect(input.getAttribute('aria-expanded')).to.equal('true');
    expect(options()).to.deep.equal([
      'Saint-Jean-de-Braye',
      'Saint-Jean-de-la-Ruelle',
      'Saint-Jean-le-Blanc',
    ]);
    expect(normalize(shadow(map).querySelector('.search [role="status"]')!.textContent)).to.equal(
      '3 résultats',
    );
    await sendKeys({press: 'ArrowDown'});
    await map.updateComplete;
    expect(input.getAttribute('aria-activedescendant')).to.equal('search-option-0');
    await sendKeys({press: 'Enter'});
    await map.updateComplete;
    expect(focused(map)).to.equal(area(map, '45284'));
    expect(input.getAttribute('aria-expanded')).to.equal('false');

    input.focus();
    input.select();
    await sendKeys({type: 'ORLEANS'});
    await map.updateComplete;
    expect(options()).to.deep.equal(['Orléans']);
    await sendKeys({press: 'Enter'});
    expect(focused(map)).to.equal(area(map, '45234'));
  });

  it('keeps the focus on the area after Enter with filter-on-click, the filter set and removed', async () => {
    const {map} = await between(
      html`<odw-source id="keyboard-pop" src=${POPULATIONS} where=${ORLEANS}></odw-source>
        <odw-map
          id="keyboard-communes"
          source="keyboard-pop"
          shapes=${LOIRET}
          shapes-key="code"
          key="code_insee"
          value="sum(population)"
          only-matched
          filter-on-click
        ></odw-map>`,
    );
    const source = document.getElementById('keyboard-pop') as OdwSource;
    let loads = 0;
    map.addEventListener('odw-load', () => loads++);
    area(map, '45232').focus();
    await sendKeys({press: 'Enter'});
    expect(source.getFilter('keyboard-communes')).to.deep.include({field: 'code_insee', op: '='});
    await waitUntil(() => loads > 0 && area(map, '45232').getAttribute('aria-pressed') === 'true', 'redrawn');
    expect(deepActive()).to.equal(area(map, '45232'));
    expect(part(map, 'popup')).to.equal(null);
    await sendKeys({press: 'Enter'});
    expect(source.getFilter('keyboard-communes')).to.equal(undefined);
    await waitUntil(() => loads > 1 && !area(map, '45232').hasAttribute('aria-pressed'), 'redrawn again');
    expect(deepActive()).to.equal(area(map, '45232'));
  });

  it('takes one Tab stop for its points and clusters, each cluster saying where it is', async () => {
    const {map, after} = await between(html`<odw-map src=${FESTIVALS} title="Festivals"></odw-map>`);
    const all = shadow(map).querySelectorAll('g.point, g.cluster');
    expect(all.length).to.be.greaterThan(1);
    const stops = await walk(after);
    expect(stops.filter((stop) => stop.matches('.point, .cluster'))).to.have.length(1);
    for (const cluster of shadow(map).querySelectorAll('g.cluster')) {
      expect(normalize(cluster.getAttribute('aria-label'))).to.match(
        /^\d+ points regroupés (à .+|(au|à l’) [a-z-]+ de la vue), activer pour zoomer$/,
      );
    }
    const mark = shadow(map).querySelector<SVGGElement>('g[tabindex="0"]')!;
    mark.focus();
    await sendKeys({press: 'PageDown'});
    expect(focused(map)).to.not.equal(mark);
    expect(focused(map)!.matches('.point, .cluster')).to.equal(true);
  });
});
