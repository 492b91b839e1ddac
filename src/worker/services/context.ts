import { DataError } from '../../engine/data/errors';
import { CHANGES_CHANNEL, type StoredChange } from '../../shared/api';
import type { Workspace } from '../stores/workspace';
import { CurrentModel } from './current-model';

const TRAINING_LOCK = 'shape-cnn-training';
/** Long enough for the answer that explains the restart to reach the page first. */
const RESTART_DELAY_MS = 200;

/** What the services share: the opened workspace, the model in use, and whether training holds the worker. */
export class WorkerContext {
  readonly current = new CurrentModel();
  private opened?: Workspace;
  private training = false;
  private upgradedElsewhere = false;
  private readonly changes =
    typeof BroadcastChannel === 'undefined' ? undefined : new BroadcastChannel(CHANGES_CHANNEL);

  constructor() {
    // Another tab changed the models: the one this tab predicts with may be another now, or gone.
    this.changes?.addEventListener('message', (event: MessageEvent<StoredChange>) => {
      if (event.data.kind !== 'models' || !this.opened || this.training) return;
      // A model that cannot be loaded here predicts nothing rather than something stale.
      this.followCurrentModel().catch(() => this.current.replace(null));
    });
  }

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

  /**
   * This worker cannot go on (its GPU device was lost, and tfjs cannot start that backend again):
   * it closes once the current answer is out, and the page starts a fresh worker.
   */
  needsRestart(): void {
    setTimeout(() => self.close(), RESTART_DELAY_MS);
  }

  /** Tells the app's other tabs that stored samples or models changed. */
  changed(kind: StoredChange['kind']): void {
    this.changes?.postMessage({ kind, from: self.name } satisfies StoredChange);
  }

  private async followCurrentModel(): Promise<void> {
    const { models } = this.opened!;
    const { current } = await models.list();
    if (current !== this.current.id) this.current.replace(current ? await models.load(current) : null);
  }

  /** Refuses `action` while a training run holds the backend and the current model. */
  assertIdle(action: string): void {
    if (this.training) throw new Error(`Cannot ${action} while training`);
  }

  /**
   * Runs a training job, one at a time in this tab and across the app's tabs (a Web Lock): two
   * runs at once would halve each one's speed and race to become the model in use.
   */
  async whileTraining<T>(job: () => Promise<T>): Promise<T> {
    this.assertIdle('start another training');
    this.training = true;
    try {
      const locks = (self.navigator as Navigator & { locks?: LockManager }).locks;
      if (!locks) return await job();
      return await locks.request(TRAINING_LOCK, { ifAvailable: true }, (lock) => {
        if (!lock) throw new DataError('', 'trainingElsewhere');
        return job();
      });
    } finally {
      this.training = false;
    }
  }
}
