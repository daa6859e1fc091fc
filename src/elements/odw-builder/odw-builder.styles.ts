import {css} from 'lit';

export const builderStyles = css`
  :host {
    background: var(--_odw-background);
  }
  .layout {
    display: grid;
    gap: calc(2 * var(--_odw-spacing));
    grid-template-columns: minmax(0, 1fr);
  }
  @media (min-width: 60rem) {
    .layout.with-preview {
      grid-template-columns: minmax(0, 5fr) minmax(0, 6fr);
    }
    .result {
      position: sticky;
      top: var(--_odw-spacing);
      align-self: start;
    }
  }
  h2,
  h3 {
    margin: 0 0 var(--_odw-spacing-small);
    line-height: 1.3;
  }
  h2 {
    font-size: 1.375rem;
  }
  h3 {
    font-size: 1.125rem;
  }
  h2:focus {
    outline: none;
  }
  h2:focus-visible {
    outline: 2px solid var(--_odw-focus-color);
    outline-offset: 2px;
  }
  .steps ol {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_odw-spacing-small);
    margin: 0 0 var(--_odw-spacing);
    padding: 0;
    list-style: none;
  }
  fieldset {
    min-width: 0;
    margin: 0 0 var(--_odw-spacing);
    padding: var(--_odw-spacing-small) var(--_odw-spacing);
    border: var(--_odw-border-width) solid var(--_odw-border-color);
    border-radius: var(--_odw-radius);
  }
  legend {
    padding: 0 0.25rem;
    font-weight: 700;
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
    margin: 0 0 var(--_odw-spacing);
  }
  .choice {
    display: flex;
    gap: 0.5rem;
    align-items: baseline;
    margin: 0.25rem 0;
  }
  label {
    font-weight: 600;
  }
  .choice label {
    font-weight: 400;
  }
  .help {
    margin: 0;
    font-size: var(--_odw-font-size-small);
    color: var(--_odw-muted-color);
    /* A tag or an address quoted in help is one long word: it wraps rather than widen a phone's page. */
    overflow-wrap: break-word;
  }
  .error {
    margin: 0;
    padding: 0.25rem 0.5rem;
    color: var(--_odw-error-color);
    background: var(--_odw-error-surface);
    border-left: 4px solid var(--_odw-error-color);
  }
  ul.error {
    list-style: none;
  }
  ul.error li + li {
    margin-top: 0.25rem;
  }
  input:not([type='radio'], [type='checkbox']),
  select,
  textarea {
    max-width: 100%;
    padding: 0.375rem 0.5rem;
    font: inherit;
    color: var(--_odw-text-color);
    background: var(--_odw-background);
    border: 1px solid var(--_odw-muted-color);
    border-radius: 0.25rem;
  }
  .field input:not([type='radio'], [type='checkbox']),
  .field select,
  .field textarea {
    width: 100%;
  }
  .editor section section {
    margin-top: calc(1.5 * var(--_odw-spacing));
  }
  [aria-invalid='true'] {
    border-color: var(--_odw-error-color);
    border-width: 2px;
  }
  button {
    padding: 0.375rem 0.75rem;
    font: inherit;
    color: var(--_odw-background);
    background: var(--_odw-accent);
    border: 2px solid var(--_odw-accent);
    border-radius: 0.25rem;
    cursor: pointer;
  }
  button.secondary,
  .steps button {
    color: var(--_odw-accent);
    background: var(--_odw-background);
  }
  .steps button[aria-current='step'] {
    color: var(--_odw-background);
    background: var(--_odw-accent);
  }
  button:disabled {
    cursor: not-allowed;
    opacity: 0.6;
  }
  :focus-visible {
    outline: 2px solid var(--_odw-focus-color);
    outline-offset: 2px;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_odw-spacing-small);
    margin: var(--_odw-spacing) 0;
  }
  dl.meta {
    display: grid;
    grid-template-columns: max-content minmax(0, 1fr);
    gap: 0.25rem var(--_odw-spacing);
    margin: 0 0 var(--_odw-spacing);
  }
  dl.meta dt {
    font-weight: 600;
  }
  dl.meta dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .table-scroll {
    max-height: 20rem;
    overflow: auto;
    margin: 0 0 var(--_odw-spacing);
  }
  table {
    border-collapse: collapse;
    width: 100%;
    font-size: var(--_odw-font-size-small);
  }
  caption {
    text-align: left;
    font-weight: 700;
  }
  th,
  td {
    padding: 0.25rem 0.5rem;
    text-align: left;
    border-bottom: 1px solid var(--_odw-border-color);
  }
  .datasets,
  .widgets {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .datasets > li,
  .widgets > li {
    padding: var(--_odw-spacing-small) 0;
    border-bottom: 1px solid var(--_odw-border-color);
  }
  .datasets p {
    margin: 0.25rem 0;
  }
  .preview-frame {
    padding: var(--_odw-spacing-small);
    background: var(--_odw-surface);
    border: 1px dashed var(--_odw-border-color);
    border-radius: var(--_odw-radius);
  }
  /* A usual content column of a commune's site, and a phone. */
  .preview-frame.desktop {
    max-width: 720px;
  }
  .preview-frame.mobile {
    max-width: 360px;
  }
  .preview-frame > * + * {
    margin-top: var(--_odw-spacing-small);
  }
  .reader {
    margin: var(--_odw-spacing-small) 0 var(--_odw-spacing);
    padding-left: 1.25rem;
  }
  pre {
    max-height: 24rem;
    overflow: auto;
    margin: 0;
    padding: var(--_odw-spacing-small);
    font-size: var(--_odw-font-size-small);
    white-space: pre-wrap;
    overflow-wrap: anywhere;
    background: var(--_odw-surface);
    border: 1px solid var(--_odw-border-color);
    border-radius: 0.25rem;
  }
  a {
    color: var(--_odw-accent);
  }
  .iframe-code {
    margin-top: var(--_odw-spacing);
  }
  .copy-source {
    position: fixed;
    top: 0;
    left: -100vw;
    opacity: 0;
  }
`;
