/** The box rules of test/visual/boxes.ts catch what they are written for, in every engine. */
import {expect} from '@open-wc/testing';
import {clipped, coveredHeight, overlaps, pageScroll, splitWords, textBoxes} from './boxes.js';
import {openVisualPage} from './harness.js';

describe('the visual tests’ box rules', function () {
  this.timeout(60_000);

  it('find overlapping, cut-off and split text, a sideways scroll, and measure the frame', async () => {
    const page = await openVisualPage('', 320);
    const {main, doc} = page;
    main.innerHTML = `
      <p id="over">Saint-Jean-de-Braye</p><p id="under">Fleury-les-Aubrais</p>
      <div id="clip"><span>Saint-Hilaire-Saint-Mesmin</span></div>
      <p id="split">Montigny-Mornay-Villeneuve-sur-Vingeanne</p>
      <svg id="plot" width="60" height="30"><text x="0" y="20">La Chapelle-Saint-Mesmin</text></svg>
      <div id="hidden"><span>Caché</span></div>
      <div id="wide"></div>`;
    const sheet = new (doc.defaultView as Window & typeof globalThis).CSSStyleSheet();
    sheet.replaceSync(`
      #over, #under { margin: 0; line-height: 20px; }
      #under { margin-top: -18px; margin-left: 30px; }
      #clip { width: 60px; overflow: hidden; white-space: nowrap; }
      #split { width: 40px; overflow-wrap: anywhere; }
      #hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; }
      #wide { width: 500px; height: 1px; }`);
    doc.adoptedStyleSheets = [sheet];
    const boxes = textBoxes(doc);
    expect(boxes.map((box) => box.text)).to.include.members([
      'Saint-Jean-de-Braye',
      'La Chapelle-Saint-Mesmin',
    ]);
    expect(
      boxes.map((box) => box.text),
      'visually hidden text is not drawn',
    ).not.to.include('Caché');
    expect(overlaps(boxes).join('\n')).to.match(/« Saint-Jean-de-Braye » .* overlaps « Fleury-les-Aubrais »/);
    const cut = clipped(boxes).join('\n');
    expect(cut).to.contain('« Saint-Hilaire-Saint-Mesmin »');
    expect(cut).to.contain('« La Chapelle-Saint-Mesmin »');
    expect(splitWords(boxes).join('\n')).to.match(
      /« (Montigny|Mornay|Villeneuve|Vingeanne) » split across lines/,
    );
    expect(pageScroll(doc).join('')).to.match(
      /^the page scrolls sideways: 500 px in 320 px \(<div class=""> \[0,\d+ 500×1\]\)$/,
    );
    const [over, under] = [doc.getElementById('over')!, doc.getElementById('under')!];
    expect(coveredHeight([over, under])).to.be.closeTo(22, 1);
  });
});
