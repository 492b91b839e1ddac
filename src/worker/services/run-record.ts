import type * as tfl from '@tensorflow/tfjs-layers';
import type { Dataset } from '../../engine/data/dataset';
import { evaluate } from '../../engine/train/evaluate';
import type { ModelMetadata, Preprocess } from '../../shared/api';
import { SAMPLE_PREFIX, type TrainingData } from '../stores/training-data';

/**
 * What a trained model records beyond its run, so the models table can say what stands behind a
 * score: the images it was trained and tested on, and its accuracy on the bundled hard split
 * (when it has classes of that split), which 100% on an easy test split can hide.
 */
export async function runRecord(
  model: tfl.LayersModel,
  trainingData: TrainingData,
  splits: { train: Dataset; test: Dataset },
  preprocess: Preprocess,
): Promise<Pick<ModelMetadata, 'data' | 'hardAccuracy'>> {
  const { user } = await trainingData.state();
  const { train, test } = splits;
  const own = (data: Dataset) => data.files.filter((file) => file.startsWith(SAMPLE_PREFIX)).length;
  const hard = await trainingData.split('hard', train.classNames, preprocess);
  const data = {
    train: train.labels.length,
    test: test.labels.length,
    own: own(train) + own(test),
    bundled: user.includeBundled ? user.bundledSet : null,
  };
  return hard.labels.length ? { data, hardAccuracy: (await evaluate(model, hard, preprocess)).accuracy } : { data };
}
