import {expect} from '@open-wc/testing';
import {html} from 'lit';
import {
  normalize,
  part,
  shadow,
  mapSuite,
  mountMap,
  press,
  click,
  focused,
  area,
  orleansMap,
  XSS,
  xssPoints,
} from './map-harness.test.js';

describe('odw-map: popups', function () {
  mapSuite(this);

  it('shows the popup fields of a point as text, never as markup', async () => {
    const el = await mountMap(
      html`<odw-map src=${xssPoints()} api="geojson" popup="nom,capacite" no-cluster></odw-map>`,
    );
    const point = shadow(el).querySelector('g.point[aria-label^="<img"]')!;
    expect(point).to.exist;
    click(point);
    await el.updateComplete;
    const popup = part(el, 'popup')!;
    expect([...popup.querySelectorAll('dt, dd')].map((cell) => cell.textContent)).to.deep.equal([
      'nom',
      XSS,
      'capacite',
      '12',
    ]);
    expect(popup.querySelector('img')).to.not.exist;
    // A broken image fails now: one inserted by the popup would have failed, and run, by then.
    await new Promise((resolve) => {
      const probe = new Image();
      probe.onerror = resolve;
      probe.src = 'data:image/png;base64,AAAA';
    });
    expect((window as {__odwMapXss?: number}).__odwMapXss).to.equal(undefined);
    press(el, 'Escape', point);
    await el.updateComplete;
    expect(part(el, 'popup')).to.not.exist;
  });

  it('fills a <template> child with escaped values', async () => {
    const el = await mountMap(
      html`<odw-map src=${xssPoints()} api="geojson" no-cluster>
        <template
          ><strong class="name">{{nom}}</strong> —
          <span data-capacity="{{capacite}}">{{ capacite }} places</span></template
        >
      </odw-map>`,
    );
    click(shadow(el).querySelector('g.point[aria-label^="<img"]')!);
    await el.updateComplete;
    const popup = part(el, 'popup')!;
    expect(popup.querySelector('.name')!.textContent).to.equal(XSS);
    expect(popup.querySelector('span')!.getAttribute('data-capacity')).to.equal('12');
    expect(normalize(popup.querySelector('span')!.textContent)).to.equal('12 places');
    expect(popup.querySelector('img')).to.not.exist;
  });

  it('is a dialog that takes the focus, closes with Escape or « Fermer », and gives the focus back', async () => {
    const el = await mountMap(orleansMap('', {onlyMatched: true}));
    const orleans = area(el, '45234');
    orleans.focus();
    press(el, 'Enter', orleans);
    await el.updateComplete;
    const popup = part(el, 'popup')!;
    expect(popup.getAttribute('role')).to.equal('dialog');
    expect(popup.getAttribute('aria-modal')).to.equal(null);
    expect(popup.getAttribute('aria-label')).to.equal('Orléans');
    expect(focused(el)).to.equal(popup);
    // The class in words, not only by its colour.
    expect(normalize(popup.textContent)).to.match(/Classe classe 5 sur 5 \([\d ]+ à 116 344\)/);
    press(el, 'Escape', popup);
    await el.updateComplete;
    expect(part(el, 'popup')).to.equal(null);
    expect(focused(el)).to.equal(area(el, '45234'));

    press(el, 'Enter', area(el, '45234'));
    await el.updateComplete;
    const close = part(el, 'popup')!.querySelector<HTMLButtonElement>('button.close')!;
    close.focus();
    close.click();
    await el.updateComplete;
    expect(part(el, 'popup')).to.equal(null);
    expect(focused(el)).to.equal(area(el, '45234'));
  });
});
