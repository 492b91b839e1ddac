import { css } from 'lit';

/**
 * Images with what the model said of them, as a grid of small cards (the misclassified images, a
 * batch of predictions): `ul.cards` of `li`s, each a thumbnail beside its text, the compact bars
 * across below; `.thumb` is an image at the model's resolution, scaled up without smoothing.
 */
export const imageCardStyles = css`
  ul.cards {
    list-style: none;
    margin: 0 0 0.75rem;
    padding: 0;
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 15rem), 1fr));
    gap: 0.75rem;
  }

  ul.cards > li {
    display: grid;
    grid-template-columns: 3.5rem minmax(0, 1fr);
    gap: 0.5rem 0.75rem;
    align-items: center;
    padding: 0.6rem;
    border: 1px solid var(--border);
    border-radius: 0.6rem;
    font-size: 0.85rem;
  }

  ul.cards > li > p {
    margin: 0;
    overflow-wrap: anywhere;
  }

  ul.cards sc-probability-bars {
    grid-column: 1 / -1;
  }

  .thumb {
    display: block;
    width: 3.5rem;
    height: 3.5rem;
    image-rendering: pixelated;
    border: 1px solid var(--border);
    border-radius: 0.3rem;
    background: #fff;
  }
`;
