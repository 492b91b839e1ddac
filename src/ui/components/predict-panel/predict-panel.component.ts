import { html, type PropertyValues } from 'lit';
import { FileDropController } from '../../files/drop-controller';
import { LocalizedElement } from '../../i18n/localized-element';
import { property, query, state } from 'lit/decorators.js';
import { type EncodedImage, INPUT_SIZE, type ImageInput, type ShownPrediction } from '../../../shared/api';
import { datasetImageUrl } from '../../dataset-url';
import { emit } from '../../events';
import { messageOf } from '../../format';
import { t } from '../../i18n/i18n';
import { PasteController } from '../../images/paste-controller';
import { LatestRequest } from '../../latest';
import { toEncodedInput } from '../../images/read-image';
import { sharedStyles } from '../../styles/shared.styles';
import '../camera-capture/camera-capture';
import '../draw-pad/draw-pad';
import '../probability-bars/probability-bars';
import { styles } from './predict-panel.styles';

/** What is being classified: the drawing, or an image from a file, the clipboard or the dataset. */
type Source = { kind: 'drawing'; pixels: ImageData } | { kind: 'image'; name: string; blob: Blob };

/**
 * Classifies a drawing or a dropped, pasted or chosen image, shows the 24 × 24 input the model
 * saw (the worker sends it with the prediction), and the probabilities per class.
 *
 * @fires sc-predict - An input is ready to classify; its buffer is a fresh copy the worker may take.
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

  /** Dataset image paths offered by "Try a test image". */
  @property({ attribute: false }) samples: string[] = [];

  @state() private source?: Source;
  @query('.sees canvas') private previewCanvas?: HTMLCanvasElement;
  @query('input[type=file]') private fileInput!: HTMLInputElement;
  /** Reading an image takes a moment: a newer image or drawing supersedes it. */
  private readonly reads = new LatestRequest();
  private readonly drops = new FileDropController(this, (data) => {
    const file = data.files[0];
    if (file) void this.useImage(file, file.name);
  });

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
    const name = this.source?.kind === 'image' ? this.source.name : t('predict.drawing');
    const shown = this.hasModel ? this.prediction : undefined;
    return html`
      <h2>${t('predict.title')}</h2>
      ${this.renderNote()}
      <div class="layout">
        <section aria-labelledby="draw-heading">
          <h3 id="draw-heading">${t('predict.draw')}</h3>
          <sc-draw-pad live @sc-drawing=${this.onDrawing}></sc-draw-pad>
        </section>
        <section aria-labelledby="image-heading">
          <h3 id="image-heading">${t('predict.or')}</h3>
          <div class="drop ${this.drops.dragging ? 'dragging' : ''}">
            <p>${t('predict.drop')}</p>
            <div class="row">
              <button type="button" @click=${() => this.fileInput.click()}>${t('predict.choose')}</button>
              <button type="button" ?disabled=${!this.samples.length}
                @click=${this.onSample}>${t('predict.sample')}</button>
            </div>
            <input type="file" accept="image/png,image/jpeg" hidden @change=${this.onFileChosen} />
          </div>
          <sc-camera-capture .action=${t('camera.classify')} @sc-photo=${this.onPhoto}></sc-camera-capture>
          <div class="sees" ?hidden=${!this.source || !shown}>
            <h3>${t('predict.sees')}</h3>
            <canvas width=${INPUT_SIZE[1]} height=${INPUT_SIZE[0]} role="img"
              aria-label=${t('predict.seesAlt', { size: `${INPUT_SIZE[1]} × ${INPUT_SIZE[0]}` })}></canvas>
            <p class="muted source">${t('predict.source', { name })}</p>
          </div>
        </section>
      </div>
      <h3>${t('predict.result')}</h3>
      <sc-probability-bars .classes=${this.classes} .prediction=${shown}></sc-probability-bars>
    `;
  }

  private renderNote() {
    if (!this.hasModel) return html`<p class="note">${t('predict.noModel')}</p>`;
    if (this.paused) return html`<p class="note">${t('predict.paused')}</p>`;
    return '';
  }

  protected override updated(changed: PropertyValues): void {
    const input = this.prediction?.input;
    if (changed.has('prediction') && input && this.previewCanvas) {
      const pixels = new ImageData(new Uint8ClampedArray(input.rgba), input.width, input.height);
      this.previewCanvas.getContext('2d')!.putImageData(pixels, 0, 0);
    }
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

  private show(source: Source | undefined): void {
    this.reads.cancel();
    this.source = source;
  }

  private async useImage(blob: Blob, name: string): Promise<void> {
    this.show({ kind: 'image', name, blob });
    await this.classify();
  }

  private onPhoto(event: CustomEvent<EncodedImage>): void {
    event.stopPropagation();
    void this.useImage(new Blob([event.detail.bytes], { type: 'image/jpeg' }), event.detail.name);
  }

  private onFileChosen(event: Event): void {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    if (file) void this.useImage(file, file.name);
    input.value = '';
  }

  private async onSample(): Promise<void> {
    const path = this.samples[Math.floor(Math.random() * this.samples.length)]!;
    try {
      const response = await fetch(datasetImageUrl(path));
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      await this.useImage(await response.blob(), path);
    } catch (error) {
      emit(this, 'sc-image-error', `${path}: ${messageOf(error)}`);
    }
  }
}
