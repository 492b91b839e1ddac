import { css } from 'lit';

/** Data tables: a wrapper that scrolls sideways on narrow screens, ruled rows, a highlighted `.marked` row. */
export const tableStyles = css`
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

  .marked th,
  .marked td {
    background: var(--accent-soft);
  }
`;

/** A `<dl>` of facts in two columns: muted terms, values that wrap rather than overflow. */
export const factListStyles = css`
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

  /* On a phone, each value goes under its term. */
  @media (max-width: 30rem) {
    dl {
      grid-template-columns: 1fr;
    }

    dd {
      margin-bottom: 0.4rem;
    }
  }
`;
