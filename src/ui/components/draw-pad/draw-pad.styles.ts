import { css } from 'lit';

export const styles = css`
  .paper {
    width: 100%;
    max-width: 18rem;
    aspect-ratio: 1;
    border: 2px solid var(--border);
    border-radius: 0.6rem;
    overflow: hidden;
    background: #fff;
  }

  canvas {
    display: block;
    width: 100%;
    height: 100%;
    touch-action: none;
    cursor: crosshair;
  }

  .tools {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1rem;
    align-items: center;
    margin-top: 0.6rem;
    max-width: 18rem;
  }

  .width {
    display: flex;
    flex-direction: column;
    flex: 1 1 8rem;
    font-size: 0.85rem;
  }
`;
