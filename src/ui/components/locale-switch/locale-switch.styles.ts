import { css } from 'lit';
import { visuallyHidden } from '../../styles/shared.styles';

export const styles = css`
  :host {
    display: flex;
    align-items: center;
    gap: 0.5rem;
  }

  label {
    font-size: 0.9rem;
    color: var(--muted);
  }

  /* On a phone the picker speaks for itself (each language in its own name); the label stays for screen readers. */
  @media (max-width: 40rem) {
    label {
      ${visuallyHidden}
    }
  }
`;
