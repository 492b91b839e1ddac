import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    max-width: 84rem;
    margin: 0 auto;
    padding: 1rem clamp(0.75rem, 2.5vw, 2rem) 3rem;
  }

  sc-app-header {
    padding: 0.5rem 0 1rem;
  }

  @media (max-width: 40rem) {
    sc-app-header {
      padding: 0 0 0.5rem;
    }
  }

  /* Tabs scroll sideways rather than wrap when a language's names are long on a phone. */
  [role='tablist'] {
    display: flex;
    gap: 0.25rem;
    margin-bottom: 1rem;
    overflow-x: auto;
    border-bottom: 1px solid var(--border);
  }

  [role='tab'] {
    flex: none;
    min-height: 2.75rem;
    padding: 0.5rem clamp(0.6rem, 2.5vw, 1rem);
    border: 0;
    border-bottom: 3px solid transparent;
    border-radius: 0.5rem 0.5rem 0 0;
    background: none;
    color: var(--muted);
  }

  [role='tab'][aria-selected='true'] {
    border-bottom-color: var(--accent);
    color: var(--text);
  }

  [role='tab']:focus-visible {
    outline-offset: -3px;
  }

  /* Stuck to the top of the screen: it shows where the person is, however far down they acted. */
  sc-error-alert[message]:not([message='']) {
    position: sticky;
    top: 0.5rem;
    z-index: 2;
    margin-bottom: 1rem;
    box-shadow: 0 0.25rem 1rem rgb(0 0 0 / 0.15);
  }

  .panels {
    display: grid;
    gap: 1rem;
    grid-template-columns: minmax(0, 1fr);
  }

  /* One column on narrow screens: the cards take their places in the panel's grid directly. */
  .column {
    display: contents;
  }

  /* On a phone, the samples just added come right after the drawing pad, before import and the starter set. */
  .dataset sc-import-panel,
  .dataset sc-dataset-view {
    order: 1;
  }

  .card {
    background: var(--surface);
    border: 1px solid var(--border);
    border-radius: var(--radius);
    box-shadow: var(--shadow);
    padding: 1rem 1.1rem 1.2rem;
  }

  /* Two independent columns, so a tall card leaves no gap beside it. */
  @media (min-width: 60rem) {
    .panels {
      grid-template-columns: minmax(0, 1.1fr) minmax(0, 1fr);
      align-items: start;
    }

    .column {
      display: grid;
      gap: 1rem;
      min-width: 0;
    }

    .wide {
      grid-column: 1 / -1;
    }
  }
`;
