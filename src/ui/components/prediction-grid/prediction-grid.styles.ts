import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
  }

  li.right {
    border-left: 4px solid var(--success);
  }

  li.wrong {
    border-left: 4px solid var(--danger);
  }

  .name {
    color: var(--muted);
  }

  .verdict {
    font-weight: 600;
  }
`;
