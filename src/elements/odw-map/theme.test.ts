import {expect, waitUntil} from '@open-wc/testing';
import {html} from 'lit';
import {
  part,
  shadow,
  POPULATIONS,
  FESTIVALS,
  LOIRET,
  ORLEANS,
  mapSuite,
  mountMap,
  area,
  press,
} from './map-harness.test.js';

describe('odw-map: theme', function () {
  mapSuite(this);

  it('recolours points, clusters, legend and outlines when the theme changes, without a reload', async () => {
    const points = await mountMap(html`<odw-map src=${FESTIVALS} color="domaine" no-cluster></odw-map>`);
    let loads = 0;
    points.addEventListener('odw-load', () => loads++);
    const firstFill = () => shadow(points).querySelector('g.point circle')!.getAttribute('fill');
    const swatch = () => getComputedStyle(part(points, 'legend')!.querySelector('.swatch')!).backgroundColor;
    const strokes = () => shadow(points).querySelector('g.point circle')!.getAttribute('stroke');
    const lightFills = [...shadow(points).querySelectorAll('g.point circle')].map((c) =>
      c.getAttribute('fill'),
    );
    expect(lightFills).to.include('#0072b2');
    expect(strokes()).to.equal('#ffffff');
    const index = lightFills.indexOf('#0072b2');
    points.setAttribute('theme', 'dark');
    await waitUntil(() => strokes() === '#161b22', 'dark outline of the points');
    const darkFills = [...shadow(points).querySelectorAll('g.point circle')].map((c) =>
      c.getAttribute('fill'),
    );
    // The same category in the dark palette's first colour.
    expect(darkFills[index]).to.equal('#56b4e9');
    expect(swatch()).to.equal('rgb(86, 180, 233)');
    expect(firstFill()).to.not.equal(null);
    points.setAttribute('theme', 'light');
    await waitUntil(() => strokes() === '#ffffff', 'light again');
    expect(
      [...shadow(points).querySelectorAll('g.point circle')].map((c) => c.getAttribute('fill')),
    ).to.deep.equal(lightFills);
    expect(loads, 'no reload').to.equal(0);

    const choropleth = await mountMap(
      html`<odw-map
        src=${POPULATIONS}
        where=${ORLEANS}
        shapes=${LOIRET}
        shapes-key="code"
        key="code_insee"
        value="sum(population)"
      ></odw-map>`,
    );
    expect(area(choropleth, '45234').getAttribute('stroke')).to.equal('#ffffff');
    const view = choropleth.mapView!;
    press(choropleth, '+');
    const transform = view.viewTransform;
    // The lightest class does not stand out from the light background by 3:1: outlined.
    const outline = (key: string) =>
      shadow(choropleth).querySelector(`path.outline[data-key="${key}"]`)?.getAttribute('stroke');
    expect(outline('45100')).to.equal('#59636e');
    expect(outline('45234')).to.equal(undefined);
    choropleth.theme = 'dark';
    await waitUntil(() => area(choropleth, '45234').getAttribute('stroke') === '#161b22', 'dark outlines');
    // On the dark background, the darkest class is the one outlined.
    expect(outline('45234')).to.equal('#9ba5b0');
    expect(outline('45100')).to.equal(undefined);
    // Classes keep their colours, and the view where the user left it.
    expect(area(choropleth, '45234').getAttribute('fill')).to.equal('#08519c');
    expect(choropleth.mapView!.viewTransform).to.deep.equal(transform);
  });
});
