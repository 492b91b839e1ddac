import { html, svg } from 'lit';
import { LocalizedElement } from '../../i18n/localized-element';
import { property, state } from 'lit/decorators.js';
import { t } from '../../i18n/i18n';
import { sharedStyles } from '../../styles/shared.styles';
import { styles } from './line-chart.styles';

/** One line of the chart; 'validation' lines are dashed so they differ by more than colour. */
export interface ChartSeries {
  label: string;
  kind: 'train' | 'validation';
  values: number[];
}

const HEIGHT = 190;
const PAD = { left: 46, right: 14, top: 10, bottom: 40 };
const PLOT_H = HEIGHT - PAD.top - PAD.bottom;

/** The smallest of 1, 2, 2.5, 5 × 10ⁿ at or above `value`, so axis ends are round numbers. */
function niceCeil(value: number): number {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 2.5, 5, 10].find((m) => m * power >= value) ?? 10;
  return step * power;
}

/**
 * A small SVG line chart of one metric per epoch, training against validation. Its text
 * alternative (the image's accessible name) states the latest values.
 */
export class LineChart extends LocalizedElement {
  static override styles = [sharedStyles, styles];

  /** The metric's name, shown as the heading and the y-axis label. */
  @property() heading = '';

  /** The lines to draw, one value per epoch starting at epoch 1. */
  @property({ attribute: false }) series: ChartSeries[] = [];

  /** The planned number of epochs: the x axis spans them so the curves grow to the right. */
  @property({ type: Number }) epochs = 1;

  /** A fixed top of the y axis (1 for accuracy); otherwise a round number above the largest value. */
  @property({ type: Number }) max?: number;

  /** Formats values for the axis and the text alternative. */
  @property({ attribute: false }) format: (value: number) => string = String;

  /** The drawn width in CSS pixels: the SVG is laid out at its real size so its text stays legible. */
  @state() private width = 320;
  private readonly resizeObserver = new ResizeObserver(([entry]) => {
    if (entry) this.width = Math.max(200, Math.round(entry.contentRect.width));
  });

  override connectedCallback(): void {
    super.connectedCallback();
    this.resizeObserver.observe(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resizeObserver.disconnect();
  }

  override render() {
    const longest = Math.max(0, ...this.series.map((s) => s.values.length));
    const top = this.max ?? niceCeil(Math.max(0, ...this.series.flatMap((s) => s.values)));
    const lastEpoch = Math.max(this.epochs, longest, 2);
    const width = this.width;
    const plotWidth = width - PAD.left - PAD.right;
    const x = (epoch: number) => PAD.left + ((epoch - 1) / (lastEpoch - 1)) * plotWidth;
    const y = (value: number) => PAD.top + PLOT_H - (Math.min(value, top) / top) * PLOT_H;
    const xTicks = [...new Set([1, Math.round((lastEpoch + 1) / 2), lastEpoch])];
    const yTicks = [0, 0.25, 0.5, 0.75, 1].map((f) => f * top);
    return html`
      <figure>
        <figcaption>
          <span class="title">${this.heading}</span>
          <span class="legend">
            ${this.series.map(
              (s) => html`<span class="key ${s.kind}"><svg viewBox="0 0 24 4" aria-hidden="true"
                ><line x1="0" y1="2" x2="24" y2="2" /></svg>${s.label}</span>`,
            )}
          </span>
        </figcaption>
        <svg viewBox="0 0 ${width} ${HEIGHT}" role="img" aria-label=${this.summary(longest)}>
          ${yTicks.map(
            (v) => svg`<line class="grid" x1=${PAD.left} x2=${width - PAD.right} y1=${y(v)} y2=${y(v)} />
              <text class="tick" x=${PAD.left - 6} y=${y(v)} text-anchor="end"
                dominant-baseline="middle">${this.format(v)}</text>`,
          )}
          ${xTicks.map(
            (e) => svg`<text class="tick" x=${x(e)} y=${PAD.top + PLOT_H + 14} text-anchor="middle">${e}</text>`,
          )}
          <text class="axis" x=${PAD.left + plotWidth / 2} y=${HEIGHT - 4}
            text-anchor="middle">${t('chart.epoch')}</text>
          ${this.series.map((s) => this.renderSeries(s, x, y))}
        </svg>
        ${longest === 0 ? html`<p class="empty muted">${t('chart.empty')}</p>` : ''}
      </figure>
    `;
  }

  private renderSeries(series: ChartSeries, x: (epoch: number) => number, y: (value: number) => number) {
    const points = series.values.map((v, i) => `${x(i + 1).toFixed(1)},${y(v).toFixed(1)}`).join(' ');
    const last = series.values.length;
    return svg`
      <polyline class="line ${series.kind}" points=${points} />
      ${last ? svg`<circle class="dot ${series.kind}" cx=${x(last)} cy=${y(series.values[last - 1]!)} r="3" />` : ''}
    `;
  }

  private summary(epochs: number): string {
    if (epochs === 0) return t('chart.summaryEmpty', { title: this.heading });
    const latest = (kind: ChartSeries['kind']) => {
      const values = this.series.find((s) => s.kind === kind)?.values ?? [];
      return values.length ? this.format(values[values.length - 1]!) : '–';
    };
    return t('chart.summary', {
      title: this.heading,
      epoch: epochs,
      train: latest('train'),
      validation: latest('validation'),
    });
  }
}
