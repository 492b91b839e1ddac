import { html, type PropertyValues } from 'lit';
import { LocalizedElement } from '../../i18n/localized-element';
import { property, queryAll, state } from 'lit/decorators.js';
import {
  AUGMENT_PRESETS,
  INPUT_SIZE,
  NO_AUGMENTATION,
  type AugmentOptions,
  type AugmentPreset,
  type PixelImage,
} from '../../../shared/api';
import { PRESETS, presetOf, zoomPair } from '../../augment-presets';
import { emit } from '../../events';
import { t } from '../../i18n/i18n';
import { sharedStyles } from '../../styles/shared.styles';
import { styles } from './augment-settings.styles';

/** The number fields, with Keras's argument names so the tutorial's code reads the same. */
const NUMBERS = [
  { key: 'rotationRange', keras: 'rotation_range', max: 180, step: '1' },
  { key: 'widthShiftRange', keras: 'width_shift_range', max: 1, step: '0.05' },
  { key: 'heightShiftRange', keras: 'height_shift_range', max: 1, step: '0.05' },
  { key: 'shearRange', keras: 'shear_range', max: 90, step: '1' },
] as const;
const FLIPS = [
  { key: 'horizontalFlip', keras: 'horizontal_flip' },
  { key: 'verticalFlip', keras: 'vertical_flip' },
] as const;
const FILL_MODES: AugmentOptions['fillMode'][] = ['constant', 'nearest', 'reflect', 'wrap'];
/** Waits out typing in a field before asking the worker for new previews. */
const PREVIEW_DEBOUNCE_MS = 300;

/**
 * Keras `ImageDataGenerator` options for the training images: a preset, every option in an
 * advanced area, and a grid of augmented training images as the model will see them.
 *
 * @fires change - The options changed; read `options`.
 * @fires sc-augment-preview - New previews are wanted for the current options.
 */
export class AugmentSettings extends LocalizedElement {
  static override styles = [sharedStyles, styles];

  /** The options in use ('none' is all zeros). */
  @property({ attribute: false }) options: AugmentOptions = NO_AUGMENTATION;

  /** Augmented images for the options, once asked for. */
  @property({ attribute: false }) previews: PixelImage[] = [];

  /** Locks the options, e.g. while training. */
  @property({ type: Boolean }) disabled = false;

  /** Training drawings are redrawn instead: the options stay visible but do not apply. */
  @property({ type: Boolean }) redrawing = false;

