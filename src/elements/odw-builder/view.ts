/**
 * What each step view renders from: the model and its words, and the one way back to the element
 * (`dispatch`). Also the parts every step shares: the list of steps, the heading and the buttons
 * to move on.
 */
import {html, nothing, type TemplateResult} from 'lit';
import type {FieldInfo} from '../../data/types.js';
import type {Lang} from '../../core/i18n.js';
import type {BuilderMessageKey} from './odw-builder.messages.js';
import type {BuilderAction, BuilderModel, Step} from './builder-model.js';
import type {Message} from './message.js';
import type {FieldValues} from './controls.js';
import type {WidgetState} from './state.js';
import type {Translate} from './words.js';

export interface BuilderView {
  model: BuilderModel;
  lang: Lang;
  t: Translate;
  say(message: Message | undefined): string;
  dispatch(action: BuilderAction): void;
  fields: FieldInfo[];
  widget?: WidgetState;
  /** Whether a dataset or catalogue is loading. */
  loading: boolean;
  /** The values of a text field to pick from, once loaded. */
  valuesOf(name: string): FieldValues | undefined;
}

const STEPS: Array<[Step, BuilderMessageKey]> = [
  [1, 'builder.step1'],
  [2, 'builder.step2'],
  [3, 'builder.step3'],
];

export function stepNav({model, t, dispatch}: BuilderView): TemplateResult {
  return html`<nav class="steps" aria-label=${t('builder.steps')}>
    <ol>
      ${STEPS.map(
        ([number, key]) =>
          html`<li>
            <button
              type="button"
              aria-current=${model.step === number ? 'step' : nothing}
              ?disabled=${number > 1 && !model.build}
              @click=${() => dispatch({type: 'go', step: number})}
            >
              ${number}. ${t(key)}
            </button>
          </li>`,
      )}
    </ol>
  </nav>`;
}

/** A step's heading: focused when the step opens (odw-builder.ts), so it takes `tabindex="-1"`. */
export function stepHeading({t}: BuilderView, step: Step): TemplateResult {
  const [, key] = STEPS[step - 1];
  return html`<h2 id="step${step}-heading" tabindex="-1">
    <span class="visually-hidden">${t('builder.step', {number: step})}</span> ${t(key)}
  </h2>`;
}

export function stepButtons({model, t, dispatch}: BuilderView): TemplateResult {
  const {step} = model;
  return html`<div class="actions">
    ${
      step > 1
        ? html`<button
            type="button"
            class="secondary"
            id="previous"
            @click=${() => dispatch({type: 'go', step: (step - 1) as Step})}
          >
            ${t('builder.previous')}
          </button>`
        : nothing
    }
    ${
      step < 3 && model.build
        ? html`<button
            type="button"
            id="next"
            @click=${() => dispatch({type: 'go', step: (step + 1) as Step})}
          >
            ${t('builder.next')}
          </button>`
        : nothing
    }
  </div>`;
}
