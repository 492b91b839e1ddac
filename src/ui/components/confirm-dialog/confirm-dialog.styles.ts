import { css } from 'lit';

export const styles = css`
  :host {
    display: contents;
  }

  dialog {
    max-width: min(28rem, calc(100vw - 2rem));
    padding: 1.25rem;
    border: 1px solid var(--border);
    border-radius: var(--radius);
    background: var(--surface);
    color: var(--text);
    box-shadow: 0 12px 40px rgb(0 0 0 / 0.3);
  }

  dialog::backdrop {
    background: rgb(0 0 0 / 0.45);
  }

  p {
    overflow-wrap: anywhere;
  }

  .end {
    justify-content: flex-end;
  }
`;
