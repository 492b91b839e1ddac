import { css } from 'lit';

export const styles = css`
  :host {
    position: fixed;
    inset: auto 1rem 1rem auto;
    z-index: 10;
    max-width: min(24rem, calc(100vw - 2rem));
  }

  .body {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem;
    align-items: center;
    justify-content: space-between;
    padding: 0.85rem 1rem;
    border: 1px solid var(--border);
    border-left: 0.35rem solid var(--accent);
    border-radius: var(--radius);
    background: var(--surface);
    box-shadow: 0 8px 24px rgb(0 0 0 / 0.2);
  }

  p {
    margin: 0;
  }

  span {
    display: block;
    font-size: 0.9rem;
  }
`;
