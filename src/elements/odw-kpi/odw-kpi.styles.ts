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
  }
  .value {
    margin: 0;
    font-size: var(--odw-kpi-value-font-size, var(--_odw-font-size-value));
    font-weight: 700;
    line-height: 1.15;
    font-variant-numeric: tabular-nums;
    color: var(--odw-kpi-value-color, var(--_odw-text-color));
    /* A figure or unit breaks only when wider than the card by itself: « hab. » never splits. */
    overflow-wrap: break-word;
  }
  .unit {
    font-size: 0.5em;
    font-weight: 600;
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
