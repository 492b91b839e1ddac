import { css } from 'lit';

export const styles = css`
  .hint {
    margin: 0.1rem 0 0.6rem 1.75rem;
    font-size: 0.85rem;
    color: var(--muted);
  }
`;
