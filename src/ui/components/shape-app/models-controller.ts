import type { ModelList, SavedModelInfo } from '../../../shared/api';
import { transferBytes } from '../../bridge';
import type { AppEvent } from '../../events';
import { download, fileName } from '../../files/download';
import { modelName } from '../../format';
import { listen, type AppHost, type FailedAction } from './app-host';

/**
 * The saved models as the app shows them, and their events: use, rename, delete, export, import.
 * `onCurrent` hears when another model predicts (chosen, imported, trained, or in place of a
 * deleted one), or null when none is left.
 */
export class ModelsController {
  list: ModelList = { models: [], current: null };
  /** True while a model operation holds the worker. */
  busy = false;

  constructor(
    private readonly host: AppHost,
    private readonly onCurrent: (model: SavedModelInfo | null) => void,
  ) {
    const models = () => host.api.models;
    listen(host, {
      'sc-use-model': (e) => this.run('error.models', () => models().use(e.detail)),
      'sc-rename-model': (e) => this.run('error.models', () => models().rename(e.detail.id, e.detail.name)),
      'sc-delete-model': (e) => this.run('error.delete', () => models().remove(e.detail)),
      'sc-export-model': (e) => this.onExport(e),
      'sc-import-model': (e) =>
        this.run('error.importModel', () => models().importModel(e.detail.name, transferBytes(e.detail.bytes))),
    });
  }

  /** The model the app predicts with. */
  get current(): SavedModelInfo | null {
    return this.list.models.find((m) => m.id === this.list.current) ?? null;
  }

  /** Shows a list the worker answered with. */
  show(list: ModelList): void {
    const before = this.list.current;
    this.list = list;
    this.host.requestUpdate();
    if (list.current !== before) this.onCurrent(this.current);
  }

  /** Reads the list again (after training saved a model). */
  async refresh(): Promise<void> {
    const list = await this.host.attempt('error.models', () => this.host.api.models.list());
    if (list) this.show(list);
  }

  /** Runs one operation at a time; a failed one shows the list as stored. */
  private async run(action: FailedAction, job: () => Promise<ModelList>): Promise<void> {
    this.busy = true;
    this.host.requestUpdate();
    const list = await this.host.attempt(action, job);
    this.busy = false;
    if (list) this.show(list);
    else await this.refresh();
  }

  private async onExport(event: AppEvent<'sc-export-model'>): Promise<void> {
    const model = this.list.models.find((m) => m.id === event.detail);
    const zip = await this.host.attempt('error.exportModel', () => this.host.api.models.exportModel(event.detail));
    if (zip && model) download(zip, `${fileName(modelName(model))}.zip`);
  }
}
