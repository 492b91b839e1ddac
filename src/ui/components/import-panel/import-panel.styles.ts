import { css } from 'lit';

export const styles = css`
  .status {
    margin: 0.75rem 0;
    font-weight: 600;
    overflow-wrap: anywhere;
  }

  .status:empty {
    margin: 0 0 0.75rem;
  }

  .summary {
    margin-bottom: 1.25rem;
    padding: 0.9rem 1rem;
    border: 1px solid var(--accent);
    border-radius: 0.6rem;
  }

  h3 {
    overflow-wrap: anywhere;
  }

  /* Keras's own words for each split, as the tutorial prints them. */
  .found {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 0.25rem 0.75rem;
    align-items: baseline;
    margin: 0 0 0.75rem;
    padding: 0.5rem 0.75rem;
    border-radius: 0.4rem;
    background: var(--surface-2);
  }

  dt {
    font-weight: 600;
  }

  dd {
    margin: 0;
  }

  code {
    font-family: var(--font-mono);
    font-size: 0.85rem;
  }

  .fraction {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 0.75rem;
    align-items: center;
    margin-bottom: 0.75rem;
  }

  .fraction label {
    font-weight: 600;
  }

  .fraction input {
    flex: 1 1 8rem;
    max-width: 16rem;
  }

  output {
    min-width: 3rem;
    font-variant-numeric: tabular-nums;
  }

  .table-wrap {
    overflow-x: auto;
    margin-bottom: 0.75rem;
  }

  table {
    border-collapse: collapse;
    font-size: 0.9rem;
  }

  th,
  td {
    padding: 0.3rem 0.75rem 0.3rem 0;
    border-bottom: 1px solid var(--border);
    text-align: left;
  }

  td {
    text-align: right;
    font-variant-numeric: tabular-nums;
  }
`;
