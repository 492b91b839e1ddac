// Micro-benchmark of FastCnn on the tutorial run: 45 training images, batch 3 (15 Adam steps) plus
// a forward pass over 15 validation images per epoch, single-threaded in Node.
// Usage: npm run bench:fast -- [epochs]   (uses public/data/shapes if present, else seeded noise)

import { existsSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { PNG } from 'pngjs';
import { FastCnn } from '../fast/fast-cnn';
import { cnnDims, tfjsWeightShapes } from '../fast/layout';
import { readFastKernelsWasm } from './fast-wasm-file';

const SIZE = 24, CLASSES = 3, TRAIN = 45, VAL = 15, BATCH = 3;
/** Multiply-adds of one epoch if every layer were computed densely (the usual FLOP count). */
const DENSE_MACS_PER_EPOCH = 1.272e9;

function mulberry32(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Split { x: Float32Array; labels: Int32Array }

/** The bundled dataset's train and test splits, if the generator has produced them. */
function loadShapes(rand: () => number): { train: Split; val: Split; source: string } {
  const root = new URL('../../../public/data/shapes/', import.meta.url);
  const index = new URL('index.json', root);
  if (existsSync(index)) {
    const splits = (JSON.parse(readFileSync(index, 'utf8')) as { classes: string[]; splits: Record<string, Record<string, string[]>> });
    const load = (name: string, count: number): Split => {
      const files = splits.classes.flatMap((c, label) => (splits.splits[name]?.[c] ?? []).map((f) => ({ f, label })));
      const x = new Float32Array(count * SIZE * SIZE * 3);
      const labels = new Int32Array(count);
      for (let i = 0; i < count; i++) {
        const { f, label } = files[i % files.length]!;
        const png = PNG.sync.read(readFileSync(new URL(f, root)));
        for (let p = 0; p < SIZE * SIZE; p++) {
          for (let c = 0; c < 3; c++) x[(i * SIZE * SIZE + p) * 3 + c] = png.data[p * 4 + c]! / 255;
        }
        labels[i] = label;
      }
      return { x, labels };
    };
    return { train: load('train', TRAIN), val: load('test', VAL), source: 'public/data/shapes' };
  }
  const noise = (n: number): Split => ({
    x: Float32Array.from({ length: n * SIZE * SIZE * 3 }, rand),
    labels: Int32Array.from({ length: n }, () => Math.floor(rand() * CLASSES)),
  });
  return { train: noise(TRAIN), val: noise(VAL), source: 'seeded random images' };
}

/** Keras defaults: glorot-uniform kernels, zero biases. */
function initialWeights(rand: () => number): Float32Array[] {
  return tfjsWeightShapes(cnnDims([SIZE, SIZE, 3], CLASSES)).map((shape) => {
    const size = shape.reduce((a, b) => a * b, 1);
    if (shape.length === 1) return new Float32Array(size);
    const receptive = shape.slice(0, -2).reduce((a, b) => a * b, 1);
    const limit = Math.sqrt(6 / (receptive * (shape.at(-2)! + shape.at(-1)!)));
    return Float32Array.from({ length: size }, () => (rand() * 2 - 1) * limit);
  });
}

async function epochs(count: number, profile?: Map<string, number>): Promise<number[]> {
  const rand = mulberry32(1);
  const { train, val, source } = loadShapes(rand);
  if (!profile) console.log(`data: ${source}`);
  const cnn = await FastCnn.create({
    wasm: readFastKernelsWasm(), inputShape: [SIZE, SIZE, 3], classes: CLASSES,
    weights: initialWeights(rand), learningRate: 0.001, ...(profile ? { profile } : {}),
  });
  cnn.setTrainingData(train.x, train.labels);
  const times: number[] = [];
  for (let e = 0; e < count; e++) {
    const order = Int32Array.from({ length: TRAIN }, (_, i) => i);
    for (let i = TRAIN - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    const start = performance.now();
    let loss = 0;
    for (let b = 0; b < TRAIN; b += BATCH) loss += cnn.trainBatch(order.subarray(b, b + BATCH)).loss;
    const result = cnn.evaluate(val.x, val.labels);
    times.push((performance.now() - start) / 1000);
    if (!profile) {
      console.log(`epoch ${e + 1}: ${times[e]!.toFixed(4)} s  loss ${(loss / (TRAIN / BATCH)).toFixed(4)}  val_loss ${result.loss.toFixed(4)}  val_acc ${(result.correct / VAL).toFixed(3)}`);
    }
  }
  cnn.dispose();
  return times;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

const count = Number(process.argv[2] ?? 20);
console.log(`load average before: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
const times = await epochs(count);
const steady = times.slice(1);
const med = median(steady);
console.log(`\nmedian ${med.toFixed(4)} s/epoch (min ${Math.min(...steady).toFixed(4)}, max ${Math.max(...steady).toFixed(4)}, ` +
  `first epoch excluded); ${(DENSE_MACS_PER_EPOCH / med / 1e9).toFixed(2)} G dense-equivalent MAC/s`);

const profile = new Map<string, number>();
await epochs(count, profile);
const total = [...profile.values()].reduce((a, b) => a + b, 0);
console.log(`\nper-kernel time, ms per epoch (profiled run of ${count} epochs; ${(total / count).toFixed(1)} ms/epoch in kernels):`);
for (const [name, ms] of [...profile.entries()].sort((a, b) => b[1] - a[1])) {
  console.log(`  ${name.padEnd(24)} ${(ms / count).toFixed(2).padStart(8)}  ${((100 * ms) / total).toFixed(1).padStart(5)}%`);
}
console.log(`load average after: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
