// The WordPress plugin in a real WordPress 6.1 (Debian's), as an author would use it:
//   node tools/wordpress/test.mjs
// 1. `php -l` on every PHP file of the plugin and of tools/wordpress;
// 2. tools/wordpress/setup.sh (seconds once installed; as root, or through `sudo -n`);
// 3. posts written by the author through the REST API with the editor's cookie and nonce, as the
//    block editor saves them, so KSES filters them as it does for a real author;
// 4. each post opened in headless Chromium, its data from the local portal emulator, every other
//    host refused;
// 5. the settings page, as the administrator and as the author.
// Without WordPress it says how to install it and succeeds, unless CI is set.
/* global document -- page.evaluate() callbacks run in the page. */
import {spawnSync} from 'node:child_process';
import {existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync} from 'node:fs';
import {join, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';
import puppeteer from 'puppeteer-core';
import {startPortal} from '../portal/server.mjs';

const root = resolve(fileURLToPath(import.meta.url), '../../..');
const SITE = `http://127.0.0.1:${process.env.ODW_WP_PORT ?? 8421}`;
const users = JSON.parse(readFileSync(join(root, 'tools/wordpress/users.json'), 'utf8'));
const INSTALLED_PLUGIN = '/var/lib/wordpress/wp-content/plugins/open-data-widgets';
const RECORDS = '/portal/ods/api/explore/v2.1/catalog/datasets/populations-legales-2025/records';
const ORLEANS = 'epci = "Orléans Métropole"';
const LARGE_ORLEANS = `${ORLEANS} and population > 10000`;
const SMALL_ORLEANS = `${ORLEANS} and population < 5000`;

const results = [];
async function check(name, body) {
  try {
    await body();
    results.push({name, ok: true});
    console.log(`  ✓ ${name}`);
  } catch (error) {
    results.push({name, ok: false});
    console.log(`  ✗ ${name}\n      ${error.message.replace(/\n/g, '\n      ')}`);
  }
}
function assert(condition, message) {
  if (!condition) throw new Error(message);
}
function finish() {
  const failed = results.filter((result) => !result.ok).length;
  console.log(`${results.length - failed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}

function phpFiles(dir) {
  return readdirSync(dir, {withFileTypes: true}).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return phpFiles(path);
    return entry.name.endsWith('.php') ? [path] : [];
  });
}

if (!existsSync('/usr/share/wordpress/wp-load.php')) {
  const hint =
    'WordPress is not installed: `sudo bash tools/wordpress/setup.sh` installs it (Debian) for these tests.';
  if (process.env.CI !== 'true') {
    console.log(`${hint} Skipped.`);
    process.exit(0);
  }
  console.log(hint);
  results.push({name: 'WordPress installed', ok: false});
  finish();
}

const lintPhp = async (files) => {
  for (const file of files) {
    await check(`php -l ${file.startsWith(root) ? file.slice(root.length + 1) : file}`, () => {
      const lint = spawnSync('php', ['-l', file], {encoding: 'utf8'});
      assert(lint.status === 0, lint.stdout + lint.stderr);
    });
  }
};
console.log('php -l');
await lintPhp([
  ...phpFiles(join(root, 'integrations/wordpress')),
  ...phpFiles(join(root, 'tools/wordpress')),
]);

console.log('setup');
await check('tools/wordpress/setup.sh', () => {
  if (
    !existsSync(join(root, 'dist/open-data-widgets.js')) ||
    !existsSync(join(root, 'custom-elements.json'))
  ) {
    const build = spawnSync('npm', ['run', 'build'], {cwd: root, stdio: 'inherit'});
    assert(build.status === 0, 'npm run build failed');
  }
  const asRoot = process.getuid?.() === 0;
  const command = ['env', `NODE=${process.execPath}`, 'bash', 'tools/wordpress/setup.sh'];
  const setup = spawnSync(asRoot ? command[0] : 'sudo', asRoot ? command.slice(1) : ['-n', ...command], {
    cwd: root,
    encoding: 'utf8',
  });
  assert(setup.status === 0, setup.stdout + setup.stderr);
});
if (results.some((result) => !result.ok)) finish();
// The allow-list generated into the installed plugin.
await lintPhp(phpFiles(join(INSTALLED_PLUGIN, 'generated')));

/** A logged-in session of `user`, by the login form, with the REST nonce the editor uses. */
async function logIn(user) {
  const response = await fetch(`${SITE}/wp-login.php`, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded',
      Cookie: 'wordpress_test_cookie=WP%20Cookie%20check',
    },
    body: new URLSearchParams({
      log: user.login,
      pwd: user.password,
      testcookie: '1',
      redirect_to: `${SITE}/wp-admin/`,
    }),
  });
  const cookies = response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(';')[0])
    .filter((cookie) => !cookie.endsWith('=deleted'));
  assert(
    response.status === 302 && cookies.some((c) => c.startsWith('wordpress_logged_in_')),
    `${user.login} could not log in`,
  );
  const cookie = cookies.join('; ');
  const nonce = await (
    await fetch(`${SITE}/wp-admin/admin-ajax.php?action=rest-nonce`, {headers: {Cookie: cookie}})
  ).text();
  const rest = async (route, init = {}) => {
    const answer = await fetch(`${SITE}/?rest_route=${route}`, {
      ...init,
      headers: {'Content-Type': 'application/json', 'X-WP-Nonce': nonce, Cookie: cookie},
    });
    const body = await answer.json();
    assert(answer.ok, `${route}: ${answer.status} ${JSON.stringify(body)}`);
    return body;
  };
  return {cookies, rest};
}

const portal = await startPortal({port: 0});
const src = `${portal.url}${RECORDS}`;
const expectedSum = async (where) => {
  const url = `${src}?select=sum(population)%20as%20total&where=${encodeURIComponent(where)}`;
  const total = (await (await fetch(url)).json()).results[0].total;
  return new Intl.NumberFormat('fr-FR').format(total).replace(/[\u00a0\u202f]/g, ' ');
};

const author = await logIn(users.author);
// Posts an interrupted run left behind.
for (const post of await author.rest('/wp/v2/posts&search=odw%20test&status=publish,draft&per_page=100')) {
  await author.rest(`/wp/v2/posts/${post.id}&force=true`, {method: 'DELETE'});
}
const posts = {};
const write = async (key, content, status = 'publish') => {
  posts[key] = await author.rest('/wp/v2/posts', {
    method: 'POST',
    body: JSON.stringify({title: `odw test: ${key}`, content, status}),
  });
};

console.log('as the author');
await check('the author has no unfiltered_html, so KSES filters the posts', async () => {
  const me = await author.rest('/wp/v2/users/me&context=edit');
  assert(me.roles.join() === 'author', `roles: ${me.roles}`);
  assert(!me.capabilities.unfiltered_html, 'the author has unfiltered_html');
  await write('control', '<p>Texte</p><script>window.kept = 1</script><iframe src="/"></iframe>');
  const saved = posts.control.content.raw;
  assert(!/<script|<iframe/.test(saved), `KSES kept a script or an iframe: ${saved}`);
});

const kpiTag = `<odw-kpi src="${src}" where='${ORLEANS}' value="sum(population)" label="Habitants"></odw-kpi>`;
await write('tag', kpiTag);
await write(
  'where',
  [LARGE_ORLEANS, SMALL_ORLEANS]
    .map(
      (where) =>
        `<odw-kpi src="${src}" where='${where}' value="sum(population)" label="Habitants"></odw-kpi>`,
    )
    .join('\n'),
);
await write(
  'shortcode',
  `[odw-kpi src="${src}" where='${ORLEANS}' value="sum(population)" label="Habitants"]`,
);
await write(
  'comparisons',
  [LARGE_ORLEANS, SMALL_ORLEANS]
    .map((where) => `[odw-kpi src="${src}" where='${where}' value="sum(population)" label="Habitants"]`)
    .join('\n\n'),
);
await write(
  'unknown',
  `[odw-kpi src="${src}" where='${ORLEANS}' value="sum(population)" label="Habitants" colour="red"]`,
  'draft',
);
await write(
  'attacks',
  [
    `<odw-kpi id="clicked" onclick="alert('onclick')" src="${src}" where='${ORLEANS}' value="sum(population)" label="Habitants"></odw-kpi>`,
    `<odw-kpi src="${src}" where='${ORLEANS}' value="sum(population)" label="Habitants"><script>alert('script in a tag')</script></odw-kpi>`,
    `[odw-kpi src="${src}" value="sum(population)" label='"><img src=x onerror=alert("shortcode")>']`,
    `[odw-kpi src="${src}" value="sum(population)" label='" tabindex="0" autofocus onfocus="alert(document.domain)" x="']`,
    `[odw-kpi src="${src}" value="sum(population)" label="&quot;&gt;&lt;img src=x onerror=alert('encoded')&gt;"]`,
    `[odw-kpi src="javascript:alert('src')" value="sum(population)" label="Habitants"]`,
  ].join('\n\n'),
);
await write(
  'dashboard',
  [
    `[odw-dashboard src="${src}" where='${ORLEANS}' columns="2" title="Orléans Métropole"]`,
    '[odw-kpi value="sum(population)" label="Habitants"]',
    '[odw-kpi value="count(*)" label="Communes" span="2"]',
    '[/odw-dashboard]',
  ].join('\n'),
);
/** A block as the block editor saves it: attributes as JSON in a comment, `<`, `>` and `&` escaped. */
const block = (name, attributes) =>
  `<!-- wp:${name} ${JSON.stringify(attributes).replace(/[<>&]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)} /-->`;
await write(
  'block',
  block('open-data-widgets/widget', {
    markup: `<odw-kpi src="${src}" where='${SMALL_ORLEANS}' value="sum(population)" label="Petites communes" onclick="alert('block')"></odw-kpi>`,
  }),
);
await write('plain', '<p>Une page sans widget.</p>');
// The métropole's template (examples/portrait-commune.json), hosted beside WordPress with the
// emulator's address in its sources, pasted by the author with the commune as a parameter.
const TEMPLATE_DIR = '/var/lib/wordpress/wp-content/uploads/odw-test';
mkdirSync(TEMPLATE_DIR, {recursive: true});
writeFileSync(
  join(TEMPLATE_DIR, 'portrait-commune.json'),
  readFileSync(join(root, 'examples/portrait-commune.json'), 'utf8').replaceAll(
    '"/portal/',
    `"${portal.url}/portal/`,
  ),
);
const OLIVET = '45232';
await write(
  'template',
  `[odw-dashboard config="${SITE}/wp-content/uploads/odw-test/portrait-commune.json" params="commune=${OLIVET}"]`,
);

const browser = await puppeteer.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'],
});

