/** The rows a widget shows, on step 3: a condition composed without typing, and a template for several communes. */
import {html, nothing, type TemplateResult} from 'lit';
import type {CompareOp} from '../../data/types.js';
import {conditionField} from './builder-model.js';
import {fieldName, fieldSelect, options, selectField, valuePicker} from './controls.js';
import {filterFields, isDate, isNumeric} from './suggestions.js';
import type {BuilderView} from './view.js';

/** A condition made of a field, an operator and a value, added to the filter without typing an expression. */
export function condition(view: BuilderView): TemplateResult {
  const {model, t, fields, say, dispatch} = view;
  const field = conditionField(model);
  const ops: CompareOp[] =
    field && (isNumeric(field) || isDate(field)) ? ['=', '!=', '<', '<=', '>', '>='] : ['=', '!='];
  const error = say(model.errors.condition);
  const {op, value} = model.condition;
  return html`<fieldset id="condition-group">
    <legend>${t('builder.condition')}</legend>
    ${fieldSelect(
      'condition-field',
      t('builder.condition.field'),
      field?.name,
      filterFields(fields),
      (name) => dispatch({type: 'condition-changed', change: {field: name}}),
    )}
    ${selectField(
      'condition-op',
      t('builder.condition.op'),
      ops.includes(op) ? op : '=',
      options(t, 'op', ops),
      (chosen) => dispatch({type: 'condition-changed', change: {op: chosen as CompareOp}}),
    )}
    <div class="field">
      <label for="condition-value">${t('builder.condition.value')}</label>
      ${valuePicker(
        t,
        'condition-value',
        field,
        field && view.valuesOf(field.name),
        value,
        (typed) => dispatch({type: 'condition-changed', change: {value: typed}}),
        error ? 'condition-error' : undefined,
      )}
      ${error ? html`<p class="error" id="condition-error">${error}</p>` : nothing}
    </div>
    <button
      type="button"
      class="secondary"
      id="add-condition"
      @click=${() => dispatch({type: 'condition-added'})}
    >
      ${t('builder.condition.add')}
    </button>
  </fieldset>`;
}

/** Text fields, whose values a template's selector offers. */
export function templateFields(view: BuilderView): ReturnType<typeof filterFields> {
  return filterFields(view.fields).filter((field) => !isNumeric(field) && !isDate(field));
}

/** Turns the widget or dashboard into a template: each page picks a value of a field (its commune). */
export function template(view: BuilderView): TemplateResult {
  const {model, t, dispatch} = view;
  const build = model.build!;
  const texts = templateFields(view);
  const param = texts.find((field) => field.name === build.param);
  const fieldOptions = texts.map((field): [string, string] => [field.name, fieldName(field)]);
  const titleOf = (name: string) => texts.find((field) => field.name === name)?.label;
  return html`<fieldset id="template-group" aria-describedby="template-help">
    <legend>${t('builder.template')}</legend>
    <p class="help" id="template-help">${t('builder.template-help')}</p>
    ${selectField(
      'template-param',
      t('builder.template.param'),
      build.param ?? '',
      [['', t('builder.template.none')], ...fieldOptions],
      (name) =>
        dispatch({
          type: 'update-build',
          change: {
            param: name || undefined,
            paramLabel: name || undefined,
            paramTitle: titleOf(name),
            paramDefault: undefined,
          },
        }),
    )}
    ${
      param
        ? html`${selectField(
              'template-label',
              t('builder.template.label'),
              build.paramLabel ?? param.name,
              fieldOptions,
              (name) =>
                dispatch({type: 'update-build', change: {paramLabel: name, paramTitle: titleOf(name)}}),
            )}
            <div class="field">
              <label for="template-default">${t('builder.template.default')}</label>
              ${valuePicker(
                t,
                'template-default',
                param,
                view.valuesOf(param.name),
                build.paramDefault ?? '',
                (value) => dispatch({type: 'update-build', change: {paramDefault: value || undefined}}),
              )}
            </div>`
        : nothing
    }
  </fieldset>`;
}
