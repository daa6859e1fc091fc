/**
 * The form controls of the step views, every one labelled, its help and error tied with
 * aria-describedby.
 */
import {html, nothing, type TemplateResult} from 'lit';
import type {FieldInfo} from '../../data/types.js';
import type {BuilderMessageKey} from './odw-builder.messages.js';
import type {Translate} from './words.js';
import {isDate, isNumeric} from './suggestions.js';

function describedBy(id: string, help?: string, error?: string): string | typeof nothing {
  const ids = [help ? `${id}-help` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return ids || nothing;
}

function helpText(id: string, help?: string): TemplateResult | typeof nothing {
  return help ? html`<p class="help" id="${id}-help">${help}</p>` : nothing;
}

function errorText(id: string, error?: string): TemplateResult | typeof nothing {
  return error ? html`<p class="error" id="${id}-error">${error}</p>` : nothing;
}

export function textField(
  id: string,
  label: string,
  value: string | undefined,
  change: (value: string | undefined) => void,
  help?: string,
  error?: string,
): TemplateResult {
  return html`<div class="field">
    <label for=${id}>${label}</label>
    ${helpText(id, help)}
    <input
      id=${id}
      type="text"
      .value=${value ?? ''}
      aria-invalid=${error ? 'true' : 'false'}
      aria-describedby=${describedBy(id, help, error)}
      @change=${(event: Event) => change((event.target as HTMLInputElement).value.trim() || undefined)}
    />
    ${errorText(id, error)}
  </div>`;
}

/** A whole positive number; `change` gets the text as typed, checked by the reducer. */
export function numberField(
  id: string,
  label: string,
  value: number | undefined,
  change: (text: string) => void,
  help?: string,
  error?: string,
): TemplateResult {
  return html`<div class="field">
    <label for=${id}>${label}</label>
    ${helpText(id, help)}
    <input
      id=${id}
      type="number"
      min="1"
      step="1"
      inputmode="numeric"
      .value=${value === undefined ? '' : String(value)}
      aria-invalid=${error ? 'true' : 'false'}
      aria-describedby=${describedBy(id, help, error)}
      @change=${(event: Event) => change((event.target as HTMLInputElement).value)}
    />
    ${errorText(id, error)}
  </div>`;
}

/**
 * The options of a select of fixed values, each labelled by the string `builder.<group>.<value>`
 * (the type refuses a value without its string).
 */
export function options<G extends string, const V extends string>(
  t: Translate,
  group: G,
  values: readonly V[] & (`builder.${G}.${V}` extends BuilderMessageKey ? unknown : never),
): Array<[string, string]> {
  return values.map((value) => [value, t(`builder.${group}.${value}` as BuilderMessageKey)]);
}

export function selectField(
  id: string,
  label: string,
  value: string,
  choices: Array<[string, string]>,
  change: (value: string) => void,
  help?: string,
): TemplateResult {
  return html`<div class="field">
    <label for=${id}>${label}</label>
    ${helpText(id, help)}
    <select
      id=${id}
      aria-describedby=${describedBy(id, help)}
      @change=${(event: Event) => change((event.target as HTMLSelectElement).value)}
    >
      ${choices.map(
        ([optionValue, text]) =>
          html`<option value=${optionValue} ?selected=${optionValue === value}>${text}</option>`,
      )}
    </select>
  </div>`;
}

/** A field's label, with its name when they differ. */
export function fieldName(field: FieldInfo): string {
  return field.label === field.name ? field.name : `${field.label} (${field.name})`;
}

export function fieldSelect(
  id: string,
  label: string,
  value: string | undefined,
  fields: FieldInfo[],
  change: (value: string) => void,
  help?: string,
): TemplateResult {
  const choices = fields.map((field): [string, string] => [field.name, fieldName(field)]);
  return selectField(id, label, value ?? '', choices, change, help);
}

export function radios(
  name: string,
  legend: string,
  value: string,
  choices: Array<[string, string]>,
  change: (value: string) => void,
  note?: string,
): TemplateResult {
  return html`<fieldset id="${name}-group" aria-describedby=${note ? `${name}-note` : nothing}>
    <legend>${legend}</legend>
    ${choices.map(
      ([optionValue, text]) =>
        html`<div class="choice">
          <input
            type="radio"
            name=${name}
            id="${name}-${optionValue}"
            value=${optionValue}
            .checked=${optionValue === value}
            @change=${() => change(optionValue)}
          />
          <label for="${name}-${optionValue}">${text}</label>
        </div>`,
    )}
    ${note ? html`<p class="help" id="${name}-note">${note}</p>` : nothing}
  </fieldset>`;
}

/** The values of a text field, loaded to pick from; `complete`: all of them. */
export interface FieldValues {
  values: string[];
  complete: boolean;
}

/**
 * A value of `field` (control `id`, described by the error `errorId` when given): a list of the
 * field's actual values for a text field once loaded, else a box to type in (suggesting them
 * when there are too many).
 */
export function valuePicker(
  t: Translate,
  id: string,
  field: FieldInfo | undefined,
  loaded: FieldValues | undefined,
  value: string,
  change: (value: string) => void,
  errorId?: string,
): TemplateResult {
  const values = loaded?.values ?? [];
  const changed = (event: Event) => change((event.target as HTMLInputElement | HTMLSelectElement).value);
  if (loaded?.complete && values.length) {
    return html`<select
      id=${id}
      aria-invalid=${errorId ? 'true' : 'false'}
      aria-describedby=${errorId ?? nothing}
      @change=${changed}
    >
      <option value="" ?selected=${!value}>${t('builder.condition.pick')}</option>
      ${values.map((item) => html`<option value=${item} ?selected=${item === value}>${item}</option>`)}
    </select>`;
  }
  return html`<input
      id=${id}
      type=${field && isNumeric(field) ? 'number' : field && isDate(field) ? 'date' : 'text'}
      .value=${value}
      aria-invalid=${errorId ? 'true' : 'false'}
      aria-describedby=${errorId ?? nothing}
      list=${values.length ? `${id}-values` : nothing}
      @input=${changed}
    />${
      values.length
        ? html`<datalist id="${id}-values">
            ${values.map((item) => html`<option value=${item}></option>`)}
          </datalist>`
        : nothing
    }`;
}
