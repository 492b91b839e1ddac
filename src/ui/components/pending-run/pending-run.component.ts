import { html } from 'lit';
import { property } from 'lit/decorators.js';
import type { PendingRun } from '../../../shared/api';
import { emit } from '../../events';
import { formatDate, formatNumber, formatPercent } from '../../format';
import { t } from '../../i18n/i18n';
import { LocalizedElement } from '../../i18n/localized-element';
import { sharedStyles } from '../../styles/shared.styles';
import { styles } from './pending-run.styles';

/**
 * A run that did not finish, and the person's choice about its model: keep it (it becomes the
 * model in use) or discard it. Until then the model in use stays as it was.
 *
 * @fires sc-keep-run - Keep the run's model.
 * @fires sc-discard-run - Discard it.
 */
export class PendingRunCard extends LocalizedElement {
  static override styles = [sharedStyles, styles];

  /** The run waiting for the choice. */
  @property({ attribute: false }) run?: PendingRun;

  /** True while the worker keeps or discards it, or trains. */
  @property({ type: Boolean }) busy = false;

  override render() {
    const run = this.run;
    if (!run) return '';
    const epochs = { epoch: formatNumber(run.epoch), epochs: formatNumber(run.epochs) };
    const said =
      run.reason === 'stopped'
        ? t('pending.stopped', epochs)
        : t('pending.interrupted', { ...epochs, date: formatDate(run.date) });
    const accuracy = run.evaluation?.accuracy;
    return html`
      <section role="region" aria-labelledby="pending-title">
        <h2 id="pending-title">${t(run.reason === 'stopped' ? 'pending.stoppedTitle' : 'pending.interruptedTitle')}</h2>
        <p>${said}</p>
        ${accuracy === undefined ? '' : html`<p>${t('pending.accuracy', { accuracy: formatPercent(accuracy) })}</p>`}
        <p class="muted">${t('pending.note')}</p>
        <div class="row">
          <button type="button" class="primary" ?disabled=${this.busy}
            @click=${() => emit(this, 'sc-keep-run', null)}>${t('pending.keep')}</button>
          <button type="button" ?disabled=${this.busy}
            @click=${() => emit(this, 'sc-discard-run', null)}>${t('pending.discard')}</button>
        </div>
      </section>
    `;
  }
}
