import {expect, html as testHtml, waitUntil} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import {LitElement, html, css} from 'lit';
import {ActionsMenuController} from './actions-menu.js';
import {renderActions, type MenuItem} from './actions-menu-view.js';
import {actionsMenuStyles} from './actions-menu.styles.js';
import {dataElementStyles, hostStyles} from './data-element.styles.js';
import {themeStyles} from './theme.js';
import {mount} from '../../test/helpers.js';

/** A widget's frame as src/core/data-frame.ts draws it, with an actions row and a figure. */
class MenuHost extends LitElement {
  static override styles = [
    themeStyles,
    hostStyles,
    dataElementStyles,
    actionsMenuStyles,
    css`
      .figure {
        height: 200px;
      }
    `,
  ];
  static override properties = {heading: {}};
  heading = 'Population par commune';
  readonly ran: string[] = [];
  readonly menu = new ActionsMenuController(this);
  items: MenuItem[] = [
    {id: 'csv', label: 'Télécharger les données (CSV)', run: () => this.ran.push('csv')},
    {id: 'png', label: 'Télécharger l’image (PNG)', run: () => this.ran.push('png')},
    {id: 'svg', label: 'Télécharger l’image (SVG)', run: () => this.ran.push('svg')},
    {
      id: 'fullscreen',
      label: 'Plein écran',
      // An action that takes the focus elsewhere keeps it there.
      run: () => this.renderRoot.querySelector<HTMLElement>('.figure')!.focus(),
    },
    {id: 'dataset', label: 'Page du jeu de données', href: '#dataset'},
  ];

  override render() {
    return html`<div class="widget">
      ${this.heading ? html`<div class="title">${this.heading}</div>` : ''}
      <div class="body">
        ${renderActions(this.menu, {lang: 'fr', name: this.heading, unnamed: 'Actions', items: this.items})}
        <div class="figure" tabindex="-1"></div>
      </div>
    </div>`;
  }
}
customElements.define('test-menu-host', MenuHost);

async function menuHost(width = 600): Promise<MenuHost> {
  const container = await mount(testHtml`<test-menu-host></test-menu-host>`, width);
  const host = container.querySelector<MenuHost>('test-menu-host')!;
  await host.updateComplete;
  return host;
}

const button = (host: MenuHost) => host.shadowRoot!.querySelector<HTMLButtonElement>('.menu-button')!;
const menu = (host: MenuHost) => host.shadowRoot!.querySelector<HTMLElement>('[role=menu]')!;
const focused = (host: MenuHost) => host.shadowRoot!.activeElement;
const focusedText = (host: MenuHost) => focused(host)?.textContent?.trim();

async function press(host: MenuHost, key: string): Promise<void> {
  await sendKeys({press: key});
  await host.updateComplete;
}