  @state() private seed = 1;
  @queryAll('.previews canvas') private canvases!: NodeListOf<HTMLCanvasElement>;
  private debounce?: ReturnType<typeof setTimeout>;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.debounce);
  }

  override render() {
    const preset = presetOf(this.options);
    const [zoomFrom, zoomTo] = zoomPair(this.options.zoomRange);
    // Keras fills with cval only in the 'constant' fill mode.
    const cvalOff = this.options.fillMode !== 'constant';
    return html`
      <fieldset ?disabled=${this.disabled || this.redrawing} @input=${this.onInput}>
        <legend>${t('augment.title')}</legend>
        ${this.redrawing ? html`<p class="muted">${t('augment.redrawing')}</p>` : ''}
        <div class="field">
          <label for="preset">${t('augment.preset')}</label>
          <select id="preset" name="preset" @change=${this.onPreset}>
            ${PRESETS.map(
              (name) => html`<option value=${name} ?selected=${name === preset}>${t(`augment.${name}`)}</option>`,
            )}
            ${preset === 'custom' ? html`<option value="custom" selected disabled>${t('augment.custom')}</option>` : ''}
          </select>
        </div>
        <details>
          <summary>${t('augment.advanced')}</summary>
          <div class="grid">
            ${NUMBERS.map((f) =>
              this.renderNumber(f.key, t(`augment.${f.key}`), f.keras, 0, f.max, f.step, this.options[f.key]),
            )}
            ${this.renderNumber('zoomFrom', t('augment.zoomFrom'), 'zoom_range[0]', 0.1, 5, '0.05', zoomFrom)}
            ${this.renderNumber('zoomTo', t('augment.zoomTo'), 'zoom_range[1]', zoomFrom, 5, '0.05', zoomTo)}
            <div class="field wide">
              <label for="fillMode">${t('augment.fillMode')} <code>fill_mode</code></label>
              <select id="fillMode" name="fillMode">
                ${FILL_MODES.map(
                  (mode) => html`<option value=${mode}
                    ?selected=${mode === this.options.fillMode}>${t(`augment.fill.${mode}`)}</option>`,
                )}
              </select>
            </div>
            ${this.renderNumber('cval', t('augment.cval'), 'cval', 0, 255, '1', this.options.cval, cvalOff)}
            <div class="flips">
              ${FLIPS.map(
                (f) => html`
                  <div class="check">
                    <input id=${f.key} name=${f.key} type="checkbox" .checked=${this.options[f.key]} />
                    <label for=${f.key}>${t(`augment.${f.key}`)} <code>${f.keras}</code></label>
                  </div>
                `,
              )}
            </div>
          </div>
        </details>
      </fieldset>
      <div class="row preview-actions">
        <button type="button" ?disabled=${this.disabled} @click=${this.requestPreview}>
          ${t(this.previews.length ? 'augment.again' : 'augment.preview')}
        </button>
      </div>
      <figure class="previews" ?hidden=${!this.previews.length}>
        <div class="grid-images">${this.previews.map(
          (p) => html`<canvas width=${p.width} height=${p.height} aria-hidden="true"></canvas>`,
        )}</div>
        <figcaption class="muted">${t('augment.previewCaption', {
          size: `${INPUT_SIZE[1]} × ${INPUT_SIZE[0]}`,
        })}</figcaption>
      </figure>
    `;
  }

  private renderNumber(
    name: string,
    label: string,
    keras: string,
    min: number,
    max: number,
    step: string,
    value: number,
    off = false,
  ) {
    return html`
      <div class="field">
        <label for=${name}>${label} <code>${keras}</code></label>
        <input id=${name} name=${name} type="number" required min=${min} max=${max} step=${step} ?disabled=${off}
          .value=${String(value)} />
      </div>
    `;
  }

  protected override updated(changed: PropertyValues<this>): void {
    // Previews on screen show what training does: redrawn drawings once redrawing is on.
    if (changed.has('redrawing') && changed.get('redrawing') !== undefined && this.previews.length) {
      emit(this, 'sc-augment-preview', { options: this.options, seed: this.seed });
    }
    if (!changed.has('previews')) return;
    for (const [i, p] of this.previews.entries()) {
      this.canvases[i]
        ?.getContext('2d')
        ?.putImageData(new ImageData(new Uint8ClampedArray(p.rgba), p.width, p.height), 0, 0);
    }
  }

  private onPreset(event: Event): void {
    this.change(AUGMENT_PRESETS[(event.target as HTMLSelectElement).value as AugmentPreset]);
  }

  private onInput(event: Event): void {
    const input = event.target as HTMLInputElement | HTMLSelectElement;
    if (input.name === 'preset' || !input.checkValidity()) return;
    const [from, to] = zoomPair(this.options.zoomRange);
    const value =
      input instanceof HTMLInputElement && input.type === 'checkbox'
        ? input.checked
        : input.name === 'fillMode'
          ? input.value
          : Number(input.value);
    if (input.name === 'zoomFrom' || input.name === 'zoomTo') {
      const pair: [number, number] =
        input.name === 'zoomFrom' ? [value as number, Math.max(to, value as number)] : [from, value as number];
      this.change({ ...this.options, zoomRange: pair });
    } else {
      this.change({ ...this.options, [input.name]: value });
    }
  }

  private change(options: AugmentOptions): void {
    this.options = options;
    this.dispatchEvent(new Event('change', { bubbles: true }));
    // Previews on screen follow the options, with the same seed, so only the options differ.
    if (!this.previews.length) return;
    clearTimeout(this.debounce);
    this.debounce = setTimeout(
      () => emit(this, 'sc-augment-preview', { options: this.options, seed: this.seed }),
      PREVIEW_DEBOUNCE_MS,
    );
  }

  private requestPreview(): void {
    if (this.previews.length) this.seed += 1;
    emit(this, 'sc-augment-preview', { options: this.options, seed: this.seed });
  }
}
