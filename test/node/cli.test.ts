import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { unzipSync, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { png, shape, shapesTree, tempDir, writeTree } from '../helpers/images';

const run = promisify(execFile);

/** Runs `shapes …` as a user would; never throws, returns the exit code and both streams. */
async function shapes(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run('node', ['src/cli/shapes.mjs', ...args], { maxBuffer: 1 << 24 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

let data: string;
let model: string;

beforeAll(async () => {
  data = shapesTree(2, 1);
  model = join(tempDir(), 'model');
  const trained = await shapes('train', '--data', data, '--epochs', '1', '--out', model);
  expect(trained.stderr).toBe('');
  expect(trained.code).toBe(0);
  expect(trained.stdout).toMatch(/^Found 6 images belonging to 3 classes\.\nFound 3 images belonging to 3 classes\.\n/);
  expect(trained.stdout).toContain('Total params: 839,107');
  // Keras 2's verbose=1 lines, the same text the app's log shows.
  expect(trained.stdout).toMatch(
    /\nEpoch 1\/1\n2\/2 \[=+\] - \d+m?s - loss: [\d.]+ - acc: [\d.]+ - val_loss: [\d.]+ - val_acc: [\d.]+\n/,
  );
  expect(trained.stdout).toContain('Confusion matrix');
  expect(trained.stdout).toContain(`Saved the model to ${model}`);
});

describe('shapes CLI end to end', () => {
  it('saves model.json, weights and metadata', () => {
    const metadata = JSON.parse(readFileSync(join(model, 'metadata.json'), 'utf8'));
    expect(metadata.classNames).toEqual(['circle', 'rectangle', 'triangle']);
    expect(metadata.inputSize).toEqual([24, 24]);
    expect(metadata.history).toHaveLength(1);
    expect(metadata.evaluation.count).toBe(3);
    expect(JSON.parse(readFileSync(join(model, 'model.json'), 'utf8')).weightsManifest[0].paths).toEqual([
      './weights.bin',
    ]);
  });

  it('evaluate --json prints one JSON object with the tutorial keys', async () => {
    const { code, stdout } = await shapes('evaluate', '--model', model, '--data', join(data, 'test'), '--json');
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(Object.keys(result).sort()).toEqual(['accuracy', 'classIndices', 'confusion', 'loss', 'perClass']);
    expect(result.classIndices).toEqual({ circle: 0, rectangle: 1, triangle: 2 });
    expect(result.confusion.flat().reduce((a: number, b: number) => a + b)).toBe(3);
  });

  it('predict --json prints one probability row per image', async () => {
    const files = ['circle', 'triangle'].map((c) => join(data, 'test', c, `${c}0.png`));
    const { code, stdout } = await shapes('predict', '--model', model, ...files, '--json');
    expect(code).toBe(0);
    const rows = JSON.parse(stdout) as { file: string; probabilities: number[]; label: string }[];
    expect(rows.map((r) => r.file)).toEqual(files);
    for (const row of rows) {
      expect(row.probabilities).toHaveLength(3);
      expect(row.probabilities.reduce((a, b) => a + b)).toBeCloseTo(1, 5);
      expect(['circle', 'rectangle', 'triangle']).toContain(row.label);
    }
    const text = await shapes('predict', '--model', model, files[0]!);
    expect(text.stdout).toContain("class_indices: {'circle': 0, 'rectangle': 1, 'triangle': 2}");
  });
});

/** A 24x24 PNG whose header claims 20000x20000: refused from the header, before any decoding. */
function hugePng(): Buffer {
  const bytes = Buffer.from(png(24, 24, () => [255, 255, 255, 255]));
  bytes.writeUInt32BE(20000, 16);
  bytes.writeUInt32BE(20000, 20);
  return bytes;
}

describe('shapes train refuses bad data with a one-line error and writes nothing', () => {
  const good = shape('circle', 0);
  const base = (extra: Record<string, Uint8Array | string>) =>
    writeTree({ 'train/a/1.png': good, 'train/b/1.png': good, 'test/a/1.png': good, 'test/b/1.png': good, ...extra });
  const cases: [string, () => string, (dir: string) => string][] = [
    ['a missing folder', () => join(tempDir(), 'nowhere'), (d) => `${join(d, 'train')}: folder not found`],
    [
      'no class sub-folders',
      () => writeTree({ 'train/x.png': good, 'test/a/1.png': good }),
      (d) => `${join(d, 'train')}: no class sub-folders`,
    ],
    [
      'a class with no images',
      () => base({ 'train/c/.keep': '' }),
      (d) => `${join(d, 'train', 'c')}: no images in this class folder`,
    ],
    [
      'a corrupt file',
      () => base({ 'train/a/2.png': good.subarray(0, 50) }),
      (d) => `${join(d, 'train', 'a', '2.png')}: corrupt PNG`,
    ],
    [
      'a zero-byte file',
      () => base({ 'train/a/2.png': '' }),
      (d) => `${join(d, 'train', 'a', '2.png')}: empty file (0 bytes)`,
    ],
    [
      'a non-image file',
      () => base({ 'train/a/readme.txt': 'hello' }),
      (d) => `${join(d, 'train', 'a', 'readme.txt')}: not a PNG or JPEG image`,
    ],
    [
      'an image far too large',
      () => base({ 'train/a/2.png': hugePng() }),
      (d) => `${join(d, 'train', 'a', '2.png')}: image too large (20000x20000`,
    ],
    [
      'a GIF saved as .png',
      () => base({ 'train/a/2.png': 'GIF89a\u0001\u0000\u0001\u0000' }),
      (d) => `${join(d, 'train', 'a', '2.png')}: GIF images are not supported: save it as PNG`,
    ],
    [
      'a class folder that links back to the dataset',
      () => {
        const dir = base({});
        symlinkSync(join(dir, 'train'), join(dir, 'train', 'loop'));
        return dir;
      },
      (d) => `${join(d, 'train', 'loop')}: a link back to a folder that contains it`,
    ],
    [
      'a link to nothing',
      () => {
        const dir = base({});
        symlinkSync(join(dir, 'gone'), join(dir, 'train', 'a', '3.png'));
        return dir;
      },
      (d) => `${join(d, 'train', 'a', '3.png')}: a link to something that does not exist`,
    ],
    [
      'classes in test that train lacks',
      () => base({ 'test/z/1.png': good }),
      (d) => `${join(d, 'test', 'z')}: class 'z' is not one the model knows`,
    ],
  ];
  for (const [name, make, message] of cases) {
    it(name, async () => {
      const dir = make();
      const out = join(tempDir(), 'model');
      const { code, stdout, stderr } = await shapes('train', '--data', dir, '--epochs', '1', '--out', out);
      expect(code).toBe(1);
      expect(stderr.trim().split('\n')).toHaveLength(1);
      expect(stderr).toContain(`shapes train: error: ${message(dir)}`);
      expect(stdout).not.toContain('Epoch');
      expect(existsSync(out)).toBe(false);
    });
  }

  it('follows class folders and images that are links', async () => {
    const elsewhere = writeTree({ '1.png': shape('triangle', 1), '2.png': shape('triangle', 2) });
    const dir = base({});
    symlinkSync(elsewhere, join(dir, 'train', 'c'));
    symlinkSync(join(elsewhere, '1.png'), join(dir, 'test', 'b', '2.png'));
    mkdirSync(join(dir, 'test', 'c'));
    symlinkSync(join(elsewhere, '2.png'), join(dir, 'test', 'c', '1.png'));
    const { code, stdout } = await shapes('train', '--data', dir, '--epochs', '1', '--out', join(tempDir(), 'm'));
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Found 4 images belonging to 3 classes\.\nFound 4 images belonging to 3 classes\./);
  });

  it('stops a run that diverges, says to lower the learning rate, saves nothing and exits 1', async () => {
    const out = join(tempDir(), 'model');
    const { code, stdout, stderr } = await shapes(
      'train',
      '--data',
      data,
      '--epochs',
      '5',
      '--learning-rate',
      '50',
      '--out',
      out,
    );
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(
      /shapes train: error: training diverged at epoch 1 \(loss [\d.]+, worse than guessing\): the learning rate 50 is too large; try a smaller one such as 5\. Nothing was saved/,
    );
    expect(stdout).not.toContain('Saved');
    expect(existsSync(out)).toBe(false);
  });

  it('rejects bad option values as usage errors (exit 2)', async () => {
    const { code, stderr } = await shapes('train', '--epochs', 'many');
    expect(code).toBe(2);
    expect(stderr).toContain("--epochs: expected a whole number ≥ 1, got 'many'");
  });
});

describe('shapes with the zip formats the app exports', () => {
  it('trains from a dataset zip of bare class folders, saves a model zip, evaluates and predicts with it', async () => {
    const classes = { 원: 'circle', 네모: 'rectangle' } as const;
    const files: Record<string, [Uint8Array, { level: 0 }]> = {};
    for (const [name, kind] of Object.entries(classes))
      for (let i = 0; i < 5; i++) files[`그림/${name}/${i}.png`] = [shape(kind, i), { level: 0 }];
    const zip = join(tempDir(), 'drawings.zip');
    writeFileSync(zip, zipSync(files));
    const out = join(tempDir(), 'model.zip');
    const trained = await shapes(
      'train',
      '--data',
      zip,
      '--epochs',
      '2',
      '--test-fraction',
      '0.4',
      '--augment',
      'drawings',
      '--out',
      out,
    );
    expect(trained.stderr).toBe('');
    expect(trained.stdout).toMatch(
      /^Found 6 images belonging to 2 classes\.\nFound 4 images belonging to 2 classes\.\n/,
    );
    expect(Object.keys(unzipSync(readFileSync(out))).sort()).toEqual(['metadata.json', 'model.json', 'weights.bin']);
    const evaluated = JSON.parse((await shapes('evaluate', '--model', out, '--data', zip, '--json')).stdout);
    expect(evaluated.classIndices).toEqual({ 네모: 0, 원: 1 });
    const predicted = JSON.parse(
      (await shapes('predict', '--model', out, join(data, 'test', 'circle', 'circle0.png'), '--json')).stdout,
    );
    expect(Object.keys(predicted[0])).toEqual(['file', 'probabilities', 'label']);
  });

  it('names a damaged dataset zip and writes nothing', async () => {
    const zip = join(tempDir(), 'broken.zip');
    writeFileSync(zip, 'PK not really');
    const out = join(tempDir(), 'model.zip');
    const { code, stderr } = await shapes('train', '--data', zip, '--out', out);
    expect(code).toBe(1);
    expect(stderr).toContain(`${zip}: not a valid .zip file`);
    expect(existsSync(out)).toBe(false);
  });
});

describe('shapes evaluate and predict refuse bad input', () => {
  it('names a missing model folder, a missing image and a corrupt image', async () => {
    const missing = await shapes('predict', '--model', join(tempDir(), 'none'), 'x.png');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/none: model folder not found/);
    const noImage = await shapes('predict', '--model', model, '/tmp/definitely-not-here.png');
    expect(noImage.stderr).toContain('/tmp/definitely-not-here.png: file not found or unreadable');
    const corrupt = join(tempDir(), 'bad.png');
    writeFileSync(corrupt, shape('circle', 0).subarray(0, 40));
    expect((await shapes('predict', '--model', model, corrupt)).stderr).toContain(`${corrupt}: corrupt PNG`);
  });

  it('names a truncated weights file', async () => {
    const copy = join(tempDir(), 'model');
    await run('cp', ['-r', model, copy]);
    truncateSync(join(copy, 'weights.bin'), 1000);
    const { code, stderr } = await shapes('evaluate', '--model', copy, '--data', join(data, 'test'));
    expect(code).toBe(1);
    expect(stderr).toContain(`${join(copy, 'weights.bin')}: holds 1000 bytes, model.json expects 3356428`);
    rmSync(copy, { recursive: true });
  });
});