/**
 * Opens a post, logged in when given cookies (in a context of its own, so other pages stay a
 * visitor's); every request leaving 127.0.0.1 is refused and recorded, every dialog too.
 */
async function open(url, cookies = []) {
  const context = cookies.length ? await browser.createBrowserContext() : browser.defaultBrowserContext();
  const page = await context.newPage();
  const outside = [];
  const dialogs = [];
  const scripts = [];
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    const {hostname, protocol} = new URL(request.url());
    if (request.resourceType() === 'script') scripts.push(request.url());
    if (protocol === 'data:' || hostname === '127.0.0.1') request.continue();
    else {
      outside.push(request.url());
      request.abort();
    }
  });
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    dialog.dismiss();
  });
  if (cookies.length) {
    await context.setCookie(
      ...cookies.map((cookie) => {
        const [name, ...value] = cookie.split('=');
        return {name, value: value.join('='), domain: '127.0.0.1', path: '/'};
      }),
    );
  }
  await page.goto(url, {waitUntil: 'load'});
  return {page, outside, dialogs, scripts};
}

/** The texts of the value and label of each odw-kpi, once all are drawn or have failed. */
async function kpiTexts(page) {
  await page.waitForFunction(
    () =>
      [...document.querySelectorAll('odw-kpi')].every((kpi) =>
        kpi.shadowRoot?.querySelector('[part~="value"], [role="alert"]')?.textContent.trim(),
      ),
    {timeout: 30_000},
  );
  return page.$$eval('odw-kpi', (kpis) =>
    kpis.map((kpi) => {
      const text = (selector) =>
        (kpi.shadowRoot.querySelector(selector)?.textContent ?? '')
          .replace(/[\u00a0\u202f]/g, ' ')
          .replace(/\s+/g, ' ')
          .trim();
      return {value: text('[part~="value"]'), label: text('[part~="label"]'), error: text('[role="alert"]')};
    }),
  );
}

