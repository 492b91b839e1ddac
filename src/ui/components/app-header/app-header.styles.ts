import { css } from 'lit';

export const styles = css`
  header {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem 1.5rem;
    align-items: flex-start;
    justify-content: space-between;
  }

  .brand {
    display: flex;
    gap: 0.9rem;
    align-items: center;
    flex: 1 1 20rem;
    min-width: 0;
  }

  .brand svg {
    flex: none;
    width: 3rem;
    height: 3rem;
    fill: none;
    stroke-width: 3.5;
    stroke-linejoin: round;
  }

  .brand circle {
    stroke: var(--class-circle);
  }

  .brand rect {
    stroke: var(--class-rectangle);
  }

  .brand path {
    stroke: var(--class-triangle);
  }

  h1 {
    margin: 0;
    font-size: 1.6rem;
    line-height: 1.2;
  }

  .brand p {
    margin: 0.15rem 0 0;
    max-width: 48rem;
  }
`;
