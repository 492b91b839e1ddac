import type { ImageInput, ShownPrediction } from '../../../shared/api';
import { problemOf } from '../../../shared/problems';
import { transferImages } from '../../bridge';
import { messageOf } from '../../format';
import { loadProblemMessages, problemText } from '../../i18n/i18n';
import type { BatchAnswer } from '../prediction-grid/prediction-grid.component';
import type { AppEvent } from '../../events';
import { LatestRequest } from '../../latest';
import { listen, type AppHost } from './app-host';

/**
 * The answer for what the Predict tab shows; only the newest request's answer may appear. One
 * image at a time is at the worker: a drawing that changes every frame would otherwise queue up
 * faster than it is classified, so while one is classified only the newest input waits.
 */
export class PredictionController {
  prediction?: ShownPrediction;
  /** The answers for the latest batch of several images, in their order. */
  batch?: BatchAnswer[];
  private readonly requests = new LatestRequest();
  private readonly batches = new LatestRequest();
  /** The newest input not yet sent (its buffer is still the page's: it replaces an older one freely). */
  private waiting?: ImageInput;
  private sending = false;

  constructor(private readonly host: AppHost) {
    listen(host, {
      'sc-predict': (e) => this.onPredict(e),
      'sc-predict-batch': (e) => this.onBatch(e),
      'sc-predict-clear': () => this.clear(),
    });
  }

  /** Forgets the answer, and any answer still coming (the input went, or the model changed). */
  clear(): void {
    this.requests.cancel();
    this.batches.cancel();
    this.waiting = undefined;
    this.prediction = undefined;
    this.batch = undefined;
    this.host.requestUpdate();
  }

  private onPredict(event: AppEvent<'sc-predict'>): Promise<void> | undefined {
    this.waiting = event.detail;
    return this.sending ? undefined : this.send();
  }

  /**
   * A batch is judged image by image: one that cannot be read gets its reason beside its name and the
   * others their answers. A newer batch's answers replace it.
   */
  private onBatch(event: AppEvent<'sc-predict-batch'>): Promise<void> {
    this.batch = undefined;
    const images = event.detail;
    return this.batches.run(
      () => Promise.all(images.map((image) => this.answer(image))),
      (answers) => {
        this.batch = answers;
        this.host.requestUpdate();
      },
    );
  }

  private async answer(image: ImageInput): Promise<BatchAnswer> {
    try {
      const [prediction] = await this.host.api.inference.predict(transferImages([image]));
      return prediction!;
    } catch (error) {
      const problem = problemOf(error);
      if (problem) await loadProblemMessages().catch(() => undefined);
      return { error: problem ? problemText(problem) : messageOf(error) };
    }
  }

  /** Sends the waiting input, and again whatever arrived meanwhile, until nothing waits. */
  private async send(): Promise<void> {
    this.sending = true;
    for (let image = this.waiting; image; image = this.waiting) {
      this.waiting = undefined;
      const images = transferImages([image]);
      await this.requests.run(
        () => this.host.attempt('error.predict', () => this.host.api.inference.predict(images)),
        (predictions) => {
          this.prediction = predictions?.[0];
          this.host.requestUpdate();
        },
      );
    }
    this.sending = false;
  }
}
