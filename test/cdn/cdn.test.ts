/**
 * What the README promises a new user: a blank HTML page with one script tag for the built
 * `dist/open-data-widgets.js` and one element shows live data. The pages are served with the strict
 * policy `script-src 'self'; style-src 'self'` (web-test-runner.config.mjs); `npm test` builds
 * `dist/` first when it is older than the sources (tools/test.mjs).
 */
import {expect, waitUntil} from '@open-wc/testing';
import {normalize} from '../helpers.js';

interface LoadedPage {
  document: Document;
  /** CSP violations, uncaught errors, failed promises and console errors of the page, in order. */
  problems: string[];
}

const frames: HTMLIFrameElement[] = [];

afterEach(() => {
  for (const frame of frames.splice(0)) frame.remove();
});

/** Waits for the page of `frame` to replace the iframe's first, empty document. */
async function committed(frame: HTMLIFrameElement, path: string): Promise<Window & typeof globalThis> {
  while (!frame.contentDocument?.URL.endsWith(path)) await new Promise((resolve) => setTimeout(resolve));
  return frame.contentWindow as Window & typeof globalThis;
}

/**
 * Opens `path` in an iframe and listens to its window as soon as the page replaces the empty
 * document: before any element is defined (checked), so nothing an element does escapes.
 */
async function openPage(path: string, tag: string): Promise<LoadedPage> {
  const frame = document.createElement('iframe');
  frame.width = '1000';
  frame.height = '700';
  frames.push(frame);
  frame.src = path;
  document.body.append(frame);
  const win = await committed(frame, path);
  expect(win.customElements.get(tag), `${tag} not defined yet when listening starts`).to.equal(undefined);
  const problems: string[] = [];
  win.addEventListener('securitypolicyviolation', (event) =>
    problems.push(`CSP ${event.violatedDirective}: ${event.blockedURI} ${event.sample}`),
  );
  win.addEventListener('error', (event) => problems.push(`error: ${event.message}`));
  win.addEventListener('unhandledrejection', (event) => problems.push(`rejection: ${String(event.reason)}`));
  const consoleError = win.console.error;
  win.console.error = (...args: unknown[]) => {
    problems.push(`console.error: ${args.map(String).join(' ')}`);
    consoleError.apply(win.console, args);
  };
  await waitUntil(() => win.customElements.get(tag), `${path}: ${tag} defined`, {timeout: 30_000});
  return {document: frame.contentDocument!, problems};
}

describe('a blank page with the CDN build', function () {
  this.timeout(60_000);

  it('sees a violation made once the element is defined (the check below can fail)', async () => {
    const page = await openPage('/test/cdn/violation.html', 'odw-kpi');
    await waitUntil(() => page.problems.length, 'the violation reported', {timeout: 10_000});
    expect(page.problems[0]).to.match(/^CSP style-src-attr/);
  });

  it('draws a column per commune from one script tag and one odw-chart', async () => {
    const page = await openPage('/test/cdn/chart.html', 'odw-chart');
    const chart = page.document.querySelector('odw-chart')!;
    const bars = () => chart.shadowRoot?.querySelectorAll('.vega svg .mark-rect path') ?? [];
    await waitUntil(() => bars().length === 22 || page.problems.length, 'the chart drew', {timeout: 30_000});
    expect(page.problems).to.deep.equal([]);
    expect(bars()).to.have.length(22);
    expect(normalize(chart.shadowRoot!.querySelector('#summary')?.textContent)).to.contain('Orléans');
  });

  it('shows the figure from one script tag and one odw-kpi', async () => {
    const page = await openPage('/test/cdn/kpi.html', 'odw-kpi');
    const kpi = page.document.querySelector('odw-kpi')!;
    const value = () => normalize(kpi.shadowRoot?.querySelector('[part~="value"]')?.textContent);
    await waitUntil(() => value() || page.problems.length, 'the key figure', {timeout: 30_000});
    expect(page.problems).to.deep.equal([]);
    expect(value()).to.equal('293 673');
    expect(normalize(kpi.shadowRoot!.querySelector('[part~="label"]')?.textContent)).to.equal('Habitants');
  });
});
