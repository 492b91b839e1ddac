import {
  BUNDLED_SETS,
  type BundledSet,
  DEFAULT_REDRAW,
  FIT_FRAME_DEFAULTS,
  fitFrameFrom,
  NO_AUGMENTATION,
  type AugmentOptions,
  type Mistake,
  type ProjectSettings,
} from '../../shared/api';
import { shapedLike } from '../../shared/shaped-like';
import { DataError } from '../data/errors';

/** A project file's own name and layout version: a newer app may add fields, never reinterpret these. */
export const PROJECT_FORMAT = 'shape-cnn-project';
export const PROJECT_VERSION = 1;
export const PROJECT_JSON = 'project.json';

/** A sample's details that its path (train/<class>/<file>) does not hold. */
export interface ManifestSample {
  path: string;
  id: string;
  name: string;
  addedAt: string;
}

/** A saved model: its files are in `models/<folder>/` (model.json, weights.bin, metadata.json). */
export interface ManifestModel {
  folder: string;
  id: string;
  name: string;
  /** The test images it got wrong, naming the project's samples by id. */
  mistakes?: Mistake[];
}

/** project.json: what the files of the archive do not say themselves. */
export interface ProjectManifest {
  format: typeof PROJECT_FORMAT;
  version: number;
  savedAt: string;
  /** Every class of the person's, those without samples too. */
  classes: string[];
  includeBundled: boolean;
  /** Absent in projects saved before the starter set had a choice: the starter set. */
  bundledSet?: BundledSet;
  settings: ProjectSettings;
  /** The id of the model in use, or null. */
  current: string | null;
  samples: ManifestSample[];
  models: ManifestModel[];
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => !!value && typeof value === 'object' && !Array.isArray(value);
const isText = (value: unknown): value is string => typeof value === 'string';
const isCount = (value: unknown, min: number) => Number.isInteger(value) && (value as number) >= min;

/** Checks project.json field by field; `where` names it in the refusal. */
export function parseManifest(value: unknown, where: string): ProjectManifest {
  const refuse = (detail: string) => new DataError(where, 'projectManifest', { detail });
  if (!isObject(value) || value.format !== PROJECT_FORMAT) throw new DataError(where, 'notProject');
  if (!isCount(value.version, 1)) throw refuse("'version' must be a whole number");
  if ((value.version as number) > PROJECT_VERSION) {
    throw new DataError(where, 'projectVersion', { version: value.version as number, supported: PROJECT_VERSION });
  }
  const { classes, samples, models, current } = value;
  if (!isText(value.savedAt)) throw refuse("'savedAt' must be a date");
  if (!Array.isArray(classes) || !classes.every(isText)) throw refuse("'classes' must be a list of names");
  if (typeof value.includeBundled !== 'boolean') throw refuse("'includeBundled' must be true or false");
  if (value.bundledSet !== undefined && !BUNDLED_SETS.includes(value.bundledSet as BundledSet)) {
    throw refuse(`'bundledSet' must be one of ${BUNDLED_SETS.join(', ')}`);
  }
  const sampleFields = (s: unknown) => isObject(s) && [s.path, s.id, s.name, s.addedAt].every(isText);
  if (!Array.isArray(samples) || !samples.every(sampleFields)) {
    throw refuse("'samples' must list {path, id, name, addedAt}");
  }
  if (!Array.isArray(models) || !models.every((m) => isObject(m) && [m.folder, m.id, m.name].every(isText))) {
    throw refuse("'models' must list {folder, id, name}");
  }
  for (const model of models as Json[]) {
    if (model.mistakes !== undefined && !(Array.isArray(model.mistakes) && model.mistakes.every(isMistake)))
      throw refuse(`model '${model.id}': 'mistakes' must list {source, truth, predicted, probabilities}`);
  }
  if (new Set(models.map((m: Json) => m.id)).size !== models.length) throw refuse('two models have the same id');
  if (current !== null && !models.some((m: Json) => m.id === current)) {
    throw refuse(`'current' (${JSON.stringify(current)}) is not the id of one of its models`);
  }
  return { ...(value as unknown as ProjectManifest), settings: parseSettings(value.settings, refuse) };
}

function isMistake(value: unknown): value is Mistake {
  if (!isObject(value) || !isText(value.truth) || !isText(value.predicted)) return false;
  const source = value.source;
  const known =
    isObject(source) &&
    (source.kind === 'sample'
      ? isText(source.id)
      : source.kind === 'bundled'
        ? isText(source.path)
        : source.kind === 'starter' && isText(source.split) && isCount(source.tile, 0));
  return known && Array.isArray(value.probabilities) && value.probabilities.every(Number.isFinite);
}

const FIT_FRAME_FIELDS = `${Object.keys(FIT_FRAME_DEFAULTS)
  .filter((key) => key !== 'maxAspect')
  .join(', ')}, and maxAspect (at least 1) if present`;
const FILL_MODES: readonly AugmentOptions['fillMode'][] = ['constant', 'nearest', 'reflect', 'wrap'];

/** The training form's settings, within what the form itself accepts. */
function parseSettings(value: unknown, refuse: (detail: string) => DataError): ProjectSettings {
  if (!isObject(value)) throw refuse("'settings' must be an object");
  const { epochs, batchSize, learningRate, seed, augment } = value;
  if (!isCount(epochs, 1) || !isCount(batchSize, 1) || !isCount(seed, 0))
    throw refuse("'settings': epochs and batchSize must be whole numbers of at least 1, seed of at least 0");
  if (typeof learningRate !== 'number' || !(learningRate > 0 && learningRate < Number.POSITIVE_INFINITY))
    throw refuse("'settings': learningRate must be a positive number");
  const settings = { epochs, batchSize, learningRate, seed } as ProjectSettings;
  if (augment !== undefined) settings.augment = parseAugment(augment, refuse);
  if (value.fitFrame !== undefined) {
    const fitFrame = fitFrameFrom(value.fitFrame);
    if (!fitFrame) throw refuse(`'settings': fitFrame must hold ${FIT_FRAME_FIELDS}`);
    settings.fitFrame = fitFrame;
  }
  if (value.redraw !== undefined) {
    settings.redraw = likeTemplate(value.redraw, DEFAULT_REDRAW, "'settings': redraw", refuse);
  }
  return settings;
}

function parseAugment(augment: unknown, refuse: (detail: string) => DataError): AugmentOptions {
  const options = isObject(augment) ? augment : {};
  const zoom = options.zoomRange;
  const valid =
    (Object.keys(NO_AUGMENTATION) as (keyof AugmentOptions)[]).every(
      (key) => key === 'zoomRange' || typeof options[key] === typeof NO_AUGMENTATION[key],
    ) &&
    FILL_MODES.includes(options.fillMode as AugmentOptions['fillMode']) &&
    (typeof zoom === 'number' || (Array.isArray(zoom) && zoom.length === 2 && zoom.every(Number.isFinite)));
  if (!valid) throw refuse("'settings': augment must hold every ImageDataGenerator option the app uses");
  return Object.fromEntries(
    Object.keys(NO_AUGMENTATION).map((key) => [key, options[key]]),
  ) as unknown as AugmentOptions;
}

function likeTemplate<T extends object>(
  value: unknown,
  template: T,
  field: string,
  refuse: (detail: string) => DataError,
): T {
  const checked = shapedLike(value, template);
  if (!checked) throw refuse(`${field} must hold ${Object.keys(template).join(', ')}`);
  return checked;
}
