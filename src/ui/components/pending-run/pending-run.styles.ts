import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
  }

  :host(:not([hidden])) section {
    border-left: 4px solid var(--accent);
    padding-left: 0.75rem;
  }

  h2 {
    margin-top: 0;
  }
`;
