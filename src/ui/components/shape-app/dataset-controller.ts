import type { ImportSummary, PixelImage, UserDataset } from '../../../shared/api';
import { transferSamples, transferSource } from '../../bridge';
import type { AppEvent } from '../../events';
import { download } from '../../files/download';
import { SampleImages } from '../../sample-images';
import type { ImportedNotice } from '../import-panel/import-panel.component';
import type { AddedNotice } from '../sample-capture/sample-capture.component';
import { listen, type AppHost } from './app-host';

/** Four images for each of three classes: enough to see what the options do. */
const PREVIEW_COUNT = 12;

/**
 * The person's own dataset as the app shows it: samples and classes, imports and exports, and
 * augmentation previews of the training images. It handles the dataset's events for the shell.
 */
export class DatasetController {
  dataset?: UserDataset;
  summary?: ImportSummary;
  importing = false;
  imported?: ImportedNotice;
  added?: AddedNotice;
  previews: PixelImage[] = [];
  readonly images: SampleImages;
  /** Only the newest preview request may update the grid, and the newest import summary the panel. */
  private previewTicket = 0;
  private importTicket = 0;

  constructor(private readonly host: AppHost) {
    this.images = new SampleImages((id) => host.api.sampleImage(id));
    listen(host, {
      'sc-add-samples': (e) => this.onAdd(e),
      'sc-move-samples': (e) => this.change(() => host.api.moveSamples(e.detail.ids, e.detail)),
      'sc-delete-samples': (e) => this.change(() => host.api.deleteSamples(e.detail)),
      'sc-add-class': (e) => this.change(() => host.api.addClass(e.detail)),
      'sc-rename-class': (e) => this.change(() => host.api.renameClass(e.detail.from, e.detail.to)),
      'sc-remove-class': (e) => this.change(() => host.api.removeClass(e.detail)),
      'sc-include-bundled': (e) => this.change(() => host.api.includeBundled(e.detail)),
      'sc-import-prepare': (e) => this.onPrepare(e),
      'sc-import-commit': (e) => this.onCommit(e),
      'sc-import-cancel': () => this.onCancel(),
      'sc-export-dataset': () => this.onExport(),
      'sc-augment-preview': (e) => this.onPreview(e),
    });
  }

  /** Reads the dataset from the worker again, after any change (or a failed one: it shows what is stored). */
  async refresh(): Promise<void> {
    const dataset = await this.host.attempt('error.dataset', () => this.host.api.samples());
    if (!dataset) return;
    this.images.keep(dataset.samples.map((s) => s.id));
    this.update(() => (this.dataset = dataset));
  }

  private update(change: () => void): void {
    change();
    this.host.requestUpdate();
  }

  private async change(job: () => Promise<void>): Promise<void> {
    await this.host.attempt('error.dataset', job);
    await this.refresh();
  }

  private async onAdd(event: AppEvent<'sc-add-samples'>): Promise<void> {
    const stored = await this.host.attempt('error.addSamples', () => this.host.api.addSamples(transferSamples(event.detail)));
    if (stored?.[0]) this.added = { count: stored.length, className: stored[0].className, split: stored[0].split };
    await this.refresh();
  }

  private async onPrepare(event: AppEvent<'sc-import-prepare'>): Promise<void> {
    const { source, testFraction } = event.detail;
    const ticket = ++this.importTicket;
    // The summary stays while another test fraction is read, so the slider keeps its place and focus.
    this.update(() => ((this.importing = true), (this.imported = undefined)));
    const summary = await this.host.attempt('error.import', () => this.host.api.prepareImport(transferSource(source), testFraction));
    if (ticket === this.importTicket) this.update(() => ((this.importing = false), (this.summary = summary)));
  }

  /** Forgets the summary, and any summary still being read. */
  private onCancel(): void {
    this.importTicket++;
    this.update(() => ((this.importing = false), (this.summary = undefined)));
  }

  private async onCommit(event: AppEvent<'sc-import-commit'>): Promise<void> {
    const origin = this.summary?.origin ?? '';
    this.update(() => (this.importing = true));
    const count = await this.host.attempt('error.import', () => this.host.api.commitImport(event.detail));
    this.update(() => {
      this.importing = false;
      if (count === undefined) return;
      this.summary = undefined;
      this.imported = { count, origin };
    });
    await this.refresh();
  }

  private async onExport(): Promise<void> {
    const zip = await this.host.attempt('error.export', () => this.host.api.exportDataset());
    if (zip) download(zip, 'shapes-dataset.zip');
  }

  private async onPreview(event: AppEvent<'sc-augment-preview'>): Promise<void> {
    const ticket = ++this.previewTicket;
    const { options, seed } = event.detail;
    const previews = await this.host.attempt('error.preview', () => this.host.api.previewAugmentation(options, PREVIEW_COUNT, seed));
    if (previews && ticket === this.previewTicket) this.update(() => (this.previews = previews));
  }
}
