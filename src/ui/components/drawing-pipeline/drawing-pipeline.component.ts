import { html } from 'lit';
import { property } from 'lit/decorators.js';
import { t } from '../../i18n/i18n';
import { LocalizedElement } from '../../i18n/localized-element';
import { sharedStyles } from '../../styles/shared.styles';
import { styles } from './drawing-pipeline.styles';

/**
 * How drawings are made comparable before the model sees them: fitted to the frame (in training,
 * evaluation and prediction alike) and, for training, redrawn with other pens, angles and slants.
 * Redrawing needs the fitting, so it is offered only with it.
 *
 * @fires change - A choice changed; read `fitFrame` and `redraw`.
 */
export class DrawingPipeline extends LocalizedElement {
  static override styles = [sharedStyles, styles];

  /** Crop each drawing to its ink and centre it in a square with a margin. */
  @property({ type: Boolean }) fitFrame = false;

  /** Redraw training drawings (pen width, any angle, slant, proportions, flips) instead of Keras's augmentation. */
  @property({ type: Boolean }) redraw = false;

  @property({ type: Boolean }) disabled = false;

  override render() {
    return html`
      <fieldset ?disabled=${this.disabled}>
        <legend>${t('pipeline.title')}</legend>
        <div class="check">
          <input id="fit" type="checkbox" .checked=${this.fitFrame} aria-describedby="fit-hint"
            @change=${(e: Event) => this.set((e.target as HTMLInputElement).checked, this.redraw)} />
          <label for="fit">${t('pipeline.fit')}</label>
        </div>
        <p id="fit-hint" class="hint">${t('pipeline.fitHint')}</p>
        <div class="check">
          <input id="redraw" type="checkbox" .checked=${this.redraw && this.fitFrame} ?disabled=${!this.fitFrame}
            aria-describedby="redraw-hint"
            @change=${(e: Event) => this.set(this.fitFrame, (e.target as HTMLInputElement).checked)} />
          <label for="redraw">${t('pipeline.redraw')}</label>
        </div>
        <p id="redraw-hint" class="hint">${t(this.fitFrame ? 'pipeline.redrawHint' : 'pipeline.redrawNeedsFit')}</p>
      </fieldset>
    `;
  }

  private set(fitFrame: boolean, redraw: boolean): void {
    this.fitFrame = fitFrame;
    this.redraw = fitFrame && redraw;
    this.dispatchEvent(new Event('change', { bubbles: true }));
  }
}
