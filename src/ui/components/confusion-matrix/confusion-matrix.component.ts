import { html } from 'lit';
import { LocalizedElement } from '../../i18n/localized-element';
import { property } from 'lit/decorators.js';
import { classLabel, formatNumber } from '../../format';
import { t } from '../../i18n/i18n';
import { sharedStyles } from '../../styles/shared.styles';
import { styles } from './confusion-matrix.styles';

/**
 * A confusion matrix as a real table (true classes in rows, predictions in columns). Shading
 * repeats what the numbers say: green on the diagonal, red elsewhere, stronger for more images.
 */
export class ConfusionMatrix extends LocalizedElement {
  static override styles = [sharedStyles, styles];

  /** Class names in output-index order. */
  @property({ attribute: false }) classes: string[] = [];

  /** counts[true][predicted]. */
  @property({ attribute: false }) counts: number[][] = [];

  override render() {
    return html`
      <div class="wrap">
        <table>
          <caption>
            ${t('results.confusion')}
            <span class="muted">${t('results.confusionHint')}</span>
          </caption>
          <thead>
            <tr>
              <td class="corner">${t('results.trueVsPredicted')}</td>
              ${this.classes.map((name) => html`<th scope="col">${classLabel(name)}</th>`)}
            </tr>
          </thead>
          <tbody>
            ${this.classes.map((name, row) => {
              const counts = this.counts[row] ?? [];
              const total = counts.reduce((a, b) => a + b, 0) || 1;
              return html`
                <tr>
                  <th scope="row">${classLabel(name)}</th>
                  ${this.classes.map((_, col) => {
                    const count = counts[col] ?? 0;
                    const share = Math.round((count / total) * 45);
                    return html`<td class=${row === col ? 'hit' : 'miss'}
                      style="--share: ${share}%">${formatNumber(count)}</td>`;
                  })}
                </tr>
              `;
            })}
          </tbody>
        </table>
      </div>
    `;
  }
}
