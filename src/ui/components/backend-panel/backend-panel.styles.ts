import { css } from 'lit';

export const styles = css`
  .controls label {
    font-weight: 600;
  }

  select {
    flex: 1 1 12rem;
    max-width: 100%;
  }

  .activity {
    margin: 0.5rem 0;
    color: var(--muted);
  }

  .activity:empty {
    margin: 0;
  }

  dl {
    display: grid;
    grid-template-columns: minmax(6rem, max-content) 1fr;
    gap: 0.35rem 1rem;
    margin: 0 0 1rem;
  }

  dt {
    color: var(--muted);
  }

  dd {
    margin: 0;
    min-width: 0;
    overflow-wrap: anywhere;
  }

  ul {
    margin: 0;
    padding-left: 1.1rem;
  }

  .table-wrap {
    overflow-x: auto;
  }

  table {
    width: 100%;
    border-collapse: collapse;
    font-size: 0.9rem;
  }

  caption {
    text-align: left;
    font-weight: 600;
    padding-bottom: 0.4rem;
  }

  th,
  td {
    padding: 0.35rem 0.5rem;
    border-bottom: 1px solid var(--border);
    text-align: left;
    vertical-align: top;
  }

  .num {
    text-align: right;
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }

  .chosen th,
  .chosen td {
    background: var(--accent-soft);
  }

  @media (max-width: 30rem) {
    dl {
      grid-template-columns: 1fr;
    }

    dd {
      margin-bottom: 0.4rem;
    }
  }
`;
