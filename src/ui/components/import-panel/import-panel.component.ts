import { html } from 'lit';
import { FileDropController } from '../../files/drop-controller';
import { LocalizedElement } from '../../i18n/localized-element';
import { property, query, state } from 'lit/decorators.js';
import type { ImportProgress, ImportSummary, SampleSplit } from '../../../shared/api';
import { emit } from '../../events';
import {
  directoryPicker,
  fromDirectoryHandle,
  fromEntry,
  fromFileList,
  toImportSource,
  type PickedImport,
} from '../../files/folders';
import { folderLabel, formatNumber, formatPercent, messageOf } from '../../format';
import { t } from '../../i18n/i18n';
import { LatestRequest } from '../../latest';
import { sharedStyles } from '../../styles/shared.styles';
import '../refused-list/refused-list';
import { styles } from './import-panel.styles';

/** What the last import stored, kept as data so the notice follows a change of language. */
export interface ImportedNotice {
  count: number;
  origin: string;
}

/**
 * Imports a dataset laid out like Keras `flow_from_directory` (a folder, picked or dropped, or a
 * .zip) after showing what was found, and exports the person's samples as a .zip in that layout.
 *
 * @fires sc-import-prepare - Read this source and summarise it; nothing is stored yet.
 * @fires sc-import-commit - Store the summarised import; detail is its token.
 * @fires sc-import-cancel - Forget the summarised import.
 * @fires sc-import-error - The picked folder or file could not be read; detail names it.
 * @fires sc-export-dataset - Download the person's samples as a .zip.
 */
export class ImportPanel extends LocalizedElement {
  static override styles = [sharedStyles, styles];

  /** What the picked source would add, once read. */
  @property({ attribute: false }) summary?: ImportSummary;

  /** True while the worker reads, checks or stores an import. */
  @property({ type: Boolean }) busy = false;

  /** The import stored last. */
  @property({ attribute: false }) imported?: ImportedNotice;

  /** How far the worker's check of the picked files has come, while it checks them. */
  @property({ attribute: false }) progress?: ImportProgress;

  /** True when there are samples to export. */
  @property({ type: Boolean }) canExport = false;

  @state() private picked?: PickedImport;
  @state() private testFraction = 0.2;
  /** True while the picked files are read for a summary; only the newest read may ask for one. */
  @state() private reading = false;
  private readonly reads = new LatestRequest();
  private readonly drops = new FileDropController(this, (data) => void this.onDrop(data));
  @query('#folder') private folderInput!: HTMLInputElement;
  @query('#zip') private zipInput!: HTMLInputElement;

  override render() {
    return html`
      <h2>${t('import.title')}</h2>
      <p>${t('import.intro')}</p>
      <div class="drop ${this.drops.dragging ? 'dragging' : ''}">
        <p>${t('import.drop')}</p>
        <div class="row">
          <button type="button" ?disabled=${this.busy} @click=${this.chooseFolder}>${t('import.folder')}</button>
          <button type="button" ?disabled=${this.busy} @click=${() => this.zipInput.click()}>${t('import.zip')}</button>
        </div>
        <input id="folder" type="file" webkitdirectory hidden @change=${this.onFolderChosen} />
        <input id="zip" type="file" accept=".zip,application/zip" hidden @change=${this.onZipChosen} />
      </div>
      <p role="status" class="status">${this.statusText()}</p>
      ${this.summary ? this.renderSummary(this.summary) : ''}
      <h3>${t('import.exportTitle')}</h3>
      <p class="muted">${t('import.exportIntro')}</p>
      <button type="button" ?disabled=${!this.canExport}
        @click=${() => emit(this, 'sc-export-dataset', null)}>${t('import.export')}</button>
    `;
  }

  private statusText(): string {
    const progress = this.progress;
    if (this.busy && progress) {
      return t('import.checking', { done: formatNumber(progress.done), total: formatNumber(progress.total) });
    }
    if (this.working) return t('import.reading');
    if (this.summary) return t('import.ready', { origin: this.summary.origin });
    if (this.imported)
      return t('import.done', { count: formatNumber(this.imported.count), origin: this.imported.origin });
    return '';
  }

