import { html } from 'lit';
import { LocalizedElement } from '../../i18n/localized-element';
import { property, query, state } from 'lit/decorators.js';
import { INPUT_SIZE } from '../../../shared/api';
import { emit } from '../../events';
import { t } from '../../i18n/i18n';
import { sharedStyles } from '../../styles/shared.styles';
import { styles } from './draw-pad.styles';

interface Point {
  x: number;
  y: number;
  /** Width factor: pen pressure, or 1 for mouse and touch. */
  force: number;
}

interface Stroke {
  width: number;
  points: Point[];
}

/** Ten canvas pixels per model pixel: the model's downscale is then an exact 10 × 10 average. */
const SIZE = INPUT_SIZE[0] * 10;
const INK = '#111418';
const PAPER = '#ffffff';

/**
 * A drawing pad for mouse, pen (with pressure) and touch: dark strokes on white paper, with undo,
 * clear and stroke width.
 *
 * @fires sc-drawing - After each stroke, undo or clear, and when `live`, during a stroke at most
 * once per animation frame; detail is the pixels, or null when empty.
 */
export class DrawPad extends LocalizedElement {
  static override styles = [sharedStyles, styles];

  /** The drawing area's accessible name; by default it asks for a circle, rectangle or triangle. */
  @property() label = '';

  /** Stroke width in canvas pixels (the canvas is 240 × 240). */
  @property({ type: Number, attribute: 'stroke-width' }) strokeWidth = 16;

  /** Also report the drawing while a stroke is drawn (for prediction that follows the pen). */
  @property({ type: Boolean }) live = false;

  @state() private strokes: Stroke[] = [];
  @query('canvas') private canvas!: HTMLCanvasElement;
  private active?: { pointerId: number; stroke: Stroke };
  /** The animation frame that will report the stroke so far, when one is booked. */
  private frame = 0;

  private get context(): CanvasRenderingContext2D {
    return this.canvas.getContext('2d', { willReadFrequently: true })!;
  }

  override render() {
    return html`
      <div class="paper">
        <canvas width=${SIZE} height=${SIZE} role="img" aria-label=${this.label || t('predict.pad')}
          @pointerdown=${this.onDown} @pointermove=${this.onMove} @pointerup=${this.onUp}
          @pointercancel=${this.onUp}></canvas>
      </div>
      <div class="tools">
        <div class="width">
          <label for="width">${t('predict.strokeWidth')}</label>
          <input id="width" type="range" min="6" max="32" step="2" .value=${String(this.strokeWidth)}
            @input=${(e: Event) => (this.strokeWidth = Number((e.target as HTMLInputElement).value))} />
        </div>
        <div class="row">
          <button type="button" ?disabled=${!this.strokes.length} @click=${this.undo}>${t('predict.undo')}</button>
          <button type="button" ?disabled=${!this.strokes.length} @click=${this.clear}>${t('predict.clear')}</button>
        </div>
      </div>
    `;
  }

  protected override firstUpdated(): void {
    this.repaint();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    cancelAnimationFrame(this.frame);
    this.frame = 0;
  }

  /** Removes the last stroke. */
  undo(): void {
    this.strokes = this.strokes.slice(0, -1);
    this.repaint();
    this.changed();
  }

  /** Removes every stroke. */
  clear(): void {
    this.strokes = [];
    this.repaint();
    this.changed();
  }

  private point(event: PointerEvent): Point {
    const rect = this.canvas.getBoundingClientRect();
    return {
      x: ((event.clientX - rect.left) / rect.width) * SIZE,
      y: ((event.clientY - rect.top) / rect.height) * SIZE,
      force: event.pointerType === 'pen' ? 0.35 + 1.3 * event.pressure : 1,
    };
  }

  private onDown(event: PointerEvent): void {
    if (event.pointerType === 'mouse' && event.button !== 0) return;
    if (this.active) return;
    event.preventDefault();
    this.canvas.setPointerCapture(event.pointerId);
    const stroke = { width: this.strokeWidth, points: [this.point(event)] };
    this.active = { pointerId: event.pointerId, stroke };
    this.paintSegment(stroke, 0);
  }

  private onMove(event: PointerEvent): void {
    if (event.pointerId !== this.active?.pointerId) return;
    const { stroke } = this.active;
    // Coalesced events carry every sample since the last frame, so fast strokes stay smooth.
    for (const sample of event.getCoalescedEvents?.() ?? [event]) {
      stroke.points.push(this.point(sample));
      this.paintSegment(stroke, stroke.points.length - 1);
    }
    // Pointer events can come several times a frame: the pixels are read once, for the frame.
    if (this.live && !this.frame)
      this.frame = requestAnimationFrame(() => {
        this.frame = 0;
        if (this.active) emit(this, 'sc-drawing', this.pixels());
      });
  }

  private onUp(event: PointerEvent): void {
    if (event.pointerId !== this.active?.pointerId) return;
    this.strokes = [...this.strokes, this.active.stroke];
    this.active = undefined;
    cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.changed();
  }

  /** Paints the segment ending at point `i` (a dot for the first point). */
  private paintSegment(stroke: Stroke, i: number): void {
    const ctx = this.context;
    const to = stroke.points[i]!;
    const from = stroke.points[i - 1] ?? to;
    ctx.strokeStyle = INK;
    ctx.fillStyle = INK;
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    ctx.lineWidth = (stroke.width * (from.force + to.force)) / 2;
    ctx.beginPath();
    if (from === to) {
      ctx.arc(to.x, to.y, ctx.lineWidth / 2, 0, Math.PI * 2);
      ctx.fill();
    } else {
      ctx.moveTo(from.x, from.y);
      ctx.lineTo(to.x, to.y);
      ctx.stroke();
    }
  }

  private repaint(): void {
    const ctx = this.context;
    ctx.fillStyle = PAPER;
    ctx.fillRect(0, 0, SIZE, SIZE);
    for (const stroke of this.strokes) for (let i = 0; i < stroke.points.length; i++) this.paintSegment(stroke, i);
  }

  private pixels(): ImageData {
    return this.context.getImageData(0, 0, SIZE, SIZE);
  }

  private changed(): void {
    emit(this, 'sc-drawing', this.strokes.length ? this.pixels() : null);
  }
}
