import { DataError } from '../../engine/data/errors';
import type { AppService, OpenResult } from '../../shared/api';
import type { Problem } from '../../shared/problems';
import { openWorkspace } from '../stores/workspace';
import type { BackendServiceImpl } from './backend-service';
import type { WorkerContext } from './context';
import type { TrainingServiceImpl } from './training-service';

/** Opens the device's data and the current model, and says what the app starts with. */
export class AppServiceImpl implements AppService {
  constructor(
    private readonly context: WorkerContext,
    private readonly backends: BackendServiceImpl,
    private readonly alive: Promise<void>,
    private readonly training: TrainingServiceImpl,
  ) {}

  ready(): Promise<void> {
    return this.alive;
  }

  async open(appUrl: string): Promise<OpenResult> {
    const workspace = await openWorkspace(appUrl, {
      onVersionChange: () => this.context.closeForUpgrade(),
      onChange: (kind) => this.context.changed(kind),
    });
    this.context.open(workspace);
    const notices: Problem[] = [];
    await workspace.models.sweep().catch((error: unknown) => {
      notices.push(new DataError('', 'sweepFailed', { detail: (error as Error).message }).problem);
    });
    const backend = await this.backends.forPrediction();
    const loaded = await workspace.models.load();
    if (loaded) this.context.current.replace(loaded);
    const [dataset, models] = await Promise.all([workspace.trainingData.state(), workspace.models.list()]);
    const pending = await this.training.pending();
    const { index: bundled, starter } = workspace.bundled;
    return { bundled, starter, dataset, models, backend, notices, pending };
  }
}
