/**
 * The script of `dist/embed.html` (DESIGN.md, « Embeds where a CMS forbids scripts »): the page
 * draws one widget or one dashboard described by its own URL, for an `<iframe>` pasted where a CMS
 * allows no script.
 *
 * - `embed.html?config=<url of a JSON dashboard>&commune=45234`: an `odw-dashboard`; a query
 *   parameter that is an attribute of `odw-dashboard` (`theme`, `lang`…) is set as such, every
 *   other one is a parameter of the configuration (`params`).
 * - `embed.html?tag=odw-chart&src=<url>&type=bar&x=…`: every other query parameter is an
 *   attribute of that tag, and must be one (else a visible error names it).
 *
 * Data and configuration URLs must be `http(s)`. The tag's module is loaded by the CDN loader
 * (`open-data-widgets.js`, loaded by the page), whose element class lists the attributes it knows.
 * The page's height goes to the parent window as `{type: "odw-embed-size", height}` once drawn and
 * on every change; `embed-resize.js` on the host page resizes the iframe from it.
 *
 * Plain DOM and ES2020, no import: this file is compiled on its own (rollup.config.mjs).
 */

/** The tags an embed may show. */
const TAGS = ['odw-kpi', 'odw-chart', 'odw-map', 'odw-table', 'odw-dashboard'];
/** Attributes holding a URL the page fetches: `http(s)` only. */
const URL_ATTRIBUTES = ['src', 'config', 'shapes', 'tiles'];
/** How long the widget's code may take to load before the page says it could not. */
const DEFINE_TIMEOUT = 20_000;
/** How long the widget waits for the page's stylesheet before showing without it. */
const STYLESHEET_TIMEOUT = 3_000;

const MESSAGES = {
  fr: {
    noTag: 'Indiquez le widget à afficher : tag= (parmi {list}) ou config= (un tableau de bord JSON).',
    unknownTag: 'Le widget « {name} » n’existe pas (widgets possibles : {list}).',
    unknownAttribute: '« {name} » n’est pas un attribut de {tag} (attributs possibles : {list}).',
    badUrl: '« {name} » doit être une adresse http ou https, et non « {value} ».',
    notLoaded: 'Le code du widget {tag} n’a pas pu être chargé.',
  },
  en: {
    noTag: 'Say which widget to show: tag= (one of {list}) or config= (a JSON dashboard).',
    unknownTag: 'There is no “{name}” widget (possible widgets: {list}).',
    unknownAttribute: '“{name}” is not an attribute of {tag} (possible attributes: {list}).',
    badUrl: '“{name}” must be an http or https address, not “{value}”.',
    notLoaded: 'The code of the {tag} widget could not be loaded.',
  },
};

type MessageKey = keyof (typeof MESSAGES)['fr'];

const query = new URLSearchParams(location.search);
const lang: keyof typeof MESSAGES = (query.get('lang') ?? '').toLowerCase().startsWith('en') ? 'en' : 'fr';
document.documentElement.lang = lang;
const holder = document.getElementById('embed') as HTMLElement;

function say(key: MessageKey, values: Record<string, string>): string {
  return MESSAGES[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}

/** The page's height, to the parent window when it changed. */
let postedHeight = -1;
function postHeight(): void {
  const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
  if (height === postedHeight || window.parent === window) return;
  postedHeight = height;
  window.parent.postMessage({type: 'odw-embed-size', height}, '*');
}

/** Replaces the page's content by an error message (text, never HTML). */
function fail(message: string): void {
  const error = document.createElement('p');
  error.className = 'error';
  error.setAttribute('role', 'alert');
  error.textContent = message;
  holder.replaceChildren(error);
}

/** `value` as an absolute `http(s)` URL, or undefined. */
function webUrl(value: string): string | undefined {
  try {
    const url = new URL(value, location.href);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** The attributes an element class knows (a Lit element lists them in `observedAttributes`). */
async function knownAttributes(tag: string): Promise<string[] | undefined> {
  // Any element of the tag in the document makes the loader fetch its module; this one stays hidden.
  const probe = document.createElement('div');
  probe.hidden = true;
  probe.append(document.createElement(tag));
  document.body.append(probe);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), DEFINE_TIMEOUT);
  });
  const definition = await Promise.race([customElements.whenDefined(tag), timeout]);
  clearTimeout(timer);
  probe.remove();
  if (!definition) return undefined;
  return [...((definition as unknown as {observedAttributes?: string[]}).observedAttributes ?? [])];
}

/**
 * The page's stylesheet, applied. WebKit, so Safari on every iPhone, runs a module script before a
 * stylesheet still on its way: a widget shown then sits within the body's default margins, the
 * height posted is wrong, and both jump when the styles come. A stylesheet that failed is waited
 * for no longer than its resource timing entry says, one that never comes no more than 3 s.
 */
function stylesheetApplied(): Promise<void> {
  const link = document.querySelector<HTMLLinkElement>('link[rel="stylesheet"]');
  if (!link || link.sheet || performance.getEntriesByName(link.href).length > 0) return Promise.resolve();
  return new Promise((resolve) => {
    link.addEventListener('load', () => resolve(), {once: true});
    link.addEventListener('error', () => resolve(), {once: true});
    setTimeout(resolve, STYLESHEET_TIMEOUT);
  });
}

async function start(): Promise<void> {
  // The widget's code loads meanwhile: waiting costs nothing where the styles come first.
  const styled = stylesheetApplied();
  const config = query.get('config');
  const tag = config !== null ? 'odw-dashboard' : (query.get('tag') ?? '').trim().toLowerCase();
  if (!TAGS.includes(tag)) {
    await styled;
    const list = TAGS.join(', ');
    fail(tag ? say('unknownTag', {name: tag, list}) : say('noTag', {list}));
    return;
  }
  const [known] = await Promise.all([knownAttributes(tag), styled]);
  if (!known) {
    fail(say('notLoaded', {tag}));
    return;
  }
  const element = document.createElement(tag);
  const params = new URLSearchParams();
  for (const [name, value] of query) {
    if (name === 'tag') continue;
    if (!known.includes(name)) {
      if (config !== null) {
        params.append(name, value);
        continue;
      }
      fail(say('unknownAttribute', {name, tag, list: known.join(', ')}));
      return;
    }
    let attributeValue = value;
    if (URL_ATTRIBUTES.includes(name)) {
      const url = webUrl(value);
      if (!url) {
        fail(say('badUrl', {name, value}));
        return;
      }
      attributeValue = url;
    }
    element.setAttribute(name, attributeValue);
  }
  if (config !== null && [...params].length > 0 && !element.hasAttribute('params')) {
    element.setAttribute('params', params.toString());
  }
  holder.replaceChildren(element);
}

// The widgets' own events too: a frame in a background tab runs no rendering step, so no resize
// notification, while its widget still draws and the host page still needs its height. A
// microtask, not a timer: Firefox delays a busy background tab's timers by many seconds.
for (const type of ['odw-chart-drawn', 'odw-load', 'odw-error']) {
  holder.addEventListener(type, () => queueMicrotask(postHeight));
}
const pageSize = new ResizeObserver(postHeight);
pageSize.observe(document.documentElement);
// The widget too: Firefox may not report the root growing past the frame's own height.
new MutationObserver(() => {
  for (const child of document.getElementById('embed')?.children ?? []) pageSize.observe(child);
}).observe(document.getElementById('embed') ?? document.body, {childList: true});
void start();
