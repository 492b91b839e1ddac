import { css } from 'lit';

export const styles = css`
  .import {
    margin-bottom: 1rem;
  }

  /* Empty until a model is imported or exported: no gap then. */
  [role='status']:empty {
    margin: 0;
  }

  .table-wrap {
    margin-bottom: 1.25rem;
  }

  /* Ten columns do not fit a phone: the table keeps a readable width and scrolls sideways, the name staying in view. */
  table {
    min-width: 60rem;
  }

  thead th {
    white-space: nowrap;
  }

  th[scope='row'] {
    min-width: 10rem;
    position: sticky;
    left: 0;
    z-index: 1;
    background: var(--surface);
  }

  .data {
    min-width: 12rem;
  }

  .name {
    min-height: 2.25rem;
    padding: 0.2rem 0.5rem;
    border-color: transparent;
    background: none;
    color: var(--accent);
    text-align: left;
    text-decoration: underline;
    overflow-wrap: anywhere;
  }

  .name[aria-pressed='true'] {
    color: var(--text);
    text-decoration: none;
  }

  .badge {
    display: inline-block;
    margin: 0.15rem 0 0 0.5rem;
    padding: 0 0.45rem;
    border-radius: 1rem;
    background: var(--accent);
    color: var(--on-accent);
    font-size: 0.75rem;
    font-weight: 700;
    white-space: nowrap;
  }

  /* Class names (Korean ones too) wrap between names, not inside them. */
  .classes {
    min-width: 9rem;
    word-break: keep-all;
  }

  .num {
    text-align: right;
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
`;
