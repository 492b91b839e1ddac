import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
  }

  .title {
    margin: 0.5rem 0 0.25rem;
    font-weight: 600;
  }

  ul {
    margin: 0 0 0.5rem;
    padding-left: 1.25rem;
    font-size: 0.9rem;
    font-weight: 400;
    overflow-wrap: anywhere;
  }
`;
