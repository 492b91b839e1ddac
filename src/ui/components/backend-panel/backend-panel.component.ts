import { html, nothing } from 'lit';
import { LocalizedElement } from '../../i18n/localized-element';
import { property, state } from 'lit/decorators.js';
import { BACKENDS, type BackendChoice, type BackendReport, type Calibration } from '../../../shared/api';
import { emit } from '../../events';
import { formatDate, formatNumber } from '../../format';
import { deviceText } from '../../i18n/device-text';
import { t } from '../../i18n/i18n';
import { numberField, numberProblem, type NumberRange } from '../../number-field';
import { sharedStyles } from '../../styles/shared.styles';
import { tableStyles, factListStyles } from '../../styles/table.styles';
import { styles } from './backend-panel.styles';

/** What the worker is busy with on the backend's behalf, if anything. */
export type BackendActivity = 'switching' | 'calibrating' | null;

const CHOICES: BackendChoice[] = ['auto', ...BACKENDS];

/**
 * Which backend trains, on what adapter, why preferred ones were skipped, and a picker; how many
 * threads the WebAssembly path trains on (one where the page is not cross-origin isolated), and a
 * field to limit them.
 *
 * @fires sc-backend-change - A backend was picked; detail is the choice.
 * @fires sc-calibrate - The person asked to measure every backend again.
 * @fires sc-threads-change - A valid thread limit was typed; detail is the number.
 */
export class BackendPanel extends LocalizedElement {
  static override styles = [sharedStyles, tableStyles, factListStyles, styles];

  /** The worker's latest report: what runs now; undefined until the worker has opened. */
  @property({ attribute: false }) report?: BackendReport;

  /** The latest measurements of every backend, if any were taken. */
  @property({ attribute: false }) calibration?: Calibration;

  /** The picked backend ('auto' lets the worker choose). */
  @property() choice: BackendChoice = 'auto';

  /** What is running right now; the controls wait for it. */
  @property() activity: BackendActivity = null;

  /** True while training: backends cannot change mid-run. */
  @property({ type: Boolean }) training = false;

  /** The most threads the person allows the WebAssembly path; undefined: every core. */
  @property({ type: Number }) threadLimit?: number;

  /** The device's cores (logical processors), the most threads there can be. */
  @property({ type: Number }) cores = navigator.hardwareConcurrency || 1;

  /** What is wrong with the typed thread limit, said under the field. */
  @state() private threadProblem = '';

  override render() {
    const locked = this.training || this.activity !== null;
    return html`
      <h2>${t('backend.title')}</h2>
      <div class="row controls">
        <label for="choice">${t('backend.choice')}</label>
        <select id="choice" ?disabled=${locked} @change=${this.onChange}>
          ${CHOICES.map((c) => html`<option value=${c} ?selected=${c === this.choice}>${t(`backend.${c}`)}</option>`)}
        </select>
        <button type="button" ?disabled=${locked}
          @click=${() => emit(this, 'sc-calibrate', null)}>${t('backend.calibrate')}</button>
      </div>
      <p role="status" class="activity">${this.activityText()}</p>
      <p class="next">${this.nextRun()}</p>
      ${this.report ? this.renderReport(this.report) : html`<p class="muted">${t('app.opening')}</p>`}
      <div class="threads" @input=${this.onThreads}>
        ${numberField(
          'threads',
          t('backend.threadLimit'),
          this.threadRange,
          Math.min(this.threadLimit ?? this.cores, this.cores),
          this.threadProblem,
          locked || !this.report?.isolated,
        )}
      </div>
      ${this.calibration ? this.renderCalibration(this.calibration) : ''}
    `;
  }

  private activityText() {
    if (this.activity === 'switching') return t('backend.switching');
    if (this.activity === 'calibrating') return t('backend.calibrating');
    return nothing;
  }

  /** What the next training run will use: the picked path, or the fastest one measured, or that it will measure. */
  private nextRun(): string {
    if (this.choice !== 'auto') return t('backend.nextChosen', { backend: t(`backend.${this.choice}`) });
    const calibration = this.calibration;
    if (!calibration) return t('backend.nextUnmeasured');
    return t('backend.nextMeasured', {
      backend: t(`backend.${calibration.chosen}`),
      date: formatDate(calibration.date),
    });
  }

  private renderReport(report: BackendReport) {
    return html`
      <dl>
        <dt>${t('backend.active')}</dt>
        <dd><strong>${t(`backend.${report.active}`)}</strong></dd>
        <dt>${t('backend.device')}</dt>
        <dd>${report.device ? deviceText(report.device) : '–'}</dd>
        ${
          report.skipped.length
            ? html`
              <dt>${t('backend.skipped')}</dt>
              <dd>
                <ul>
                  ${report.skipped.map(
                    (s) => html`<li><strong>${t(`backend.${s.backend}`)}</strong>: ${s.reason}</li>`,
                  )}
                </ul>
              </dd>
            `
            : ''
        }
        <dt>${t('backend.threads')}</dt>
        <dd>${
          report.isolated
            ? t('backend.threadsIsolated', { threads: this.threadsFor(report), cores: this.cores })
            : t('backend.notIsolated')
        }</dd>
      </dl>
    `;
  }

  private renderCalibration(calibration: Calibration) {
    return html`
      <div class="table-wrap">
        <table>
          <caption>${t('backend.calibration', { date: formatDate(calibration.date) })}</caption>
          <thead>
            <tr>
              <th scope="col">${t('backend.colBackend')}</th>
              <th scope="col">${t('backend.colSpeed')}</th>
              <th scope="col">${t('backend.colResult')}</th>
            </tr>
          </thead>
          <tbody>
            ${calibration.results.map(
              (r) => html`
                <tr class=${r.backend === calibration.chosen ? 'marked' : ''}>
                  <th scope="row">${t(`backend.${r.backend}`)}</th>
                  <td class="num">${
                    r.msPerStep === undefined
                      ? '–'
                      : t('backend.ms', { ms: formatNumber(r.msPerStep, { maximumFractionDigits: 1 }) })
                  }</td>
                  <td>${
                    r.ok ? t(r.backend === calibration.chosen ? 'backend.chosen' : 'backend.ok') : (r.reason ?? '–')
                  }</td>
                </tr>
              `,
            )}
          </tbody>
        </table>
      </div>
    `;
  }

  private get threadRange(): NumberRange {
    return { min: 1, max: this.cores, step: '1' };
  }

  /** The threads the next run on the WebAssembly path gets: every core unless limited. */
  private threadsFor(report: BackendReport): number {
    const available = report.threads ?? this.cores;
    return Math.min(this.threadLimit ?? available, available);
  }

  private onThreads(event: Event): void {
    const input = event.target as HTMLInputElement;
    this.threadProblem = numberProblem(input, this.threadRange);
    if (!this.threadProblem) emit(this, 'sc-threads-change', Number(input.value));
  }

  private onChange(event: Event): void {
    emit(this, 'sc-backend-change', (event.target as HTMLSelectElement).value as BackendChoice);
  }
}
