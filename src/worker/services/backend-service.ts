import { calibrate } from '../../engine/backend/calibrate';
import { selectBackend } from '../../engine/backend/select';
import { createSession } from '../../engine/backend/sessions';
import { rowsByClass, selectRows } from '../../engine/data/dataset';
import {
  TUTORIAL_SETTINGS,
  type BackendChoice,
  type BackendReport,
  type BackendService,
  type Calibration,
} from '../../shared/api';
import { readSetting, writeSetting } from '../stores/db';
import type { WorkerContext } from './context';

/** Training images of each class the calibration steps on: enough for one batch of 3 per class. */
const CALIBRATION_IMAGES_PER_CLASS = 3;

/** Which path runs: the person's choice, or for 'auto' the fastest one a calibration found correct. */
export class BackendServiceImpl implements BackendService {
  private report?: BackendReport;

  constructor(private readonly context: WorkerContext) {}

  async use(choice: BackendChoice): Promise<BackendReport> {
    this.context.assertIdle('switch backends');
    return this.start(choice);
  }

  async calibrate(choice: BackendChoice): Promise<BackendReport> {
    this.context.assertIdle('calibrate');
    await this.measure();
    return this.start(choice);
  }

  /**
   * What predicts at start-up: the cpu backend, unless a path already runs (no GPU is started for
   * it), with the device's last measurements.
   */
  async forPrediction(): Promise<BackendReport> {
    this.report ??= await this.withMeasurements(await selectBackend('cpu'));
    return this.report;
  }

  /** Starts the path for a choice; 'auto' measures first if this device never has. */
  async start(choice: BackendChoice): Promise<BackendReport> {
    if (choice === 'auto') {
      const calibration = (await this.lastMeasurements()) ?? (await this.measure());
      this.report = { ...(await selectBackend(calibration.chosen)), calibration };
    } else {
      this.report = await this.withMeasurements(await selectBackend(choice));
    }
    return this.report;
  }

  private lastMeasurements(): Promise<Calibration | undefined> {
    return readSetting(this.context.workspace.db, 'calibration');
  }

  private async withMeasurements(report: BackendReport): Promise<BackendReport> {
    const calibration = await this.lastMeasurements();
    return calibration ? { ...report, calibration } : report;
  }

  /** Times a few steps on each path with starter-set images, and remembers the result. */
  private async measure(): Promise<Calibration> {
    const { bundled, db } = this.context.workspace;
    const train = await bundled.split('train');
    const rows = rowsByClass(train).flatMap((rows) => rows.slice(0, CALIBRATION_IMAGES_PER_CLASS));
    const { learningRate } = TUTORIAL_SETTINGS;
    const calibration = await calibrate(selectRows(train, rows), (backend, model, data) =>
      createSession(backend, model, data, undefined, learningRate),
    );
    await writeSetting(db, 'calibration', calibration);
    return calibration;
  }
}
