import type { BackendReport } from '../../../shared/api';
import type { AppEvent } from '../../events';
import { loadBackendChoice, loadThreadLimit, saveBackendChoice, saveThreadLimit } from '../../settings-store';
import type { BackendActivity } from '../backend-panel/backend-panel.component';
import { listen, type AppHost } from './app-host';

/** Which backend runs and why, the person's choice and thread limit, and the events of the backend panel. */
export class BackendController {
  /** What runs now (from the worker's open(), then from each switch, calibration or training run). */
  report?: BackendReport;
  choice = loadBackendChoice();
  /** The most threads the WebAssembly path may train on (undefined: every core), for the next run. */
  threads = loadThreadLimit();
  activity: BackendActivity = null;

  constructor(private readonly host: AppHost) {
    listen(host, {
      'sc-backend-change': (e) => this.onChange(e),
      'sc-calibrate': () => this.onCalibrate(),
      'sc-threads-change': (e) => {
        this.threads = e.detail;
        saveThreadLimit(e.detail);
        host.requestUpdate();
      },
    });
  }

  /** Shows a new report (from open() or a training run). */
  show(report: BackendReport): void {
    this.report = report;
    this.host.requestUpdate();
  }

  private async during(activity: BackendActivity, job: () => Promise<BackendReport | undefined>): Promise<void> {
    this.activity = activity;
    this.host.requestUpdate();
    const report = await job();
    this.activity = null;
    this.show(report ?? this.report!);
  }

  private onChange(event: AppEvent<'sc-backend-change'>): Promise<void> {
    this.choice = event.detail;
    saveBackendChoice(event.detail);
    return this.during('switching', () =>
      this.host.attempt('error.backend', () => this.host.api.backend.use(event.detail)),
    );
  }

  /** Measures every path, then reports what runs for the current choice, with the measurements. */
  private onCalibrate(): Promise<void> {
    return this.during('calibrating', () =>
      this.host.attempt('error.calibrate', () => this.host.api.backend.calibrate(this.choice)),
    );
  }
}
