import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { BundledSet, Calibration, SampleInfo, SavedModelInfo } from '../../shared/api';
import type { Checkpoint } from './checkpoint-store';

/** Our own database: tfjs keeps model artifacts in its own `tensorflowjs` database. */
const DB_NAME = 'shape-cnn';

export interface ModelRecord extends SavedModelInfo {
  /** Where tfjs keeps this model's topology and weights, e.g. `indexeddb://shape-cnn/1700000000000`. */
  url: string;
}

/** Small values kept per device, each under its own key. */
export interface Settings {
  /** The id of the model the app loads at start. */
  current: string;
  calibration: Calibration;
  /** The user's classes, sorted, including ones without samples yet. */
  classes: string[];
  includeBundled: boolean;
  bundledSet: BundledSet;
  /** A run that did not finish, until it is kept or discarded. */
  checkpoint: Checkpoint;
}

/** A sample's encoded image, kept apart from its info so that listing samples reads no pixels. */
export interface SampleBytes {
  bytes: ArrayBuffer;
  type: string;
}

export interface AppSchema extends DBSchema {
  models: { key: string; value: ModelRecord };
  settings: { key: keyof Settings; value: Settings[keyof Settings] };
  samples: { key: string; value: SampleInfo };
  sampleBytes: { key: string; value: SampleBytes };
}

export type AppDb = IDBPDatabase<AppSchema>;

/**
 * `onVersionChange` hears that another tab opened a newer version of the database: this tab's
 * connection is closed at once so that the other tab's upgrade can go ahead.
 */
export const openAppDb = (onVersionChange: () => void): Promise<AppDb> =>
  openDB<AppSchema>(DB_NAME, 1, {
    blocking(_current, _next, event) {
      (event.target as IDBDatabase).close();
      onVersionChange();
    },
    upgrade(database) {
      database.createObjectStore('models', { keyPath: 'id' });
      database.createObjectStore('settings');
      database.createObjectStore('samples', { keyPath: 'id' });
      database.createObjectStore('sampleBytes');
    },
  });

export async function readSetting<K extends keyof Settings>(db: AppDb, key: K): Promise<Settings[K] | undefined> {
  return (await db.get('settings', key)) as Settings[K] | undefined;
}

export async function writeSetting<K extends keyof Settings>(db: AppDb, key: K, value: Settings[K]): Promise<void> {
  await db.put('settings', value, key);
}
