import {css} from 'lit';

export const kpiStyles = css`
  .kpi {
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
  }
  .label {
    margin: 0;
    font-weight: 600;
    /* Two lines kept for the label: the figures of cards side by side stay level when one wraps.
       The first line serves engines without the lh unit (Safari before 16.4, Firefox before 120). */
    min-height: calc(2em * var(--_odw-line-height));
    min-height: 2lh;
  }
  .value {
    margin: 0;
    /* At most about a ninth of the screen: on a 320 px phone with text at 200 %, « 293 673 » still
       fits its card (a figure is never split). */
    font-size: min(var(--odw-kpi-value-font-size, var(--_odw-font-size-value)), 11vw);
    font-weight: 700;
    line-height: 1.15;
    font-variant-numeric: tabular-nums;
    color: var(--odw-kpi-value-color, var(--_odw-text-color));
    /* A figure breaks only when wider than the card by itself. */
    overflow-wrap: break-word;
    /* The unit goes under the figure when both do not fit on one line: « hab. » never splits. */
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
  }
  .unit {
    font-size: 0.5em;
    font-weight: 600;
    white-space: nowrap;
  }
  .comparison {
    margin: 0;
    font-size: var(--_odw-font-size-small);
    color: var(--_odw-muted-color);
  }
  .trend {
    font-weight: 700;
  }
  .up .trend {
    color: var(--odw-kpi-up-color, var(--_odw-positive-color));
  }
  .down .trend {
    color: var(--odw-kpi-down-color, var(--_odw-negative-color));
  }

  @media print {
    .kpi {
      break-inside: avoid;
    }
  }
`;
