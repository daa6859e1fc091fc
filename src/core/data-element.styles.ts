import {css} from 'lit';

/** Text for screen readers only: `.visually-hidden`. */
export const visuallyHiddenStyles = css`
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }
`;

/** Every element's host: a block in the theme's font and text colour; `hidden` hides it. */
export const hostStyles = css`
  :host {
    display: block;
    box-sizing: border-box;
    font-family: var(--_odw-font-family);
    font-size: var(--_odw-font-size);
    line-height: var(--_odw-line-height);
    color: var(--_odw-text-color);
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
`;

/** The frame every data widget shares: title, body, states, attribution footer. */
export const dataElementStyles = css`
  .widget {
    display: flex;
    flex-direction: column;
    gap: var(--_odw-spacing-small);
    height: 100%;
    /* At most 5 % of the screen: a 320-px phone with text at 200 % keeps room for the figure. */
    padding: min(var(--_odw-spacing), 5vw);
    background: var(--_odw-background);
    border: var(--_odw-border-width) solid var(--_odw-border-color);
    border-radius: var(--_odw-radius);
  }

  .title {
    margin: 0;
    font-size: var(--_odw-font-size-title);
    font-weight: 700;
    line-height: 1.3;
    /* A word wider than a 320-px phone at 200 % text (« stationnement ») breaks rather than overflows. */
    overflow-wrap: break-word;
    min-width: 0;
  }

  .body {
    flex: 1 1 auto;
    min-width: 0;
  }

  .skeleton {
    display: grid;
    gap: var(--_odw-spacing-small);
  }
  .skeleton-line {
    height: 1rem;
    border-radius: 0.25rem;
    background: var(--_odw-skeleton-color);
    animation: odw-pulse 1.6s ease-in-out infinite;
  }
  .skeleton-line.large {
    height: 2.5rem;
    width: 60%;
  }
  .skeleton-line.short {
    width: 40%;
  }
  @keyframes odw-pulse {
    50% {
      opacity: 0.45;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .skeleton-line {
      animation: none;
    }
  }

  .status {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_odw-spacing-small);
    margin: 0;
  }
  .status p {
    margin: 0;
    flex: 1 1 12rem;
  }
  .status.empty {
    color: var(--_odw-muted-color);
  }
  .status.error {
    padding: var(--_odw-spacing-small);
    color: var(--_odw-error-color);
    background: var(--_odw-error-surface);
    border-inline-start: 4px solid var(--_odw-error-color);
  }
  .status.stale {
    margin-top: var(--_odw-spacing-small);
    padding: var(--_odw-spacing-small);
    font-size: var(--_odw-font-size-small);
    color: var(--_odw-warning-color);
    background: var(--_odw-warning-surface);
    border-inline-start: 4px solid var(--_odw-warning-color);
  }

  /* A widget whose source says the failure or the date once: a quiet note in place. */
  .status.error.unavailable,
  .status.stale.shared {
    padding: 0;
    color: var(--_odw-muted-color);
    background: none;
    border: 0;
  }
  .status.stale.shared {
    font-size: var(--_odw-font-size-small);
  }

  .retry {
    min-height: 2rem;
    padding: 0.25rem 0.75rem;
    font: inherit;
    font-size: var(--_odw-font-size-small);
    color: var(--_odw-accent);
    background: var(--_odw-background);
    border: 1px solid currentColor;
    border-radius: var(--_odw-radius);
    cursor: pointer;
  }
  .retry:hover {
    text-decoration: underline;
  }

  a {
    color: var(--_odw-accent);
    text-decoration: underline;
  }
  a:focus-visible,
  button:focus-visible {
    outline: 2px solid var(--_odw-focus-color);
    outline-offset: 2px;
  }

  /* One line of small text, wrapping between its items' words only when it must. */
  .footer {
    margin: 0;
    font-size: var(--_odw-font-size-small);
    line-height: 1.4;
    color: var(--_odw-muted-color);
  }
  .footer p {
    margin: 0;
  }
  .footer .date {
    white-space: nowrap;
  }

  @media (forced-colors: active) {
    .widget,
    .status,
    .retry {
      border-color: CanvasText;
    }
    .skeleton-line {
      background: GrayText;
    }
  }

  /* On paper: light colours (theme.ts), no buttons, no animation. */
  @media print {
    .retry {
      display: none;
    }
    .skeleton-line {
      animation: none;
    }
    .title {
      break-after: avoid;
    }
  }
`;
