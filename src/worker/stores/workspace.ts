import { BundledDataset } from '../../engine/browser/bundled-dataset';
import { CheckpointStore } from './checkpoint-store';
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
  checkpoints: CheckpointStore;
  samples: SampleStore;
  trainingData: TrainingData;
  importer: Importer;
}

/** What the workspace tells its owner: another tab upgraded the database, or a store changed. */
export interface WorkspaceEvents {
  onVersionChange(): void;
  onChange(kind: 'dataset' | 'models'): void;
}

export async function openWorkspace(appUrl: string, events: WorkspaceEvents): Promise<Workspace> {
  const [bundled, db] = await Promise.all([BundledDataset.open(appUrl), openAppDb(events.onVersionChange)]);
  const samples = new SampleStore(db, () => events.onChange('dataset'));
  return {
    bundled,
    db,
    models: new ModelStore(db, () => events.onChange('models')),
    checkpoints: new CheckpointStore(db),
    samples,
    trainingData: new TrainingData(bundled, samples),
    importer: new Importer(samples),
  };
}
