import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Calibration, SavedModelInfo } from '../../shared/api';

/** Our own database: tfjs keeps model artifacts in its own `tensorflowjs` database. */
const DB_NAME = 'shape-cnn';

export interface ModelRecord extends SavedModelInfo {
  id: string;
  /** Where tfjs keeps this model's topology and weights, e.g. `indexeddb://shape-cnn/1700000000000`. */
  url: string;
}

/** Small values kept per device, each under its own key. */
export interface Settings {
  /** The id of the model the app loads at start. */
  current: string;
  calibration: Calibration;
}

export interface AppSchema extends DBSchema {
  models: { key: string; value: ModelRecord };
  settings: { key: keyof Settings; value: Settings[keyof Settings] };
}

export type AppDb = IDBPDatabase<AppSchema>;

export const openAppDb = (): Promise<AppDb> =>
  openDB<AppSchema>(DB_NAME, 1, {
    upgrade(database) {
      database.createObjectStore('models', { keyPath: 'id' });
      database.createObjectStore('settings');
    },
  });

export async function readSetting<K extends keyof Settings>(db: AppDb, key: K): Promise<Settings[K] | undefined> {
  return (await db.get('settings', key)) as Settings[K] | undefined;
}

export async function writeSetting<K extends keyof Settings>(db: AppDb, key: K, value: Settings[K]): Promise<void> {
  await db.put('settings', value, key);
}
