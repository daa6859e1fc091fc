// The three browser engines the tests run in, where Debian installs them, and how to install each
// when it is missing (README "Browser support"). Shared by tools/test.mjs and web-test-runner.config.mjs.
import {spawn} from 'node:child_process';
import {existsSync} from 'node:fs';
import {createConnection} from 'node:net';
import * as puppeteerCore from 'puppeteer-core';
import {chromeLauncher} from '@web/test-runner-chrome';
import {WebdriverLauncher} from '@web/test-runner-webdriver';
import {chromiumArgs, findChromium, installHint} from './chromium.mjs';

const MINIBROWSER = '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
const firstExisting = (...paths) => paths.find((path) => path && existsSync(path));

/** Each engine: its name for `--engines`, what it needs on disk, and its one-line install hint. */
export const ENGINES = {
  chromium: {
    find: () => findChromium(),
    hint: installHint,
  },
  firefox: {
    find: () => firstExisting(process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'),
    hint: 'Firefox missing: `sudo apt-get install -y firefox-esr` (or set FIREFOX_PATH).',
  },
  webkit: {
    find: () =>
      ['/usr/bin/WebKitWebDriver', '/usr/bin/Xvfb'].every(existsSync) &&
      firstExisting(process.env.MINIBROWSER_PATH, MINIBROWSER),
    hint: 'WebKit missing: `sudo apt-get install -y webkit2gtk-driver xvfb` (MiniBrowser, WebKitWebDriver, Xvfb).',
  },
};

/** Chromium through its DevTools protocol, as every test has always run. */
export const chromium = (executablePath) =>
  chromeLauncher({launchOptions: {executablePath, args: chromiumArgs}});

/** Firefox ESR through puppeteer-core over WebDriver BiDi. */
export const firefox = (executablePath) =>
  chromeLauncher({
    puppeteer: puppeteerCore,
    launchOptions: {browser: 'firefox', protocol: 'webDriverBiDi', executablePath, headless: true},
  });

const portOpen = (port) =>
  new Promise((resolve) => {
    const socket = createConnection({host: '127.0.0.1', port});
    socket.once('connect', () => resolve(socket.end() && true));
    socket.once('error', () => resolve(false));
  });

/**
 * WebKitGTK's MiniBrowser through WebKitWebDriver, on a virtual display of its own: the launcher
 * starts Xvfb and the driver with the test run and stops both with it.
 */
class WebkitLauncher extends WebdriverLauncher {
  constructor(binary, display = ':99', port = 4445) {
    super({
      hostname: '127.0.0.1',
      port,
      logLevel: 'error',
      capabilities: {
        browserName: 'MiniBrowser',
        // WebKitWebDriver speaks classic WebDriver only.
        'wdio:enforceWebDriverClassic': true,
        'webkitgtk:browserOptions': {binary, args: ['--automation']},
      },
    });
    this.display = display;
    this.port = port;
    this.children = [];
  }

  async initialize(config, testFiles) {
    await super.initialize(config, testFiles);
    this.name = 'WebKit';
    const env = {...process.env, DISPLAY: this.display};
    const start = (command, args) => {
      const child = spawn(command, args, {env, stdio: 'ignore'});
      this.children.push(child);
    };
    start('/usr/bin/Xvfb', [this.display, '-screen', '0', '1280x1024x24', '-nolisten', 'tcp']);
    start('/usr/bin/WebKitWebDriver', [`--port=${this.port}`, '--host=127.0.0.1']);
    for (let tries = 0; !(await portOpen(this.port)); tries++) {
      if (tries > 100) throw new Error(`WebKitWebDriver did not open port ${this.port}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  async stop() {
    await super.stop();
    for (const child of this.children.splice(0)) child.kill();
  }
}

export const webkit = (binary) => new WebkitLauncher(binary);
