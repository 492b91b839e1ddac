import { css } from 'lit';

/** Out of sight, still read by screen readers: the body of `.visually-hidden`, for media queries too. */
export const visuallyHidden = css`
  position: absolute !important;
  width: 1px;
  height: 1px;
  padding: 0;
  margin: -1px;
  overflow: hidden;
  clip: rect(0 0 0 0);
  white-space: nowrap;
  border: 0;
`;

/** What every component shares: box sizing, buttons, form fields, focus rings, hidden text. */
export const sharedStyles = css`
  :host {
    display: block;
    min-width: 0;
  }

  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }

  [hidden] {
    display: none !important;
  }

  h2,
  h3 {
    margin: 0 0 0.75rem;
    line-height: 1.25;
  }

  h2 {
    font-size: 1.2rem;
  }

  h3 {
    font-size: 1rem;
  }

  p {
    margin: 0 0 0.75rem;
  }

  .muted {
    color: var(--muted);
  }

  button,
  .button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.4rem;
    min-height: 2.5rem;
    padding: 0.45rem 1rem;
    border: 1px solid var(--border);
    border-radius: 0.5rem;
    background: var(--surface);
    color: var(--text);
    font: inherit;
    font-weight: 600;
    cursor: pointer;
  }

  button:hover:not(:disabled),
  .button:hover {
    background: var(--surface-2);
  }

  button.primary {
    border-color: var(--accent);
    background: var(--accent);
    color: var(--on-accent);
  }

  button.primary:hover:not(:disabled) {
    background: var(--accent-hover);
  }

  button.danger {
    border-color: var(--danger);
    background: var(--danger);
    color: var(--on-danger);
  }

  button.danger:hover:not(:disabled) {
    background: var(--danger);
    filter: brightness(1.08);
  }

  button:disabled {
    cursor: not-allowed;
    opacity: 0.55;
  }

  /* A disabled destructive button needn't look alarming. */
  button.danger:disabled {
    border-color: var(--border);
    background: var(--surface);
    color: var(--text);
  }

  input,
  select {
    font: inherit;
    color: var(--text);
    background: var(--surface);
    border: 1px solid var(--muted);
    border-radius: 0.4rem;
    min-height: 2.5rem;
    padding: 0.35rem 0.55rem;
  }

  input[type='checkbox'] {
    flex: none;
    width: 1.25rem;
    height: 1.25rem;
    min-height: 0;
    margin: 0;
    accent-color: var(--accent);
  }

  /* A checkbox and its label side by side. */
  .check {
    display: flex;
    gap: 0.5rem;
    align-items: center;
  }

  input[type='range'] {
    padding: 0;
    border: 0;
    min-height: 1.5rem;
    accent-color: var(--accent);
  }

  :focus-visible {
    outline: 3px solid var(--focus);
    outline-offset: 2px;
  }

  .visually-hidden {
    ${visuallyHidden}
  }

  .row {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
  }

  /* A label above its field. */
  .field {
    display: flex;
    flex-direction: column;
    justify-content: flex-end;
    gap: 0.25rem;
    min-width: 0;
  }

  .field label {
    font-size: 0.9rem;
    font-weight: 600;
  }

  /* What a field accepts, and what is wrong with what was typed (numberField). */
  .field .hint {
    font-size: 0.8rem;
  }

  .field .problem {
    font-size: 0.85rem;
    color: var(--danger);
    font-weight: 600;
  }

  .field input[aria-invalid='true'] {
    border-color: var(--danger);
    outline-color: var(--danger);
  }

  /* A call-out: what stands in the way of using a panel. */
  .note {
    padding: 0.6rem 0.8rem;
    border-radius: 0.5rem;
    background: var(--accent-soft);
  }

  /* Where files can be dropped (and, while something is dragged over it, .dragging). */
  .drop {
    padding: 1rem;
    border: 2px dashed var(--border);
    border-radius: 0.6rem;
    background: var(--surface-2);
  }

  .drop.dragging {
    border-color: var(--accent);
    background: var(--accent-soft);
  }
`;
