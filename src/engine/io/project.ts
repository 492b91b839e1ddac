import type { BundledSet, Mistake, ProjectSettings, SampleSplit } from '../../shared/api';
import { DataError } from '../data/errors';
import { IMAGE_PATTERN, type ImportFile } from '../data/import-plan';
import type { ModelFiles } from './model-files';
import { parseManifest, PROJECT_FORMAT, PROJECT_JSON, PROJECT_VERSION, type ProjectManifest } from './project-manifest';
import { readZip, writeZip } from './zip';

/**
 * A project file: one .zip of a person's whole work. Its samples are in `flow_from_directory`
 * layout (train/<class>/<file>, test/<class>/<file>) so that Keras and `shapes train` read it as
 * a dataset; every saved model is in models/<folder>/ as a model .zip holds it; project.json says
 * the rest (classes without samples, the starter-set choice, settings, names, the model in use).
 */
export const MODELS_FOLDER = 'models';
const SPLITS: readonly string[] = ['train', 'test'] satisfies SampleSplit[];
/** What file managers add to archives (as the dataset import ignores them). */
const IGNORED = /(^|\/)(__MACOSX|\.[^/]*|Thumbs\.db|desktop\.ini)(\/|$)/i;

export interface ProjectSample {
  /** Its entry in the archive. */
  path: string;
  /** Absent for an image project.json does not list (one put into the folders by hand). */
  id?: string;
  className: string;
  split: SampleSplit;
  name: string;
  addedAt: string;
  bytes: Uint8Array;
}

export interface ProjectModel {
  id: string;
  name: string;
  mistakes?: Mistake[];
  files: ModelFiles;
  /** Its folder, to name it in problems: `<archive>/models/<folder>`. */
  origin: string;
}

export interface Project {
  savedAt: string;
  classes: string[];
  includeBundled: boolean;
  bundledSet: BundledSet;
  settings: ProjectSettings;
  current: string | null;
  samples: ProjectSample[];
  models: ProjectModel[];
}

/** A sample to save: its file's MIME type gives a name without an image extension one. */
export type SampleToSave = Omit<ProjectSample, 'path' | 'id'> & { id: string; type: string };
export type ProjectToSave = Omit<Project, 'samples' | 'models'> & {
  samples: SampleToSave[];
  models: Omit<ProjectModel, 'origin'>[];
};

const encoder = new TextEncoder();

export function projectToZip(project: ProjectToSave): Uint8Array {
  const used = new Set<string>();
  const files: [string, Uint8Array][] = [];
  const samples = project.samples.map(({ id, name, addedAt, className, split, type, bytes }) => {
    const file =
      name.replace(/[/\\]/g, '_') + (IMAGE_PATTERN.test(name) ? '' : type === 'image/jpeg' ? '.jpg' : '.png');
    const path = uniquePath(`${split}/${className}/${file}`, used);
    files.push([path, bytes]);
    return { path, id, name, addedAt };
  });
  const models = project.models.map(({ id, name, mistakes, files: modelFiles }, i) => {
    const folder = String(i + 1);
    for (const [file, bytes] of modelFiles) files.push([`${MODELS_FOLDER}/${folder}/${file}`, bytes]);
    return { folder, id, name, ...(mistakes ? { mistakes } : {}) };
  });
  const { savedAt, classes, includeBundled, bundledSet, settings, current } = project;
  const manifest: ProjectManifest = {
    format: PROJECT_FORMAT,
    version: PROJECT_VERSION,
    savedAt,
    classes,
    includeBundled,
    bundledSet,
    settings,
    current,
    samples,
    models,
  };
  return writeZip([[PROJECT_JSON, encoder.encode(`${JSON.stringify(manifest, null, 2)}\n`)], ...files]);
}

/** `a.png`, then `a (2).png`, `a (3).png`…: two samples may share a name, files in a folder may not. */
function uniquePath(path: string, used: Set<string>): string {
  const dot = path.lastIndexOf('.');
  let candidate = path;
  for (let n = 2; used.has(candidate); n++) candidate = `${path.slice(0, dot)} (${n})${path.slice(dot)}`;
  used.add(candidate);
  return candidate;
}

/**
 * Reads a project file and checks its structure: project.json, each sample's place in the
 * layout, each model's folder. Images are not decoded and models not built here: the caller
 * does, on its platform, naming `path` and `origin`.
 */
