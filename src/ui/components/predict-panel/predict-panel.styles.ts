import { css } from 'lit';

export const styles = css`
  .layout {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 15rem), 1fr));
    gap: 1.25rem;
    margin-bottom: 1.25rem;
  }

  .drop p {
    margin-bottom: 0.75rem;
  }

  .sees {
    margin-top: 1rem;
  }

  .sees canvas {
    display: block;
    width: 6rem;
    height: 6rem;
    image-rendering: pixelated;
    border: 1px solid var(--border);
    border-radius: 0.3rem;
  }

  .source {
    margin: 0.4rem 0 0;
    font-size: 0.85rem;
    overflow-wrap: anywhere;
  }
`;
