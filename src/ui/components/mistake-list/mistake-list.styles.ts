import { css } from 'lit';

export const styles = css`
  :host {
    margin-top: 1.25rem;
  }

  .tile {
    display: block;
    flex: none;
    background-color: #fff;
    background-repeat: no-repeat;
    border: 1px solid var(--border);
    border-radius: 0.3rem;
  }

  .name {
    font-family: var(--mono, monospace);
    font-size: 0.8rem;
    overflow-wrap: anywhere;
  }
`;
