import { css } from 'lit';

export const styles = css`
  ol {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 1.1rem;
  }

  .layer {
    --kind: var(--layer-flatten);
    position: relative;
    display: grid;
    grid-template-columns: 1fr auto;
    gap: 0.1rem 0.75rem;
    padding: 0.5rem 0.75rem 0.55rem 1rem;
    border: 1px solid var(--border);
    border-left: 0.4rem solid var(--kind);
    border-radius: 0.5rem;
    background: var(--surface-2);
  }

  /* The arrow from the previous layer. */
  .layer + .layer::before {
    content: '';
    position: absolute;
    top: -1.05rem;
    left: 50%;
    width: 0;
    height: 0;
    border: 0.4rem solid transparent;
    border-top: 0.55rem solid var(--muted);
    border-bottom: 0;
    transform: translate(-50%, 0.25rem);
  }

  .conv {
    --kind: var(--layer-conv);
  }

  .pool {
    --kind: var(--layer-pool);
  }

  .dense {
    --kind: var(--layer-dense);
  }

  .input {
    --kind: var(--muted);
  }

  .type {
    font-weight: 700;
  }

  .name {
    font-weight: 400;
    font-size: 0.8rem;
    color: var(--muted);
    font-family: var(--font-mono);
  }

  .shape {
    font-variant-numeric: tabular-nums;
    font-family: var(--font-mono);
    font-size: 0.9rem;
    text-align: right;
  }

  .params {
    grid-column: 1 / -1;
    font-size: 0.85rem;
    color: var(--muted);
  }

  .share {
    grid-column: 1 / -1;
    height: 0.3rem;
    border-radius: 1rem;
    background: var(--border);
    overflow: hidden;
  }

  .share span {
    display: block;
    height: 100%;
    min-width: 2px;
    background: var(--kind);
  }

  .total {
    margin: 1rem 0 0;
    font-weight: 600;
  }
`;
