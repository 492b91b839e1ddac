import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
  }

  ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 14rem), 1fr));
    gap: 0.75rem;
  }

  li {
    display: grid;
    grid-template-columns: 3.5rem minmax(0, 1fr);
    gap: 0.5rem 0.75rem;
    align-items: center;
    padding: 0.6rem;
    border: 1px solid var(--border);
    border-radius: 0.6rem;
    font-size: 0.85rem;
  }

  li.right {
    border-left: 4px solid var(--success);
  }

  li.wrong {
    border-left: 4px solid var(--danger);
  }

  canvas {
    width: 3.5rem;
    height: 3.5rem;
    image-rendering: pixelated;
    border: 1px solid var(--border);
    border-radius: 0.3rem;
    background: #fff;
  }

  p {
    margin: 0;
    overflow-wrap: anywhere;
  }

  .name {
    color: var(--muted);
  }

  .verdict {
    font-weight: 600;
  }

  sc-probability-bars {
    grid-column: 1 / -1;
  }
`;
