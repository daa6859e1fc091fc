/**
 * A widget without `theme` follows its page: light on a light page even for a visitor whose system
 * is dark, dark only where the page declares it can be (src/core/page-scheme.ts); `theme="auto"`
 * follows the system alone.
 */
import {expect, html} from '@open-wc/testing';
import {emulateMedia} from '@web/test-runner-commands';
import '../../src/index.js';
import {drawn, mount} from '../helpers.js';
import {ODS, ORLEANS} from './widgets.js';

const LIGHT_BACKGROUND = 'rgb(255, 255, 255)';
const DARK_BACKGROUND = 'rgb(22, 27, 34)';

/** The background a key figure is drawn on. */
async function kpiBackground(theme?: string): Promise<string> {
  const container = await mount(
    html`<odw-kpi
      src=${ODS}
      where=${ORLEANS}
      value="sum(population)"
      label="Habitants"
      theme=${theme ?? ''}
    ></odw-kpi>`,
  );
  const kpi = container.querySelector('odw-kpi')!;
  if (!theme) kpi.removeAttribute('theme');
  // Connected again: the page's scheme is read on connection.
  container.append(kpi);
  await drawn(kpi);
  return getComputedStyle(kpi.shadowRoot!.querySelector('[part~="base"]')!).backgroundColor;
}

describe('the colour scheme of the page', function () {
  this.timeout(30_000);
  let meta: HTMLMetaElement | undefined;

  afterEach(async () => {
    document.documentElement.style.removeProperty('color-scheme');
    meta?.remove();
    meta = undefined;
    await emulateMedia({colorScheme: 'light'});
  });

  it('keeps a widget light on a light page when the system is dark', async () => {
    await emulateMedia({colorScheme: 'dark'});
    expect(await kpiBackground()).to.equal(LIGHT_BACKGROUND);
  });

  it('turns it dark where the page’s CSS can be dark and the system is dark', async () => {
    await emulateMedia({colorScheme: 'dark'});
    document.documentElement.style.setProperty('color-scheme', 'light dark');
    expect(await kpiBackground()).to.equal(DARK_BACKGROUND);
  });

  it('turns it dark where the page’s meta can be dark and the system is dark', async () => {
    await emulateMedia({colorScheme: 'dark'});
    meta = Object.assign(document.createElement('meta'), {name: 'color-scheme', content: 'light dark'});
    document.head.append(meta);
    expect(await kpiBackground()).to.equal(DARK_BACKGROUND);
  });

  it('keeps it light on a dark-capable page when the system is light', async () => {
    document.documentElement.style.setProperty('color-scheme', 'light dark');
    expect(await kpiBackground()).to.equal(LIGHT_BACKGROUND);
  });

  it('follows the system alone with theme="auto"', async () => {
    await emulateMedia({colorScheme: 'dark'});
    expect(await kpiBackground('auto')).to.equal(DARK_BACKGROUND);
  });
});
