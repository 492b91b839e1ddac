import type * as tfl from '@tensorflow/tfjs-layers';
import { transfer } from 'comlink';
import type {
  AugmentOptions,
  BackendChoice,
  BackendReport,
  BatchProgress,
  Calibration,
  EvaluationReport,
  ImageInput,
  ModelList,
  ModelSummary,
  OpenResult,
  PixelImage,
  ShownPrediction,
  SavedModelInfo,
  ShapesApi,
  SplitName,
  TrainEvent,
  TrainResult,
  TrainSettings,
} from '../shared/api';
import { calibrate } from '../engine/backend/calibrate';
import { selectBackend } from '../engine/backend/select';
import { createSession } from '../engine/backend/sessions';
import { readSetting, writeSetting } from './stores/db';
import { openWorkspace } from './stores/workspace';
import { decodeImage } from './browser/decode';
import { sourceOf } from './stores/training-data';
import { augmentBatch } from '../engine/data/augment';
import { toModelInput, type RgbaImage } from '../engine/data/pixels';
import { createRng } from '../engine/data/random';
import { LibraryService } from './library';
import { createModel, summarize } from '../engine/model/model';
import { predictProbabilities, scorePredictions, toPredictions } from '../engine/train/evaluate';
import { trainModel } from '../engine/train/run';

interface CurrentModel {
  model: tfl.LayersModel;
  info: SavedModelInfo;
}

/** The training worker as a stateful service: one workspace, one backend, one current model. */
export class ShapesService extends LibraryService implements ShapesApi {
  private current?: CurrentModel;
  private report?: BackendReport;
  private training = false;
  private stopRequested = false;

  async open(appUrl: string): Promise<OpenResult> {
    // Prediction at start-up runs on the cpu backend: no GPU backend is started until training.
    if (!this.report) this.report = await selectBackend('cpu');
    this.workspace = await openWorkspace(appUrl);
    const loaded = await this.workspace.models.load();
    if (loaded) this.replaceCurrent(loaded);
    return { dataset: this.workspace.bundled.index, saved: loaded?.info ?? null, report: this.report };
  }

  async useBackend(choice: BackendChoice): Promise<BackendReport> {
    this.idle('switch backends');
    return this.switchBackend(choice);
  }

  async calibrate(): Promise<Calibration> {
    this.idle('calibrate');
    const calibration = await this.measure();
    this.report = { ...(await selectBackend(calibration.chosen)), calibration };
    return calibration;
  }

  async describeModel(classes: number): Promise<ModelSummary> {
    const model = createModel({ inputSize: this.opened().bundled.index.imageSize, classes, seed: 0, learningRate: 0.001 });
    const summary = summarize(model);
    model.dispose();
    return summary;
  }

  async train(settings: TrainSettings, onEvent: (event: TrainEvent) => void): Promise<TrainResult> {
    this.idle('start another training');
    this.training = true;
    this.stopRequested = false;
    try {
      const { trainingData, models } = this.opened();
      const classNames = await trainingData.classNames();
      const train = await trainingData.split('train', classNames);
      const test = await trainingData.split('test', classNames);
      const report = await this.switchBackend(settings.backend);
      onEvent({ type: 'backend', report });
      const model = createModel({ inputSize: train.size, classes: classNames.length, seed: settings.seed, learningRate: settings.learningRate });
      try {
        const outcome = await trainModel(model, {
          train,
          test,
          settings,
          onBatch: throttleBatches((progress) => void onEvent({ type: 'batch', progress })),
          onEpoch: (log) => void onEvent({ type: 'epoch', log }),
          shouldStop: () => this.stopRequested,
          session: (m, a, b) => createSession(report.active, m, a, b, settings.learningRate),
        });
        if (outcome.history.length === 0) return { ...outcome, saved: null };
        const { history, evaluation } = outcome;
        const date = new Date().toISOString();
        const metadata = { classNames, inputSize: train.size, backend: report.active, date, settings: { ...settings, backend: report.active }, history, evaluation };
        const info = await models.save(model, metadata);
        this.replaceCurrent({ model, info });
        return { ...outcome, saved: info };
      } finally {
        if (this.current?.model !== model) model.dispose();
      }
    } finally {
      this.training = false;
    }
  }

  async stop(): Promise<void> {
    this.stopRequested = true;
  }

  async evaluate(split: SplitName): Promise<EvaluationReport> {
    const { model, info } = this.model();
    const data = await this.opened().trainingData.split(split, info.metadata.classNames);
    const probabilities = await predictProbabilities(model, data.images, data.size);
    const report = scorePredictions(probabilities, data.labels, data.classNames);
    const mistakes = toPredictions(probabilities, data.classNames).flatMap((p, i) => {
      const truth = data.classNames[data.labels[i]!]!;
      return p.label === truth ? [] : [{ source: sourceOf(data.files[i]!), truth, predicted: p.label, probabilities: p.probabilities }];
    });
    return { ...report, mistakes };
  }

