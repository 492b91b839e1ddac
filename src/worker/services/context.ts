import { DataError } from '../../engine/data/errors';
import type { Workspace } from '../stores/workspace';
import { CurrentModel } from './current-model';

/** What the services share: the opened workspace, the model in use, and whether training holds the worker. */
export class WorkerContext {
  readonly current = new CurrentModel();
  private opened?: Workspace;
  private training = false;
  private upgradedElsewhere = false;

  open(workspace: Workspace): void {
    this.opened = workspace;
  }

  /** Another tab upgraded the database: this tab's connection is closed and the tab must reload. */
  closeForUpgrade(): void {
    this.upgradedElsewhere = true;
  }

  get workspace(): Workspace {
    if (this.upgradedElsewhere) throw new DataError('', 'upgradedElsewhere');
    if (!this.opened) throw new Error('The worker is not open yet: call app.open() first');
    return this.opened;
  }

  /** Refuses `action` while a training run holds the backend and the current model. */
  assertIdle(action: string): void {
    if (this.training) throw new Error(`Cannot ${action} while training`);
  }

  /** Runs a training job, one at a time. */
  async whileTraining<T>(job: () => Promise<T>): Promise<T> {
    this.assertIdle('start another training');
    this.training = true;
    try {
      return await job();
    } finally {
      this.training = false;
    }
  }
}
