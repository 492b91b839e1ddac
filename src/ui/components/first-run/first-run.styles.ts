import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
  }

  h2 {
    margin-top: 0;
  }

  ol {
    list-style: none;
    counter-reset: step;
    margin: 0 0 0.75rem;
    padding: 0;
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 13rem), 1fr));
    gap: 0.75rem;
  }

  li {
    counter-increment: step;
    padding: 0.75rem;
    border: 1px solid var(--border);
    border-radius: 0.6rem;
  }

  li[aria-current='step'] {
    border-color: var(--accent);
    box-shadow: inset 4px 0 0 var(--accent);
  }

  h3 {
    margin: 0 0 0.35rem;
    font-size: 1rem;
  }

  h3::before {
    content: counter(step) '. ';
    color: var(--muted);
  }

  li.done h3::before {
    content: '✓ ';
    color: var(--success);
  }

  li p {
    margin: 0 0 0.6rem;
    font-size: 0.9rem;
  }
`;
