import { loadSettings } from '../../settings-store';
import type { DatasetState, ImportProgress, ImportSummary, PixelImage } from '../../../shared/api';
import { progressSink, transferSamples, transferSource } from '../../bridge';
import type { AppEvent } from '../../events';
import { download } from '../../files/download';
import { LatestRequest } from '../../latest';
import { SampleImages } from '../../sample-images';
import type { ImportedNotice } from '../import-panel/import-panel.component';
import type { AddedNotice } from '../sample-capture/sample-capture.component';
import { listen, type AppHost, type FailedAction } from './app-host';

/** Four images for each of three classes: enough to see what the options do. */
const PREVIEW_COUNT = 12;

/**
 * The person's own dataset as the app shows it: samples and classes, imports and exports, and
 * augmentation previews of the training images. It handles the dataset's events for the shell;
 * every change answers with the dataset as the worker now has it.
 */
export class DatasetController {
  state?: DatasetState;
  summary?: ImportSummary;
  importing = false;
  /** How far the check of the import being read has come. */
  importProgress?: ImportProgress;
  imported?: ImportedNotice;
  added?: AddedNotice;
  previews: PixelImage[] = [];
  readonly images: SampleImages;
  private readonly previewRequests = new LatestRequest();
  private readonly importRequests = new LatestRequest();

  constructor(private readonly host: AppHost) {
    this.images = new SampleImages((id) => host.api.samples.image(id));
    const samples = () => host.api.samples;
    listen(host, {
      'sc-add-samples': (e) => this.onAdd(e),
      'sc-move-samples': (e) => this.change(() => samples().move(e.detail.ids, e.detail)),
      'sc-delete-samples': (e) => this.change(() => samples().remove(e.detail)),
      'sc-add-class': (e) => this.change(() => samples().addClass(e.detail)),
      'sc-rename-class': (e) => this.change(() => samples().renameClass(e.detail.from, e.detail.to)),
      'sc-remove-class': (e) => this.change(() => samples().removeClass(e.detail)),
      'sc-include-bundled': (e) => this.change(() => samples().includeBundled(e.detail)),
      'sc-bundled-set': (e) => this.change(() => samples().useBundledSet(e.detail)),
      'sc-import-prepare': (e) => this.onPrepare(e),
      'sc-import-commit': (e) => this.onCommit(e),
      'sc-import-cancel': () => this.onCancel(),
      'sc-export-dataset': () => this.onExport(),
      'sc-augment-preview': (e) => this.onPreview(e),
    });
  }

  /** Reads the dataset again (another tab changed it). */
  async refresh(): Promise<void> {
    const state = await this.host.attempt('error.dataset', () => this.host.api.samples.list());
    if (state) this.show(state);
  }

  /** Shows the dataset the worker answered with. */
  show(state: DatasetState): void {
    this.images.keep(state.user.samples.map((s) => s.id));
    this.update(() => (this.state = state));
  }

  private update(change: () => void): void {
    change();
    this.host.requestUpdate();
  }

  /** Runs a change; a failed one shows the dataset as stored. */
  private async change(
    job: () => Promise<DatasetState>,
    action: FailedAction = 'error.dataset',
  ): Promise<DatasetState | undefined> {
    const state = await this.host.attempt(action, job);
    if (state) this.show(state);
    else await this.refresh();
    return state;
  }

  private async onAdd(event: AppEvent<'sc-add-samples'>): Promise<void> {
    let added: AddedNotice | undefined;
    await this.change(async () => {
      const result = await this.host.api.samples.add(transferSamples(event.detail));
      const [first] = event.detail;
      if (first) {
        const { className, split } = first;
        added = { count: result.added.length, className, split, refused: result.refused };
      }
      return result.dataset;
    }, 'error.addSamples');
    if (added) this.update(() => (this.added = added));
  }

  private onPrepare(event: AppEvent<'sc-import-prepare'>): Promise<void> {
    const { source, testFraction } = event.detail;
    // The summary stays while another test fraction is read, so the slider keeps its place and focus.
    this.update(() => {
      this.importing = true;
      this.imported = undefined;
    });
    return this.importRequests.run(
      () =>
        this.host.attempt('error.import', () =>
          this.host.api.imports.prepare(
            transferSource(source),
            testFraction,
            progressSink((progress) => this.update(() => (this.importProgress = progress))),
          ),
        ),
      (summary) =>
        this.update(() => {
          this.importing = false;
          this.importProgress = undefined;
          this.summary = summary;
        }),
    );
  }

  /** Forgets the summary, and any summary still being read. */
  private onCancel(): void {
    this.importRequests.cancel();
    this.update(() => {
      this.importing = false;
      this.summary = undefined;
    });
  }

  private async onCommit(event: AppEvent<'sc-import-commit'>): Promise<void> {
    const origin = this.summary?.origin ?? '';
    this.update(() => (this.importing = true));
    let count: number | undefined;
    await this.change(async () => {
      const result = await this.host.api.imports.commit(event.detail);
      count = result.count;
      return result.dataset;
    }, 'error.import');
    this.update(() => {
      this.importing = false;
      if (count === undefined) return;
      this.summary = undefined;
      this.imported = { count, origin };
    });
  }

  private async onExport(): Promise<void> {
    const zip = await this.host.attempt('error.export', () => this.host.api.imports.exportDataset());
    if (zip) download(zip, 'shapes-dataset.zip');
  }

  private onPreview(event: AppEvent<'sc-augment-preview'>): Promise<void> {
    const { options, seed } = event.detail;
    // What redrawing and fitting do shows in the grid as training will do it.
    const { fitFrame, redraw } = loadSettings();
    return this.previewRequests.run(
      () =>
        this.host.attempt('error.preview', () =>
          this.host.api.training.previewAugmentation({ augment: options, fitFrame, redraw }, PREVIEW_COUNT, seed),
        ),
      (previews) => previews && this.update(() => (this.previews = previews)),
    );
  }
}
