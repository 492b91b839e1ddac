// Where the WebAssembly training path spends its time: the tutorial run (45 images, batch 3, plus a
// 15-image validation pass per epoch) on FastCnn in Node, timed, then again with every kernel
// call timed. `npm run bench` measures whole runs against the other paths; this is for the kernels.
// Rerun: npm run bench:fast -- [epochs]
import { join } from 'node:path';
import { loadavg } from 'node:os';
import { loadDataset } from '../engine/data/dataset';
import { createRng } from '../engine/data/random';
import { FastCnn } from '../engine/fast/fast-cnn';
import { createModel } from '../engine/model/model';
import { initNodeEngine } from '../engine/node/engine';
import { readFastKernelsWasm } from '../engine/node/fast-wasm-file';
import { decodeFile, listFolder } from '../engine/node/listing';

/** Multiply-adds of one epoch if every layer were computed densely (the usual FLOP count). */
const DENSE_MACS_PER_EPOCH = 1.272e9;
const BATCH = 3;

await initNodeEngine();
const root = 'public/data/shapes';
const train = await loadDataset(await listFolder(join(root, 'train')), decodeFile);
const val = await loadDataset(await listFolder(join(root, 'test')), decodeFile, { classNames: train.classNames });
const model = createModel({ inputSize: train.size, classes: train.classNames.length, seed: 3, learningRate: 0.001 });
const weights = model.getWeights().map((w) => w.dataSync() as Float32Array);

async function epochs(count: number, profile?: Map<string, number>): Promise<number[]> {
  const cnn = await FastCnn.create({
    wasm: readFastKernelsWasm(),
    inputShape: [...train.size, 3],
    classes: train.classNames.length,
    weights,
    learningRate: 0.001,
    ...(profile ? { profile } : {}),
  });
  cnn.setTrainingData(train.images, train.labels);
  const rng = createRng(3);
  const order = Array.from(train.labels.keys());
  const times: number[] = [];
  for (let e = 0; e < count; e++) {
    rng.shuffle(order);
    const start = performance.now();
    for (let b = 0; b < order.length; b += BATCH) cnn.trainBatch(order.slice(b, b + BATCH));
    cnn.evaluate(val.images, val.labels);
    times.push((performance.now() - start) / 1000);
  }
  cnn.dispose();
  return times;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
const count = Number(process.argv[2] ?? 20);
console.log(
  `load average before: ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
const steady = (await epochs(count)).slice(1);
const med = median(steady);
console.log(
  `median ${med.toFixed(4)} s/epoch over epochs 2–${count} (min ${Math.min(...steady).toFixed(4)}, max ${Math.max(...steady).toFixed(4)}); ` +
    `${(DENSE_MACS_PER_EPOCH / med / 1e9).toFixed(2)} G dense-equivalent multiply-adds/s`,
);
const profile = new Map<string, number>();
await epochs(count, profile);
const total = [...profile.values()].reduce((a, b) => a + b, 0);
console.log(`\nper-kernel time, ms per epoch (profiled run; ${(total / count).toFixed(1)} ms/epoch in kernels):`);
for (const [name, ms] of [...profile.entries()].sort((a, b) => b[1] - a[1])) {
  console.log(
    `  ${name.padEnd(24)} ${(ms / count).toFixed(2).padStart(8)}  ${((100 * ms) / total).toFixed(1).padStart(5)}%`,
  );
}
console.log(
  `load average after: ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
