import { css } from 'lit';

export const styles = css`
  section {
    padding-top: 1rem;
    border-top: 1px solid var(--border);
  }

  h3 {
    overflow-wrap: anywhere;
  }

  .rename label {
    font-weight: 600;
  }

  .rename input {
    flex: 1 1 10rem;
    max-width: 20rem;
  }

  .actions {
    margin: 0.75rem 0 1rem;
  }

  .charts {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 16rem), 1fr));
    gap: 1rem 1.5rem;
  }
`;
