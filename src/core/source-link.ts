/**
 * What a widget needs of its binding to an `odw-source`. The binding itself
 * (src/core/source-binding-controller.ts) comes with the source's element, which imports it: a key
 * figure given `src` never downloads it. A widget that names a source before that code is in waits
 * for it (src/core/data-element.ts), as it waits for the source's element.
 */
import type {ReactiveControllerHost, TemplateResult} from 'lit';
import type {DataView} from './data-task-controller.js';
import type {DataSource} from './data-source.js';
import type {Lang} from './lang.js';

/**
 * Where the widget stands with its `source`:
 * - `none`: no `source` attribute (the widget reads its own `src`);
 * - `bound`: the `odw-source` is found and upgraded;
 * - `waiting`: found, but its definition (or the binding's code) has not loaded yet;
 * - `missing`: no element has that id (yet: a source added later binds then).
 */
export type SourceBinding = 'none' | 'bound' | 'waiting' | 'missing';

export interface SourceBindingHost extends ReactiveControllerHost, HTMLElement {
  /** The `id` of the `odw-source` to bind to. */
  readonly source?: string;
}

/** What a bound widget shows in place of what its source says for it (src/core/data-frame.ts). */
export interface SharedNotes {
  /** « Données indisponibles »: the source says why, and offers « Réessayer ». */
  unavailable(lang: Lang): TemplateResult;
  /** « Données du … »: the date of the old data shown. */
  since(date: Date, lang: Lang): TemplateResult;
}

/** A widget's binding to the `odw-source` its `source` names. */
export interface SourceLink extends SharedNotes {
  readonly state: SourceBinding;
  /** The bound source, once found and upgraded. */
  readonly source?: DataSource;
  /** Whether the widget leaves the source to speak for its failures. */
  readonly shared: boolean;
  /** Whether a dashboard around the widget cites its source once. */
  readonly cited: boolean;
  /** Looks the source up again; call before each render. */
  bind(): void;
  /** Says what a change of the source's filters made of the widget (src/core/announcer.ts). */
  announce(text: string): void;
  /** The widget's load after that change failed: it has no news (its error says it). */
  dropNews(): void;
}

/** The binding's constructor (src/core/source-binding-controller.ts). */
export type SourceLinkFactory = new (
  host: SourceBindingHost,
  /** The source asks its widgets to reload. */
  onRefresh: () => void,
  /** The source's filters changed: the widget's next load is news. Answers whether one started. */
  onFilterChange?: () => boolean,
  /** What the widget shows, told to the source after each render. */
  view?: () => DataView<unknown>,
  /** Gives the widget's body the focus. */
  focus?: () => void,
) => SourceLink;

/** Set by src/core/source-binding-controller.ts when it loads. */
export const sourceLinks: {Binding?: SourceLinkFactory} = {};
