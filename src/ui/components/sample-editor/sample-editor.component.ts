import { html, type PropertyValues } from 'lit';
import { LocalizedElement } from '../../i18n/localized-element';
import { property, query, state } from 'lit/decorators.js';
import type { SampleInfo, SampleSplit, UserDataset } from '../../../shared/api';
import { emit } from '../../events';
import { folderLabel, formatNumber } from '../../format';
import { t } from '../../i18n/i18n';
import type { SampleImages } from '../../sample-images';
import { sharedStyles } from '../../styles/shared.styles';
import '../confirm-dialog/confirm-dialog';
import type { ConfirmDialog } from '../confirm-dialog/confirm-dialog';
import { styles } from './sample-editor.styles';

/** Thumbnails shown per class before "Show all": a large import should not load thousands at once. */
const FIRST = 60;

/**
 * The person's own dataset: classes with their training and test counts (add, rename, remove),
 * and thumbnails of every sample, which can be selected to move to another class or split, or
 * to delete.
 *
 * @fires sc-add-class - A new class was named.
 * @fires sc-rename-class - A class was given a new name.
 * @fires sc-remove-class - Removal of a class and its samples was confirmed.
 * @fires sc-move-samples - The selected samples go to another class and/or split.
 * @fires sc-delete-samples - Deletion of the selected samples was confirmed.
 */
export class SampleEditor extends LocalizedElement {
  static override styles = [sharedStyles, styles];

  /** The person's dataset; undefined while it loads. */
  @property({ attribute: false }) userData?: UserDataset;

  /** Classes samples can move to: the person's own and, if included, the starter set's. */
  @property({ attribute: false }) classes: string[] = [];

  /** Thumbnails of the samples. */
  @property({ attribute: false }) images?: SampleImages;

  @state() private selected = new Set<string>();
  @state() private renaming?: string;
  @state() private expanded = new Set<string>();
  @query('sc-confirm-dialog') private confirm!: ConfirmDialog;

  override willUpdate(changed: PropertyValues): void {
    // Deleted or re-imported samples leave the selection.
    if (changed.has('userData') && this.userData) {
      const ids = new Set(this.userData.samples.map((s) => s.id));
      this.selected = new Set([...this.selected].filter((id) => ids.has(id)));
    }
  }

  override render() {
    const dataset = this.userData;
    return html`
      <h2>${t('editor.title')}</h2>
      <p class="muted">${dataset ? this.summary(dataset) : t('app.opening')}</p>
      <form class="row add-class" @submit=${this.onAddClass}>
        <label for="new-class">${t('editor.newClass')}</label>
        <input id="new-class" name="name" required maxlength="64" autocomplete="off" />
        <button type="submit">${t('editor.addClass')}</button>
      </form>
      ${this.renderSelection()}
      ${dataset?.classes.map((name, i) =>
        this.renderClass(
          name,
          i,
          dataset.samples.filter((s) => s.className === name),
        ),
      )}
      <sc-confirm-dialog></sc-confirm-dialog>
    `;
  }

  private summary({ classes, samples }: UserDataset): string {
    if (!classes.length) return t('editor.empty');
    return t('editor.summary', { samples: formatNumber(samples.length), classes: formatNumber(classes.length) });
  }

  private renderSelection() {
    if (!this.selected.size) return '';
    return html`
      <div class="selection" role="group" aria-label=${t('editor.selection')}>
        <strong>${t('editor.selected', { count: formatNumber(this.selected.size) })}</strong>
        <label for="move-class" class="visually-hidden">${t('editor.moveClass')}</label>
        <select id="move-class">
          <option value="">${t('editor.keepClass')}</option>
          ${this.classes.map((name) => html`<option value=${name}>${folderLabel(name)}</option>`)}
        </select>
        <label for="move-split" class="visually-hidden">${t('editor.moveSplit')}</label>
        <select id="move-split">
          <option value="">${t('editor.keepSplit')}</option>
          <option value="train">${t('split.train')}</option>
          <option value="test">${t('split.test')}</option>
        </select>
        <button type="button" @click=${this.onMove}>${t('editor.move')}</button>
        <button type="button" class="danger" @click=${this.onDelete}>${t('editor.delete')}</button>
        <button type="button" @click=${() => (this.selected = new Set())}>${t('editor.deselect')}</button>
      </div>
    `;
  }

