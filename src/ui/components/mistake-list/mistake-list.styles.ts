import { css } from 'lit';

export const styles = css`
  :host {
    margin-top: 1.25rem;
  }

  ul {
    list-style: none;
    margin: 0 0 0.75rem;
    padding: 0;
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 15rem), 1fr));
    gap: 0.75rem;
  }

  /* The image beside what it is and what the model said; the bars below, across the card. */
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

  .tile {
    display: block;
    flex: none;
    background-color: #fff;
    background-repeat: no-repeat;
    border: 1px solid var(--border);
    border-radius: 0.3rem;
  }

  img {
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

  sc-probability-bars {
    grid-column: 1 / -1;
  }

  .name {
    font-family: var(--mono, monospace);
    font-size: 0.8rem;
    overflow-wrap: anywhere;
  }
`;
