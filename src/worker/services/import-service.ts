import type { DatasetState, ImportProgress, ImportService, ImportSource, ImportSummary } from '../../shared/api';
import { transferBytes } from '../buffers';
import type { WorkerContext } from './context';

/** Seeds the test split of imports that come without one, so the same folder splits the same way. */
const IMPORT_SEED = 3;

/** Folders and zips in `flow_from_directory` layout, in and out. */
export class ImportServiceImpl implements ImportService {
  constructor(private readonly context: WorkerContext) {}

  prepare(
    source: ImportSource,
    testFraction: number,
    onProgress?: (progress: ImportProgress) => void,
  ): Promise<ImportSummary> {
    return this.context.workspace.importer.prepare(source, { testFraction, seed: IMPORT_SEED }, onProgress);
  }

  async commit(token: string): Promise<{ count: number; dataset: DatasetState }> {
    const { importer, trainingData } = this.context.workspace;
    const count = await importer.commit(token);
    return { count, dataset: await trainingData.state() };
  }

  async exportDataset(): Promise<ArrayBuffer> {
    return transferBytes(await this.context.workspace.importer.exportZip());
  }
}
