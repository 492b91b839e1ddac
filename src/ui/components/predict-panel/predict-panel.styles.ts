import { css } from 'lit';

export const styles = css`
  :host {
    container-type: inline-size;
  }

  /* Narrow (a phone): pad, answer, other inputs, one under another, so the answer stays in view
     while drawing. Wide: pad beside the other inputs, the answer across under both. */
  .layout {
    display: grid;
    grid-template-areas: 'draw' 'answer' 'image';
    gap: 1rem 1.25rem;
  }

  @container (min-width: 34rem) {
    .layout {
      grid-template-columns: 1fr 1fr;
      grid-template-areas: 'draw image' 'answer answer';
    }
  }

  .draw {
    grid-area: draw;
  }

  .answer {
    grid-area: answer;
  }

  .image {
    grid-area: image;
  }

  .drop p {
    margin-bottom: 0.75rem;
  }
`;
