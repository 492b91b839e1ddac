import { BundledDataset } from '../../engine/browser/bundled-dataset';
import { openAppDb, type AppDb } from './db';
import { Importer } from '../services/importer';
import { ModelStore } from './model-store';
import { SampleStore } from './sample-store';
import { TrainingData } from './training-data';

/** Everything the worker keeps once opened: the bundled set, the device's database and its stores. */
export interface Workspace {
  bundled: BundledDataset;
  db: AppDb;
  models: ModelStore;
  samples: SampleStore;
  trainingData: TrainingData;
  importer: Importer;
}

export async function openWorkspace(appUrl: string, onVersionChange: () => void): Promise<Workspace> {
  const [bundled, db] = await Promise.all([BundledDataset.open(appUrl), openAppDb(onVersionChange)]);
  const samples = new SampleStore(db);
  return {
    bundled,
    db,
    models: new ModelStore(db),
    samples,
    trainingData: new TrainingData(bundled, samples),
    importer: new Importer(samples),
  };
}
