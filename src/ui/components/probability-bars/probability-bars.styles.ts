import { css } from 'lit';

export const styles = css`
  .winner {
    display: flex;
    align-items: center;
    gap: 0.6rem;
    font-size: 1.25rem;
    font-weight: 800;
    min-height: 2.25rem;
    margin-bottom: 0.75rem;
  }

  .hint {
    font-size: 1rem;
    font-weight: 400;
  }

  .shape-icon {
    width: 2.25rem;
    height: 2.25rem;
    fill: none;
    stroke: var(--class-color);
    stroke-width: 2.2;
    stroke-linejoin: round;
  }

  /* Rows share the columns (subgrid), so every bar starts and ends at the same place. */
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    grid-template-columns: max-content 1fr max-content;
    gap: 0.5rem 0.75rem;
  }

  li {
    display: grid;
    grid-column: 1 / -1;
    grid-template-columns: subgrid;
    gap: 0.75rem;
    align-items: center;
  }

  .top .name,
  .top .pct {
    font-weight: 800;
  }

  .bar {
    height: 1rem;
    border-radius: 0.3rem;
    background: var(--surface-2);
    overflow: hidden;
  }

  .bar span {
    display: block;
    height: 100%;
    background: var(--class-color);
    transition: width 0.25s ease;
  }

  .pct {
    white-space: nowrap;
    text-align: right;
    font-variant-numeric: tabular-nums;
  }

  /* One of many predictions in a list: smaller and tighter. */
  :host([compact]) ul {
    gap: 0.2rem 0.5rem;
  }

  :host([compact]) .bar {
    height: 0.6rem;
  }

  @media (prefers-reduced-motion: reduce) {
    .bar span {
      transition: none;
    }
  }
`;