export function readProject(bytes: Uint8Array, origin: string): Project {
  const entries = unwrap(readZip(bytes, origin).filter((f) => !IGNORED.test(f.path)));
  const manifestFile = entries.find((f) => f.path === PROJECT_JSON);
  if (!manifestFile) throw new DataError(origin, 'notProject');
  const where = `${origin}/${PROJECT_JSON}`;
  const manifest = parseManifest(parseJson(manifestFile.bytes, where), where);
  const listed = new Map(manifest.samples.map((s) => [s.path.normalize('NFC'), s]));
  const samples: ProjectSample[] = [];
  const folders = new Map<string, ModelFiles>();
  for (const { path: raw, bytes: data } of entries) {
    const path = raw.normalize('NFC');
    const parts = path.split('/');
    const subject = `${origin}/${raw}`;
    if (SPLITS.includes(parts[0]!)) {
      const [split, className, name] = checkSamplePath(parts, subject);
      const sample = listed.get(path);
      listed.delete(path);
      const details = sample ? { id: sample.id, name: sample.name, addedAt: sample.addedAt } : { name };
      samples.push({ path, className, split, bytes: data, addedAt: manifest.savedAt, ...details });
    } else if (parts[0] === MODELS_FOLDER) {
      if (parts.length !== 3) throw new DataError(subject, 'modelZipFolder');
      if (!folders.has(parts[1]!)) folders.set(parts[1]!, new Map());
      folders.get(parts[1]!)!.set(parts[2]!, data);
    }
    // Anything else (a read-me, say) is not the app's to read.
  }
  const [missing] = listed.keys();
  if (missing !== undefined) throw new DataError(`${origin}/${missing}`, 'projectSampleMissing');
  const unlisted = [...folders.keys()].find((folder) => !manifest.models.some((m) => m.folder === folder));
  if (unlisted !== undefined) throw new DataError(`${origin}/${MODELS_FOLDER}/${unlisted}`, 'projectUnlisted');
  const models = manifest.models.map(({ folder, id, name, mistakes }) => ({
    id,
    name,
    ...(mistakes ? { mistakes } : {}),
    files: folders.get(folder) ?? new Map<string, Uint8Array>(),
    origin: `${origin}/${MODELS_FOLDER}/${folder}`,
  }));
  const classes = [
    ...new Set([...manifest.classes, ...samples.map((s) => s.className)].map((c) => c.normalize('NFC'))),
  ];
  const { savedAt, includeBundled, bundledSet = 'starter', settings, current } = manifest;
  return { savedAt, classes: classes.sort(), includeBundled, bundledSet, settings, current, samples, models };
}

function checkSamplePath(parts: string[], subject: string): [SampleSplit, string, string] {
  if (parts.length < 3) throw new DataError(subject, 'notInClass');
  if (parts.length > 3) throw new DataError(subject, 'nestedFolder');
  if (!IMAGE_PATTERN.test(parts[2]!)) {
    throw new DataError(subject, 'notImageFile', { extensions: '.png, .jpg, .jpeg' });
  }
  return parts as [SampleSplit, string, string];
}

function parseJson(bytes: Uint8Array, where: string): unknown {
  try {
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    throw new DataError(where, 'notJson');
  }
}

/** A project zipped as its folder (`my-project/project.json`, …) reads as the project itself. */
function unwrap(files: ImportFile[]): ImportFile[] {
  if (files.some((f) => f.path === PROJECT_JSON)) return files;
  const wrapper = files.find((f) => /^[^/]+\/project\.json$/.test(f.path))?.path.split('/')[0];
  if (wrapper === undefined || !files.every((f) => f.path.startsWith(`${wrapper}/`))) return files;
  return files.map((f) => ({ ...f, path: f.path.slice(wrapper.length + 1) }));
}

/**
 * A zip's dataset files as a `flow_from_directory` reader should see them: of a project, only its
 * train/ and test/ entries (project.json and models/ are not images of classes); any other zip as it is.
 */
export function datasetFiles(files: ImportFile[]): ImportFile[] {
  const inner = unwrap(files.filter((f) => !IGNORED.test(f.path)));
  if (!inner.some((f) => f.path === PROJECT_JSON)) return files;
  return inner.filter((f) => SPLITS.includes(f.path.split('/')[0]!));
}
