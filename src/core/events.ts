/**
 * The events of the widgets. Public ones bubble and cross shadow roots (`composed`) so a page can
 * listen on `document`; the internal ones between `odw-source` and its widgets do neither.
 */
import type {Row} from '../data/types.js';

// The events only sources, filters, charts and maps fire, in a module a key figure's page never
// downloads.
export {
  OdwFilterChangeEvent,
  OdwRefreshEvent,
  OdwSelectEvent,
  OdwSourceChangeEvent,
  OdwSourceConnectEvent,
  type OdwFilterChangeDetail,
  type OdwSelectDetail,
} from './filter-events.js';

export interface OdwLoadDetail {
  rows: Row[];
  total: number;
}

/** A widget loaded its data (also after each refresh). */
export class OdwLoadEvent extends CustomEvent<OdwLoadDetail> {
  static readonly eventName = 'odw-load';
  constructor(detail: OdwLoadDetail) {
    super(OdwLoadEvent.eventName, {detail, bubbles: true, composed: true});
  }
}

export interface OdwErrorDetail {
  /** A typed error of `open-data-widgets/data` (or a configuration error). */
  error: unknown;
}

/** A widget failed to load its data (a failed refresh too, while the last data stays shown). */
export class OdwErrorEvent extends CustomEvent<OdwErrorDetail> {
  static readonly eventName = 'odw-error';
  constructor(detail: OdwErrorDetail) {
    super(OdwErrorEvent.eventName, {detail, bubbles: true, composed: true});
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'odw-load': OdwLoadEvent;
    'odw-error': OdwErrorEvent;
  }
}
