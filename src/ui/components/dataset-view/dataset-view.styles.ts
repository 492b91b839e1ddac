import { css } from 'lit';

export const styles = css`
  .include {
    margin-bottom: 0.75rem;
    font-weight: 600;
  }

  .classes {
    display: grid;
    gap: 1rem;
    margin-top: 1rem;
  }

  .class {
    border-left: 0.3rem solid var(--class-color);
    padding-left: 0.75rem;
  }

  h3 {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: baseline;
    margin-bottom: 0.5rem;
  }

  .count {
    font-weight: 400;
    font-size: 0.9rem;
    color: var(--muted);
  }

  .thumbs {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(2.75rem, 1fr));
    gap: 0.35rem;
  }

  .attribution {
    font-size: 0.85rem;
  }

  .tile {
    display: block;
    background-color: #fff;
    background-repeat: no-repeat;
    border: 1px solid var(--border);
    border-radius: 0.3rem;
  }

  img {
    width: 100%;
    height: auto;
    aspect-ratio: 1;
    image-rendering: pixelated;
    border: 1px solid var(--border);
    border-radius: 0.3rem;
    background: #fff;
  }
`;
