/**
 * The checkbox list and the select as a user meets them: the words for what continues below, for
 * an empty list and for « all », focus after each action, and a list readable at 320 px and with
 * text at 200 %.
 */
import {expect, html, waitUntil} from '@open-wc/testing';
import {sendKeys, setViewport} from '@web/test-runner-commands';
import type {OdwSource} from '../odw-source/odw-source.js';
import './define.js';
import type {OdwFilter} from './odw-filter.js';
import {allChoicesText} from './all-choices.js';
import {mount, normalize} from '../../../test/helpers.js';
import {ODS, ORLEANS, deepActiveElement, expectReadable, root} from '../../../test/table-helpers.js';

async function communesFilter(attributes: {type?: string; multiple?: boolean; where?: string} = {}) {
  const container = await mount(
    html`<div>
      <odw-source id="list" src=${ODS} where=${attributes.where ?? ORLEANS}></odw-source>
      <odw-filter
        source="list"
        field="commune"
        type=${attributes.type ?? 'checkboxes'}
        ?multiple=${attributes.multiple ?? false}
        sort="label"
        label="Communes"
        label-gender="f"
      ></odw-filter>
    </div>`,
  );
  const filter = container.querySelector<OdwFilter>('odw-filter')!;
  await waitUntil(() => root(filter).querySelector('[part~=control]'), 'loaded', {timeout: 15_000});
  await filter.updateComplete;
  return {filter, source: container.querySelector<OdwSource>('odw-source')!};
}

function moreText(filter: OdwFilter): string {
  return normalize(root(filter).querySelector('.more')?.textContent);
}

/** Choices more than half below the list's bottom edge, counted from their boxes. */
function hiddenBelow(filter: OdwFilter): number {
  const list = root(filter).querySelector('.choices')!;
  const bottom = list.getBoundingClientRect().bottom;
  return [...list.children].filter((item) => {
    const box = item.getBoundingClientRect();
    return box.top + box.height / 2 > bottom;
  }).length;
}

describe('odw-filter: lists, words and focus', function () {
  this.timeout(30_000);

  afterEach(async () => {
    document.documentElement.style.fontSize = '';
    await setViewport({width: 800, height: 600});
  });

  it('says how many choices follow below a long list, and updates it as the list scrolls', async () => {
    const {filter} = await communesFilter();
    const list = root(filter).querySelector<HTMLElement>('.choices')!;
    expect(list.scrollHeight, 'the 22 communes scroll').to.be.greaterThan(list.clientHeight);
    const below = hiddenBelow(filter);
    expect(below).to.be.greaterThan(0);
    expect(moreText(filter)).to.equal(`${below} de plus`);
    list.scrollTop = list.scrollHeight / 3;
    await waitUntil(() => moreText(filter) !== `${below} de plus`, 'updated on scroll');
    expect(moreText(filter)).to.equal(`${hiddenBelow(filter)} de plus`);
    list.scrollTop = list.scrollHeight;
    await waitUntil(() => moreText(filter) === '', 'nothing more at the end');
    expect(root(filter).querySelector('.more')!.getBoundingClientRect().height, 'takes no room').to.equal(0);
  });

  it('writes out an empty checkbox list: « Aucune valeur à choisir »', async () => {
    const {filter} = await communesFilter({where: 'epci = "Nulle part"'});
    await waitUntil(() => root(filter).querySelector('.empty'), 'the empty state', {timeout: 15_000});
    expect(normalize(root(filter).querySelector('.empty')!.textContent)).to.equal('Aucune valeur à choisir');
    expect(normalize(root(filter).querySelector('legend')!.textContent)).to.equal('Communes');
    await expect(filter).to.be.accessible();
  });

  it('names « all » in the grammar of its label: « Toutes les communes », « Tous les départements »', async () => {
    const {filter} = await communesFilter({type: 'select'});
    expect(normalize(root(filter).querySelector('option')!.textContent)).to.equal('Toutes les communes');
    expect(allChoicesText('fr', 'm', 'Département')).to.equal('Tous les départements');
    expect(allChoicesText('fr', 'm', 'Type d’emplacement')).to.equal('Tous les types d’emplacement');
    expect(allChoicesText('fr', 'f', 'Intercommunalités')).to.equal('Toutes les intercommunalités');
    expect(allChoicesText('fr', 'm', 'EPCI')).to.equal('Tous les EPCI');
    expect(allChoicesText('fr', 'm', 'Réseau')).to.equal('Tous les réseaux');
    expect(allChoicesText('en', 'f', 'Commune')).to.equal('All communes');
    expect(allChoicesText('en', 'm', 'City')).to.equal('All cities');
    expect(allChoicesText('fr', undefined, 'Communes'), 'no gender given').to.equal('Toutes les valeurs');
  });

  it('draws multiple as checkboxes: one click or tap per value, never a select multiple', async () => {
    const {filter, source} = await communesFilter({type: 'select', multiple: true});
    expect(root(filter).querySelector('select')).to.equal(null);
    const boxes = [...root(filter).querySelectorAll<HTMLInputElement>('input[type=checkbox]')];
    expect(boxes).to.have.length(22);
    boxes[0].click();
    boxes[1].click();
    expect(source.getFilter(filter.filterKey)?.type).to.equal('in');
    await expect(filter).to.be.accessible();
  });

  it('keeps focus: on the checkbox pressed, on the list when the last chip goes, on the control after « Réinitialiser »', async () => {
    const {filter} = await communesFilter();
    const first = root(filter).querySelector<HTMLInputElement>('input[type=checkbox]')!;
    first.focus();
    await sendKeys({press: ' '});
    await waitUntil(() => root(filter).querySelector('.chip'), 'a chip');
    expect(deepActiveElement(), 'the checkbox pressed').to.equal(first);
    expect(first.checked).to.equal(true);

    root(filter).querySelector<HTMLButtonElement>('.chip')!.focus();
    await sendKeys({press: 'Enter'});
    await waitUntil(() => !root(filter).querySelector('.chip'), 'the chip removed');
    await filter.updateComplete;
    expect(deepActiveElement(), 'back to the list').to.equal(first);

    first.click();
    await waitUntil(() => root(filter).querySelector('[part~=reset]'), 'a reset button');
    root(filter).querySelector<HTMLButtonElement>('[part~=reset]')!.focus();
    await sendKeys({press: 'Enter'});
    await waitUntil(() => !root(filter).querySelector('[part~=reset]'), 'reset');
    await filter.updateComplete;
    expect(deepActiveElement()?.localName, 'not lost to the body').to.equal('input');
  });

  for (const [width, font] of [
    [320, ''],
    [320, '200%'],
    [390, ''],
  ] as const) {
    it(`is readable at ${width} px${font ? ` with text at ${font}` : ''}: no word split, nothing cut off`, async () => {
      await setViewport({width, height: 800});
      document.documentElement.style.fontSize = font;
      const {filter} = await communesFilter();
      filter.sourceElement!.setFilter(filter.filterKey, {
        type: 'compare',
        field: 'commune',
        op: '=',
        value: {type: 'string', value: 'Saint-Jean-de-la-Ruelle'},
      });
      await waitUntil(() => root(filter).querySelector('.chip'), 'a chip');
      expectReadable(filter);
      expect(filter.getBoundingClientRect().right).to.be.at.most(width);
      await expect(filter).to.be.accessible();
    });
  }
});
