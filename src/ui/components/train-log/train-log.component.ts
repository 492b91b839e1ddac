import { html, type PropertyValues } from 'lit';
import { LocalizedElement } from '../../i18n/localized-element';
import { property, query } from 'lit/decorators.js';
import type { EpochLog } from '../../../shared/api';
import { kerasLogLines } from '../../format';
import { t } from '../../i18n/i18n';
import { sharedStyles } from '../../styles/shared.styles';
import { styles } from './train-log.styles';

/**
 * The Keras-style training log, one pair of lines per epoch, kept scrolled to the latest. A named,
 * focusable region, so keyboard users can scroll it; epochs are announced by the training status.
 */
export class TrainLog extends LocalizedElement {
  static override styles = [sharedStyles, styles];

  /** The epochs logged so far. */
  @property({ attribute: false }) history: EpochLog[] = [];

  /** Batches per epoch, for Keras's `15/15 [====]` progress column. */
  @property({ type: Number }) batches = 0;

  @query('pre') private pre?: HTMLPreElement;

  override render() {
    const text = this.history.flatMap((log) => kerasLogLines(log, this.batches)).join('\n');
    return html`
      <h3 id="heading">${t('log.title')}</h3>
      <pre tabindex="0" role="region" aria-labelledby="heading" translate="no">${text || t('log.empty')}</pre>
    `;
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('history') && this.pre) this.pre.scrollTop = this.pre.scrollHeight;
  }
}
