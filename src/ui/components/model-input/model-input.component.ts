import { html, type PropertyValues } from 'lit';
import { LocalizedElement } from '../../i18n/localized-element';
import { property, query } from 'lit/decorators.js';
import { INPUT_SIZE, type PixelImage } from '../../../shared/api';
import { classLabel } from '../../format';
import { t } from '../../i18n/i18n';
import { imageCardStyles } from '../../styles/image-cards.styles';
import { sharedStyles } from '../../styles/shared.styles';
import { styles } from './model-input.styles';

/**
 * The image the model saw (the worker sends it with the prediction), what it came from and, for a
 * test image whose class is known, whether the answer was right, said in words.
 */
export class ModelInput extends LocalizedElement {
  static override styles = [sharedStyles, imageCardStyles, styles];

  /** The model's input, RGBA at the model's size. */
  @property({ attribute: false }) input?: PixelImage;

  /** What the input came from: a file name or "your drawing". */
  @property() source = '';

  /** The true class, when known (a test image), and the model's answer. */
  @property() expected?: string;
  @property() answer?: string;

  @query('canvas') private canvas!: HTMLCanvasElement;

  override render() {
    const right = this.answer === this.expected;
    return html`
      <canvas class="thumb" width=${INPUT_SIZE[1]} height=${INPUT_SIZE[0]} role="img"
        aria-label=${t('predict.seesAlt', { size: `${INPUT_SIZE[1]} × ${INPUT_SIZE[0]}` })}></canvas>
      <p class="muted">
        ${t('predict.sees')}<br /><span class="source">${t('predict.source', { name: this.source })}</span>
        ${
          this.expected && this.answer
            ? html`<br /><strong class=${right ? 'right' : 'wrong'}>${t(right ? 'predict.right' : 'predict.wrong', {
                truth: classLabel(this.expected),
              })}</strong>`
            : ''
        }
      </p>
    `;
  }

  protected override updated(changed: PropertyValues<this>): void {
    const input = this.input;
    if (changed.has('input') && input) {
      const pixels = new ImageData(new Uint8ClampedArray(input.rgba), input.width, input.height);
      this.canvas.getContext('2d')!.putImageData(pixels, 0, 0);
    }
  }
}
