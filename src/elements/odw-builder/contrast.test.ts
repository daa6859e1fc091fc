import {expect} from '@open-wc/testing';
import {contrastRatio, paletteColours, paletteProblems, parseHex} from './contrast.js';
import {say} from './message.js';
import {snippet, styleProperties} from './snippet.js';
import type {BuilderState} from './state.js';

const problemsOf = (text: string, theme?: BuilderState['theme'], lang: 'fr' | 'en' = 'fr') =>
  paletteProblems(text, theme, lang).map((problem) => say(problem, lang));

describe('builder custom palette', () => {
  it('reads hexadecimal colours, short or long', () => {
    expect(paletteColours(' #000091,#c9191e ; #fff ')).to.deep.equal(['#000091', '#c9191e', '#fff']);
    expect(parseHex('#fff')).to.deep.equal([255, 255, 255]);
    expect(parseHex('#00A3e0')).to.deep.equal([0, 163, 224]);
    expect(parseHex('blue')).to.equal(undefined);
    expect(parseHex('#12345')).to.equal(undefined);
  });

  it('measures contrast as WCAG does', () => {
    expect(contrastRatio('#000000', '#ffffff')).to.equal(21);
    expect(contrastRatio('#ffffff', '#ffffff')).to.equal(1);
    // #767676 is the classic 4.54:1 grey on white.
    expect(contrastRatio('#767676', '#ffffff')).to.be.closeTo(4.54, 0.01);
  });

  it('accepts colours that reach 3:1 on the background', () => {
    expect(problemsOf('#000091, #c9191e, #0072b2')).to.deep.equal([]);
  });

  it('names each colour below 3:1 with its ratio, cut rather than rounded', () => {
    expect(problemsOf('#000091, #ffd700, #959595')).to.deep.equal([
      '#ffd700 : contraste de 1,4:1 avec le fond #ffffff, il faut au moins 3:1 (WCAG 1.4.11, formes graphiques).',
      // 2.996:1 would read « 3:1 » if rounded.
      '#959595 : contraste de 2,99:1 avec le fond #ffffff, il faut au moins 3:1 (WCAG 1.4.11, formes graphiques).',
    ]);
    expect(problemsOf('#ffd700', undefined, 'en')).to.deep.equal([
      '#ffd700: contrast of 1.4:1 with the background #ffffff, at least 3:1 is needed (WCAG 1.4.11, graphical objects).',
    ]);
  });

  it('checks against the background of the theme: dark, and both for auto', () => {
    expect(problemsOf('#000091', 'dark')).to.have.length(1);
    expect(problemsOf('#000091', 'dark')[0]).to.include('#161b22');
    expect(problemsOf('#ffd700, #000091', 'auto')).to.have.length(2);
    expect(problemsOf('#0072b2', 'auto')).to.deep.equal([]);
  });

  it('says what is not a colour, and that one is needed', () => {
    expect(problemsOf('bleu')).to.deep.equal([
      '« bleu » n’est pas un code de couleur hexadécimal (#rgb ou #rrggbb).',
    ]);
    expect(problemsOf(' ')).to.deep.equal(['Indiquez au moins une couleur.']);
    expect(
      problemsOf('#000091 #000092 #000093 #000094 #000095 #000096 #000097 #000098 #ffff00'),
    ).to.deep.equal(['8 couleurs au plus : les suivantes ne serviront pas.']);
  });

  it('writes only real colours into the pasted style', () => {
    const state: BuilderState = {
      src: 'https://data.example.fr/pop.csv',
      dashboard: false,
      palette: 'custom',
      colours: '#000091, red;}</style><script>, #c9191e',
      widgets: [{kind: 'chart', chartType: 'pie', x: 'region', y: 'count()'}],
    };
    expect(styleProperties(state)).to.deep.equal({
      '--odw-palette-1': '#000091',
      '--odw-palette-2': '#c9191e',
    });
    const code = snippet(state, {
      scriptSrc: 'https://cdn.example/odw.js',
      embedSrc: 'https://cdn.example/embed.html',
      shapesBase: 'https://cdn.example/data/',
      src: state.src,
    });
    expect(code).to.include('--odw-palette-2: #c9191e;');
    expect(code).to.not.include('</style><script>');
    const nine = {
      ...state,
      colours: '#000091 #000092 #000093 #000094 #000095 #000096 #000097 #000098 #000099',
    };
    expect(Object.keys(styleProperties(nine)), 'the palette has 8 places').to.have.length(8);
  });
});
