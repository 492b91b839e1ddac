import { html, type PropertyValues } from 'lit';
import { FileDropController } from '../../files/drop-controller';
import { LocalizedElement } from '../../i18n/localized-element';
import { property, query, state } from 'lit/decorators.js';
import type { EncodedImage, ImageInput, SampleSplit } from '../../../shared/api';
import type { Problem } from '../../../shared/problems';
import { emit } from '../../events';
import { folderLabel, formatNumber } from '../../format';
import { t } from '../../i18n/i18n';
import { PasteController } from '../../images/paste-controller';
import { toEncodedInput } from '../../images/read-image';
import { sharedStyles } from '../../styles/shared.styles';
import '../camera-capture/camera-capture';
import '../draw-pad/draw-pad';
import '../refused-list/refused-list';
import type { DrawPad } from '../draw-pad/draw-pad';
import '../split-picker/split-picker';
import type { SplitPicker } from '../split-picker/split-picker';
import { styles } from './sample-capture.styles';

/** What was added last, kept as data so the notice follows a change of language. */
export interface AddedNotice {
  count: number;
  className: string;
  split: SampleSplit;
  /** The files that were not added, each with its reason. */
  refused: Problem[];
}

/**
 * A file name from the moment a sample was added, e.g. drawing-2026-11-27T10-00-00.png: it names
 * the image in exported zips, which a re-import reads by its extension.
 */
const stampedName = (kind: string, type = 'image/png') =>
  `${kind}-${new Date().toISOString().slice(0, 19).replace(/:/g, '-')}.${type === 'image/jpeg' ? 'jpg' : 'png'}`;

/**
 * Adds samples to the person's dataset: a drawing (mouse, pen or touch), or image files chosen,
 * dropped or pasted; each goes to the chosen class and to training or testing.
 *
 * @fires sc-add-samples - New samples; their buffers are fresh copies the worker may take.
 */
export class SampleCapture extends LocalizedElement {
  static override styles = [sharedStyles, styles];

  /** The classes a sample can go to: the person's own and, if included, the starter set's. */
  @property({ attribute: false }) classes: string[] = [];

  /** The samples added last, to confirm it. */
  @property({ attribute: false }) added?: AddedNotice;

  @state() private target = '';
  @state() private split: SampleSplit = 'train';
  @state() private drawing: ImageData | null = null;
  private readonly drops = new FileDropController(
    this,
    (data) => void this.addFiles([...data.files].map((file) => ({ blob: file, name: file.name }))),
  );
  @query('sc-draw-pad') private pad!: DrawPad;
  @query('input[type=file]') private fileInput!: HTMLInputElement;

  constructor() {
    super();
    // Pasted images are added to the chosen class while this panel is on screen.
    new PasteController(
      this,
      (type) => stampedName('pasted', type),
      (images) => void this.addFiles(images),
    );
  }

  override willUpdate(changed: PropertyValues<this>): void {
    // Keep the chosen class while it exists; otherwise fall back to the first one.
    if (changed.has('classes') && !this.classes.includes(this.target)) this.target = this.classes[0] ?? '';
  }

  override render() {
    const ready = !!this.target;
    return html`
      <h2>${t('capture.title')}</h2>
      <p class="muted">${t('capture.intro')}</p>
      <div class="target">
        <div class="field">
          <label for="class">${t('capture.class')}</label>
          <select id="class" ?disabled=${!ready}
            @change=${(e: Event) => (this.target = (e.target as HTMLSelectElement).value)}>
            ${this.classes.map(
              (name) => html`<option value=${name} ?selected=${name === this.target}>${folderLabel(name)}</option>`,
            )}
          </select>
        </div>
        <sc-split-picker .label=${t('capture.split')} .splits=${['train', 'test']} .value=${this.split}
          @change=${(e: Event) => (this.split = (e.target as SplitPicker).value as SampleSplit)}></sc-split-picker>
      </div>
      ${ready ? '' : html`<p class="note">${t('capture.noClass')}</p>`}
      <div class="layout">
        <section aria-labelledby="draw-heading">
          <h3 id="draw-heading">${t('capture.draw')}</h3>
          <sc-draw-pad .label=${t('capture.pad')} @sc-drawing=${this.onDrawing}></sc-draw-pad>
          <button type="button" class="primary add" ?disabled=${!ready || !this.drawing}
            @click=${this.addDrawing}>${t('capture.addDrawing')}</button>
        </section>
        <section aria-labelledby="files-heading">
          <h3 id="files-heading">${t('capture.files')}</h3>
          <div class="drop ${this.drops.dragging ? 'dragging' : ''}">
            <p>${t('capture.drop')}</p>
            <button type="button" ?disabled=${!ready}
              @click=${() => this.fileInput.click()}>${t('capture.choose')}</button>
            <input type="file" accept="image/png,image/jpeg" multiple hidden @change=${this.onFilesChosen} />
          </div>
          <sc-camera-capture .action=${t('camera.addSample')} ?hidden=${!ready}
            @sc-photo=${(e: CustomEvent<EncodedImage>) => this.add([e.detail])}></sc-camera-capture>
        </section>
      </div>
      <div role="status" class="added">${this.renderAdded()}${this.renderRefused()}</div>
    `;
  }

  private renderAdded() {
    const added = this.added;
    if (!added?.count) return '';
    const params = {
      count: formatNumber(added.count),
      name: folderLabel(added.className),
      split: t(`split.${added.split}`),
    };
    return t('capture.added', params);
  }

  private renderRefused() {
    const refused = this.added?.refused ?? [];
    return refused.length ? html`<sc-refused-list .problems=${refused}></sc-refused-list>` : '';
  }

  private onDrawing(event: CustomEvent<ImageData | null>): void {
    event.stopPropagation();
    this.drawing = event.detail;
  }

  private addDrawing(): void {
    const pixels = this.drawing;
    if (!pixels) return;
    this.add([
      {
        kind: 'pixels',
        name: stampedName('drawing'),
        width: pixels.width,
        height: pixels.height,
        rgba: pixels.data.slice().buffer,
      },
    ]);
    this.pad.clear();
  }

  private async addFiles(files: { blob: Blob; name: string }[]): Promise<void> {
    if (!files.length || !this.target) return;
    this.add(await Promise.all(files.map((f) => toEncodedInput(f.blob, f.name))));
  }

  private add(images: ImageInput[]): void {
    emit(
      this,
      'sc-add-samples',
      images.map((image) => ({ image, className: this.target, split: this.split })),
    );
  }

  private onFilesChosen(event: Event): void {
    const input = event.target as HTMLInputElement;
    void this.addFiles([...(input.files ?? [])].map((file) => ({ blob: file, name: file.name })));
    input.value = '';
  }
}
