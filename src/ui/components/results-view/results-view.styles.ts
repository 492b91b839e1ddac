import { css } from 'lit';

export const styles = css`
  [role='status'] {
    margin: 0.5rem 0;
  }

  [role='status']:empty {
    margin: 0 0 0.75rem;
  }

  .summary {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0.25rem 1rem;
    margin-bottom: 0.75rem;
  }

  .summary p {
    margin: 0;
  }

  .big {
    display: flex;
    align-items: baseline;
    gap: 0.6rem;
  }

  .big .label {
    font-weight: 600;
  }

  .big .value {
    font-size: 2.25rem;
    font-weight: 800;
    line-height: 1.1;
    font-variant-numeric: tabular-nums;
  }

  /* Rows share the columns (subgrid), so every bar starts and ends at the same place. */
  .per-class {
    list-style: none;
    margin: 0 0 1.25rem;
    padding: 0;
    display: grid;
    grid-template-columns: max-content 1fr max-content;
    gap: 0.4rem 0.75rem;
  }

  .per-class li {
    display: grid;
    grid-column: 1 / -1;
    grid-template-columns: subgrid;
    align-items: center;
    gap: 0.75rem;
  }

  .bar {
    height: 0.7rem;
    border-radius: 1rem;
    background: var(--surface-2);
    overflow: hidden;
  }

  .bar span {
    display: block;
    height: 100%;
    background: var(--class-color);
  }

  .pct {
    white-space: nowrap;
    text-align: right;
    font-variant-numeric: tabular-nums;
    font-weight: 600;
  }
`;
