import {expect, html} from '@open-wc/testing';
import {levelAfterPrecedingHeading} from './heading-level.js';
import '../elements/odw-kpi/define.js';
import {mount, part} from '../../test/helpers.js';

describe('the default heading level follows the page', () => {
  it('is one below the nearest heading before the element, 2 without any', async () => {
    const container = await mount(html`
      <p id="first">Avant tout titre</p>
      <h1>Portrait de territoire</h1>
      <p id="after-h1">Texte</p>
      <section>
        <h2>Population</h2>
        <div><span id="in-section"></span></div>
      </section>
      <div role="heading" aria-level="4">Titre ARIA</div>
      <span id="after-aria"></span>
    `);
    const level = (id: string) => levelAfterPrecedingHeading(container.querySelector(`#${id}`)!);
    expect(level('first')).to.equal(2);
    expect(level('after-h1')).to.equal(2);
    expect(level('in-section')).to.equal(3);
    expect(level('after-aria')).to.equal(5);
  });

  it('does not count the heading of a widget before it, and crosses shadow roots outwards', async () => {
    const container = await mount(html`
      <h2>Chiffres clés</h2>
      <odw-kpi id="first" title="Habitants" src="/portal/none.csv"></odw-kpi>
      <odw-kpi id="second" title="Logements" src="/portal/none.csv"></odw-kpi>
      <div id="host"></div>
    `);
    const [first, second] = container.querySelectorAll('odw-kpi');
    await Promise.all([first.updateComplete, second.updateComplete]);
    expect(part(first, 'title')!.getAttribute('aria-level')).to.equal('3');
    expect(
      part(second, 'title')!.getAttribute('aria-level'),
      'a sibling widget’s heading is not the page’s',
    ).to.equal('3');
    const shadow = container.querySelector('#host')!.attachShadow({mode: 'open'});
    shadow.innerHTML = '<span id="inner"></span>';
    expect(
      levelAfterPrecedingHeading(shadow.querySelector('#inner')!),
      'found outside the shadow root',
    ).to.equal(3);
    shadow.innerHTML = '<h4>Dans le composant</h4><span id="inner"></span>';
    expect(levelAfterPrecedingHeading(shadow.querySelector('#inner')!)).to.equal(5);
  });

  it('gives way to heading-level', async () => {
    const container = await mount(
      html`<h1>Titre</h1>
        <odw-kpi heading-level="4" title="Habitants" src="/portal/none.csv"></odw-kpi>`,
    );
    const kpi = container.querySelector('odw-kpi')!;
    await kpi.updateComplete;
    expect(part(kpi, 'title')!.getAttribute('aria-level')).to.equal('4');
  });
});
