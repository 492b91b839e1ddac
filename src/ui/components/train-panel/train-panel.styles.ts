import { css } from 'lit';

export const styles = css`
  :host {
    container-type: inline-size;
  }

  fieldset {
    display: grid;
    grid-template-columns: repeat(2, minmax(0, 1fr));
    gap: 0.75rem;
    margin: 0;
    padding: 0;
    border: 0;
    min-width: 0;
  }

  .field input {
    width: 100%;
  }

  .augment {
    margin-top: 1rem;
    padding-top: 0.75rem;
    border-top: 1px solid var(--border);
  }

  .actions {
    margin-top: 1rem;
  }

  .progress {
    display: grid;
    grid-template-columns: minmax(7rem, auto) 1fr;
    gap: 0.4rem 0.75rem;
    align-items: center;
    margin-top: 1rem;
    font-size: 0.9rem;
    font-variant-numeric: tabular-nums;
  }

  progress {
    width: 100%;
    height: 0.75rem;
    accent-color: var(--accent);
  }

  .status {
    margin: 1rem 0 0.5rem;
    min-height: 1.5em;
    font-weight: 600;
  }

  @container (min-width: 34rem) {
    fieldset {
      grid-template-columns: repeat(4, minmax(0, 1fr));
    }
  }

  .charts {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 16rem), 1fr));
    gap: 1rem 1.5rem;
    margin: 0.5rem 0 1rem;
  }
`;
