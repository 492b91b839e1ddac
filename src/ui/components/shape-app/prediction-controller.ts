import type { ShownPrediction } from '../../../shared/api';
import { transferImages } from '../../bridge';
import type { AppEvent } from '../../events';
import { LatestRequest } from '../../latest';
import { listen, type AppHost } from './app-host';

/** The answer for what the Predict tab shows; only the newest request's answer may appear. */
export class PredictionController {
  prediction?: ShownPrediction;
  private readonly requests = new LatestRequest();

  constructor(private readonly host: AppHost) {
    listen(host, {
      'sc-predict': (e) => this.onPredict(e),
      'sc-predict-clear': () => this.clear(),
    });
  }

  /** Forgets the answer, and any answer still coming (the input went, or the model changed). */
  clear(): void {
    this.requests.cancel();
    this.prediction = undefined;
    this.host.requestUpdate();
  }

  private onPredict(event: AppEvent<'sc-predict'>): Promise<void> {
    const images = transferImages([event.detail]);
    return this.requests.run(
      () => this.host.attempt('error.predict', () => this.host.api.inference.predict(images)),
      (predictions) => {
        this.prediction = predictions?.[0];
        this.host.requestUpdate();
      },
    );
  }
}
