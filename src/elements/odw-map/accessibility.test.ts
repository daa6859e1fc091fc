import {expect} from '@open-wc/testing';
import {a11ySnapshot} from '@web/test-runner-commands';
import {html} from 'lit';
import {
  normalize,
  part,
  shadow,
  POPULATIONS,
  PARIS,
  FESTIVALS,
  LOIRET,
  ORLEANS,
  mapSuite,
  mount,
  drawn,
  orleansMap,
  mountMap,
  area,
  openTable,
  mapOf,
  click,
} from './map-harness.test.js';

describe('odw-map: accessibility', function () {
  mapSuite(this);

  it('is accessible: a choropleth with its legend, table and focusable areas', async () => {
    const el = await mountMap(
      html`<odw-map
        src=${POPULATIONS}
        where=${ORLEANS}
        shapes=${LOIRET}
        shapes-key="code"
        key="code_insee"
        value="sum(population)"
        title="Population 2025"
      ></odw-map>`,
    );
    await openTable(el);
    expect(area(el, '45234').getAttribute('tabindex')).to.equal('0');
    expect(mapOf(el).getAttribute('tabindex')).to.equal('0');
    await expect(el).to.be.accessible();
  });

  it('is accessible with its actions menu open, named after the map, the same as the chart’s', async () => {
    const el = await mountMap(
      html`<odw-map
        src=${POPULATIONS}
        where=${ORLEANS}
        shapes=${LOIRET}
        shapes-key="code"
        key="code_insee"
        value="sum(population)"
        title="Population 2025"
      ></odw-map>`,
    );
    const button = shadow(el).querySelector<HTMLButtonElement>('.menu-button')!;
    expect(button.getAttribute('aria-haspopup')).to.equal('menu');
    expect(button.getAttribute('aria-label')).to.equal('Actions : Population 2025');
    button.click();
    await el.updateComplete;
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    expect(
      [...shadow(el).querySelectorAll('[role=menuitem]')].map((item) => normalize(item.textContent)),
    ).to.include.members([
      'Télécharger les données (CSV)',
      'Télécharger l’image (PNG)',
      'Télécharger l’image (SVG)',
      'Page du jeu de données',
    ]);
    await expect(el).to.be.accessible();
  });

  it('is accessible: points with a legend and an open popup', async () => {
    const el = await mountMap(
      html`<odw-map src=${FESTIVALS} color="domaine" popup="nom_de_la_manifestation"></odw-map>`,
    );
    click(shadow(el).querySelector('g.point')!);
    await el.updateComplete;
    expect(part(el, 'popup')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('is accessible: points sized by an aggregate, with the size legend and the touch hint', async () => {
    const el = await mountMap(
      html`<odw-map src=${FESTIVALS} color="domaine" size="count(nom_de_la_manifestation)"></odw-map>`,
    );
    expect(part(el, 'size-legend')).to.exist;
    const target = shadow(el).querySelector('svg.map-svg')!;
    const finger = new Touch({identifier: 1, target, clientX: 10, clientY: 10});
    target.dispatchEvent(
      new TouchEvent('touchmove', {
        touches: [finger],
        changedTouches: [finger],
        bubbles: true,
        composed: true,
      }),
    );
    await el.updateComplete;
    expect(shadow(el).querySelector('.hint')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('is accessible: 9 814 points on a canvas with focusable clusters', async () => {
    const el = await mountMap(html`<odw-map src=${PARIS} color="type" title="Stationnement vélo"></odw-map>`);
    await openTable(el);
    await expect(el).to.be.accessible();
  });

  it('speaks English with lang="en"', async () => {
    const el = await mountMap(
      html`<odw-map
        lang="en"
        src=${POPULATIONS}
        where=${ORLEANS}
        shapes=${LOIRET}
        shapes-key="code"
        key="code_insee"
        value="sum(population)"
        only-matched
      ></odw-map>`,
    );
    expect(normalize(area(el, '45234').getAttribute('aria-label'))).to.equal(
      'Orléans: 116,344, class 5 of 5',
    );
    el.lang = 'fr';
    await el.updateComplete;
    expect(normalize(area(el, '45234').getAttribute('aria-label'))).to.equal(
      'Orléans : 116 344, classe 5 sur 5',
    );
    expect(normalize(shadow(el).querySelector('.toggle-table')!.textContent)).to.equal('Voir les données');
  });
});

interface AxNode {
  role: string;
  name?: string;
  children?: AxNode[];
}

/** Every node of the accessibility tree, depth first. */
function flatten(node: AxNode): AxNode[] {
  return [node, ...(node.children ?? []).flatMap(flatten)];
}

describe('odw-map: accessibility tree', function () {
  mapSuite(this);

  it('names every region, list and control after its map: two maps, two tables, no two names alike', async () => {
    const container = await mount(
      html`${orleansMap('', {onlyMatched: true})}
        <odw-map
          src=${POPULATIONS}
          where=${ORLEANS}
          shapes=${LOIRET}
          shapes-key="code"
          key="code_insee"
          value="count()"
          title="Communes recensées"
          only-matched
        ></odw-map>`,
    );
    const maps = [...container.querySelectorAll('odw-map')];
    for (const map of maps) {
      await drawn(map);
      await openTable(map);
    }
    const tree = (await a11ySnapshot({})) as unknown as AxNode;
    const nodes = flatten(tree);
    const named = (role: string) => nodes.filter((node) => node.role === role).map((node) => node.name);
    expect(named('region')).to.include.members(['Données : Population 2025', 'Données : Communes recensées']);
    expect(named('group')).to.include.members([
      'Population 2025. Carte interactive : + et − pour zoomer, flèches pour se déplacer, 0 pour la vue initiale',
      'Communes recensées. Carte interactive : + et − pour zoomer, flèches pour se déplacer, 0 pour la vue initiale',
    ]);
    // Lists and buttons, which the tree prunes, are named in the same way.
    const labels = (selector: string) =>
      maps.map((map) => shadow(map).querySelector(selector)!.getAttribute('aria-label'));
    expect(labels('[part~="legend"]')).to.deep.equal([
      'Légende — Population 2025',
      'Légende — Communes recensées',
    ]);
    expect(labels('.menu-button')).to.deep.equal([
      'Actions : Population 2025',
      'Actions : Communes recensées',
    ]);
    expect(labels('[part~="zoom"]')).to.deep.equal(['Zoom — Population 2025', 'Zoom — Communes recensées']);
    expect(labels('g.marks')).to.deep.equal([
      'Zones de la carte — Population 2025',
      'Zones de la carte — Communes recensées',
    ]);
    for (const role of ['region', 'combobox', 'group']) {
      const names = named(role);
      expect(new Set(names).size, `${role}: ${names.join(' | ')}`).to.equal(names.length);
    }
  });
});
