import { css } from 'lit';

export const styles = css`
  /* The dialog's styles make their host disappear from layout; this panel is a card. */
  :host {
    display: block;
  }

  .status {
    margin: 0.75rem 0 0;
  }

  .status:empty {
    margin: 0;
  }
`;
