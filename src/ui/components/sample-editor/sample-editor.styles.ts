import { css } from 'lit';

export const styles = css`
  .add-class {
    margin-bottom: 1rem;
  }

  .add-class label {
    font-weight: 600;
  }

  .add-class input {
    flex: 1 1 10rem;
    max-width: 16rem;
  }

  /* Stays in view while the person scrolls through thumbnails to select more. */
  .selection {
    position: sticky;
    top: 0;
    z-index: 1;
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
    margin-bottom: 1rem;
    padding: 0.6rem 0.75rem;
    border: 1px solid var(--accent);
    border-radius: 0.6rem;
    background: var(--accent-soft);
  }

  .selection select {
    flex: 1 1 8rem;
    min-width: 0;
  }

  .class {
    border-left: 0.3rem solid var(--class-color);
    padding-left: 0.75rem;
    margin-bottom: 1.25rem;
  }

  .head {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 0.75rem;
    align-items: baseline;
    margin-bottom: 0.5rem;
  }

  h3 {
    margin: 0;
    overflow-wrap: anywhere;
  }

  .count {
    font-size: 0.9rem;
    color: var(--muted);
  }

  .actions {
    margin-left: auto;
  }

  .actions button {
    min-height: 2.25rem;
    padding: 0.3rem 0.75rem;
    font-size: 0.9rem;
  }

  .rename {
    margin-bottom: 0.75rem;
  }

  .rename input {
    flex: 1 1 10rem;
    max-width: 16rem;
  }

  .thumbs {
    list-style: none;
    margin: 0 0 0.5rem;
    padding: 0;
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(3.25rem, 1fr));
    gap: 0.4rem;
  }

  .tile {
    position: relative;
  }

  /* The checkbox stays in the page for keyboards and screen readers; the thumbnail shows its state. */
  .tile input {
    position: absolute;
    opacity: 0;
  }

  .tile label {
    display: block;
    position: relative;
    cursor: pointer;
    border: 1px solid var(--border);
    border-radius: 0.3rem;
    overflow: hidden;
    background: #fff;
  }

  .tile img {
    display: block;
    width: 100%;
    aspect-ratio: 1;
    object-fit: contain;
    font-size: 0.6rem;
    color: #1a1f2c;
    overflow-wrap: anywhere;
  }

  .tile input:checked + label {
    outline: 3px solid var(--accent);
    outline-offset: 1px;
  }

  .tile input:checked + label::after {
    content: '✓';
    position: absolute;
    top: 0.1rem;
    right: 0.2rem;
    padding: 0 0.25rem;
    border-radius: 0.25rem;
    background: var(--accent);
    color: var(--on-accent);
    font-size: 0.75rem;
    font-weight: 800;
  }

  .tile input:focus-visible + label {
    outline: 3px solid var(--focus);
    outline-offset: 2px;
  }

  .badge {
    position: absolute;
    left: 0;
    right: 0;
    bottom: 0;
    background: rgb(26 31 44 / 0.78);
    color: #fff;
    font-size: 0.65rem;
    font-weight: 700;
    text-align: center;
    line-height: 1.4;
  }
`;
