import { css } from 'lit';
import { visuallyHidden } from '../../styles/shared.styles';

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

  .side {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1rem;
    align-items: center;
    justify-content: flex-end;
  }

  .network {
    margin: 0;
  }

  .network:empty {
    display: none;
  }

  .offline {
    display: inline-flex;
    align-items: center;
    gap: 0.4rem;
    padding: 0.2rem 0.65rem;
    border: 1px solid var(--border);
    border-radius: 999px;
    color: var(--muted);
    font-size: 0.85rem;
  }

  .offline::before {
    content: '';
    width: 0.5rem;
    height: 0.5rem;
    border-radius: 50%;
    background: var(--muted);
  }

  /* A phone: one short row (mark, name, language), the purpose left to screen readers. */
  @media (max-width: 40rem) {
    header {
      flex-wrap: nowrap;
      align-items: center;
      gap: 0.5rem;
    }

    .brand {
      flex: 1 1 auto;
      gap: 0.5rem;
    }

    .brand svg {
      width: 2rem;
      height: 2rem;
    }

    h1 {
      font-size: 1.25rem;
    }

    .brand p {
      ${visuallyHidden}
    }

    .side {
      flex-wrap: nowrap;
      gap: 0.5rem;
    }
  }
`;
