import {expect, html, waitUntil} from '@open-wc/testing';
import {requestSettings} from '../data/index.js';
import '../elements/odw-kpi/define.js';
import {faultSequence, mount, normalize, part} from '../../test/helpers.js';

const ODS_PATH = 'ods/api/explore/v2.1/catalog/datasets/populations-legales-2025/records';

describe('the frame of a data widget', function () {
  this.timeout(30_000);
  const saved = {...requestSettings};
  afterEach(() => Object.assign(requestSettings, saved));

  it('keeps the focus in the widget after « Réessayer », which disappears once pressed', async () => {
    requestSettings.retries = 0;
    const sequence = await faultSequence(['status=500']);
    const container = await mount(
      html`<odw-kpi
        title="Habitants"
        src=${`/portal/~seq=${sequence}/${ODS_PATH}`}
        value="sum(population)"
        where='epci = "Orléans Métropole"'
      ></odw-kpi>`,
    );
    const kpi = container.querySelector('odw-kpi')!;
    await waitUntil(() => part(kpi, 'retry'), 'the error offers « Réessayer »', {timeout: 10_000});
    const retry = part(kpi, 'retry') as HTMLButtonElement;
    retry.focus();
    retry.click();
    await waitUntil(
      () => normalize(part(kpi, 'value')?.textContent) !== '',
      'the figure once the portal answers',
    );
    const active = kpi.shadowRoot!.activeElement;
    expect(active, 'the focus stayed in the widget').to.equal(part(kpi, 'body'));
    expect(document.activeElement).to.equal(kpi);
  });
});

describe('a widget whose drawing throws', function () {
  this.timeout(30_000);

  it('says in words that its content could not be shown, instead of loading for good', async () => {
    const container = await mount(
      html`<odw-kpi
        title="Habitants"
        src=${`/portal/${ODS_PATH}`}
        value="sum(population)"
        where='epci = "Orléans Métropole"'
      ></odw-kpi>`,
    );
    const kpi = container.querySelector('odw-kpi')! as HTMLElement & {updateComplete: Promise<boolean>};
    await waitUntil(() => normalize(part(kpi, 'value')?.textContent) !== '', 'the figure');
    const logged: unknown[][] = [];
    const consoleError = console.error;
    console.error = (...args: unknown[]) => logged.push(args);
    try {
      // What an engine lacking a method the drawing calls would throw.
      Object.defineProperty(kpi, 'renderData', {
        value: () => {
          throw new TypeError('items.at is not a function');
        },
      });
      (kpi as unknown as {requestUpdate(): void}).requestUpdate();
      await kpi.updateComplete;
    } finally {
      console.error = consoleError;
    }
    const status = kpi.shadowRoot!.querySelector('.status.error')!;
    expect(normalize(status.textContent)).to.equal('Ce contenu n’a pas pu s’afficher.');
    expect(status.getAttribute('role')).to.equal('alert');
    expect(part(kpi, 'retry'), 'drawing again would throw again').to.equal(null);
    expect(part(kpi, 'body')!.getAttribute('aria-busy')).to.equal('false');
    expect(logged[0]?.[0], 'the widget').to.equal(kpi);
    expect(logged[0]?.[1]).to.be.instanceOf(TypeError);
  });
});
