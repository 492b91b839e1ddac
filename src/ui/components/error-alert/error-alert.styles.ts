import { css } from 'lit';

export const styles = css`
  .box {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem;
    align-items: flex-start;
    padding: 0.85rem 1rem;
    border: 1px solid var(--danger);
    border-left-width: 0.35rem;
    border-radius: var(--radius);
    background: var(--surface);
  }

  svg {
    flex: none;
    width: 1.5rem;
    height: 1.5rem;
    fill: none;
    stroke: var(--danger);
    stroke-width: 2;
    stroke-linecap: round;
  }

  .text {
    flex: 1 1 14rem;
    min-width: 0;
    overflow-wrap: anywhere;
  }

  p {
    margin: 0.2rem 0 0;
  }
`;
