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
