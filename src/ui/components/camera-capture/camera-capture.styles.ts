import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
  }

  video {
    display: block;
    width: 100%;
    max-height: 50vh;
    object-fit: contain;
    background: #000;
    border-radius: 0.5rem;
    margin-bottom: 0.5rem;
  }
`;
