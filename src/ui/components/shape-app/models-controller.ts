import type { ModelList, SavedModelInfo } from '../../../shared/api';
import { transferBytes } from '../../bridge';
import type { AppEvent } from '../../events';
import { download, fileName } from '../../files/download';
import { modelName } from '../../format';
import { listen, type AppHost } from './app-host';

/**
 * The saved models as the app shows them, and their events: use, rename, delete, export, import.
 * `onCurrent` tells the shell, after each change, which model predicts now (null when none is left).
 */
export class ModelsController {
  list: ModelList = { models: [], current: null };
  /** True while a model operation holds the worker. */
  busy = false;

  constructor(
    private readonly host: AppHost,
    private readonly onCurrent: (model: SavedModelInfo | null) => void,
  ) {
    listen(host, {
      'sc-use-model': (e) => this.run('error.models', () => host.api.useModel(e.detail)),
      'sc-rename-model': (e) => this.run('error.models', () => host.api.renameModel(e.detail.id, e.detail.name)),
      'sc-delete-model': (e) => this.run('error.delete', () => host.api.deleteModel(e.detail)),
      'sc-export-model': (e) => this.onExport(e),
      'sc-import-model': (e) => this.run('error.importModel', () => host.api.importModel(e.detail.name, transferBytes(e.detail.bytes))),
    });
  }

  /** Reads the list again and reports the current model (perhaps renamed, replaced or gone) to the shell. */
  async refresh(): Promise<void> {
    const list = await this.host.attempt('error.models', () => this.host.api.models());
    if (!list) return;
    this.list = list;
    this.host.requestUpdate();
    this.onCurrent(list.models.find((m) => m.id === list.current) ?? null);
  }

  /** Runs one operation at a time, then shows the list as stored, whether it worked or not. */
  private async run(action: 'error.models' | 'error.delete' | 'error.importModel', job: () => Promise<unknown>): Promise<void> {
    this.busy = true;
    this.host.requestUpdate();
    await this.host.attempt(action, job);
    this.busy = false;
    await this.refresh();
  }

  private async onExport(event: AppEvent<'sc-export-model'>): Promise<void> {
    const model = this.list.models.find((m) => m.id === event.detail);
    const zip = await this.host.attempt('error.exportModel', () => this.host.api.exportModel(event.detail));
    if (zip && model) download(zip, `${fileName(modelName(model))}.zip`);
  }
}
