/**
 * The JSON configuration of a dashboard, from its `config` URL or its `<script type="application/json">`
 * child: read, its parameters replaced (src/elements/odw-dashboard/dashboard-template.ts), validated
 * (dashboard-config.ts), and the modules of its widgets loaded. Read again when the URL, the script,
 * the `params` attribute or a picked parameter value changes; a read in progress is aborted then.
 */
import type {ReactiveController, ReactiveControllerHost} from 'lit';
import {createFetchContext} from '../../data/request.js';
import {FormatError} from '../../data/errors.js';
import type {OfflineCopyOptions} from '../../data/offline-copy.js';
import {isAbortError} from '../../core/errors.js';
import {validateConfig, type ConfigProblem, type DashboardConfig} from './dashboard-config.js';
import {applyTemplate, type TemplateState} from './dashboard-template.js';
import {widgetModules} from './dashboard-widgets.js';

/** Shown in place of the configured widgets when the configuration cannot be used. */
export type ConfigFailure =
  | {kind: 'invalid'; problems: ConfigProblem[]}
  | {kind: 'json'; message: string}
  | {kind: 'fetch'; url: string; error: unknown}
  | {kind: 'module'; tag: string};

export type ConfigState =
  | {status: 'none'}
  | {status: 'loading'}
  | {status: 'ready'; config: DashboardConfig; template: TemplateState}
  | {status: 'failed'; failure: ConfigFailure};

export interface ConfigHost extends ReactiveControllerHost, HTMLElement {
  readonly hasUpdated: boolean;
  readonly config?: string;
  readonly params?: string;
  readonly urlSync?: string | null;
  readonly noOfflineCopy: boolean;
}

export interface ConfigOptions {
  /** Whether the dashboard has a default source (configured widgets may then name none). */
  hasDefaultSource: () => boolean;
  /** A new state is about to be shown (the dashboard applies its `columns` and `theme` first). */
  onSettled: (state: ConfigState) => void;
}

export class DashboardConfigController implements ReactiveController {
  state: ConfigState = {status: 'none'};
  private abort?: AbortController;
  /** The text of the `<script type="application/json">` child last read. */
  private scriptText?: string;
  /** The configuration as read, before its parameters are replaced: re-read when a value changes. */
  private rawInput?: unknown;
  /** Values picked in the parameter selectors. */
  private readonly picked = new Map<string, string>();

  constructor(
    private readonly host: ConfigHost,
    private readonly options: ConfigOptions,
  ) {
    host.addController(this);
  }

  /** The configuration in force, once valid and its widgets' modules loaded. */
  get configuration(): DashboardConfig | undefined {
    return this.state.status === 'ready' ? this.state.config : undefined;
  }

  hostConnected(): void {
    // Removed while its configuration was loading: load it again.
    if (this.host.hasUpdated && this.host.config?.trim() && this.state.status === 'loading') this.read();
  }

  hostDisconnected(): void {
    this.abort?.abort();
    // Reconnected, the configuration is read again.
    this.abort = undefined;
    this.scriptText = undefined;
  }

  /** The `params` attribute changed: the configuration already read is interpreted again. */
  paramsChanged(): void {
    if (this.rawInput !== undefined) this.interpretAgain();
  }

  /** The children changed: reads the script child again if its text did (without `config`). */
  childrenChanged(): void {
    if (this.host.config?.trim()) return;
    const text = this.scriptChild()?.textContent ?? undefined;
    if (text !== this.scriptText) {
      this.scriptText = text;
      this.read();
    }
  }

  /** Reads the configuration from `config` or the script child, validates it, loads its widgets. */
  read(): void {
    const abort = this.restart();
    const url = this.host.config?.trim();
    const text = url ? undefined : this.scriptChild()?.textContent;
    this.scriptText = text ?? undefined;
    if (!url && text === undefined) {
      this.settle({status: 'none'});
      return;
    }
    this.state = {status: 'loading'};
    this.host.requestUpdate();
    void this.load(url, text ?? '', abort.signal).then((state) => {
      if (!abort.signal.aborted) this.settle(state);
    });
  }

  /** A value picked in a selector: every widget is drawn again, and the page URL follows with `url-sync`. */
  pick(name: string, value: string): void {
    this.picked.set(name, value);
    const syncs =
      this.host.urlSync !== undefined ||
      this.configuration?.sources.some((source) => 'url-sync' in source.attributes);
    if (syncs) {
      const url = new URL(location.href);
      url.searchParams.set(name, value);
      history.replaceState(history.state, '', url);
    }
    this.interpretAgain();
  }

  private scriptChild(): Element | null {
    return this.host.querySelector(':scope > script[type="application/json"]');
  }

  private restart(): AbortController {
    this.abort?.abort();
    const abort = new AbortController();
    this.abort = abort;
    return abort;
  }

  private settle(state: ConfigState): void {
    this.options.onSettled(state);
    this.state = state;
    this.host.requestUpdate();
  }

  private async load(url: string | undefined, text: string, signal: AbortSignal): Promise<ConfigState> {
    let input: unknown;
    if (url) {
      const absolute = new URL(url, document.baseURI).href;
      try {
        input = await createFetchContext({signal, offlineCopy: this.offlineCopy}).fetchJson(absolute);
      } catch (error) {
        if (isAbortError(error) || signal.aborted) return {status: 'loading'};
        if (error instanceof FormatError) return failed({kind: 'json', message: error.message});
        return failed({kind: 'fetch', url, error});
      }
    } else {
      try {
        input = JSON.parse(text);
      } catch (error) {
        return failed({kind: 'json', message: (error as Error).message});
      }
    }
    this.rawInput = input;
    return this.interpret(input, signal);
  }

  /** Replaces the parameters of a read configuration, validates it and loads its widgets' modules. */
  private async interpret(rawInput: unknown, signal: AbortSignal): Promise<ConfigState> {
    const applied = await applyTemplate(rawInput, {
      picked: this.picked,
      pageQuery: location.search,
      attribute: this.host.params,
      signal,
      offlineCopy: this.offlineCopy,
    });
    if (!applied.ok) return failed({kind: 'invalid', problems: applied.problems});
    const input = applied.input;
    const knownSourceIds = [...document.querySelectorAll('odw-source[id]')].map((source) => source.id);
    const result = validateConfig(input, {knownSourceIds, hasDefaultSource: this.options.hasDefaultSource()});
    if (!result.ok) return failed({kind: 'invalid', problems: result.problems});
    const tags = new Set([...result.config.filters, ...result.config.widgets].map((widget) => widget.tag));
    for (const tag of tags) {
      try {
        if (!customElements.get(tag)) await widgetModules[tag]();
      } catch {
        return failed({kind: 'module', tag});
      }
    }
    return {status: 'ready', config: result.config, template: applied.template};
  }

  /**
   * The configuration and the choices of its parameters are kept like the widgets' data: a page
   * reloaded while the portal is down still builds its dashboard (`no-offline-copy` turns it off).
   */
  private get offlineCopy(): OfflineCopyOptions | undefined {
    return this.host.noOfflineCopy ? undefined : {fallback: true, onCopy: () => undefined};
  }

  /** Interprets the configuration already read again, with the parameter values now in force. */
  private interpretAgain(): void {
    const abort = this.restart();
    void this.interpret(this.rawInput, abort.signal).then((state) => {
      if (!abort.signal.aborted) this.settle(state);
    });
  }
}

function failed(failure: ConfigFailure): ConfigState {
  return {status: 'failed', failure};
}
