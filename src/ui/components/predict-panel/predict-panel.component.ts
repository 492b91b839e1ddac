import { html, type PropertyValues } from 'lit';
import { FileDropController } from '../../files/drop-controller';
import { LocalizedElement } from '../../i18n/localized-element';
import { property, query, state } from 'lit/decorators.js';
import type { EncodedImage, ImageInput, ShownPrediction } from '../../../shared/api';
import { emit } from '../../events';
import { messageOf } from '../../format';
import { t } from '../../i18n/i18n';
import { PasteController } from '../../images/paste-controller';
import { LatestRequest } from '../../latest';
import { toEncodedInput } from '../../images/read-image';
import { classOfPath, fetchTestImages } from '../../images/test-images';
import { sharedStyles } from '../../styles/shared.styles';
import '../camera-capture/camera-capture';
import '../draw-pad/draw-pad';
import '../model-input/model-input';
import type { DrawPad } from '../draw-pad/draw-pad.component';
import '../prediction-grid/prediction-grid';
import type { BatchAnswer, BatchItem } from '../prediction-grid/prediction-grid.component';
import '../probability-bars/probability-bars';
import { styles } from './predict-panel.styles';

/**
 * What is being classified: the drawing, an image from a file, the clipboard or the dataset (a
 * test image knows its class), or several images at once.
 */
type Source =
  | { kind: 'drawing'; pixels: ImageData }
  | { kind: 'image'; name: string; blob: Blob; expected?: string }
  | { kind: 'batch'; items: BatchItem[]; files: Blob[] };

/** How many test images "Try several" classifies together. */
const TEST_BATCH = 8;

/**
 * Classifies a drawing, a dropped, pasted or chosen image, or several at once, with the answer
 * directly under the pad (a phone keeps both in view): the probabilities per class and the 24 × 24
 * input the model saw; the ways to bring an image come after.
 *
 * @fires sc-predict - An input is ready to classify; its buffer is a fresh copy the worker may take.
 * @fires sc-predict-batch - Several images to classify together (dropped or chosen at once).
 * @fires sc-predict-clear - The drawing was cleared: there is nothing to classify.
 * @fires sc-image-error - A dataset image could not be fetched; detail is the message naming it.
 */
export class PredictPanel extends LocalizedElement {
  static override styles = [sharedStyles, styles];

  /** True when a trained model is loaded; until then inputs are previewed but not classified. */
  @property({ type: Boolean }) hasModel = false;

  /** True while training holds the worker: classification waits, then uses the new model. */
  @property({ type: Boolean }) paused = false;

  /** Class names in output-index order. */
  @property({ attribute: false }) classes: string[] = [];

  /** The latest prediction for the current input. */
  @property({ attribute: false }) prediction?: ShownPrediction;

  /** The answers for the latest batch of several images, in their order. */
  @property({ attribute: false }) batch?: BatchAnswer[];

  /** Dataset image paths offered by "Try a test image". */
  @property({ attribute: false }) samples: string[] = [];

  @state() private source?: Source;
  @query('input[type=file]') private fileInput!: HTMLInputElement;
  @query('sc-draw-pad') private pad?: DrawPad;
  /** Reading an image takes a moment: a newer image or drawing supersedes it. */
  private readonly reads = new LatestRequest();
  private readonly drops = new FileDropController(this, (data) => void this.useFiles([...data.files]));

  constructor() {
    super();
    // Pasting an image anywhere on the page classifies it, while this panel is on screen.
    new PasteController(
      this,
      () => t('predict.pasted'),
      ([image]) => void this.useImage(image!.blob, image!.name),
    );
  }

  override render() {
    const source = this.source;
    const shown = this.hasModel ? this.prediction : undefined;
    return html`
      <h2>${t('predict.title')}</h2>
      ${this.renderNote()}
      <div class="layout">
        <section class="draw" aria-labelledby="draw-heading">
          <h3 id="draw-heading">${t('predict.draw')}</h3>
          <sc-draw-pad live @sc-drawing=${this.onDrawing}></sc-draw-pad>
        </section>
        <section class="answer" aria-labelledby="result-heading">
          <h3 id="result-heading">${t('predict.result')}</h3>
          ${
            source?.kind === 'batch'
              ? html`<sc-prediction-grid .items=${source.items} .classes=${this.classes}
                  .predictions=${this.hasModel ? this.batch : undefined}></sc-prediction-grid>`
              : html`<sc-probability-bars .classes=${this.classes} .prediction=${shown}></sc-probability-bars>
                  <sc-model-input ?hidden=${!source || !shown} .input=${shown?.input} .answer=${shown?.label}
                    .source=${source?.kind === 'image' ? source.name : t('predict.drawing')}
                    .expected=${source?.kind === 'image' ? source.expected : undefined}></sc-model-input>`
          }
        </section>
        <section class="image" aria-labelledby="image-heading">
          <h3 id="image-heading">${t('predict.or')}</h3>
          <div class="drop ${this.drops.dragging ? 'dragging' : ''}">
            <p>${t('predict.drop')}</p>
            <div class="row">
              <button type="button" @click=${() => this.fileInput.click()}>${t('predict.choose')}</button>
              <button type="button" ?disabled=${!this.samples.length}
                @click=${this.onSample}>${t('predict.sample')}</button>
              <button type="button" ?disabled=${!this.samples.length}
                @click=${this.onSamples}>${t('predict.samples', { count: TEST_BATCH })}</button>
            </div>
            <input type="file" accept="image/png,image/jpeg" multiple hidden @change=${this.onFileChosen} />
          </div>
          <sc-camera-capture .action=${t('camera.classify')} @sc-photo=${this.onPhoto}></sc-camera-capture>
        </section>
      </div>
    `;
  }

