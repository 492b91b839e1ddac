import { css } from 'lit';

export const styles = css`
  :host {
    display: flex;
    gap: 0.75rem;
    align-items: center;
    margin-top: 0.75rem;
  }

  .thumb {
    flex: none;
    width: 4.5rem;
    height: 4.5rem;
  }

  p {
    margin: 0;
    font-size: 0.85rem;
    overflow-wrap: anywhere;
  }

  /* The words carry the verdict; the mark's colour only adds to them. */
  .right::before {
    content: '✓ ';
    color: var(--success);
  }

  .wrong::before {
    content: '✗ ';
    color: var(--danger);
  }
`;
