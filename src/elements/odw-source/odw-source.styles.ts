import {css} from 'lit';

export const sourceStyles = css`
  :host,
  :host([hidden]) {
    display: none !important;
  }
`;
