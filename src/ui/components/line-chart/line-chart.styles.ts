import { css } from 'lit';

export const styles = css`
  figure {
    position: relative;
    margin: 0;
  }

  figcaption {
    display: flex;
    flex-wrap: wrap;
    gap: 0.1rem 1rem;
    align-items: baseline;
    margin-bottom: 0.25rem;
  }

  .title {
    flex: 1 0 100%;
  }

  .title {
    font-weight: 700;
  }

  .legend {
    display: flex;
    gap: 0.9rem;
    font-size: 0.85rem;
    color: var(--muted);
  }

  .key {
    display: inline-flex;
    align-items: center;
    gap: 0.35rem;
  }

  .key svg {
    width: 1.5rem;
    height: 0.3rem;
    overflow: visible;
  }

  svg {
    display: block;
    width: 100%;
    height: auto;
  }

  .grid {
    stroke: var(--border);
    stroke-width: 1;
  }

  .tick,
  .axis {
    fill: var(--muted);
    font-size: 12px;
    font-family: var(--font);
  }

  .line,
  line {
    fill: none;
    stroke-width: 2.5;
    stroke-linejoin: round;
    stroke-linecap: round;
  }

  .train {
    stroke: var(--series-train);
  }

  .validation {
    stroke: var(--series-val);
    stroke-dasharray: 6 4;
  }

  .key.validation line {
    stroke-dasharray: 5 3;
  }

  .dot {
    fill: var(--surface);
    stroke-width: 2;
    stroke-dasharray: none;
  }

  .empty {
    position: absolute;
    inset: 40% 1rem auto 3rem;
    margin: 0;
    text-align: center;
    font-size: 0.9rem;
  }
`;