  private renderSummary(summary: ImportSummary) {
    const total = (split: SampleSplit) => Object.values(summary.counts).reduce((n, c) => n + c[split], 0);
    return html`
      <section class="summary" aria-labelledby="summary-title">
        <h3 id="summary-title">${t('import.summaryTitle', { origin: summary.origin })}</h3>
        <dl class="found">
          ${(['train', 'test'] as const).map(
            (split) =>
              html`<dt>${t(`split.${split}`)}</dt><dd><code translate="no">${summary.found[split]}</code></dd>`,
          )}
        </dl>
        <p>${t(summary.layout === 'split' ? 'import.layoutSplit' : 'import.layoutClasses')}</p>
        ${
          summary.layout === 'classes'
            ? html`
              <div class="fraction">
                <label for="fraction">${t('import.testFraction')}</label>
                <input id="fraction" type="range" min="0" max="0.5" step="0.05" .value=${String(this.testFraction)}
                  @change=${this.onFraction} />
                <output for="fraction">${formatPercent(this.testFraction, 0)}</output>
              </div>
            `
            : ''
        }
        <div class="table-wrap">
          <table>
            <thead>
              <tr
                ><th scope="col">${t('import.class')}</th
                ><th scope="col">${t('split.train')}</th
                ><th scope="col">${t('split.test')}</th
              ></tr>
            </thead>
            <tbody>
              ${summary.classNames.map(
                (name) => html`
                  <tr>
                    <th scope="row">${folderLabel(name)}</th>
                    <td>${formatNumber(summary.counts[name]!.train)}</td>
                    <td>${formatNumber(summary.counts[name]!.test)}</td>
                  </tr>
                `,
              )}
            </tbody>
          </table>
        </div>
        <sc-refused-list .problems=${summary.refused}></sc-refused-list>
        <div class="row">
          <button type="button" class="primary" ?disabled=${this.working}
            @click=${() => emit(this, 'sc-import-commit', summary.token)}>
            ${t('import.commit', { count: formatNumber(total('train') + total('test')) })}
          </button>
          <button type="button" ?disabled=${this.busy} @click=${this.cancel}>${t('confirm.cancel')}</button>
        </div>
      </section>
    `;
  }

  private get working(): boolean {
    return this.busy || this.reading;
  }

  /** A new folder or .zip: the summary of the previous one goes at once. */
  private pick(picked: PickedImport): Promise<void> {
    emit(this, 'sc-import-cancel', null);
    return this.prepare(picked);
  }

  /**
   * Reads the picked files afresh (the worker takes the buffers) and asks for a summary. A newer pick
   * or test fraction supersedes a read still under way, so its summary can never arrive late.
   */
  private async prepare(picked: PickedImport): Promise<void> {
    this.picked = picked;
    const current = this.reads.begin();
    this.reading = true;
    try {
      const source = await toImportSource(picked);
      if (current()) emit(this, 'sc-import-prepare', { source, testFraction: this.testFraction });
    } catch (error) {
      if (current()) emit(this, 'sc-import-error', `${picked.name}: ${messageOf(error)}`);
    } finally {
      if (current()) this.reading = false;
    }
  }

  private async chooseFolder(): Promise<void> {
    const picker = directoryPicker();
    if (!picker) return this.folderInput.click();
    try {
      const directory = await picker();
      await this.pick({ kind: 'files', name: directory.name, files: await fromDirectoryHandle(directory) });
    } catch (error) {
      // Closing the picker without choosing is not an error.
      if ((error as DOMException).name !== 'AbortError') emit(this, 'sc-import-error', messageOf(error));
    }
  }

  private onFolderChosen(event: Event): void {
    const input = event.target as HTMLInputElement;
    const picked = input.files && fromFileList(input.files);
    if (picked) void this.pick(picked);
    input.value = '';
  }

  private onZipChosen(event: Event): void {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    if (file) void this.pick({ kind: 'zip', name: file.name, file });
    input.value = '';
  }

  private onFraction(event: Event): void {
    this.testFraction = Number((event.target as HTMLInputElement).value);
    if (this.picked) void this.prepare(this.picked);
  }

  private cancel(): void {
    this.picked = undefined;
    this.reads.cancel();
    this.reading = false;
    emit(this, 'sc-import-cancel', null);
  }

  /** A dropped folder is read recursively; a dropped .zip as it is. Entries must be taken during the event. */
  private async onDrop(data: DataTransfer): Promise<void> {
    const entries = [...data.items].map((item) => item.webkitGetAsEntry()).filter((e) => e !== null);
    const zip = data.files[0];
    if (entries.length === 1 && entries[0]!.isFile && zip && /\.zip$/i.test(zip.name))
      return this.pick({ kind: 'zip', name: zip.name, file: zip });
    const single = entries.length === 1 && entries[0]!.isDirectory ? entries[0]! : undefined;
    const name = single?.name ?? t('import.dropped');
    try {
      const files = (
        await Promise.all(entries.map((entry) => fromEntry(entry, single ? `${single.fullPath}/` : '/')))
      ).flat();
      await this.pick({ kind: 'files', name, files });
    } catch (error) {
      emit(this, 'sc-import-error', `${name}: ${messageOf(error)}`);
    }
  }
}
