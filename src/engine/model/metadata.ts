import { preprocessFor } from '../data/preprocess';
import type { BackendName, EpochLog, Evaluation, ModelMetadata, TrainSettings } from '../../shared/api';

export interface MetadataParts {
  classNames: string[];
  inputSize: [number, number];
  /** The path that actually trained, which may differ from the one asked for ('auto', a fallback). */
  backend: BackendName;
  settings: TrainSettings;
  history: EpochLog[];
  evaluation?: Evaluation;
}

/**
 * What a saved model records about how it was made, the same from the app and the CLI. Only the
 * evaluation's figures are kept: the images it got wrong belong to the device that trained it.
 */
export function buildMetadata({
  classNames,
  inputSize,
  backend,
  settings,
  history,
  evaluation,
}: MetadataParts): ModelMetadata {
  const metadata: ModelMetadata = {
    classNames: [...classNames],
    inputSize: [...inputSize],
    backend,
    date: new Date().toISOString(),
    settings: { ...settings, backend },
    history,
    preprocess: preprocessFor(settings),
  };
  if (evaluation) {
    const { loss, accuracy, classIndices, perClass, confusion, count } = evaluation;
    metadata.evaluation = { loss, accuracy, classIndices, perClass, confusion, count };
  }
  return metadata;
}
