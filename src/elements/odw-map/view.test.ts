import {expect, waitUntil} from '@open-wc/testing';
import FakeTimers, {type InstalledClock} from '@sinonjs/fake-timers';
import {html} from 'lit';
import {fakeFullscreen} from '../../../test/helpers.js';
import {chooseAction, menuItems} from '../../../test/menu-helpers.js';
import {
  mount,
  normalize,
  part,
  shadow,
  POPULATIONS,
  FESTIVALS,
  LOIRET,
  ORLEANS,
  mapSuite,
  drawn,
  mountMap,
  mapOf,
  press,
  click,
} from './map-harness.test.js';

describe('odw-map: view', function () {
  mapSuite(this);

  describe('view', () => {
    it('zooms with + and −, pans with the arrows and goes back with 0', async () => {
      const el = await mountMap(html`<odw-map src=${FESTIVALS}></odw-map>`);
      const view = el.mapView!;
      press(el, '+');
      expect(view.viewTransform.k).to.be.closeTo(2, 0.001);
      press(el, '-');
      expect(view.viewTransform.k).to.be.closeTo(1, 0.001);
      const {x, y} = view.viewTransform;
      press(el, 'ArrowRight');
      expect(view.viewTransform.x).to.be.lessThan(x);
      press(el, 'ArrowDown');
      expect(view.viewTransform.y).to.be.lessThan(y);
      press(el, '0');
      expect(view.viewTransform).to.deep.equal({x: 0, y: 0, k: 1});
    });

    it('zooms with the buttons, and with the wheel only when Ctrl is held', async () => {
      const el = await mountMap(html`<odw-map src=${FESTIVALS}></odw-map>`);
      const view = el.mapView!;
      const [zoomIn] = part(el, 'zoom')!.querySelectorAll('button');
      expect(zoomIn.getAttribute('aria-label')).to.equal('Zoomer');
      zoomIn.click();
      expect(view.viewTransform.k).to.be.closeTo(2, 0.001);
      const box = mapOf(el).getBoundingClientRect();
      const wheel = (ctrlKey: boolean) =>
        mapOf(el).dispatchEvent(
          new WheelEvent('wheel', {
            deltaY: -200,
            ctrlKey,
            clientX: box.left + 50,
            clientY: box.top + 50,
            bubbles: true,
            cancelable: true,
          }),
        );
      wheel(false);
      expect(view.viewTransform.k).to.be.closeTo(2, 0.001);
      await el.updateComplete;
      expect(normalize(shadow(el).querySelector('.hint')?.textContent)).to.equal(
        'Ctrl + molette pour zoomer',
      );
      wheel(true);
      expect(view.viewTransform.k).to.be.greaterThan(2);
    });

    it('keeps the view and the popup when the data is reloaded', async () => {
      const el = await mountMap(
        html`<odw-map src=${FESTIVALS} no-cluster popup="commune_principale"></odw-map>`,
      );
      press(el, '+');
      press(el, 'ArrowLeft');
      const before = el.mapView!.viewTransform;
      click(shadow(el).querySelector('g.point')!);
      await el.updateComplete;
      const loaded = new Promise((resolve) => el.addEventListener('odw-load', resolve, {once: true}));
      el.reload();
      await loaded;
      await el.updateComplete;
      expect(el.mapView!.viewTransform).to.deep.equal(before);
      expect(part(el, 'popup')).to.exist;
      expect(shadow(el).querySelectorAll('g.point')).to.have.length.greaterThan(0);
    });

    it('starts from center and zoom when they are given', async () => {
      const el = await mountMap(html`<odw-map src=${FESTIVALS} center="48.39,-4.49" zoom="12"></odw-map>`);
      expect(el.mapView!.zoomLevel).to.be.closeTo(12, 0.001);
    });

    it('zooms with a two-finger pinch, and leaves one finger to scroll the page with a hint', async () => {
      const el = await mountMap(html`<odw-map src=${FESTIVALS} no-cluster></odw-map>`);
      const view = el.mapView!;
      const map = mapOf(el);
      // The browser scrolls the page under one finger; pinching is left to the map.
      expect(getComputedStyle(map).touchAction).to.equal('pan-x pan-y');
      const box = map.getBoundingClientRect();
      const target = shadow(el).querySelector('svg.map-svg')!;
      const finger = (identifier: number, x: number, y: number) =>
        new Touch({identifier, target, clientX: box.left + x, clientY: box.top + y});
      const touch = (type: string, touches: Touch[], changed: Touch[]) => {
        const event = new TouchEvent(type, {
          touches,
          targetTouches: touches,
          changedTouches: changed,
          bubbles: true,
          cancelable: true,
          composed: true,
        });
        target.dispatchEvent(event);
        return event;
      };

      // One finger: the map stays put, the page is free to scroll, a hint says what to do.
      const start = view.viewTransform;
      const a = finger(1, 200, 200);
      expect(touch('touchstart', [a], [a]).defaultPrevented).to.equal(false);
      const moved = finger(1, 260, 240);
      expect(touch('touchmove', [moved], [moved]).defaultPrevented).to.equal(false);
      touch('touchend', [], [moved]);
      expect(view.viewTransform).to.deep.equal(start);
      await el.updateComplete;
      expect(normalize(shadow(el).querySelector('.hint')?.textContent)).to.equal(
        'Utilisez deux doigts pour déplacer la carte',
      );

      // Two fingers landing one after the other, then moving apart: twice as far, one level deeper.
      const level = view.zoomLevel;
      const first = finger(1, 280, 200);
      const second = finger(2, 320, 200);
      touch('touchstart', [first], [first]);
      touch('touchstart', [first, second], [second]);
      const apartFirst = finger(1, 260, 200);
      const apartSecond = finger(2, 340, 200);
      expect(
        touch('touchmove', [apartFirst, apartSecond], [apartFirst, apartSecond]).defaultPrevented,
      ).to.equal(true);
      touch('touchend', [], [apartFirst, apartSecond]);
      expect(view.zoomLevel).to.be.closeTo(level + 1, 0.01);
      expect(view.viewTransform.k).to.be.closeTo(2, 0.01);

      // Two fingers moving together pan the map.
      const {x} = view.viewTransform;
      const left = finger(3, 200, 200);
      const right = finger(4, 280, 200);
      touch('touchstart', [left, right], [left, right]);
      const leftMoved = finger(3, 250, 200);
      const rightMoved = finger(4, 330, 200);
      touch('touchmove', [leftMoved, rightMoved], [leftMoved, rightMoved]);
      touch('touchend', [], [leftMoved, rightMoved]);
      expect(view.viewTransform.x).to.be.closeTo(x + 50, 0.5);
      expect(view.viewTransform.k).to.be.closeTo(2, 0.01);
    });
  });
  describe('full screen', () => {
    it('enters and leaves full screen, its button saying which, the map fitted to the new size', async () => {
      const container = await mount(
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
      const el = container.querySelector('odw-map')!;
      const fake = fakeFullscreen(el);
      try {
        await drawn(el);
        el.requestUpdate();
        await el.updateComplete;
        const item = () => normalize(shadow(el).querySelector('.action-fullscreen')?.textContent);
        const svgHeight = () => Number(shadow(el).querySelector('svg.map-svg')!.getAttribute('height'));
        const areasBox = () => shadow(el).querySelector('g.areas')!.getBoundingClientRect();
        expect(item()).to.equal('Plein écran');
        expect(svgHeight()).to.equal(400);
        const before = areasBox();
        await chooseAction(el, 'fullscreen');
        await waitUntil(() => item() === 'Quitter le plein écran', 'full screen');
        expect(fake.calls).to.deep.equal(['request']);
        // The map takes the height of the screen and the communes are fitted to it again.
        const tall = Math.max(240, window.innerHeight - 192);
        await waitUntil(() => svgHeight() === tall, `map ${tall}px high`);
        expect(el.mapView!.viewTransform).to.deep.equal({x: 0, y: 0, k: 1});
        const after = areasBox();
        const width = mapOf(el).clientWidth;
        // Fitted: the communes fill the padded frame in one direction at least.
        expect(Math.abs(after.height - (tall - 32)) < 2 || Math.abs(after.width - (width - 32)) < 2).to.equal(
          true,
        );
        if (tall > 400) expect(after.height).to.be.greaterThan(before.height);
        await chooseAction(el, 'fullscreen');
        await waitUntil(() => item() === 'Plein écran', 'not full screen');
        expect(fake.calls).to.deep.equal(['request', 'exit']);
        await waitUntil(() => svgHeight() === 400, 'default height again');
        // A browser that refuses changes nothing.
        el.requestFullscreen = () => Promise.reject(new TypeError('Permissions check failed'));
        await chooseAction(el, 'fullscreen');
        await el.updateComplete;
        expect(item()).to.equal('Plein écran');
      } finally {
        fake.restore();
      }
    });

    it('has no full-screen item where the page cannot go full screen', async () => {
      const container = await mount(html`<odw-map src=${FESTIVALS}></odw-map>`);
      const el = container.querySelector('odw-map')!;
      const fake = fakeFullscreen(el, false);
      try {
        await drawn(el);
        el.requestUpdate();
        await el.updateComplete;
        expect(shadow(el).querySelector('.action-fullscreen')).to.equal(null);
        expect(menuItems(el)).to.deep.equal([
          'Télécharger les données (CSV)',
          'Télécharger l’image (PNG)',
          'Télécharger l’image (SVG)',
          'Page du jeu de données',
        ]);
      } finally {
        fake.restore();
      }
    });
  });

  describe('hints', () => {
    let clock: InstalledClock | undefined;
    afterEach(() => {
      clock?.uninstall();
      clock = undefined;
    });

    it('shows « Ctrl + molette pour zoomer » for 1.5 s after a wheel without Ctrl, then hides it', async () => {
      const el = await mountMap(html`<odw-map src=${FESTIVALS}></odw-map>`);
      clock = FakeTimers.install({toFake: ['setTimeout', 'clearTimeout']});
      const hint = () => normalize(shadow(el).querySelector('.hint')?.textContent);
      const wheel = () =>
        mapOf(el).dispatchEvent(new WheelEvent('wheel', {deltaY: -100, bubbles: true, cancelable: true}));
      wheel();
      await el.updateComplete;
      expect(hint()).to.equal('Ctrl + molette pour zoomer');
      clock.tick(1000);
      // Another wheel turn starts the 1.5 s again.
      wheel();
      clock.tick(1000);
      await el.updateComplete;
      expect(hint()).to.equal('Ctrl + molette pour zoomer');
      clock.tick(500);
      await el.updateComplete;
      expect(hint()).to.equal('');
    });
  });
});
