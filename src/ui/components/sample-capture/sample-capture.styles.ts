import { css } from 'lit';

export const styles = css`
  .target {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem 1.5rem;
    align-items: flex-end;
    margin-bottom: 1rem;
  }

  .field {
    flex: 1 1 10rem;
    max-width: 18rem;
  }

  label {
    font-size: 0.9rem;
    font-weight: 600;
  }

  .layout {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 15rem), 1fr));
    gap: 1.25rem;
  }

  .add {
    margin-top: 0.75rem;
  }

  .added {
    margin: 1rem 0 0;
    font-weight: 600;
  }

  .added:empty {
    margin: 0;
  }
`;
