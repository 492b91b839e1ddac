import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { modelFromFiles, modelToFiles, type ModelFiles } from '../../src/engine/io/model-files';
import { datasetFiles, projectToZip, readProject, type ProjectToSave } from '../../src/engine/io/project';
import { FIT_FRAME_DEFAULTS } from '../../src/shared/api';
import { createModel } from '../../src/engine/model/model';
import { AUGMENT_PRESETS, TUTORIAL_SETTINGS, type ModelMetadata } from '../../src/shared/api';
import { shape, tempDir } from '../helpers/images';

const run = promisify(execFile);
const { backend: _, ...settings } = { ...TUTORIAL_SETTINGS, epochs: 7, seed: 5, augment: AUGMENT_PRESETS.light };

const metadata: ModelMetadata = {
  classNames: ['circle', 'rectangle', 'triangle'],
  inputSize: [24, 24],
  backend: 'wasm-simd',
  date: '2026-12-01T10:00:00.000Z',
  settings: TUTORIAL_SETTINGS,
  history: [{ epoch: 1, epochs: 1, loss: 1, acc: 0.5, valLoss: 1.1, valAcc: 0.4, seconds: 1 }],
};

let modelFiles: ModelFiles;
let project: ProjectToSave;
/** `project` as a file, written once: deflating two models' weights takes a while. */
let archive: Uint8Array;

const sample = (i: number, className: string, split: 'train' | 'test', name = `${className}${i}.png`) => ({
  id: `id-${className}-${split}-${i}`,
  name,
  addedAt: `2026-11-0${(i % 9) + 1}T00:00:00.000Z`,
  className,
  split,
  type: 'image/png',
  bytes: new Uint8Array(shape(className as 'circle', i)),
});

beforeAll(async () => {
  await tf.setBackend('cpu');
  const model = createModel({ inputSize: [24, 24], classes: 3, seed: 1, learningRate: 0.001 });
  modelFiles = await modelToFiles(model, metadata);
  model.dispose();
  const kinds = ['circle', 'rectangle', 'triangle'];
  project = {
    savedAt: '2026-12-01T21:37:00.000Z',
    classes: ['circle', 'rectangle', 'triangle', '빈 클래스'],
    includeBundled: false,
    bundledSet: 'tutorial',
    settings,
    current: 'm2',
    samples: [
      ...kinds.flatMap((k) => [0, 1, 2].map((i) => sample(i, k, 'train'))),
      ...kinds.map((k) => sample(3, k, 'test')),
      // Two samples of one name, and one whose name has no image extension (a pasted image).
      sample(4, 'circle', 'train', 'circle0.png'),
      sample(5, 'circle', 'test', 'pasted image'),
    ],
    models: [
      { id: 'm2', name: '둘째', files: modelFiles, mistakes: [] },
      {
        id: 'm1',
        name: '',
        files: modelFiles,
        mistakes: [
          {
            source: { kind: 'sample', id: 'id-circle-test-3' },
            truth: 'circle',
            predicted: 'triangle',
            probabilities: [0.2, 0.1, 0.7],
          },
        ],
      },
    ],
  };
  archive = projectToZip(project);
});

// Stored, not deflated: the tests rebuild archives with two models' weights many times.
const zip = (files: Record<string, Uint8Array>) => zipSync(files, { level: 0 });
const entries = () => unzipSync(archive);
const manifestOf = (files: Record<string, Uint8Array>) => JSON.parse(new TextDecoder().decode(files['project.json']));
const withManifest = (change: (m: Record<string, unknown>) => void) => {
  const files = entries();
  const manifest = manifestOf(files);
  change(manifest);
  return zip({ ...files, 'project.json': strToU8(JSON.stringify(manifest)) });
};

