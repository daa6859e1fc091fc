/**
 * The builder element: it holds the model, runs what the model asks for, and renders the step the
 * user is on. The rest of this folder, by role:
 * - builder-model.ts, builder-reducer.ts: the model and every change a user makes to it (pure);
 * - step-data.ts, step-widget.ts, step-details.ts (with details-rows.ts, look-fields.ts): one view
 *   per step, and preview-view.ts the result beside them; view.ts what they share, controls.ts
 *   their form controls;
 * - words.ts, message.ts: words derived from the model; contrast.ts: a custom palette checked;
 * - suggestions.ts what the fields allow, state.ts the state in a link, snippet.ts the code to
 *   paste, preview.ts the preview's elements, field-values.ts the values to pick from.
 */
import {LitElement, html, nothing, type PropertyValues, type TemplateResult} from 'lit';
import {state} from 'lit/decorators.js';
import {Task, TaskStatus, initialState} from '@lit/task';
import {datasetInfo, query, resolveSource} from '../../data/index.js';
import {searchCatalog} from '../../data/catalog.js';
import type {ApiFamily} from '../../data/types.js';
import {resolveLang, type Lang} from '../../core/i18n.js';
import {themeStyles} from '../../core/theme.js';
import {observe} from '../../loader.js';
import {hostStyles, visuallyHiddenStyles} from '../../core/data-element.styles.js';
import {linkedStylesRoot} from '../../core/linked-styles.js';
import {PageSchemeController} from '../../core/page-scheme.js';
import {builderStyles} from './odw-builder.styles.js';
import {reduce} from './builder-reducer.js';
import {
  fieldsOf,
  initialModel,
  widgetOf,
  type BuilderAction,
  type BuilderModel,
  type LoadRequest,
  type Loaded,
  type LoadedDataset,
} from './builder-model.js';
import {templateFields} from './details-rows.js';
import {FieldValuesController} from './field-values.js';
import {say, type Message} from './message.js';
import {fillPreview, previewedWidgets, spokenText} from './preview.js';
import {result} from './preview-view.js';
import {iframeCode, publishedFiles, snippet, type SnippetContext} from './snippet.js';
import {stateCodeOf, stateLink, type BuilderState} from './state.js';
import {stepData} from './step-data.js';
import {stepDetails} from './step-details.js';
import {stepWidget} from './step-widget.js';
import {stepButtons, stepNav, type BuilderView} from './view.js';
import {effectiveState, translator} from './words.js';
import {applyDefaults, propertiesOf, type AttributeValues} from '../../core/schema.js';
import {builderAttributes} from './odw-builder.schema.js';

/** Fired when the widget being made changes; `detail`: the state and the code to paste. */
export class OdwBuilderChangeEvent extends CustomEvent<{state: BuilderState; code: string}> {
  static readonly eventName = 'odw-builder-change';
  constructor(detail: {state: BuilderState; code: string}) {
    super(OdwBuilderChangeEvent.eventName, {detail, bubbles: true, composed: true});
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'odw-builder-change': OdwBuilderChangeEvent;
  }
}

/** The script and embed page beside this module: pasted on the same host, the code works as it is. */
const PUBLISHED = publishedFiles(import.meta.url);
const DEFAULT_TABULAR_API = 'https://tabular-api.data.gouv.fr/api/';

// The fields are typed from the attribute schema (src/core/schema.ts).
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export interface OdwBuilder extends AttributeValues<typeof builderAttributes> {}

