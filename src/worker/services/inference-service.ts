import type * as tfl from '@tensorflow/tfjs-layers';
import { transfer } from 'comlink';
import { modelInput, preprocessOf } from '../../engine/data/preprocess';
import type { FastCnn } from '../../engine/fast/fast-cnn';
import { fastPredictor } from '../../engine/fast/predictor';
import { predictTurned } from '../../engine/data/turns';
import { evaluate, predictProbabilities, toPredictions } from '../../engine/train/evaluate';
import type { EvaluationReport, ImageInput, InferenceService, ShownPrediction, SplitName } from '../../shared/api';
import { modelInputAsPixels } from '../../engine/browser/encode';
import { evaluationReport } from '../stores/training-data';
import type { WorkerContext } from './context';
import { drawingOf } from './drawing-of';

/** The current model at work: classifying the person's images, and scoring it on a split. */
export class InferenceServiceImpl implements InferenceService {
  /** The fast kernels' copy of the current model, made on its first prediction (undefined: tfjs runs it). */
  private fast?: { model: tfl.LayersModel; cnn: Promise<FastCnn | undefined> };

  constructor(private readonly context: WorkerContext) {}

  async predict(images: ImageInput[]): Promise<ShownPrediction[]> {
    const { model, info } = this.context.current.require();
    const size = info.metadata.inputSize;
    const pixels = size[0] * size[1] * 3;
    const batch = new Float32Array(images.length * pixels);
    const preprocess = preprocessOf(info.metadata);
    for (const [i, image] of images.entries())
      batch.set(modelInput(await drawingOf(image), size, preprocess), i * pixels);
    const cnn = await this.fastFor(model);
    const probabilities = cnn
      ? await predictTurned((x, n) => cnn.predict(x, n), batch, images.length, size, !!preprocess.averageTurns)
      : await predictProbabilities(model, batch, size, preprocess);
    const predictions = toPredictions(probabilities, info.metadata.classNames);
    const shown = predictions.map((p, i) => ({
      ...p,
      input: modelInputAsPixels(batch.subarray(i * pixels, (i + 1) * pixels), size, images[i]!.name),
    }));
    return transfer(
      shown,
      shown.map((p) => p.input.rgba),
    );
  }

  async evaluate(split: SplitName): Promise<EvaluationReport> {
    const { model, info } = this.context.current.require();
    const { classNames } = info.metadata;
    const preprocess = preprocessOf(info.metadata);
    const data = await this.context.workspace.trainingData.split(split, classNames, preprocess);
    return evaluationReport(await evaluate(model, data, preprocess));
  }

  /** The FastCnn for this model, made once; the previous model's is dropped when the model changes. */
  private fastFor(model: tfl.LayersModel): Promise<FastCnn | undefined> {
    if (this.fast?.model !== model) {
      void this.fast?.cnn.then((cnn) => cnn?.dispose());
      this.fast = { model, cnn: fastPredictor(model).catch(() => undefined) };
    }
    return this.fast.cnn;
  }
}