describe('the project file', () => {
  it('lays out samples like flow_from_directory, models as model zips, and project.json', () => {
    const names = Object.keys(entries());
    expect(names[0]).toBe('project.json');
    expect(names).toContain('train/circle/circle0.png');
    expect(names).toContain('train/circle/circle0 (2).png');
    expect(names).toContain('test/circle/pasted image.png');
    expect(names.filter((n) => n.startsWith('models/')).sort()).toEqual([
      'models/1/metadata.json',
      'models/1/model.json',
      'models/1/weights.bin',
      'models/2/metadata.json',
      'models/2/model.json',
      'models/2/weights.bin',
    ]);
    expect(manifestOf(entries())).toMatchObject({ format: 'shape-cnn-project', version: 1, current: 'm2' });
  });

  it('reads back the same samples, classes, settings, models and mistakes', async () => {
    const read = readProject(archive, 'p.zip');
    expect(read.classes).toEqual(project.classes);
    expect(read).toMatchObject({
      savedAt: project.savedAt,
      includeBundled: false,
      bundledSet: 'tutorial',
      settings,
      current: 'm2',
    });
    const strip = ({ type: _t, ...s }: (typeof project.samples)[number]) => s;
    expect(read.samples.map(({ path: _p, ...s }) => s)).toEqual(expect.arrayContaining(project.samples.map(strip)));
    expect(read.samples).toHaveLength(project.samples.length);
    expect(read.models.map(({ id, name, mistakes }) => ({ id, name, mistakes }))).toEqual(
      project.models.map(({ id, name, mistakes }) => ({ id, name, mistakes })),
    );
    for (const model of read.models) {
      // Byte for byte (a deep toEqual of megabytes of weights takes minutes).
      expect([...model.files.keys()]).toEqual([...modelFiles.keys()]);
      for (const [name, bytes] of modelFiles)
        expect(Buffer.from(bytes).equals(model.files.get(name)!), name).toBe(true);
      const built = await modelFromFiles(model.files, model.origin);
      expect(built.metadata).toEqual(metadata);
      built.model.dispose();
    }
  });

  it('reads a project zipped as its folder, and images put into its folders by hand', () => {
    const files = entries();
    const wrapped = Object.fromEntries(Object.entries(files).map(([path, bytes]) => [`my project/${path}`, bytes]));
    wrapped['my project/train/triangle/extra.png'] = new Uint8Array(shape('triangle', 8));
    const read = readProject(zip(wrapped), 'p.zip');
    expect(read.samples).toHaveLength(project.samples.length + 1);
    const extra = read.samples.find((s) => s.path === 'train/triangle/extra.png');
    expect(extra?.id).toBeUndefined();
    expect(extra).toMatchObject({
      name: 'extra.png',
      addedAt: project.savedAt,
      className: 'triangle',
    });
  });

  it.each([
    [
      'no project.json',
      () => zip({ 'train/a/1.png': new Uint8Array(shape('circle', 1)) }),
      'p.zip: not a Shape CNN project',
    ],
    ['a truncated archive', () => archive.subarray(0, 5000), 'p.zip: not a valid .zip file'],
    [
      'damaged JSON',
      () => zip({ ...entries(), 'project.json': strToU8('{"format":') }),
      'p.zip/project.json: not valid JSON',
    ],
    [
      'a newer version',
      () => withManifest((m) => (m.version = 2)),
      'p.zip/project.json: made by a newer version of the app (project version 2; this one reads up to 1)',
    ],
    [
      'a listed sample missing',
      () => {
        const { 'train/circle/circle1.png': _, ...files } = entries();
        return zip(files);
      },
      'p.zip/train/circle/circle1.png: listed in project.json but missing from the archive',
    ],
    [
      'an unlisted model folder',
      () => zip({ ...entries(), 'models/9/model.json': strToU8('{}') }),
      'p.zip/models/9: a model folder that project.json does not list',
    ],
    [
      'a nested image',
      () => zip({ ...entries(), 'train/circle/deep/x.png': new Uint8Array(1) }),
      'p.zip/train/circle/deep/x.png: nested folder',
    ],
    [
      'a text file among the images',
      () => zip({ ...entries(), 'test/circle/notes.txt': strToU8('hi') }),
      'p.zip/test/circle/notes.txt: not a PNG or JPEG image',
    ],
    [
      'an unknown model in use',
      () => withManifest((m) => (m.current = 'nope')),
      `p.zip/project.json: not a valid project description: 'current' ("nope") is not the id of one of its models`,
    ],
    [
      'bad settings',
      () => withManifest((m) => ((m.settings as Record<string, unknown>).epochs = 0)),
      "p.zip/project.json: not a valid project description: 'settings': epochs and batchSize",
    ],
    [
      'a fit to frame it cannot repeat',
      () =>
        withManifest(
          (m) => ((m.settings as Record<string, unknown>).fitFrame = { ...FIT_FRAME_DEFAULTS, maxAspect: 0.5 }),
        ),
      "p.zip/project.json: not a valid project description: 'settings': fitFrame must hold margin, minContrast, inkFraction, speckFraction, levels, and maxAspect (at least 1) if present",
    ],
    [
      'bad mistakes',
      () => withManifest((m) => ((m.models as Record<string, unknown>[])[1]!.mistakes = [{}])),
      "model 'm1': 'mistakes' must list",
    ],
  ])('refuses %s, naming the file or entry', (_, bytes, message) => {
    expect(() => readProject(bytes(), 'p.zip')).toThrow(message);
  });

  it('shows a flow_from_directory reader only its samples', () => {
    const files = Object.entries(entries()).map(([path, bytes]) => ({ path, bytes }));
    expect(
      datasetFiles(files)
        .map((f) => f.path)
        .every((p) => /^(train|test)\//.test(p)),
    ).toBe(true);
    expect(datasetFiles(files)).toHaveLength(project.samples.length);
    const dataset = files.filter((f) => f.path.startsWith('train/'));
    expect(datasetFiles(dataset)).toBe(dataset);
  });

  it('trains with `shapes train --data project.zip`', async () => {
    const path = join(tempDir(), 'project.zip');
    writeFileSync(path, archive);
    const out = join(tempDir(), 'model');
    const { stdout } = await run('node', [
      'src/cli/shapes.mjs',
      'train',
      '--data',
      path,
      '--epochs',
      '1',
      '--out',
      out,
    ]);
    expect(stdout).toMatch(/^Found 10 images belonging to 3 classes\.\nFound 4 images belonging to 3 classes\.\n/);
    expect(stdout).toContain(`Saved the model to ${out}`);
  });
});
