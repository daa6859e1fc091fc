import {expect} from '@open-wc/testing';
import {html} from 'lit';
import {normalize, POPULATIONS, LOIRET, ORLEANS, mapSuite, mountMap} from './map-harness.test.js';

describe('odw-map: exports', function () {
  mapSuite(this);

  it('exports the map as SVG with its legend, and as PNG', async () => {
    const el = await mountMap(
      html`<odw-map
        src=${POPULATIONS}
        where=${ORLEANS}
        shapes=${LOIRET}
        shapes-key="code"
        key="code_insee"
        value="sum(population)"
        only-matched
      ></odw-map>`,
    );
    const svg = new DOMParser().parseFromString(el.toSvg(), 'image/svg+xml');
    expect(svg.querySelectorAll('path.area')).to.have.length(22);
    expect([...svg.querySelectorAll('text')].map((text) => normalize(text.textContent)).at(-1)).to.match(
      / à 116 344$/,
    );
    const png = await el.toPng();
    expect(png!.type).to.equal('image/png');
    expect(png!.size).to.be.greaterThan(1000);
  });
});
