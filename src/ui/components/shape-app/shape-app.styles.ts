import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    max-width: 84rem;
    margin: 0 auto;
    padding: 1rem clamp(0.75rem, 2.5vw, 2rem) 3rem;
  }

  sc-app-header {
    padding: 0.5rem 0 1.25rem;
  }

  sc-error-alert[message]:not([message='']) {
    margin-bottom: 1rem;
  }

  .panels {
    display: grid;
    gap: 1rem;
    grid-template-columns: minmax(0, 1fr);
    grid-template-areas: 'train' 'predict' 'results' 'model' 'dataset' 'backend';
  }

  /* One column on narrow screens: the panels take their places in main's grid directly. */
  .column {
    display: contents;
  }

  .card {
    background: var(--surface);
    border: 1px solid var(--border);
    border-radius: var(--radius);
    box-shadow: var(--shadow);
    padding: 1rem 1.1rem 1.2rem;
  }

  .train {
    grid-area: train;
  }

  .predict {
    grid-area: predict;
  }

  .results {
    grid-area: results;
  }

  .model {
    grid-area: model;
  }

  .dataset {
    grid-area: dataset;
  }

  .backend {
    grid-area: backend;
  }

  /* Two independent columns, so a tall panel leaves no gap beside it. */
  @media (min-width: 60rem) {
    .panels {
      grid-template-columns: minmax(0, 1.1fr) minmax(0, 1fr);
      grid-template-areas: none;
      align-items: start;
    }

    .column {
      display: grid;
      gap: 1rem;
      min-width: 0;
    }

    .column > * {
      grid-area: auto;
    }
  }
`;
