// The demo site as a visitor opens it (`npm start`): every page of examples/, served by the dev server
// of web-dev-server.config.mjs on a free port, loads in headless Chromium without a console warning
// or error, an uncaught exception, or an answer of 400 or more (favicon included).
// `node --test tools/demo-pages.test.mjs`; `CHROME_PATH` names the Chromium when not at a usual path.
import {after, before, describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {readdirSync} from 'node:fs';
import {createServer} from 'node:net';
import {fileURLToPath} from 'node:url';
import {startDevServer} from '@web/dev-server';
import puppeteer from 'puppeteer-core';
import {chromiumArgs, findChromium, installHint} from './chromium.mjs';
import demoConfig from '../web-dev-server.config.mjs';

const PAGES = readdirSync(new URL('../examples/', import.meta.url))
  .filter((name) => name.endsWith('.html'))
  .sort();

/** A TCP port nobody listens on, from the system. */
function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer().once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const {port} = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/**
 * What the visitor’s console and network show while `url` loads: the whole page is scrolled
 * through, so that lazy frames (the embeds of the portrait pages) load too, then the network rests.
 */
async function problemsOf(browser, url) {
  const page = await browser.newPage();
  const problems = [];
  page.on('console', (message) => {
    if (message.type() === 'warn' || message.type() === 'error')
      problems.push(`console ${message.type()}: ${message.text()} (${message.location()?.url ?? ''})`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  page.on('requestfailed', (request) =>
    problems.push(`failed: ${request.url()} (${request.failure()?.errorText})`),
  );
  try {
    await page.setViewport({width: 1280, height: 900});
    await page.goto(url, {waitUntil: 'networkidle0', timeout: 60_000});
    await page.evaluate('window.scrollTo(0, document.documentElement.scrollHeight)');
    await page.waitForNetworkIdle({idleTime: 500, timeout: 60_000});
  } finally {
    await page.close();
  }
  return problems;
}

describe('the demo pages (examples/)', {timeout: 600_000}, () => {
  let server;
  let browser;
  let origin;

  before(async () => {
    const executablePath = findChromium();
    assert.ok(executablePath, installHint);
    const port = await freePort();
    server = await startDevServer({
      config: {
        ...demoConfig,
        rootDir: fileURLToPath(new URL('..', import.meta.url)),
        port,
        hostname: '127.0.0.1',
        watch: false,
      },
      readCliArgs: false,
      readFileConfig: false,
      autoExitProcess: false,
      logStartMessage: false,
    });
    origin = `http://127.0.0.1:${port}`;
    browser = await puppeteer.launch({executablePath, headless: true, args: chromiumArgs});
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('finds the pages', () => assert.ok(PAGES.includes('index.html') && PAGES.length > 5, PAGES.join()));

  for (const name of PAGES) {
    it(`${name} loads without a warning, an error or a failed request`, async () => {
      assert.deepEqual(await problemsOf(browser, `${origin}/examples/${name}`), []);
    });
  }
});
