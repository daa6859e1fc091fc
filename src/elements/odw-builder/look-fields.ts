/** The look, on step 3: the palette (a custom one checked for contrast), theme, language and refresh. */
import {html, nothing, type TemplateResult} from 'lit';
import {numberField, options, selectField} from './controls.js';
import {paletteProblems} from './contrast.js';
import {PALETTES, THEMES, type BuilderState} from './state.js';
import type {BuilderView} from './view.js';

export function look(view: BuilderView): TemplateResult {
  const {model, t, say, dispatch} = view;
  const build = model.build!;
  const updateBuild = (change: Partial<BuilderState>) => dispatch({type: 'update-build', change});
  return html`<fieldset>
    <legend>${t('builder.details.look')}</legend>
    ${selectField(
      'palette',
      t('builder.palette'),
      build.palette ?? 'default',
      options(t, 'palette', PALETTES),
      (palette) =>
        updateBuild({palette: palette === 'default' ? undefined : (palette as BuilderState['palette'])}),
    )}
    ${build.palette === 'custom' ? customColours(view, build) : nothing}
    ${selectField(
      'theme',
      t('builder.theme'),
      build.theme ?? '',
      [['', t('builder.theme.none')], ...options(t, 'theme', THEMES)],
      (theme) => updateBuild({theme: (theme || undefined) as BuilderState['theme']}),
    )}
    ${selectField(
      'widget-lang',
      t('builder.lang'),
      build.lang ?? '',
      [
        ['', t('builder.lang.none')],
        ['fr', t('builder.lang.fr')],
        ['en', t('builder.lang.en')],
      ],
      (value) => updateBuild({lang: (value || undefined) as BuilderState['lang']}),
    )}
    ${numberField(
      'refresh',
      t('builder.refresh'),
      build.refresh,
      (text) => dispatch({type: 'number-typed', input: 'refresh', text}),
      t('builder.refresh-help'),
      say(model.errors.refresh) || undefined,
    )}
  </fieldset>`;
}

/**
 * The colours of a custom palette, each checked against the background of the chosen theme:
 * every problem named under the field, with the colour and its ratio.
 */
function customColours({model, t, say, dispatch}: BuilderView, build: BuilderState): TemplateResult {
  const problems = paletteProblems(build.colours, build.theme, model.lang);
  return html`<div class="field">
    <label for="palette-colours">${t('builder.colours')}</label>
    <p class="help" id="palette-colours-help">${t('builder.colours-help')}</p>
    <input
      id="palette-colours"
      type="text"
      spellcheck="false"
      autocomplete="off"
      .value=${build.colours ?? ''}
      aria-invalid=${problems.length ? 'true' : 'false'}
      aria-describedby=${problems.length ? 'palette-colours-help palette-colours-error' : 'palette-colours-help'}
      @change=${(event: Event) => dispatch({type: 'colours-typed', text: (event.target as HTMLInputElement).value})}
    />
    ${
      problems.length
        ? html`<ul class="error" id="palette-colours-error">
            ${problems.map((problem) => html`<li>${say(problem)}</li>`)}
          </ul>`
        : nothing
    }
  </div>`;
}
