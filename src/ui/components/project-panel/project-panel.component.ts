import { html, type PropertyValues } from 'lit';
import { property, query } from 'lit/decorators.js';
import type { ProjectMode, ProjectSummary } from '../../../shared/api';
import { emit } from '../../events';
import { formatDate, formatNumber } from '../../format';
import { t } from '../../i18n/i18n';
import { LocalizedElement } from '../../i18n/localized-element';
import { sharedStyles } from '../../styles/shared.styles';
import { styles as dialogStyles } from '../confirm-dialog/confirm-dialog.styles';
import { styles } from './project-panel.styles';

/** What the panel is doing or did last, kept as data so the status follows a change of language. */
export type ProjectStatus =
  | { kind: 'saving' | 'reading' | 'opening' }
  | { kind: 'saved'; file: string }
  | { kind: 'opened'; file: string; mode: ProjectMode; samples: number; models: number };

/**
 * The person's whole work as one file: Save project downloads it; Open project reads one and,
 * when this device holds work of the person's (`pending` comes with `ask`), asks whether the
 * project replaces it or joins it. Cancel has the focus first and Escape cancels.
 *
 * @fires sc-save-project - Download everything as a project file.
 * @fires sc-open-project - A project file was chosen; its bytes are a fresh buffer the worker may take.
 * @fires sc-project-commit - Store the checked project: replace this device's data, or add to it.
 * @fires sc-project-cancel - The person chose not to open the checked project.
 */
export class ProjectPanel extends LocalizedElement {
  static override styles = [sharedStyles, dialogStyles, styles];

  /** A checked project waiting for the person's choice: the dialog is open while set. */
  @property({ attribute: false }) pending?: ProjectSummary;

  @property({ attribute: false }) status?: ProjectStatus;

  /** True while a project is saved or opened, or training holds the worker. */
  @property({ type: Boolean }) busy = false;

  @query('dialog') private dialog!: HTMLDialogElement;
  @query('input[type=file]') private fileInput!: HTMLInputElement;
  private answered = false;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // A removed panel's open dialog closes with it (Chrome fires 'close'): nobody chose to cancel.
    this.answered = true;
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (!changed.has('pending')) return;
    if (this.pending && !this.dialog.open) {
      this.answered = false;
      this.dialog.showModal();
    } else if (!this.pending && this.dialog.open) this.dialog.close();
  }

  override render() {
    const pending = this.pending;
    return html`
      <h2>${t('project.title')}</h2>
      <p>${t('project.intro')}</p>
      <div class="row">
        <button type="button" ?disabled=${this.busy}
          @click=${() => emit(this, 'sc-save-project', null)}>${t('project.save')}</button>
        <button type="button" ?disabled=${this.busy} @click=${() => this.fileInput.click()}>${t('project.open')}</button>
        <input type="file" accept=".zip,application/zip" hidden @change=${this.onFileChosen} />
      </div>
      <p role="status" class="status">${this.statusText()}</p>
      <dialog aria-labelledby="ask-title" aria-describedby="ask-body" @close=${this.onClose}>
        ${
          pending
            ? html`
              <h3 id="ask-title">${t('project.askTitle', { file: pending.origin })}</h3>
              <p id="ask-body">${t('project.askBody', {
                samples: formatNumber(pending.samples),
                classes: formatNumber(pending.classes.length),
                models: formatNumber(pending.models),
                date: formatDate(pending.savedAt),
              })}</p>
              <p id="merge-hint" class="muted">${t('project.mergeHint')}</p>
              <p id="replace-hint" class="muted">${t('project.replaceHint')}</p>
              <div class="row end">
                <button type="button" autofocus @click=${() => this.dialog.close()}>${t('confirm.cancel')}</button>
                <button type="button" aria-describedby="merge-hint"
                  @click=${() => this.answer('merge')}>${t('project.merge')}</button>
                <button type="button" class="danger" aria-describedby="replace-hint"
                  @click=${() => this.answer('replace')}>${t('project.replace')}</button>
              </div>
            `
            : ''
        }
      </dialog>
    `;
  }

  private statusText(): string {
    const status = this.status;
    if (!status) return '';
    if (status.kind === 'saved') return t('project.saved', { file: status.file });
    if (status.kind !== 'opened') return t(`project.${status.kind}`);
    const counts = { file: status.file, samples: formatNumber(status.samples), models: formatNumber(status.models) };
    return t(status.mode === 'replace' ? 'project.replaced' : 'project.merged', counts);
  }

  private answer(mode: ProjectMode): void {
    this.answered = true;
    emit(this, 'sc-project-commit', mode);
    this.dialog.close();
  }

  private onClose(): void {
    // The close event comes a task after close(): by then the next question may be open.
    if (this.dialog.open) return;
    if (!this.answered) emit(this, 'sc-project-cancel', null);
    this.answered = true;
  }

  private async onFileChosen(event: Event): Promise<void> {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (file) emit(this, 'sc-open-project', { name: file.name, bytes: await file.arrayBuffer() });
  }
}
