import { html, type PropertyValues } from 'lit';
import { LocalizedElement } from '../../i18n/localized-element';
import { property, query, state } from 'lit/decorators.js';
import type { ModelList, ModelMetadata, SavedModelInfo } from '../../../shared/api';
import { presetOf } from '../../augment-presets';
import { emit } from '../../events';
import { classLabel, formatDate, formatLoss, formatNumber, formatPercent, modelName } from '../../format';
import { t } from '../../i18n/i18n';
import { sharedStyles } from '../../styles/shared.styles';
import { tableStyles } from '../../styles/table.styles';
import '../class-names-dialog/class-names-dialog';
import type { ClassNamesRequest } from '../class-names-dialog/class-names-dialog.component';
import '../model-details/model-details';
import { styles } from './model-library.styles';

/** What a model operation under way is doing, for the status line. */
export type ModelActivity = 'importing' | 'exporting';

/**
 * The models saved on this device, side by side: name, date, classes, epochs, augmentation,
 * backend, test accuracy and final loss. One is selected for its details; a model .zip or a Keras
 * .keras/.h5 can be imported, and a Keras file without class names has them asked for.
 *
 * @fires sc-import-model - A model file was chosen; its bytes are a fresh buffer the worker may take.
 */
export class ModelLibrary extends LocalizedElement {
  static override styles = [sharedStyles, tableStyles, styles];

  /** The saved models, newest first, and the current one. */
  @property({ attribute: false }) list: ModelList = { models: [], current: null };

  /** True while training or another model operation holds the worker. */
  @property({ type: Boolean }) busy = false;

  @property({ attribute: false }) activity?: ModelActivity;

  /** A Keras file being imported needs its class names: the question is open while set. */
  @property({ attribute: false }) classRequest?: ClassNamesRequest;

  /** The dataset's classes, offered as those names when there are as many. */
  @property({ attribute: false }) classes: string[] = [];

  @state() private selected?: string;
  @query('input[type=file]') private fileInput!: HTMLInputElement;

  override willUpdate(changed: PropertyValues<this>): void {
    // A new current model (trained, imported or chosen) is shown; a deleted one gives way to it.
    const current = changed.get('list')?.current;
    const gone = !this.list.models.some((m) => m.id === this.selected);
    if (changed.has('list') && (gone || current !== this.list.current))
      this.selected = this.list.current ?? this.list.models[0]?.id;
  }

  override render() {
    const { models, current } = this.list;
    const selected = models.find((m) => m.id === this.selected);
    return html`
      <h2>${t('models.title')}</h2>
      <div class="row import">
        <button type="button" ?disabled=${this.busy}
          @click=${() => this.fileInput.click()}>${t('models.import')}</button>
        <input type="file" accept=".zip,.keras,.h5,.hdf5,application/zip" hidden @change=${this.onFileChosen} />
      </div>
      <p class="muted">${t('models.importHint')}</p>
      <p role="status">${this.activity ? t(`models.${this.activity}`) : ''}</p>
      ${
        models.length
          ? html`<div class="table-wrap" tabindex="0" role="region"
              aria-labelledby="caption">${this.renderTable(models, current)}</div>`
          : html`<p class="muted">${t('models.none')}</p>`
      }
      ${
        selected
          ? html`<sc-model-details .model=${selected} .current=${selected.id === current}
              .busy=${this.busy}></sc-model-details>`
          : ''
      }
      <sc-class-names-dialog .request=${this.classRequest} .suggestions=${this.suggestions()}></sc-class-names-dialog>
    `;
  }

  /** The dataset's classes, else the model in use's, when there are as many as the Keras file's outputs. */
  private suggestions(): string[] {
    const count = this.classRequest?.count;
    const inUse = this.list.models.find((m) => m.id === this.list.current)?.metadata.classNames;
    return [this.classes, inUse ?? []].find((names) => names.length === count) ?? [];
  }

  private renderTable(models: SavedModelInfo[], current: string | null) {
    return html`
      <table>
        <caption id="caption">${t('models.compare', { count: formatNumber(models.length) })}</caption>
        <thead>
          <tr>
            ${(
              ['name', 'accuracy', 'hard', 'data', 'date', 'classes', 'epochs', 'augment', 'backend', 'loss'] as const
            ).map((column) => html`<th scope="col">${t(`models.col.${column}`)}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${models.map((model) => {
            const { metadata } = model;
            const accuracy = metadata.evaluation?.accuracy;
            const last = metadata.history.at(-1);
            return html`
              <tr class=${model.id === this.selected ? 'marked' : ''}>
                <th scope="row">
                  <button type="button" class="name" aria-pressed=${model.id === this.selected ? 'true' : 'false'}
                    @click=${() => (this.selected = model.id)}>${modelName(model)}</button>
                  ${model.id === current ? html`<span class="badge">${t('models.inUse')}</span>` : ''}
                </th>
                <td class="num">${accuracy === undefined ? '–' : formatPercent(accuracy)}</td>
                <td class="num">${metadata.hardAccuracy === undefined ? '–' : formatPercent(metadata.hardAccuracy)}</td>
                <td class="data">${dataText(metadata)}</td>
                <td>${formatDate(metadata.date)}</td>
                <td class="classes">${metadata.classNames.map(classLabel).join(', ')}</td>
                <td class="num">${formatNumber(metadata.history.length)}</td>
                <td>${metadata.settings.redraw ? t('models.redrawn') : t(`augment.${presetOf(metadata.settings.augment)}`)}</td>
                <td>${t(`backend.${metadata.backend}`)}</td>
                <td class="num">${last ? formatLoss(last.loss) : '–'}</td>
              </tr>
            `;
          })}
        </tbody>
      </table>
    `;
  }

  private async onFileChosen(event: Event): Promise<void> {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (file) emit(this, 'sc-import-model', { name: file.name, bytes: await file.arrayBuffer() });
  }
}

/** The images behind a model's scores: "1,770 train · 105 test · starter set", or unknown (imported, older). */
function dataText({ data }: ModelMetadata): string {
  if (!data) return t('models.dataUnknown');
  const counts = t('models.dataCounts', { train: formatNumber(data.train), test: formatNumber(data.test) });
  const from = data.bundled
    ? data.own
      ? t('models.dataBundledOwn', { set: t(`models.set.${data.bundled}`), own: formatNumber(data.own) })
      : t(`models.set.${data.bundled}`)
    : t('models.dataOwn');
  return `${counts} · ${from}`;
}
