/** What the dashboard's test files share: the datasets, mounting, and readers of its shadow DOM. */
import {expect, html, waitUntil} from '@open-wc/testing';
import type {TemplateResult} from 'lit';
import {requestSettings} from '../../data/index.js';
import {mount, normalize, part, shadow} from '../../../test/helpers.js';
import type {OdwDashboard} from './odw-dashboard.js';

export const ODS_PATH = 'ods/api/explore/v2.1/catalog/datasets/populations-legales-2025/records';
export const ODS = `/portal/${ODS_PATH}`;
export const ORLEANS = 'epci = "Orléans Métropole"';
export const ANGERS = 'epci = "Communauté urbaine Angers Loire Métropole"';

export function kpiValue(el: Element): string {
  return normalize(part(el, 'value')?.textContent);
}

export async function kpiShows(el: Element, text: string): Promise<void> {
  await waitUntil(
    () => kpiValue(el) === text,
    `${el.outerHTML} shows ${kpiValue(el) || 'nothing'}, not ${text}`,
    {
      timeout: 20_000,
    },
  );
}

/** The widgets a configuration created, in the dashboard's shadow root. */
export function configured<K extends keyof HTMLElementTagNameMap>(
  dashboard: Element,
  tag: K,
): Array<HTMLElementTagNameMap[K]> {
  return [...shadow(dashboard).querySelectorAll(tag)];
}

export function problems(dashboard: Element): string[] {
  return [...shadow(dashboard).querySelectorAll('.problem')].map((item) => normalize(item.textContent));
}

export function statusText(dashboard: Element): string {
  return normalize(part(dashboard, 'status')?.textContent);
}

export function width(el: Element): number {
  return el.getBoundingClientRect().width;
}

export async function mountDashboard(template: TemplateResult): Promise<OdwDashboard> {
  const container = await mount(template);
  const dashboard = container.querySelector('odw-dashboard')!;
  await dashboard.updateComplete;
  return dashboard;
}

/** Waits until a configuration is in force (its widgets created) or reported wrong. */
export async function configSettled(dashboard: OdwDashboard): Promise<void> {
  await waitUntil(
    () => dashboard.configuration || shadow(dashboard).querySelector('.status.error'),
    'the configuration was never read',
    {timeout: 15_000},
  );
  await dashboard.updateComplete;
}

export function uniqueName(prefix: string): string {
  return `${prefix}-${Math.random().toString(36).slice(2, 10)}`;
}

export async function requestLog(tag: string): Promise<string[]> {
  const response = await fetch(`/portal/__requests?tag=${encodeURIComponent(tag)}`);
  const {requests} = (await response.json()) as {requests: Array<{url: string}>};
  return requests.map((request) => decodeURIComponent(request.url));
}

/** (Re)defines the fault sequence `name`: each request through `~seq=<name>` takes the next fault. */
export async function setFaults(name: string, faults: string[]): Promise<void> {
  const response = await fetch('/portal/__faults', {method: 'POST', body: JSON.stringify({name, faults})});
  expect(response.ok, 'the emulator accepted the fault sequence').to.equal(true);
}

export function configScript(config: unknown): HTMLScriptElement {
  const script = document.createElement('script');
  script.type = 'application/json';
  script.textContent = typeof config === 'string' ? config : JSON.stringify(config);
  return script;
}

/** A dashboard described by `config` in a `<script type="application/json">` child. */
export async function dashboardFromScript(
  config: unknown,
  attributes: Record<string, string> = {},
): Promise<OdwDashboard> {
  const container = await mount(html`<div></div>`);
  const dashboard = document.createElement('odw-dashboard');
  for (const [name, value] of Object.entries(attributes)) dashboard.setAttribute(name, value);
  dashboard.append(configScript(config));
  container.append(dashboard);
  await configSettled(dashboard);
  return dashboard;
}

/** Puts the request settings back after each test, and shortens the backoff during it. */
export function fastRetries(): void {
  const saved = {...requestSettings};
  beforeEach(() => {
    Object.assign(requestSettings, {baseDelay: 5, maxDelay: 20});
  });
  afterEach(() => {
    Object.assign(requestSettings, saved);
  });
}
