/**
 * The source cited once under a dashboard (DESIGN.md: "In a dashboard whose widgets share one
 * source, the source is cited once, under the dashboard"): the sources that two or more of its
 * widgets with a footer share are cited in one compact line each, and those widgets show none.
 * Widgets with a source of their own keep their footer.
 */
import {nothing, type ReactiveController, type ReactiveControllerHost, type ReactiveElement} from 'lit';
import type {DataSource} from '../../core/data-source.js';
import {renderFooter} from '../../core/data-frame.js';
import type {Lang} from '../../core/lang.js';

/** What the dashboard reads of a widget: its bound source and whether it shows a footer. */
interface CitingWidget extends Element {
  readonly sourceElement?: DataSource;
  readonly noAttribution?: boolean;
}

export class SourceCitationController implements ReactiveController {
  private cited: DataSource[] = [];

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    /** The dashboard's widgets, children and configured. */
    private readonly widgets: () => Element[],
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    // A widget's first answer gives its source the dataset's description, told once it rendered.
    this.host.addEventListener('odw-load', this.widgetSettled);
    this.host.addEventListener('odw-error', this.widgetSettled);
  }

  hostDisconnected(): void {
    this.host.removeEventListener('odw-load', this.widgetSettled);
    this.host.removeEventListener('odw-error', this.widgetSettled);
    this.citeOnly([]);
  }

  /** Before each render of the dashboard: which sources its line cites. */
  hostUpdate(): void {
    const counts = new Map<DataSource, number>();
    for (const widget of this.widgets() as CitingWidget[]) {
      const source = widget.sourceElement as DataSource | undefined;
      if (source && !widget.noAttribution) counts.set(source, (counts.get(source) ?? 0) + 1);
    }
    this.citeOnly([...counts].filter(([, count]) => count > 1).map(([source]) => source));
  }

  /** One line per cited source whose dataset is described yet. */
  render(lang: Lang): unknown {
    const lines = this.cited.flatMap((source) => (source.meta ? [renderFooter(source.meta, lang)] : []));
    return lines.length ? lines : nothing;
  }

  private citeOnly(sources: DataSource[]): void {
    const changed =
      sources.length !== this.cited.length || sources.some((source, i) => source !== this.cited[i]);
    if (!changed) return;
    for (const source of this.cited) if (!sources.includes(source)) source.cite(this.host, false);
    for (const source of sources) source.cite(this.host, true);
    this.cited = sources;
    // Their widgets drop (or get back) their own footer.
    for (const widget of this.widgets()) (widget as ReactiveElement).requestUpdate?.();
  }

  private readonly widgetSettled = (event: Event): void => {
    const widget = event.composedPath()[0] as Partial<ReactiveElement>;
    void Promise.resolve(widget.updateComplete).then(() => this.host.requestUpdate());
  };
}
