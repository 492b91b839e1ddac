import { css } from 'lit';

export const styles = css`
  fieldset {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 0.75rem;
    margin: 0;
    padding: 0;
    border: 0;
    min-width: 0;
  }

  legend {
    float: left;
    padding: 0;
    font-size: 0.9rem;
    font-weight: 600;
  }

  .options {
    display: inline-flex;
    border: 1px solid var(--border);
    border-radius: 0.5rem;
    overflow: hidden;
  }

  input {
    position: absolute;
    opacity: 0;
    width: 1px;
    height: 1px;
    margin: 0;
  }

  label {
    padding: 0.4rem 0.85rem;
    min-height: 2.5rem;
    display: inline-flex;
    align-items: center;
    cursor: pointer;
    font-size: 0.9rem;
    font-weight: 600;
  }

  label + input + label {
    border-left: 1px solid var(--border);
  }

  input:checked + label {
    background: var(--accent);
    color: var(--on-accent);
  }

  /* Inset rings: the group clips outlines, and a checked option is already the focus colour. */
  input:focus-visible + label {
    box-shadow:
      inset 0 0 0 3px var(--focus),
      inset 0 0 0 5px var(--surface);
  }

  fieldset:disabled label {
    cursor: not-allowed;
    opacity: 0.55;
  }
`;