describe('the actions menu (WAI-ARIA menu button)', function () {
  this.timeout(20_000);

  it('is a button that says which widget, controls a hidden menu, and passes axe closed and open', async () => {
    const host = await menuHost();
    expect(button(host).getAttribute('aria-haspopup')).to.equal('menu');
    expect(button(host).getAttribute('aria-expanded')).to.equal('false');
    expect(button(host).getAttribute('aria-controls')).to.equal(menu(host).id);
    expect(button(host).getAttribute('aria-label')).to.equal('Actions : Population par commune');
    expect(menu(host).hidden).to.equal(true);
    await expect(host).to.be.accessible();
    button(host).click();
    await host.updateComplete;
    expect(button(host).getAttribute('aria-expanded')).to.equal('true');
    expect(menu(host).hidden).to.equal(false);
    expect(
      [...menu(host).querySelectorAll('[role=menuitem]')].map((item) => item.textContent?.trim()),
    ).to.deep.equal([
      'Télécharger les données (CSV)',
      'Télécharger l’image (PNG)',
      'Télécharger l’image (SVG)',
      'Plein écran',
      'Page du jeu de données',
    ]);
    expect(focusedText(host), 'a click opens on the first item').to.equal('Télécharger les données (CSV)');
    await expect(host).to.be.accessible();
  });

  it('opens with Enter, Space or ↓ on the first item, with ↑ on the last', async () => {
    const host = await menuHost();
    for (const [key, first] of [
      ['Enter', 'Télécharger les données (CSV)'],
      [' ', 'Télécharger les données (CSV)'],
      ['ArrowDown', 'Télécharger les données (CSV)'],
      ['ArrowUp', 'Page du jeu de données'],
    ]) {
      button(host).focus();
      await press(host, key);
      expect(menu(host).hidden, key).to.equal(false);
      expect(focusedText(host), key).to.equal(first);
      await press(host, 'Escape');
      expect(menu(host).hidden, `${key}, then Escape`).to.equal(true);
      expect(focused(host), 'Escape gives the focus back to the button').to.equal(button(host));
    }
  });

  it('moves with ↑/↓ (wrapping), Home/End and the first letter of an item', async () => {
    const host = await menuHost();
    button(host).focus();
    await press(host, 'Enter');
    await press(host, 'ArrowUp');
    expect(focusedText(host), '↑ on the first wraps to the last').to.equal('Page du jeu de données');
    await press(host, 'ArrowDown');
    expect(focusedText(host), '↓ on the last wraps to the first').to.equal('Télécharger les données (CSV)');
    await press(host, 'End');
    expect(focusedText(host)).to.equal('Page du jeu de données');
    await press(host, 'Home');
    expect(focusedText(host)).to.equal('Télécharger les données (CSV)');
    await press(host, 'p');
    expect(focusedText(host), 'p: the next item starting with P').to.equal('Plein écran');
    await press(host, 'p');
    expect(focusedText(host), 'p again: the one after').to.equal('Page du jeu de données');
    await press(host, 't');
    expect(focusedText(host), 't wraps round').to.equal('Télécharger les données (CSV)');
    await press(host, 'x');
    expect(focusedText(host), 'no item starts with x: the focus stays').to.equal(
      'Télécharger les données (CSV)',
    );
  });

  it('runs an item on Enter, Space or a click, closes, and gives the focus back to the button', async () => {
    const host = await menuHost();
    button(host).focus();
    await press(host, 'Enter');
    await press(host, 'Enter');
    expect(host.ran).to.deep.equal(['csv']);
    expect(menu(host).hidden).to.equal(true);
    expect(focused(host)).to.equal(button(host));
    await press(host, 'ArrowDown');
    await press(host, 'ArrowDown');
    await press(host, ' ');
    expect(host.ran).to.deep.equal(['csv', 'png']);
    expect(focused(host)).to.equal(button(host));
    expect(menu(host).hidden, 'the Space that ran the item did not open the menu again').to.equal(true);
    button(host).click();
    await host.updateComplete;
    menu(host).querySelector<HTMLElement>('.action-svg')!.click();
    await host.updateComplete;
    expect(host.ran).to.deep.equal(['csv', 'png', 'svg']);
    expect(menu(host).hidden).to.equal(true);
  });

  it('leaves the focus where an action put it', async () => {
    const host = await menuHost();
    button(host).focus();
    await press(host, 'Enter');
    await press(host, 'p');
    await press(host, 'Enter');
    expect(menu(host).hidden).to.equal(true);
    expect(focused(host)).to.equal(host.shadowRoot!.querySelector('.figure'));
  });

  it('closes on Tab, the focus moving on, and on a click outside', async () => {
    const host = await menuHost();
    button(host).focus();
    await press(host, 'Enter');
    await press(host, 'Tab');
    await waitUntil(() => menu(host).hidden, 'closed by Tab');
    expect(button(host).getAttribute('aria-expanded')).to.equal('false');
    expect(menu(host).contains(focused(host)), 'the focus left the menu').to.equal(false);

    button(host).click();
    await host.updateComplete;
    expect(menu(host).hidden).to.equal(false);
    document.body.dispatchEvent(new PointerEvent('pointerdown', {bubbles: true, composed: true}));
    await host.updateComplete;
    expect(menu(host).hidden, 'closed by a click outside').to.equal(true);

    button(host).click();
    await host.updateComplete;
    button(host).dispatchEvent(new PointerEvent('pointerdown', {bubbles: true, composed: true}));
    await host.updateComplete;
    expect(menu(host).hidden, 'a press on its own button is not outside').to.equal(false);
    button(host).click();
    await host.updateComplete;
    expect(menu(host).hidden, 'the button closes it again').to.equal(true);
  });

  it('stops listening to the page once removed', async () => {
    const host = await menuHost();
    button(host).click();
    await host.updateComplete;
    host.remove();
    expect(host.menu.open).to.equal(false);
    let updates = 0;
    const update = host.requestUpdate.bind(host);
    host.requestUpdate = (...args: Parameters<typeof update>) => {
      updates++;
      update(...args);
    };
    document.body.dispatchEvent(new PointerEvent('pointerdown', {bubbles: true, composed: true}));
    expect(updates).to.equal(0);
  });
});

describe('the actions row on the title’s line', function () {
  this.timeout(20_000);
  const placement = (host: MenuHost) =>
    host.shadowRoot!.querySelector('.widget')!.getAttribute('data-actions');
  const box = (host: MenuHost, selector: string) =>
    host.shadowRoot!.querySelector(selector)!.getBoundingClientRect();

  it('sits at the end of the title’s line when both fit, the title kept clear of it', async () => {
    const host = await menuHost(800);
    // Placed in the frame's callbacks, before its first paint.
    await new Promise((resolve) => requestAnimationFrame(resolve));
    expect(placement(host)).to.equal('inline');
    const title = box(host, '.title');
    const row = box(host, '.frame-actions');
    expect(row.top).to.be.closeTo(title.top, 1);
    expect(row.right).to.be.closeTo(title.right, 1);
    const range = document.createRange();
    range.selectNodeContents(host.shadowRoot!.querySelector('.title')!);
    expect(range.getBoundingClientRect().right, 'the title’s words end before the row').to.be.lessThan(
      row.left,
    );
    expect(box(host, '.figure').top, 'the figure starts under both').to.be.at.least(row.bottom);
  });

  it('goes under the title when the title’s words would not fit beside it', async () => {
    const host = await menuHost(800);
    host.heading = 'Populations municipales incomparablement interminables';
    host.style.width = '220px';
    await waitUntil(() => placement(host) === null, 'under the title');
    expect(box(host, '.frame-actions').top).to.be.at.least(box(host, '.title').bottom);
  });

  it('goes under the title when there is none', async () => {
    const host = await menuHost(800);
    host.heading = '';
    await host.updateComplete;
    expect(placement(host)).to.equal(null);
  });
});