const orleans = await expectedSum(ORLEANS);
const largeOrleans = await expectedSum(LARGE_ORLEANS);
const smallOrleans = await expectedSum(SMALL_ORLEANS);
const olivet = await expectedSum(`code_insee = "${OLIVET}"`);

try {
  await check(`the tag alone draws its figure in French (${orleans})`, async () => {
    const {page, outside} = await open(posts.tag.link);
    const [kpi] = await kpiTexts(page);
    assert(kpi.value === orleans && kpi.label === 'Habitants', JSON.stringify(kpi));
    assert(!outside.length, `requests outside 127.0.0.1: ${outside}`);
    const module = await page.$eval('script[src*="open-data-widgets.js"]', (script) => script.type);
    assert(module === 'module', `script type ${module}`);
    await page.close();
  });

  await check(`where with > and < survives KSES in a tag (${largeOrleans}, ${smallOrleans})`, async () => {
    assert(posts.where.content.raw.includes('population &gt; 10000'), posts.where.content.raw);
    const {page} = await open(posts.where.link);
    const wheres = await page.$$eval('odw-kpi', (kpis) => kpis.map((kpi) => kpi.getAttribute('where')));
    assert(wheres.join() === [LARGE_ORLEANS, SMALL_ORLEANS].join(), `where: ${wheres}`);
    const values = (await kpiTexts(page)).map((kpi) => kpi.value);
    assert(values.join() === [largeOrleans, smallOrleans].join(), `values: ${values}`);
    const text = await page.evaluate(() => document.querySelector('.entry-content, main').textContent);
    assert(!/10000|5000/.test(text), `left as text: ${text}`);
    await page.close();
  });

  await check(`the shortcode draws its figure in French (${orleans})`, async () => {
    const {page} = await open(posts.shortcode.link);
    const [kpi] = await kpiTexts(page);
    assert(kpi.value === orleans && kpi.label === 'Habitants', JSON.stringify(kpi));
    await page.close();
  });

  await check('`>` and `<` in shortcode values survive KSES and WordPress', async () => {
    const {page} = await open(posts.comparisons.link);
    const wheres = await page.$$eval('odw-kpi', (kpis) => kpis.map((kpi) => kpi.getAttribute('where')));
    assert(wheres.join() === [LARGE_ORLEANS, SMALL_ORLEANS].join(), `where: ${wheres}`);
    const values = (await kpiTexts(page)).map((kpi) => kpi.value);
    const expected = [largeOrleans, smallOrleans];
    assert(values.join() === expected.join(), `${values} instead of ${expected}`);
    await page.close();
  });

  await check(`a dashboard shortcode around two KPI shortcodes draws both (${orleans}, 22)`, async () => {
    const {page} = await open(posts.dashboard.link);
    const kpis = await kpiTexts(page);
    assert(
      kpis.map((kpi) => `${kpi.label} ${kpi.value}`).join() === `Habitants ${orleans},Communes 22`,
      JSON.stringify(kpis),
    );
    const children = await page.$eval('odw-dashboard', (dashboard) =>
      [...dashboard.children].map((child) => child.localName),
    );
    // The dashboard adds its own odw-source; wpautop's paragraphs would take cells of the grid.
    assert(!children.includes('p') && !children.includes('br'), `children: ${children}`);
    assert((await page.$$('odw-dashboard > odw-kpi[span="2"]')).length === 1, 'span lost');
    await page.close();
  });

  await check(
    `a dashboard template with params draws its commune's figures in French (${olivet})`,
    async () => {
      const {page, outside} = await open(posts.template.link);
      const shown = await page
        .waitForFunction(
          () => {
            const dashboard = document.querySelector('odw-dashboard');
            const kpi = dashboard?.shadowRoot?.querySelector('odw-kpi');
            const text = (root, selector) =>
              (root?.querySelector(selector)?.textContent ?? '')
                .replace(/[\u00a0\u202f]/g, ' ')
                .replace(/\s+/g, ' ')
                .trim();
            const value = text(kpi?.shadowRoot, '[part~="value"]');
            return (
              value && [
                text(dashboard.shadowRoot, '[part~="title"]'),
                text(kpi.shadowRoot, '[part~="label"]'),
                value,
              ]
            );
          },
          {timeout: 30_000},
        )
        .then((handle) => handle.jsonValue());
      const expected = ['Olivet en chiffres', 'Habitants à Olivet', `${olivet} hab.`];
      assert(shown.join('|') === expected.join('|'), `${shown} instead of ${expected}`);
      assert(!outside.length, `requests outside 127.0.0.1: ${outside}`);
      await page.close();
    },
  );

  await check('an unknown shortcode attribute is named in the preview, never output', async () => {
    const preview = `${SITE}/?p=${posts.unknown.id}&preview=true`;
    const {page} = await open(preview, author.cookies);
    const notice = await page.$eval('.odw-shortcode-notice', (element) => element.textContent);
    assert(notice.includes('colour') && notice.includes('ne connaît pas'), notice);
    assert((await page.$$('odw-kpi[colour]')).length === 0, 'colour output');
    const [kpi] = await kpiTexts(page);
    assert(kpi.value === orleans, JSON.stringify(kpi));
    await page.browserContext().close();
    const visitor = await open(preview);
    assert((await visitor.page.$$('.odw-shortcode-notice')).length === 0, 'a visitor sees the notice');
    await visitor.page.close();
  });

  await check('onclick, a script in a tag and a shortcode attribute breaking out run nothing', async () => {
    const saved = posts.attacks.content.raw;
    assert(!/onclick|<script/i.test(saved), `saved: ${saved}`);
    const {page, dialogs} = await open(posts.attacks.link);
    await kpiTexts(page);
    await page.click('#clicked');
    const injected = await page.evaluate(() => ({
      handlers: [...document.querySelectorAll('*')].flatMap((element) =>
        element.getAttributeNames().filter((name) => name.startsWith('on')),
      ),
      images: document.querySelectorAll('.entry-content img, main img').length,
      scripts: [...document.querySelectorAll('script')].filter((script) =>
        script.textContent.includes('alert'),
      ).length,
      sources: [...document.querySelectorAll('odw-kpi')].map((kpi) => kpi.getAttribute('src')),
    }));
    assert(!dialogs.length, `dialogs: ${dialogs}`);
    assert(!injected.handlers.length && !injected.images && !injected.scripts, JSON.stringify(injected));
    assert(
      !injected.sources.some((value) => /javascript/i.test(value ?? '')),
      JSON.stringify(injected.sources),
    );
    await page.close();
  });

  await check(
    'the « Widget open data » block keeps `<` in `where`, not `onclick`, and loads the script',
    async () => {
      const {page, dialogs} = await open(posts.block.link);
      assert(
        await page.$('.wp-block-open-data-widgets-widget'),
        `no block in the page; saved: ${posts.block.content.raw}`,
      );
      const widget = await page.$eval('.wp-block-open-data-widgets-widget odw-kpi', (kpi) => ({
        where: kpi.getAttribute('where'),
        handlers: kpi.getAttributeNames().filter((name) => name.startsWith('on')),
      }));
      assert(widget.where === SMALL_ORLEANS && !widget.handlers.length, JSON.stringify(widget));
      const [kpi] = await kpiTexts(page);
      assert(kpi.value === smallOrleans && kpi.label === 'Petites communes', JSON.stringify(kpi));
      await page.click('odw-kpi');
      assert(!dialogs.length, `dialogs: ${dialogs}`);
      await page.close();
    },
  );

  await check('a post without a widget does not load the script', async () => {
    const {page, scripts} = await open(posts.plain.link);
    assert(!scripts.some((url) => url.includes('open-data-widgets')), scripts.join('\n'));
    await page.close();
  });

  console.log('as the administrator');
  const administrator = await logIn(users.administrator);
  const settingsUrl = `${SITE}/wp-admin/options-general.php?page=open-data-widgets`;
  /** Saves the script URL through the settings form, as the administrator; returns the value kept. */
  const saveScriptUrl = async (value) => {
    const {page} = await open(settingsUrl, administrator.cookies);
    await page.$eval('#odw_script_url', (input, typed) => (input.value = typed), value);
    await Promise.all([page.waitForNavigation(), page.click('#submit')]);
    const kept = await page.$eval('#odw_script_url', (input) => input.value);
    await page.browserContext().close();
    return kept;
  };
  const ownCopy = `${SITE}/wp-content/plugins/open-data-widgets/dist/open-data-widgets.js`;
  try {
    await check(
      '« Réglages › Open Data Widgets »: the URL set is the script loaded; javascript: refused',
      async () => {
        assert((await saveScriptUrl('javascript:alert(1)')) === '', 'javascript: URL kept');
        assert(
          (await saveScriptUrl(`${ownCopy}?from=settings`)) === `${ownCopy}?from=settings`,
          'URL not kept',
        );
        const {page} = await open(posts.tag.link);
        const script = await page.$eval('script[src*="open-data-widgets.js"]', (element) => element.src);
        assert(script === `${ownCopy}?from=settings`, `script ${script}`);
        await page.close();
      },
    );
  } finally {
    await saveScriptUrl('');
  }

  await check('the author cannot open the settings page', async () => {
    const {page} = await open(settingsUrl, author.cookies);
    assert(!(await page.$('#odw_script_url')), 'the author sees the settings');
    await page.browserContext().close();
  });
} finally {
  await browser.close();
  for (const post of Object.values(posts))
    await author.rest(`/wp/v2/posts/${post.id}&force=true`, {method: 'DELETE'});
  await portal.close();
}
finish();
