import { css } from 'lit';

export const styles = css`
  :host {
    container-type: inline-size;
  }

  fieldset {
    margin: 0;
    padding: 0;
    border: 0;
    min-width: 0;
  }

  legend {
    padding: 0;
    margin-bottom: 0.5rem;
    font-weight: 700;
  }

  label {
    font-size: 0.9rem;
    font-weight: 600;
  }

  /* Keras's argument names stay whole; the label wraps before them instead. */
  code {
    font-family: var(--font-mono);
    font-size: 0.78rem;
    font-weight: 400;
    color: var(--muted);
    white-space: nowrap;
  }

  select,
  .field input {
    width: 100%;
  }

  details {
    margin-top: 0.75rem;
  }

  summary {
    cursor: pointer;
    font-weight: 600;
    min-height: 2rem;
  }

  .grid {
    display: grid;
    grid-template-columns: repeat(2, minmax(0, 1fr));
    gap: 0.75rem;
    margin-top: 0.5rem;
  }

  .flips {
    grid-column: 1 / -1;
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1.5rem;
    align-items: flex-end;
  }

  @container (min-width: 34rem) {
    .grid {
      grid-template-columns: repeat(4, minmax(0, 1fr));
    }

    /* Beside the fill value, which follows the fill mode. */
    .flips {
      grid-column: span 3;
    }
  }

  .wide {
    grid-column: span 2;
  }

  .preview-actions {
    margin-top: 0.75rem;
  }

  figure {
    margin: 0.75rem 0 0;
  }

  /* Twelve images in two rows of six, large enough to see each pixel. */
  .grid-images {
    display: grid;
    grid-template-columns: repeat(6, minmax(0, 1fr));
    gap: 0.4rem;
    max-width: 36rem;
  }

  canvas {
    width: 100%;
    aspect-ratio: 1;
    image-rendering: pixelated;
    border: 1px solid var(--border);
    border-radius: 0.3rem;
  }

  figcaption {
    margin-top: 0.4rem;
    font-size: 0.85rem;
  }
`;
