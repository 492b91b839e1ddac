import { html } from 'lit';
import { property } from 'lit/decorators.js';
import { formatNumber } from '../../format';
import { t } from '../../i18n/i18n';
import { LocalizedElement } from '../../i18n/localized-element';
import { sharedStyles } from '../../styles/shared.styles';
import type { StorageState } from '../shape-app/storage-controller';
import { styles } from './storage-status.styles';

const MB = 1024 * 1024;

/** Where the person's data lives, and whether the browser promised to keep it. */
export class StorageStatus extends LocalizedElement {
  static override styles = [sharedStyles, styles];

  /** The browser's answers. */
  @property({ attribute: false }) state: StorageState = { persisted: null };

  override render() {
    const { persisted, usage, quota } = this.state;
    const size = (bytes: number) => formatNumber(bytes / MB, { maximumFractionDigits: bytes < 10 * MB ? 1 : 0 });
    const kept = persisted === true ? 'storage.kept' : persisted === false ? 'storage.mayClear' : 'storage.unknown';
    return html`
      <h2>${t('storage.title')}</h2>
      ${
        usage === undefined || quota === undefined
          ? ''
          : html`<p>${t('storage.usage', { usage: size(usage), quota: size(quota) })}</p>`
      }
      <p class=${persisted === false ? 'note' : 'muted'}>${t(kept)}</p>
    `;
  }
}