  private renderNote() {
    if (!this.hasModel) return html`<p class="note">${t('predict.noModel')}</p>`;
    if (this.paused) return html`<p class="note">${t('predict.paused')}</p>`;
    return '';
  }

  protected override updated(changed: PropertyValues): void {
    // A model that arrives, or training that ends, classifies what is already on screen.
    if ((changed.has('hasModel') || changed.has('paused')) && this.source) void this.classify();
  }

  private onDrawing(event: CustomEvent<ImageData | null>): void {
    event.stopPropagation();
    if (!event.detail) {
      if (this.source?.kind === 'drawing') {
        this.show(undefined);
        emit(this, 'sc-predict-clear', null);
      }
      return;
    }
    // The pad reports at most once a frame while drawing; the app sends only the newest to the worker.
    this.show({ kind: 'drawing', pixels: event.detail });
    void this.classify();
  }

  private async classify(): Promise<void> {
    const source = this.source;
    if (!this.hasModel || this.paused || !source) return;
    if (source.kind === 'batch') return this.classifyBatch(source);
    const current = this.reads.begin();
    const input: ImageInput =
      source.kind === 'drawing'
        ? {
            kind: 'pixels',
            name: t('predict.drawing'),
            width: source.pixels.width,
            height: source.pixels.height,
            rgba: source.pixels.data.slice().buffer,
          }
        : await toEncodedInput(source.blob, source.name);
    if (current()) emit(this, 'sc-predict', input);
  }

  private async classifyBatch({ items, files }: { items: BatchItem[]; files: Blob[] }): Promise<void> {
    const current = this.reads.begin();
    const inputs = await Promise.all(items.map((item, i) => toEncodedInput(files[i]!, item.name)));
    if (current()) emit(this, 'sc-predict-batch', inputs);
  }

  private show(source: Source | undefined): void {
    this.reads.cancel();
    this.source = source;
    // An image replaces the drawing: the pad would otherwise disagree with the answer beside it.
    if (source && source.kind !== 'drawing') this.pad?.clear();
  }

  private async useImage(blob: Blob, name: string, expected?: string): Promise<void> {
    this.show({ kind: 'image', name, blob, expected });
    await this.classify();
  }

  /** One file is classified as an image; several together, as a batch shown in a grid. */
  private async useFiles(files: File[], expected: (string | undefined)[] = []): Promise<void> {
    if (files.length === 1) return this.useImage(files[0]!, files[0]!.name, expected[0]);
    if (!files.length) return;
    const items = files.map((file, i) => ({ name: file.name, expected: expected[i] }));
    this.show({ kind: 'batch', items, files });
    await this.classify();
  }

  private onPhoto(event: CustomEvent<EncodedImage>): void {
    event.stopPropagation();
    void this.useImage(new Blob([event.detail.bytes], { type: 'image/jpeg' }), event.detail.name);
  }

  private onFileChosen(event: Event): void {
    const input = event.target as HTMLInputElement;
    void this.useFiles([...(input.files ?? [])]);
    input.value = '';
  }

  private async onSample(): Promise<void> {
    const [file] = await this.testImages(1);
    if (file) await this.useImage(file, file.name, classOfPath(file.name, this.classes));
  }

  /** Several test images at once, each with its class, so the grid counts the right answers. */
  private async onSamples(): Promise<void> {
    const files = await this.testImages(TEST_BATCH);
    if (files.length)
      await this.useFiles(
        files,
        files.map((file) => classOfPath(file.name, this.classes)),
      );
  }

  private async testImages(count: number): Promise<File[]> {
    try {
      return await fetchTestImages(this.samples, count);
    } catch (error) {
      emit(this, 'sc-image-error', messageOf(error));
      return [];
    }
  }
}
