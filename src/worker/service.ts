import type * as tfl from '@tensorflow/tfjs-layers';
import type {
  BackendChoice,
  BackendReport,
  Calibration,
  Evaluation,
  ImageInput,
  ModelSummary,
  OpenResult,
  Prediction,
  SavedModelInfo,
  ShapesApi,
  SplitName,
  TrainEvent,
  TrainResult,
  TrainSettings,
} from '../shared/api';
import { calibrate } from './backend/calibrate';
import { selectBackend } from './backend/select';
import { createSession } from './backend/sessions';
import { BundledDataset } from './browser/dataset';
import { openAppDb, readSetting, writeSetting, type AppDb } from './browser/db';
import { decodeImage } from './browser/decode';
import { ModelStore } from './browser/model-store';
import type { Dataset } from './data/dataset';
import { toModelInput, type RgbaImage } from './data/pixels';
import { createModel, summarize } from './model/model';
import { evaluate, predictProbabilities, toPredictions } from './train/evaluate';
import { trainModel } from './train/run';

interface CurrentModel {
  model: tfl.LayersModel;
  info: SavedModelInfo;
}

/** The training worker as a stateful service: one dataset, one backend, one current model. */
export class ShapesService implements ShapesApi {
  private data?: BundledDataset;
  private db?: AppDb;
  private store?: ModelStore;
  private current?: CurrentModel;
  private report?: BackendReport;
  private training = false;
  private stopRequested = false;

  async open(appUrl: string): Promise<OpenResult> {
    // Prediction at start-up runs on the cpu backend: no GPU backend is started until training.
    if (!this.report) this.report = await selectBackend('cpu');
    this.data = await BundledDataset.open(appUrl);
    this.db = await openAppDb();
    this.store = new ModelStore(this.db);
    const loaded = await this.store.load();
    if (loaded) this.replaceCurrent(loaded);
    return { dataset: this.data.index, saved: loaded?.info ?? null };
  }

  async useBackend(choice: BackendChoice): Promise<BackendReport> {
    if (this.training) throw new Error('Cannot switch backends while training');
    return this.switchBackend(choice);
  }

  private async switchBackend(choice: BackendChoice): Promise<BackendReport> {
    if (choice !== 'auto') return (this.report = await selectBackend(choice));
    const calibration = (await readSetting(this.opened().db, 'calibration')) ?? (await this.measure());
    this.report = { ...(await selectBackend(calibration.chosen)), calibration };
    return this.report;
  }

  async calibrate(): Promise<Calibration> {
    if (this.training) throw new Error('Cannot calibrate while training');
    const calibration = await this.measure();
    this.report = { ...(await selectBackend(calibration.chosen)), calibration };
    return calibration;
  }

  /** Calibrates on three training images of each class, and remembers the result on this device. */
  private async measure(): Promise<Calibration> {
    const { data, db } = this.opened();
    const train = await data.split('train');
    const rows = train.classNames.flatMap((_, c) => [...train.labels.keys()].filter((i) => train.labels[i] === c).slice(0, 3));
    const calibration = await calibrate(subset(train, rows), (backend, model, sample) =>
      createSession(backend, model, sample, undefined, 0.001),
    );
    await writeSetting(db, 'calibration', calibration);
    return calibration;
  }

  async describeModel(classes: number): Promise<ModelSummary> {
    const model = createModel({ inputSize: this.opened().data.index.imageSize, classes, seed: 0, learningRate: 0.001 });
    const summary = summarize(model);
    model.dispose();
    return summary;
  }

  async train(settings: TrainSettings, onEvent: (event: TrainEvent) => void): Promise<TrainResult> {
    if (this.training) throw new Error('Training is already running');
    this.training = true;
    this.stopRequested = false;
    try {
      const report = await this.switchBackend(settings.backend);
      onEvent({ type: 'backend', report });
      const { data } = this.opened();
      const train = await data.split('train');
      const test = await data.split('test');
      const model = createModel({
        inputSize: train.size,
        classes: train.classNames.length,
        seed: settings.seed,
        learningRate: settings.learningRate,
      });
      const outcome = await trainModel(model, {
        train,
        test,
        settings,
        onBatch: (progress) => void onEvent({ type: 'batch', progress }),
        onEpoch: (log) => void onEvent({ type: 'epoch', log }),
        shouldStop: () => this.stopRequested,
        session: (m, a, b) => createSession(report.active, m, a, b, settings.learningRate),
      }).catch((error: unknown) => {
        model.dispose();
        throw error;
      });
      if (outcome.history.length === 0) {
        model.dispose();
        return { ...outcome, saved: null };
      }
      const info = await this.store!.save(model, {
        classNames: train.classNames,
        inputSize: train.size,
        backend: report.active,
        date: new Date().toISOString(),
        settings: { ...settings, backend: report.active },
        history: outcome.history,
        evaluation: outcome.evaluation,
      });
      this.replaceCurrent({ model, info });
      return { ...outcome, saved: info };
    } finally {
      this.training = false;
    }
  }

  async stop(): Promise<void> {
    this.stopRequested = true;
  }

  async evaluate(split: SplitName): Promise<Evaluation> {
    const { model, info } = this.model();
    return evaluate(model, await this.opened().data.split(split, info.metadata.classNames));
  }

  async predict(images: ImageInput[]): Promise<Prediction[]> {
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
    return toPredictions(await predictProbabilities(model, batch, size), info.metadata.classNames);
  }

  async deleteSavedModel(): Promise<void> {
    if (this.training) throw new Error('Cannot delete the model while training');
    await this.store?.deleteCurrent();
    this.current?.model.dispose();
    this.current = undefined;
  }

  private opened(): { data: BundledDataset; db: AppDb } {
    if (!this.data || !this.db) throw new Error('The worker is not open yet: call open() first');
    return { data: this.data, db: this.db };
  }

  private model(): CurrentModel {
    if (!this.current) throw new Error('No trained model yet: train one first');
    return this.current;
  }

  private replaceCurrent(next: CurrentModel): void {
    this.current?.model.dispose();
    this.current = next;
  }
}

/** The given rows of a dataset, in that order. */
function subset(data: Dataset, rows: number[]): Dataset {
  const pixels = data.size[0] * data.size[1] * 3;
  const images = new Float32Array(rows.length * pixels);
  rows.forEach((row, i) => images.set(data.images.subarray(row * pixels, (row + 1) * pixels), i * pixels));
  return { ...data, files: rows.map((r) => data.files[r]!), labels: Int32Array.from(rows, (r) => data.labels[r]!), images };
}
