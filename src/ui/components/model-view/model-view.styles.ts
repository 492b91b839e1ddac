import { css } from 'lit';

export const styles = css`
  .about {
    margin-bottom: 1.25rem;
    overflow-wrap: anywhere;
  }
`;
