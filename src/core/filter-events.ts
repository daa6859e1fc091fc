/**
 * The events of a source's filters and of its bound widgets (src/core/events.ts re-exports them):
 * what only sources, filters, charts and maps fire, so that a key figure's page never downloads it.
 */
import type {Filter, Row} from '../data/types.js';

export interface OdwFilterChangeDetail {
  /** Every filter in force on the source now (the base `where` excluded). */
  filters: Filter[];
}

/** The filters of an `odw-source` changed. */
export class OdwFilterChangeEvent extends CustomEvent<OdwFilterChangeDetail> {
  static readonly eventName = 'odw-filter-change';
  constructor(detail: OdwFilterChangeDetail) {
    super(OdwFilterChangeEvent.eventName, {detail, bubbles: true, composed: true});
  }
}

export interface OdwSelectDetail {
  /** The row behind the clicked mark. */
  datum: Row;
}

/** A mark of a chart or map was chosen (click or keyboard). */
export class OdwSelectEvent extends CustomEvent<OdwSelectDetail> {
  static readonly eventName = 'odw-select';
  constructor(detail: OdwSelectDetail) {
    super(OdwSelectEvent.eventName, {detail, bubbles: true, composed: true});
  }
}

/** Internal: an `odw-source`'s `src`, `api`, `api-key` or `where` changed; its widgets re-query. */
export class OdwSourceChangeEvent extends Event {
  static readonly eventName = 'odw-source-change';
  constructor() {
    super(OdwSourceChangeEvent.eventName);
  }
}

/** Internal: an `odw-source` asks its widgets to reload fresh data (its `refresh` timer). */
export class OdwRefreshEvent extends Event {
  static readonly eventName = 'odw-refresh';
  constructor() {
    super(OdwRefreshEvent.eventName);
  }
}

/**
 * Internal: an `odw-source` was connected. Dispatched on its root node (document or shadow root)
 * so that widgets whose `source` id was not found yet (placed before it) can bind to it.
 */
export class OdwSourceConnectEvent extends Event {
  static readonly eventName = 'odw-source-connect';
  constructor() {
    super(OdwSourceConnectEvent.eventName);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'odw-filter-change': OdwFilterChangeEvent;
    'odw-select': OdwSelectEvent;
    'odw-source-change': OdwSourceChangeEvent;
    'odw-refresh': OdwRefreshEvent;
    'odw-source-connect': OdwSourceConnectEvent;
  }
}
