/** What a dashboard shows of its JSON configuration: the selectors of its parameters, and its status. */
import {html, nothing} from 'lit';
import {describeError} from '../../core/i18n.js';
import type {Lang} from '../../core/lang.js';
import type {ConfigState} from './dashboard-config-controller.js';
import {describeProblem} from './dashboard-problems.js';
import {dashboardText} from './odw-dashboard.messages.js';

/** A labelled selector for each parameter that has choices. */
export function renderParams(configState: ConfigState, pick: (name: string, value: string) => void): unknown {
  const template = configState.status === 'ready' ? configState.template : undefined;
  const selectable = template?.params.filter((param) => template.choices.get(param.name)?.length) ?? [];
  if (!template || selectable.length === 0) return nothing;
  return html`<div class="params" part="params">
    ${selectable.map((param) => {
      const current = template.values.get(param.name);
      const choices = template.choices.get(param.name)!;
      // A value from the URL or the attribute that the list lacks is still the one shown.
      const options =
        current && !choices.some((choice) => choice.value === current.value)
          ? [current, ...choices]
          : choices;
      return html`<label class="param"
        ><span>${param.label ?? param.name}</span>
        <select @change=${(event: Event) => pick(param.name, (event.target as HTMLSelectElement).value)}>
          ${options.map(
            (choice) =>
              html`<option value=${choice.value} ?selected=${choice.value === current?.value}>
                ${choice.label}
              </option>`,
          )}
        </select></label
      >`;
    })}
  </div>`;
}

/** The configuration loading, or what is wrong with it. */
export function renderConfigStatus(configState: ConfigState, lang: Lang): unknown {
  if (configState.status === 'loading') {
    return html`<p class="status loading" part="status" role="status">
      ${dashboardText(lang, 'dashboard.loading')}
    </p>`;
  }
  if (configState.status !== 'failed') return nothing;
  const {failure} = configState;
  let content: unknown;
  switch (failure.kind) {
    case 'invalid':
      content = html`<p>${dashboardText(lang, 'dashboard.config-invalid')}</p>
        <ul>
          ${failure.problems.map((problem) => html`<li class="problem">${describeProblem(problem, lang)}</li>`)}
        </ul>`;
      break;
    case 'json':
      content = html`<p>${dashboardText(lang, 'dashboard.error.json', {message: failure.message})}</p>`;
      break;
    case 'fetch':
      content = html`<p>
        ${dashboardText(lang, 'dashboard.error.fetch', {url: failure.url, message: describeError(failure.error, lang)})}
      </p>`;
      break;
    case 'module':
      content = html`<p>${dashboardText(lang, 'dashboard.error.module', {tag: failure.tag})}</p>`;
      break;
  }
  return html`<div class="status error" part="status" role="alert">${content}</div>`;
}
