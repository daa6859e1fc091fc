import {css} from 'lit';

export const filterStyles = css`
  .filter {
    display: flex;
    flex-direction: column;
    gap: var(--_odw-spacing-small);
  }
  .label {
    display: block;
    margin-bottom: 0.25rem;
    padding: 0;
    font-weight: 600;
    overflow-wrap: break-word;
    max-width: 100%;
  }
  .group {
    margin: 0;
    padding: 0;
    min-width: 0;
    border: 0;
  }
  select,
  input[type='search'],
  input[type='number'],
  input[type='date'] {
    width: 100%;
    min-height: 2.25rem;
    padding: 0.25rem 0.5rem;
    font: inherit;
    color: var(--_odw-text-color);
    background: var(--_odw-background);
    border: 1px solid var(--_odw-muted-color);
    border-radius: var(--_odw-radius);
  }
  select:focus-visible,
  input:focus-visible {
    outline: 2px solid var(--_odw-focus-color);
    outline-offset: 2px;
  }
  .choices {
    max-height: var(--odw-filter-list-max-height, 16rem);
    overflow-y: auto;
    margin: 0;
    padding: 0.125rem;
    list-style: none;
    /* A shadow at the edge where more choices are scrolled out of view, gone at either end: the
       covers scroll with the list ('local'), the shadows stay with the box ('scroll'). */
    background:
      linear-gradient(var(--_odw-background) 30%, transparent) top / 100% 2rem no-repeat local,
      linear-gradient(transparent, var(--_odw-background) 70%) bottom / 100% 2rem no-repeat local,
      radial-gradient(farthest-side at 50% 0, rgb(0 0 0 / 0.25), transparent) top / 100% 0.75rem no-repeat
        scroll,
      radial-gradient(farthest-side at 50% 100%, rgb(0 0 0 / 0.25), transparent) bottom / 100% 0.75rem
        no-repeat scroll;
  }
  .choice {
    display: flex;
    align-items: baseline;
    gap: 0.5rem;
    padding: 0.125rem 0;
    cursor: pointer;
  }
  .choice input {
    flex: none;
    width: 1.125rem;
    height: 1.125rem;
    margin: 0;
    accent-color: var(--_odw-accent);
  }
  .choice-label {
    flex: 1 1 auto;
    /* Wraps between words; only a word wider than the whole list may break. */
    overflow-wrap: break-word;
    min-width: 0;
  }
  .more,
  .empty {
    margin: 0.25rem 0 0;
    font-size: var(--_odw-font-size-small);
    color: var(--_odw-muted-color);
  }
  .more:empty {
    display: none;
  }
  .count {
    flex: none;
    color: var(--_odw-muted-color);
    font-size: var(--_odw-font-size-small);
    font-variant-numeric: tabular-nums;
  }
  .bounds {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_odw-spacing-small);
  }
  .bound {
    display: flex;
    flex-direction: column;
    flex: 1 1 8rem;
    gap: 0.125rem;
  }
  .hint {
    margin: 0;
    font-size: var(--_odw-font-size-small);
    color: var(--_odw-muted-color);
  }
  .hint:empty {
    display: none;
  }
  .summary {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.375rem;
  }
  .chips {
    display: contents;
    list-style: none;
  }
  .chips li {
    display: inline-flex;
  }
  .chip,
  .reset {
    display: inline-flex;
    align-items: center;
    gap: 0.375rem;
    min-height: 2rem;
    padding: 0.125rem 0.625rem;
    font: inherit;
    font-size: var(--_odw-font-size-small);
    color: var(--_odw-accent);
    background: var(--_odw-background);
    border: 1px solid currentColor;
    border-radius: 1rem;
    cursor: pointer;
  }
  .reset {
    border-radius: var(--_odw-radius);
  }
  .chip:hover span:first-child,
  .reset:hover {
    text-decoration: underline;
  }

  @media (forced-colors: active) {
    .chip,
    .reset,
    select,
    input {
      border-color: CanvasText;
    }
  }

  /* On paper: the chosen values stay, the buttons that change them go. */
  @media print {
    .reset {
      display: none;
    }
    .choices {
      max-height: none;
      overflow: visible;
    }
  }
`;
