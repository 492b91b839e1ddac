import { html } from 'lit';
import { LocalizedElement } from '../../i18n/localized-element';
import { property, query, state } from 'lit/decorators.js';
import { MODEL_FORMATS, type ModelFormat, type SavedModelInfo } from '../../../shared/api';
import { presetOf } from '../../augment-presets';
import { emit } from '../../events';
import { classLabel, formatDate, formatNumber, formatPercent, modelName } from '../../format';
import { t } from '../../i18n/i18n';
import { sharedStyles } from '../../styles/shared.styles';
import { factListStyles } from '../../styles/table.styles';
import '../confirm-dialog/confirm-dialog';
import type { ConfirmDialog } from '../confirm-dialog/confirm-dialog';
import '../line-chart/line-chart';
import { styles } from './model-details.styles';

/**
 * One saved model: what it was trained on and how, its training curves as they were recorded,
 * and what can be done with it.
 *
 * @fires sc-use-model - Predict with this model from now on.
 * @fires sc-rename-model - The model was given a new name.
 * @fires sc-export-model - Download this model in the chosen format.
 * @fires sc-delete-model - Deletion of this model was confirmed.
 */
export class ModelDetails extends LocalizedElement {
  static override styles = [sharedStyles, factListStyles, styles];

  /** The model to show. */
  @property({ attribute: false }) model?: SavedModelInfo;

  /** True when this is the model the app predicts with. */
  @property({ type: Boolean }) current = false;

  /** True while training or another model operation holds the worker. */
  @property({ type: Boolean }) busy = false;

  @state() private format: ModelFormat = 'zip';
  @query('sc-confirm-dialog') private confirm!: ConfirmDialog;

  override render() {
    const model = this.model;
    if (!model) return '';
    const { metadata } = model;
    const { settings, history } = metadata;
    const evaluation = metadata.evaluation;
    const epochs = history[0]?.epochs ?? settings.epochs;
    const settingsValue = {
      epochs: history.length,
      planned: settings.epochs,
      batch: settings.batchSize,
      rate: settings.learningRate,
      seed: settings.seed,
    };
    const percent = (v: number) => formatPercent(v, 0);
    return html`
      <section aria-labelledby="details-title">
        <h3 id="details-title">${t('models.details', { name: modelName(model) })}</h3>
        <dl>
          <dt>${t('models.col.date')}</dt>
          <dd>${t('models.trained', {
            date: formatDate(metadata.date),
            backend: t(`backend.${metadata.backend}`),
          })}</dd>
          <dt>${t('models.col.classes')}</dt>
          <dd>${metadata.classNames.map(classLabel).join(', ')}</dd>
          <dt>${t('models.settings')}</dt>
          <dd>${t('models.settingsValue', settingsValue)}</dd>
          <dt>${t('models.col.augment')}</dt>
          <dd>${t(`augment.${presetOf(settings.augment)}`)}</dd>
          <dt>${t('models.col.accuracy')}</dt>
          <dd>
            ${
              evaluation
                ? t('models.accuracyValue', {
                    accuracy: formatPercent(evaluation.accuracy),
                    count: formatNumber(evaluation.count),
                  })
                : '–'
            }
          </dd>
        </dl>
        <form class="row rename" @submit=${this.onRename}>
          <label for="name">${t('models.name')}</label>
          <input id="name" name="name" required maxlength="100" autocomplete="off" .value=${model.name}
            placeholder=${modelName(model)} ?disabled=${this.busy} />
          <button type="submit" ?disabled=${this.busy}>${t('models.rename')}</button>
        </form>
        <div class="row actions">
          <button type="button" class="primary" ?disabled=${this.current || this.busy}
            @click=${() => emit(this, 'sc-use-model', model.id)}>
            ${t(this.current ? 'models.inUse' : 'models.use')}
          </button>
          <button type="button" class="danger" ?disabled=${this.busy}
            @click=${this.onDelete}>${t('models.delete')}</button>
        </div>
        <div class="row actions">
          <label for="format">${t('models.format')}</label>
          <select id="format" ?disabled=${this.busy}
            @change=${(e: Event) => (this.format = (e.target as HTMLSelectElement).value as ModelFormat)}>
            ${MODEL_FORMATS.map(
              (f) => html`<option value=${f} ?selected=${f === this.format}>${t(`models.format.${f}`)}</option>`,
            )}
          </select>
          <button type="button" ?disabled=${this.busy}
            @click=${() => emit(this, 'sc-export-model', { id: model.id, format: this.format })}>
            ${t('models.export')}
          </button>
        </div>
        <div class="charts">
          <sc-line-chart .heading=${t('chart.loss')} .epochs=${epochs}
            .format=${(v: number) => formatNumber(v, { maximumFractionDigits: 2 })}
            .series=${[
              { label: t('chart.train'), kind: 'train', values: history.map((h) => h.loss) },
              { label: t('chart.validation'), kind: 'validation', values: history.flatMap((h) => h.valLoss ?? []) },
            ]}></sc-line-chart>
          <sc-line-chart .heading=${t('chart.accuracy')} .epochs=${epochs} .max=${1} .format=${percent}
            .series=${[
              { label: t('chart.train'), kind: 'train', values: history.map((h) => h.acc) },
              { label: t('chart.validation'), kind: 'validation', values: history.flatMap((h) => h.valAcc ?? []) },
            ]}></sc-line-chart>
        </div>
      </section>
      <sc-confirm-dialog></sc-confirm-dialog>
    `;
  }

  private onRename(event: SubmitEvent): void {
    event.preventDefault();
    const name = (new FormData(event.target as HTMLFormElement).get('name') as string).trim();
    if (this.model && name && name !== this.model.name) emit(this, 'sc-rename-model', { id: this.model.id, name });
  }

  private async onDelete(): Promise<void> {
    const model = this.model;
    if (!model) return;
    const body = t(this.current ? 'models.deleteCurrent' : 'models.deleteBody');
    if (
      await this.confirm.ask({
        title: t('models.deleteTitle', { name: modelName(model) }),
        body,
        confirm: t('models.delete'),
      })
    ) {
      emit(this, 'sc-delete-model', model.id);
    }
  }
}