  private renderClass(name: string, index: number, samples: SampleInfo[]) {
    const count = (split: SampleSplit) => formatNumber(samples.filter((s) => s.split === split).length);
    const ordered = [...samples.filter((s) => s.split === 'train'), ...samples.filter((s) => s.split === 'test')];
    const shown = this.expanded.has(name) ? ordered : ordered.slice(0, FIRST);
    return html`
      <section class="class" aria-labelledby="class-${index}"
        style="--class-color: var(--class-${name}, var(--accent))">
        <div class="head">
          <h3 id="class-${index}">${folderLabel(name)}</h3>
          <span class="count">${t('editor.counts', { train: count('train'), test: count('test') })}</span>
          <span class="row actions">
            <button type="button" @click=${() => (this.renaming = name)}>${t('editor.rename')}</button>
            <button type="button"
              @click=${() => this.onRemoveClass(name, samples.length)}>${t('editor.remove')}</button>
          </span>
        </div>
        ${this.renaming === name ? this.renderRename(name) : ''}
        ${samples.length ? '' : html`<p class="muted">${t('editor.noSamples')}</p>`}
        <ul class="thumbs">
          ${shown.map((sample) => this.renderSample(sample))}
        </ul>
        ${
          shown.length < ordered.length
            ? html`<button type="button" @click=${() => (this.expanded = new Set([...this.expanded, name]))}>
              ${t('editor.showAll', { count: formatNumber(ordered.length) })}</button>`
            : ''
        }
      </section>
    `;
  }

  private renderRename(name: string) {
    return html`
      <form class="row rename" @submit=${(e: SubmitEvent) => this.onRename(e, name)}>
        <label for="rename" class="visually-hidden">${t('editor.renameLabel', { name: folderLabel(name) })}</label>
        <input id="rename" name="name" required maxlength="64" autocomplete="off" .value=${name} />
        <button type="submit" class="primary">${t('editor.save')}</button>
        <button type="button" @click=${() => (this.renaming = undefined)}>${t('confirm.cancel')}</button>
      </form>
    `;
  }

  private renderSample(sample: SampleInfo) {
    return html`
      <li class="tile ${sample.split}">
        <input type="checkbox" id="s-${sample.id}" .checked=${this.selected.has(sample.id)}
          @change=${() => this.toggle(sample.id)} />
        <label for="s-${sample.id}">
          <img alt=${sample.name} data-sample=${sample.id} />
          ${sample.split === 'test' ? html`<span class="badge">${t('split.test')}</span>` : ''}
        </label>
      </li>
    `;
  }

  protected override updated(changed: PropertyValues): void {
    this.images?.show(this.renderRoot);
    if (changed.has('renaming') && this.renaming !== undefined)
      this.renderRoot.querySelector<HTMLInputElement>('#rename')?.select();
  }

  private toggle(id: string): void {
    const next = new Set(this.selected);
    if (!next.delete(id)) next.add(id);
    this.selected = next;
  }

  private onAddClass(event: SubmitEvent): void {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    emit(this, 'sc-add-class', new FormData(form).get('name') as string);
    form.reset();
  }

  private onRename(event: SubmitEvent, from: string): void {
    event.preventDefault();
    const to = new FormData(event.target as HTMLFormElement).get('name') as string;
    this.renaming = undefined;
    if (to !== from) emit(this, 'sc-rename-class', { from, to });
  }

  private async onRemoveClass(name: string, count: number): Promise<void> {
    const body = t('editor.removeBody', { name: folderLabel(name), count: formatNumber(count) });
    if (
      await this.confirm.ask({
        title: t('editor.removeTitle', { name: folderLabel(name) }),
        body,
        confirm: t('editor.remove'),
      })
    ) {
      emit(this, 'sc-remove-class', name);
    }
  }

  private onMove(): void {
    const className = this.renderRoot.querySelector<HTMLSelectElement>('#move-class')!.value;
    const split = this.renderRoot.querySelector<HTMLSelectElement>('#move-split')!.value as SampleSplit | '';
    if (!className && !split) return;
    emit(this, 'sc-move-samples', {
      ids: [...this.selected],
      ...(className ? { className } : {}),
      ...(split ? { split } : {}),
    });
    this.selected = new Set();
  }

  private async onDelete(): Promise<void> {
    const ids = [...this.selected];
    const count = formatNumber(ids.length);
    if (
      await this.confirm.ask({
        title: t('editor.deleteTitle', { count }),
        body: t('editor.deleteBody'),
        confirm: t('editor.delete'),
      })
    ) {
      emit(this, 'sc-delete-samples', ids);
      this.selected = new Set();
    }
  }
}
