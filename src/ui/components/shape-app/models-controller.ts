import type { ModelFormat, ModelList, SavedModelInfo } from '../../../shared/api';
import { problemOf } from '../../../shared/problems';
import { transferBytes } from '../../bridge';
import { download, fileDate, fileStem } from '../../files/download';
import type { ClassNamesRequest } from '../class-names-dialog/class-names-dialog.component';
import type { ModelActivity } from '../model-library/model-library.component';
import { listen, type AppHost, type FailedAction } from './app-host';

const KERAS_FILE = /\.(keras|h5|hdf5)$/i;

/** A model's file name: its own name, or for an unnamed one its class count and training time. */
const exportName = ({ name, metadata }: SavedModelInfo, format: ModelFormat): string =>
  `${fileStem(name) || `shape-cnn-${metadata.classNames.length}-classes-${fileDate(new Date(metadata.date))}`}.${format}`;

/**
 * The saved models as the app shows them, and their events: use, rename, delete, export, import
 * (asking for the class names a Keras file lacks). `onCurrent` hears when another model predicts
 * (chosen, imported, trained, or in place of a deleted one), or null when none is left.
 */
export class ModelsController {
  list: ModelList = { models: [], current: null };
  /** True while a model operation holds the worker. */
  busy = false;
  activity?: ModelActivity;
  /** The class names a Keras file needs before it can be imported, while the person is asked. */
  classRequest?: ClassNamesRequest;
  /** That file's bytes, to send again with the names (the first copy went to the worker). */
  private asked?: ArrayBuffer;

  constructor(
    private readonly host: AppHost,
    private readonly onCurrent: (model: SavedModelInfo | null) => void,
  ) {
    const models = () => host.api.models;
    listen(host, {
      'sc-use-model': (e) => this.change('error.models', () => models().use(e.detail)),
      'sc-rename-model': (e) => this.change('error.models', () => models().rename(e.detail.id, e.detail.name)),
      'sc-delete-model': (e) => this.change('error.delete', () => models().remove(e.detail)),
      'sc-export-model': (e) => this.onExport(e.detail.id, e.detail.format),
      'sc-import-model': (e) => this.onImport(e.detail.name, e.detail.bytes),
      'sc-model-class-names': (e) => this.onClassNames(e.detail),
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

  /** Runs one operation at a time. */
  private async run<T>(action: FailedAction, job: () => Promise<T>, activity?: ModelActivity): Promise<T | undefined> {
    this.busy = true;
    this.activity = activity;
    this.host.requestUpdate();
    const result = await this.host.attempt(action, job);
    this.busy = false;
    this.activity = undefined;
    this.host.requestUpdate();
    return result;
  }

  /** Runs a change; a failed one shows the list as stored. */
  private async change(action: FailedAction, job: () => Promise<ModelList>, activity?: ModelActivity): Promise<void> {
    const list = await this.run(action, job, activity);
    if (list) this.show(list);
    else await this.refresh();
  }

  private async onExport(id: string, format: ModelFormat): Promise<void> {
    const model = this.list.models.find((m) => m.id === id);
    const bytes = await this.run('error.exportModel', () => this.host.api.models.exportModel(id, format), 'exporting');
    const type = format === 'zip' || format === 'keras' ? 'application/zip' : 'application/octet-stream';
    if (bytes && model) download(bytes, exportName(model, format), type);
  }

  /** A Keras file that names no classes is kept here while the person is asked for them. */
  private onImport(name: string, bytes: ArrayBuffer, classNames?: string[]): Promise<void> {
    const copy = KERAS_FILE.test(name) && !classNames ? bytes.slice(0) : undefined;
    const models = this.host.api.models;
    return this.change(
      'error.importModel',
      () =>
        models.importModel(name, transferBytes(bytes), classNames).catch((error: unknown) => {
          const problem = problemOf(error);
          if (problem?.code !== 'kerasClassNames' || !copy) throw error;
          this.asked = copy;
          this.classRequest = { file: name, count: Number(problem.params.classes) };
          return models.list();
        }),
      'importing',
    );
  }

  private onClassNames(names: string[] | null): void {
    const { classRequest: request, asked } = this;
    this.classRequest = undefined;
    this.asked = undefined;
    this.host.requestUpdate();
    if (request && asked && names) void this.onImport(request.file, asked, names);
  }
}
