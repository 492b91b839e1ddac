import { css } from 'lit';

export const styles = css`
  pre {
    margin: 0;
    max-height: 12rem;
    overflow: auto;
    padding: 0.75rem;
    border: 1px solid var(--border);
    border-radius: 0.5rem;
    background: var(--surface-2);
    color: var(--text);
    font-family: var(--font-mono);
    font-size: 0.8rem;
    line-height: 1.45;
    /* Keras's lines stay whole, as in a terminal: a narrow screen scrolls them sideways rather
       than breaking "45/45 [====…]" mid-bar. */
    white-space: pre;
  }
`;