  async predict(images: ImageInput[]): Promise<ShownPrediction[]> {
    const { model, info } = this.model();
    const size = info.metadata.inputSize;
    const pixels = size[0] * size[1] * 3;
    const batch = new Float32Array(images.length * pixels);
    for (const [i, image] of images.entries()) {
      const rgba: RgbaImage =
        image.kind === 'encoded'
          ? await decodeImage(new Uint8Array(image.bytes), image.name)
          : { width: image.width, height: image.height, data: new Uint8ClampedArray(image.rgba) };
      batch.set(toModelInput(rgba, size), i * pixels);
    }
    const predictions = toPredictions(await predictProbabilities(model, batch, size), info.metadata.classNames);
    const shown = predictions.map((p, i) => ({ ...p, input: toPixelImage(batch.subarray(i * pixels, (i + 1) * pixels), size, images[i]!.name) }));
    return transfer(shown, shown.map((p) => p.input.rgba));
  }

  async previewAugmentation(options: AugmentOptions, count: number, seed: number): Promise<PixelImage[]> {
    const { trainingData } = this.opened();
    const train = await trainingData.split('train', await trainingData.classNames());
    const byClass = train.classNames.map((_, c) => [...train.labels.keys()].filter((i) => train.labels[i] === c));
    const rows = Int32Array.from({ length: count }, (_, i) => byClass[i % byClass.length]![Math.floor(i / byClass.length) % byClass[i % byClass.length]!.length]!);
    const images = augmentBatch(train.images, rows, train.size, options, createRng(seed));
    const pixels = train.size[0] * train.size[1] * 3;
    const previews = Array.from(rows, (_, i) => toPixelImage(images.subarray(i * pixels, (i + 1) * pixels), train.size, `preview-${i}`));
    return transfer(previews, previews.map((p) => p.rgba));
  }

  async useModel(id: string): Promise<SavedModelInfo> {
    this.idle('switch models');
    const { models } = this.opened();
    const loaded = (await models.load(id))!;
    await models.setCurrent(id);
    this.replaceCurrent(loaded);
    return loaded.info;
  }

  async deleteModel(id: string): Promise<ModelList> {
    this.idle('delete models');
    const { models } = this.opened();
    const current = await models.remove(id);
    if (this.current?.info.id !== current) {
      const loaded = current ? await models.load(current) : null;
      if (loaded) this.replaceCurrent(loaded);
      else this.dropCurrent();
    }
    return models.list();
  }

  override async importModel(name: string, bytes: ArrayBuffer): Promise<SavedModelInfo> {
    const info = await super.importModel(name, bytes);
    return this.useModel(info.id);
  }

  private async switchBackend(choice: BackendChoice): Promise<BackendReport> {
    if (choice !== 'auto') return (this.report = await selectBackend(choice));
    const { db } = this.opened();
    const calibration = (await readSetting(db, 'calibration')) ?? (await this.measure());
    this.report = { ...(await selectBackend(calibration.chosen)), calibration };
    return this.report;
  }

  /** Calibrates on three bundled training images of each class, and remembers the result. */
  private async measure(): Promise<Calibration> {
    const { bundled, db } = this.opened();
    const train = await bundled.split('train');
    const rows = train.classNames.flatMap((_, c) => [...train.labels.keys()].filter((i) => train.labels[i] === c).slice(0, 3));
    const sample = { ...train, labels: Int32Array.from(rows, (r) => train.labels[r]!), images: pick(train.images, rows, train.size) };
    const calibration = await calibrate(sample, (backend, model, data) => createSession(backend, model, data, undefined, 0.001));
    await writeSetting(db, 'calibration', calibration);
    return calibration;
  }

  private idle(action: string): void {
    if (this.training) throw new Error(`Cannot ${action} while training`);
  }

  private model(): CurrentModel {
    if (!this.current) throw new Error('No trained model yet: train one first');
    return this.current;
  }

  private replaceCurrent(next: CurrentModel): void {
    if (this.current?.model !== next.model) this.current?.model.dispose();
    this.current = next;
  }

  private dropCurrent(): void {
    this.current?.model.dispose();
    this.current = undefined;
  }
}

/**
 * The fast path finishes a batch every few milliseconds: forwarding each one would keep the page
 * busy re-rendering. Progress goes out at most every 50 ms, and always for an epoch's last batch.
 */
const BATCH_EVENT_INTERVAL_MS = 50;

function throttleBatches(send: (progress: BatchProgress) => void): (progress: BatchProgress) => void {
  let last = -Infinity;
  return (progress) => {
    const now = performance.now();
    if (now - last < BATCH_EVENT_INTERVAL_MS && progress.batch < progress.batches) return;
    last = now;
    send(progress);
  };
}

/** A model input (HWC floats in [0, 1]) as an opaque RGBA image the page can draw. */
function toPixelImage(input: Float32Array, [h, w]: [number, number], name: string): PixelImage {
  const rgba = new Uint8ClampedArray(h * w * 4);
  for (let p = 0; p < h * w; p++) {
    for (let c = 0; c < 3; c++) rgba[p * 4 + c] = Math.round(input[p * 3 + c]! * 255);
    rgba[p * 4 + 3] = 255;
  }
  return { kind: 'pixels', name, width: w, height: h, rgba: rgba.buffer };
}

/** The given rows of an NHWC image array, in that order. */
function pick(images: Float32Array, rows: number[], [h, w]: [number, number]): Float32Array {
  const pixels = h * w * 3;
  const out = new Float32Array(rows.length * pixels);
  rows.forEach((row, i) => out.set(images.subarray(row * pixels, (row + 1) * pixels), i * pixels));
  return out;
}
