import {css} from 'lit';
import {themeStyles} from '../../core/theme.js';
import {dataElementStyles, hostStyles} from '../../core/data-element.styles.js';

/** Invisible, but for the alert or notice it says for its widgets (`data-status`). */
export const sourceStyles = [
  themeStyles,
  hostStyles,
  dataElementStyles,
  css`
    :host(:not([data-status])),
    :host([hidden]) {
      display: none !important;
    }
  `,
];
