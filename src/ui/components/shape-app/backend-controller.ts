import type { BackendReport, Calibration } from '../../../shared/api';
import type { AppEvent } from '../../events';
import { loadBackendChoice, saveBackendChoice } from '../../settings-store';
import type { BackendActivity } from '../backend-panel/backend-panel.component';
import { listen, type AppHost } from './app-host';

/** Which backend runs and why, the person's choice, and the events of the backend panel. */
export class BackendController {
  /** What runs now (from the worker's open(), then from each switch or training run). */
  report?: BackendReport;
  /** Measurements taken in this session; otherwise those behind an 'auto' report. */
  calibration?: Calibration;
  choice = loadBackendChoice();
  activity: BackendActivity = null;

  constructor(private readonly host: AppHost) {
    listen(host, {
      'sc-backend-change': (e) => this.onChange(e),
      'sc-calibrate': () => this.onCalibrate(),
    });
  }

  /** Shows a new report (from open() or a training run). */
  show(report: BackendReport): void {
    this.report = report;
    this.host.requestUpdate();
  }

  private set(activity: BackendActivity): void {
    this.activity = activity;
    this.host.requestUpdate();
  }

  private async onChange(event: AppEvent<'sc-backend-change'>): Promise<void> {
    this.choice = event.detail;
    saveBackendChoice(event.detail);
    this.set('switching');
    this.report = (await this.host.attempt('error.backend', () => this.host.api.useBackend(event.detail))) ?? this.report;
    this.set(null);
  }

  private async onCalibrate(): Promise<void> {
    this.set('calibrating');
    const calibration = await this.host.attempt('error.calibrate', () => this.host.api.calibrate());
    if (calibration) {
      this.calibration = calibration;
      // Calibrating leaves the fastest backend running; report what runs for the current choice.
      this.report = (await this.host.attempt('error.backend', () => this.host.api.useBackend(this.choice))) ?? this.report;
    }
    this.set(null);
  }
}
