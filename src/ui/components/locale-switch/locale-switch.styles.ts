import { css } from 'lit';

export const styles = css`
  :host {
    display: flex;
    align-items: center;
    gap: 0.5rem;
  }

  label {
    font-size: 0.9rem;
    color: var(--muted);
  }
`;
