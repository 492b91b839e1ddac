import { css } from 'lit';

export const styles = css`
  .wrap {
    overflow-x: auto;
  }

  table {
    border-collapse: separate;
    border-spacing: 0.25rem;
    font-variant-numeric: tabular-nums;
  }

  caption {
    text-align: left;
    font-weight: 700;
    padding-bottom: 0.25rem;
  }

  caption span {
    display: block;
    font-weight: 400;
    font-size: 0.85rem;
  }

  th {
    font-size: 0.85rem;
    font-weight: 600;
    padding: 0.25rem 0.5rem;
  }

  th[scope='row'] {
    text-align: right;
  }

  .corner {
    font-size: 0.75rem;
    color: var(--muted);
    text-align: right;
    vertical-align: bottom;
  }

  td:not(.corner) {
    min-width: 3.25rem;
    height: 2.75rem;
    text-align: center;
    font-weight: 700;
    border-radius: 0.4rem;
    border: 1px solid var(--border);
  }

  .hit {
    background: color-mix(in srgb, var(--success) var(--share), var(--surface));
  }

  .miss {
    background: color-mix(in srgb, var(--danger) var(--share), var(--surface));
  }
`;