/**
 * An editor that makes a widget or a dashboard without writing code: paste a dataset or portal
 * address (or search a catalogue), choose a widget among those the fields allow, set its details,
 * check the live preview (mobile and desktop widths, and what a screen reader reads), then copy the
 * code to paste. The state lives in a link (`#builder=…`) that reopens the builder as it was.
 *
 * @summary A no-code editor of widgets and dashboards, with live preview and code to copy.
 *
 * @fires {OdwBuilderChangeEvent} odw-builder-change - The widget changed; `detail`: `{state, code}`.
 *
 * @csspart preview - The frame of the live preview.
 * @csspart code - The code to paste.
 *
 * @cssprop --odw-font-family - Font stack.
 * @cssprop --odw-text-color - Text.
 * @cssprop --odw-muted-color - Help texts.
 * @cssprop --odw-background - Background.
 * @cssprop --odw-surface - Background of the preview and code.
 * @cssprop --odw-border-color - Borders.
 * @cssprop --odw-accent - Buttons and links.
 * @cssprop --odw-error-color - Error messages.
 * @cssprop --odw-focus-color - Focus ring.
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class OdwBuilder extends LitElement {
  static override styles = [themeStyles, hostStyles, visuallyHiddenStyles, builderStyles];

  static override properties = propertiesOf(builderAttributes);

  constructor() {
    super();
    applyDefaults(this, builderAttributes);
  }

  /** Dark colours only where the page can be dark (src/core/page-scheme.ts). */
  protected readonly pageScheme = new PageSchemeController(this);

  protected override createRenderRoot(): HTMLElement | DocumentFragment {
    return linkedStylesRoot(this) ?? super.createRenderRoot();
  }

  /** Everything the user did, as builder-reducer.ts keeps it. */
  @state() private model: BuilderModel = initialModel('fr');
  /** What a screen reader reads of each previewed widget. */
  @state() private reader: string[] = [];

  private readonly fieldValues = new FieldValuesController(this);
  private previewCode?: string;
  private readerUpdate = 0;
  /** The control focused before an update, and where focus goes should it vanish. */
  private focusedBefore?: Element | null;
  private focusFallback: string[] = [];

  /** Runs each load the model asks for (`model.request`), the previous one aborted. */
  private loadTask = new Task(this, {
    args: () => [this.model.request] as const,
    task: async ([request], {signal}): Promise<Loaded | typeof initialState> => {
      if (!request) return initialState;
      return this.load(request.load, signal);
    },
    onComplete: (loaded) => this.dispatch({type: 'loaded', loaded}),
    onError: (error) => {
      if (error instanceof DOMException && error.name === 'AbortError') return;
      this.dispatch({type: 'load-failed', error});
    },
  });

  private get currentLang(): Lang {
    return resolveLang(this);
  }

  private dispatch(action: BuilderAction): void {
    this.model = reduce(this.model, action);
    if (action.type === 'remove-widget') {
      // The button pressed was the last one: its neighbour's, or the first « Add » once none is left.
      const neighbour = Math.min(action.index, this.model.build!.widgets.length - 1);
      this.focusFallback = [
        `#remove-${neighbour}`,
        `#edit-${neighbour}`,
        '#dashboard-widgets + .actions button',
      ];
    } else if (action.type === 'select-widget') {
      // Its Edit button gives way to « being edited »: focus goes to what edits it.
      this.focusFallback = ['#edited-kind-group input:checked'];
    }
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.model = reduce(this.model, {type: 'lang', lang: this.currentLang});
    if (this.urlSync) {
      const code = stateCodeOf(location.hash);
      if (code) this.dispatch({type: 'restore', code});
    }
    if (!this.model.data && !this.loadTask.value && this.src && !this.model.pendingState) {
      this.dispatch({type: 'open', src: this.src});
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.loadTask.abort();
  }

  protected override firstUpdated(): void {
    observe(this.renderRoot as ShadowRoot);
  }

  private async load(request: LoadRequest, signal: AbortSignal): Promise<Loaded> {
    if (request.type === 'source') {
      return {type: 'dataset', dataset: await this.loadDataset(request.src, request.api, signal)};
    }
    let isDataset = true;
    try {
      resolveSource(request.url);
    } catch {
      isDataset = false;
    }
    if (isDataset) return {type: 'dataset', dataset: await this.loadDataset(request.url, undefined, signal)};
    const catalog = await searchCatalog(request.url, {
      text: request.text,
      signal,
      tabularApi: new URL(this.tabularApi || DEFAULT_TABULAR_API, document.baseURI).href,
    });
    return {type: 'catalog', catalog, text: request.text};
  }

  private async loadDataset(
    src: string,
    api: ApiFamily | undefined,
    signal: AbortSignal,
  ): Promise<LoadedDataset> {
    this.dispatch({type: 'dataset-loading'});
    const info = await datasetInfo(src, {api, signal});
    let rows = info.meta.recordsCount;
    if (rows === undefined) {
      const counted = await query(src, {api, select: 'count()', signal});
      rows = Number(counted.rows[0]?.['count()'] ?? counted.total);
    }
    return {src, api, info, rows};
  }

  // -------------------------------------------------------------------------------------------
  // What is made

  private get effective(): BuilderState | undefined {
    const {build, data} = this.model;
    const t = translator(this.currentLang);
    return build && effectiveState(build, fieldsOf(this.model), data?.info.meta.title ?? '', t);
  }

  private get snippetContext(): SnippetContext {
    const scriptSrc = this.scriptSrc?.trim();
    return {
      scriptSrc: scriptSrc || PUBLISHED.script,
      embedSrc: scriptSrc
        ? new URL('embed.html', new URL(scriptSrc, document.baseURI)).href
        : PUBLISHED.embed,
      shapesBase: new URL(this.shapesBase || 'data/', document.baseURI).href,
      src: new URL(this.model.build?.src ?? '', document.baseURI).href,
    };
  }

  private get code(): string {
    const effective = this.effective;
    return effective ? snippet(effective, this.snippetContext) : '';
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const lang = this.currentLang;
    if (lang !== this.model.lang) this.model = reduce(this.model, {type: 'lang', lang});
    this.focusedBefore = this.renderRoot.querySelector(':focus');
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const previous = changed.get('model') as BuilderModel | undefined;
    const {build, step} = this.model;
    if (build) this.loadFieldValues();
    if (previous && previous.stepVisits !== this.model.stepVisits) {
      this.renderRoot.querySelector<HTMLElement>(`#step${step}-heading`)?.focus();
    } else {
      this.keepFocus();
    }
    this.focusFallback = [];
    if (build && changed.has('model') && previous?.build !== build) {
      const code = this.code;
      if (code !== this.previewCode) {
        this.previewCode = code;
        this.renderPreview();
        if (this.urlSync) history.replaceState(history.state, '', stateLink(location.href, build));
        this.dispatchEvent(new OdwBuilderChangeEvent({state: build, code}));
      }
    }
  }

  /**
   * Focus never falls to the page: when the focused control went away or was disabled, focus goes
   * to its replacement (same id), to where the action said, or to the heading of the step.
   */
  private keepFocus(): void {
    const before = this.focusedBefore as (Element & {disabled?: boolean}) | null | undefined;
    if (!before || (before.isConnected && !before.disabled)) return;
    const candidates = [
      before.id ? `#${CSS.escape(before.id)}` : '',
      ...this.focusFallback,
      this.model.step === 1 ? '#dataset-heading' : '',
      `#step${this.model.step}-heading`,
    ].filter(Boolean);
    for (const selector of candidates) {
      const target = this.renderRoot.querySelector<HTMLElement>(selector);
      if (target && !(target as {disabled?: boolean}).disabled) {
        target.focus();
        return;
      }
    }
  }

  private loadFieldValues(): void {
    const {build, condition} = this.model;
    if (!build?.src) return;
    // The values among the rows the widget shows: its condition bounds them.
    const where = widgetOf(this.model)?.where?.trim() ?? '';
    const texts = templateFields(this.view);
    const field = texts.find((candidate) => candidate.name === condition.field) ?? texts[0];
    this.fieldValues.load(build.src, build.api, where, [field?.name, build.param]);
  }

  /** Creates the real elements of the code in the preview frame. */
  private renderPreview(): void {
    const frame = this.renderRoot.querySelector<HTMLElement>('#preview-frame');
    const effective = this.effective;
    if (!frame || !effective) return;
    fillPreview(frame, effective, this.snippetContext);
    void this.updateReader();
  }

  /** Reads what assistive technologies get from each previewed widget once drawn. */
  private async updateReader(): Promise<void> {
    const run = ++this.readerUpdate;
    const frame = this.renderRoot.querySelector<HTMLElement>('#preview-frame');
    if (!frame) return;
    const widgets = await previewedWidgets(frame);
    if (run !== this.readerUpdate) return;
    this.reader = widgets.map(spokenText).filter(Boolean);
  }

  private async copyCode(code: string, button: string): Promise<void> {
    let copied = false;
    try {
      await navigator.clipboard.writeText(code);
      copied = true;
    } catch {
      const area = this.renderRoot.querySelector<HTMLTextAreaElement>('#copy-source');
      if (area) {
        area.value = code;
        area.select();
        copied = document.execCommand('copy');
        this.renderRoot.querySelector<HTMLButtonElement>(button)?.focus();
      }
    }
    // Cleared first so that the same message, said again, is announced again.
    this.dispatch({type: 'status'});
    await this.updateComplete;
    this.dispatch({type: 'status', message: {key: copied ? 'builder.copied' : 'builder.copy-failed'}});
  }

  // -------------------------------------------------------------------------------------------
  // Rendering

  private get view(): BuilderView {
    const lang = this.currentLang;
    return {
      model: this.model,
      lang,
      t: translator(lang),
      say: (message: Message | undefined) => say(message, lang),
      dispatch: (action) => this.dispatch(action),
      fields: fieldsOf(this.model),
      widget: widgetOf(this.model),
      loading: this.loadTask.status === TaskStatus.PENDING,
      valuesOf: (name) => this.fieldValues.valuesOf(name),
    };
  }

  protected override render(): TemplateResult {
    const view = this.view;
    const {model} = view;
    const steps = {1: stepData, 2: stepWidget, 3: stepDetails};
    return html`
      <p class="visually-hidden" role="status" aria-live="polite" id="status">${view.say(model.status)}</p>
      ${model.stateWarning ? html`<p class="error" role="alert">${view.say(model.stateWarning)}</p>` : nothing}
      ${stepNav(view)}
      <div class="layout ${model.build ? 'with-preview' : ''}">
        <div class="editor">${steps[model.step](view)} ${stepButtons(view)}</div>
        ${model.build ? this.renderResult(view) : nothing}
      </div>
    `;
  }

  private renderResult(view: BuilderView): TemplateResult {
    const effective = this.effective!;
    const ctx = this.snippetContext;
    return result(view, {
      reader: this.reader,
      code: snippet(effective, ctx),
      iframe: iframeCode(effective, ctx),
      link: stateLink(location.href, this.model.build!),
      resize: new URL('embed-resize.js', ctx.embedSrc).href,
      reread: () => void this.updateReader(),
      copy: (code, button) => void this.copyCode(code, button),
    });
  }
}
