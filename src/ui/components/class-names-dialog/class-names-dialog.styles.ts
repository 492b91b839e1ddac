import { css } from 'lit';

export const styles = css`
  ol {
    display: grid;
    gap: 0.6rem;
    margin: 0 0 1rem;
    padding: 0;
    list-style: none;
  }
`;
