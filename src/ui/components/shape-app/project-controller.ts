import type { ProjectMode, ProjectSettings, ProjectSummary } from '../../../shared/api';
import { transferBytes } from '../../bridge';
import { download, fileDate } from '../../files/download';
import { loadSettings, saveSettings } from '../../settings-store';
import type { ProjectStatus } from '../project-panel/project-panel.component';
import { listen, type AppHost, type FailedAction } from './app-host';
import type { DatasetController } from './dataset-controller';
import type { ModelsController } from './models-controller';

/**
 * The project file: saving everything as one .zip, and opening one. A project opens at once on a
 * device without work of the person's; otherwise the person chooses to replace that work or add
 * to it (never lost without that choice). An opened project's settings go to the training form.
 */
export class ProjectController {
  /** A checked project waiting for the person's choice. */
  pending?: ProjectSummary;
  status?: ProjectStatus;
  busy = false;
  /** The training settings of the project opened last, for the training form to take. */
  settings?: ProjectSettings;

  constructor(
    private readonly host: AppHost,
    private readonly data: DatasetController,
    private readonly models: ModelsController,
  ) {
    listen(host, {
      'sc-save-project': () => this.onSave(),
      'sc-open-project': (e) => this.onOpen(e.detail.name, e.detail.bytes),
      'sc-project-commit': (e) => this.onCommit(e.detail),
      'sc-project-cancel': () =>
        this.update(() => {
          this.pending = undefined;
          this.status = undefined;
        }),
    });
  }

  private update(change: () => void): void {
    change();
    this.host.requestUpdate();
  }

  /** Runs one step with its status shown; a failure goes to the alert and clears the status. */
  private async run<T>(status: ProjectStatus, action: FailedAction, job: () => Promise<T>): Promise<T | undefined> {
    this.host.clearFailure();
    this.update(() => {
      this.busy = true;
      this.status = status;
    });
    const result = await this.host.attempt(action, job);
    this.update(() => {
      this.busy = false;
      if (result === undefined) this.status = undefined;
    });
    return result;
  }

  private async onSave(): Promise<void> {
    const file = `shape-cnn-project-${fileDate(new Date())}.zip`;
    const bytes = await this.run({ kind: 'saving' }, 'error.saveProject', () =>
      this.host.api.projects.save(loadSettings()),
    );
    if (!bytes) return;
    download(bytes, file);
    this.update(() => (this.status = { kind: 'saved', file }));
  }

  private async onOpen(name: string, bytes: ArrayBuffer): Promise<void> {
    const summary = await this.run({ kind: 'reading' }, 'error.openProject', () =>
      this.host.api.projects.prepare(name, transferBytes(bytes)),
    );
    if (!summary) return;
    if (!this.holdsWork()) return this.commit(summary, 'replace');
    this.update(() => {
      this.pending = summary;
      this.status = undefined;
    });
  }

  /** Whether this device holds anything of the person's that opening a project could replace. */
  private holdsWork(): boolean {
    const user = this.data.state?.user;
    return !!user?.samples.length || !!user?.classes.length || this.models.list.models.length > 0;
  }

  private onCommit(mode: ProjectMode): Promise<void> | undefined {
    const summary = this.pending;
    this.pending = undefined;
    return summary && this.commit(summary, mode);
  }

  private async commit(summary: ProjectSummary, mode: ProjectMode): Promise<void> {
    const opened = await this.run({ kind: 'opening' }, 'error.openProject', () =>
      this.host.api.projects.commit(summary.token, mode),
    );
    if (!opened) return;
    this.data.show(opened.dataset);
    this.models.show(opened.models);
    if (opened.settings) {
      saveSettings(opened.settings);
      this.settings = opened.settings;
    }
    this.update(() => (this.status = { kind: 'opened', file: summary.origin, mode, ...opened.added }));
  }
}
