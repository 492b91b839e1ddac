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

  .threads {
    margin-top: 0.75rem;
    max-width: 16rem;
  }

  ul {
    margin: 0;
    padding-left: 1.1rem;
  }

  .num {
    text-align: right;
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
`;
