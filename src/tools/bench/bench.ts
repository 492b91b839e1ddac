// `npm run bench [-- --quick] [--runs N] [--out DIR]`: the tutorial's training run on every path
// (the app's worker in headless Chromium on each backend, Node, PyTorch), interleaved over several
// runs, plus bundle sizes, GPU counters, scaling, UI responsiveness and cold start. Prints the
// results and writes them as JSON and Markdown. A benchmark, not a test: it fails on nothing.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildAndServe } from './app-build';
import { measureAppRun } from './app-run';
import { assetSizes, bundleSizes } from './bundle-size';
import { chromiumPath } from '../chromium';
import { DEFAULT_SETTINGS } from '../../shared/api';
import { measureGpuCounters } from './gpu-counters';
import { compareKernels } from './kernels';
import { describeMachine, loadAverage } from './machine';
import { trainInNode } from './node-run';
import { parseOptions, TUTORIAL_EPOCHS } from './options';
import { exportRun, findTorch, removeExport, trainInPytorch } from './pytorch';
import { renderMarkdown, type BenchResults } from './report';
import { generateScaleData, measureScaling } from './scaling';
import { median, quantile } from './stats';
import { summarizeAll } from './summarize';
import { judgeTargets } from './targets';
import type { TrainRun } from './types';
import { measureUi } from './ui-metrics';
import { openWorkerPage, predictLatencies, trainInWorker, trainOnPage } from './worker-run';

const options = parseOptions(process.argv.slice(2));
const log = (line: string) =>
  console.error(`[bench ${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}`);
const started = performance.now();
const loadBefore = loadAverage();
const machine = describeMachine(chromiumPath());
log(
  `${options.quick ? 'quick' : 'full'} run on ${machine.cpu} (${machine.cores} cores), load average ${loadBefore.join(' ')}`,
);
if (loadBefore[0]! > machine.cores / 2)
  log('warning: the machine is busy; timings will be slower than on an idle machine');

const torch = findTorch();
machine.pytorch = torch?.version;
machine.pytorchDefaultThreads = torch?.defaultThreads;
if (!torch) log('PyTorch not found (tried python3 and /usr/bin/python3): no PyTorch row, no ratio');
const app = await buildAndServe();
const torchData = torch ? await exportRun(TUTORIAL_EPOCHS) : undefined;
const runs: TrainRun[] = [];
const describe = (run: TrainRun) =>
  `${run.runtime} ${run.path}: ${run.seconds.length} epochs, median ${median(run.seconds.slice(1).length ? run.seconds.slice(1) : run.seconds).toFixed(3)} s/epoch, loss ${run.loss.toPrecision(3)}`;
try {
  const bundle = bundleSizes(app.outDir);
  // Interleaved: every path once per round, so drifting load spreads over all paths alike.
  for (let round = 1; round <= options.runs; round++) {
    for (const plan of options.paths) {
      const threads = plan.threads ? `, at most ${plan.threads} thread(s)` : '';
      log(`round ${round}/${options.runs}: ${plan.runtime} ${plan.backend}${threads}, ${plan.epochs} epochs`);
      const run =
        plan.runtime === 'node'
          ? await trainInNode(plan.backend as 'wasm-simd' | 'cpu', plan.epochs, plan.threads)
          : await trainInWorker(app, plan.backend, {
              epochs: plan.epochs,
              memoryEachEpoch: true,
              threads: plan.threads,
            });
      runs.push(run);
      log(describe(run));
    }
    // PyTorch pinned to one thread, at its default, and on every core: each a row when they differ.
    for (const threads of new Set([1, torch?.defaultThreads ?? 1, options.cores])) {
      if (!torch || !torchData) break;
      runs.push(await trainInPytorch(torch, torchData, threads));
      log(describe(runs.at(-1)!));
    }
  }

  log(
    `app-default-like run: ${options.appRun.perClass * 3} images, batch ${options.appRun.batchSize}, 1 vs ${options.cores} threads`,
  );
  const appRun = await measureAppRun(app, options.appRun, options.cores, options.runs);
  log(`app-default-like run: ${appRun.speedup.toFixed(2)}× faster on ${options.cores} threads`);

  log(
    `kernel builds side by side (plain vs relaxed SIMD, 1 vs ${options.cores} threads), ${options.kernelEpochs} epochs`,
  );
  const kernels = await compareKernels(app.appUrl, options.kernelEpochs);

  log('single-image prediction latency');
  const w = await openWorkerPage(app, 'wasm-simd');
  // A model like the app's default one, so each prediction fits the drawing and averages its four turns.
  await trainOnPage(w, 'wasm-simd', {
    epochs: 1,
    pipeline: { fitFrame: DEFAULT_SETTINGS.fitFrame, redraw: DEFAULT_SETTINGS.redraw },
  });
  // The first call pays one-time costs (decoder, first predict on the model), left out.
  const latencies = (await predictLatencies(w, app.appUrl, options.predictions + 1)).slice(1);
  await w.browser.close();

  log(`GPU counters: ${options.gpuCounterBackends.join(', ')}, ${options.gpuCounterEpochs} epoch(s)`);
  const gpu = await measureGpuCounters(options.gpuCounterBackends, options.gpuCounterEpochs);

  log(`scaling: ${options.scalePerClass.map((n) => n * 3).join(' → ')} training images`);
  generateScaleData(app, options.scalePerClass);
  const scaling = await measureScaling(app, options.scalePerClass);

  let longRun: BenchResults['longRun'];
  if (options.longRunEpochs) {
    log(`long run: Node fast path, ${options.longRunEpochs} epochs`);
    const { seconds } = await trainInNode('wasm-simd', options.longRunEpochs);
    const half = options.longRunEpochs / 2;
    longRun = {
      epochs: options.longRunEpochs,
      medianFirstHalf: median(seconds.slice(1, half)),
      medianSecondHalf: median(seconds.slice(half)),
      seconds,
    };
  }

  log('UI: training from the Train button, then offline cold start');
  const ui = await measureUi(app, options.uiEpochs);
  // Chromium lists a module worker's own script graph in the page's timeline too: left out here.
  const pageScripts = ui.training?.loadedScripts.filter((file) => !bundle.workerAll.files.includes(file));
  if (pageScripts) bundle.mainLoadedJs = assetSizes(app.outDir, pageScripts);

  const summaries = summarizeAll(runs);
  const results: BenchResults = {
    command: `npm run bench${options.quick ? ' -- --quick' : ''}`,
    date: new Date().toISOString(),
    mode: options.quick ? 'quick' : 'full',
    durationSeconds: (performance.now() - started) / 1000,
    machine,
    loadBefore,
    loadAfter: loadAverage(),
    skipped: options.skipped,
    summaries,
    targets: judgeTargets({
      summaries,
      runs,
      ui,
      bundle,
      scaling,
      gpu,
      appRun,
      predictMs: median(latencies),
      torchDefaultThreads: torch?.defaultThreads,
    }),
    bundle,
    gpu,
    scaling,
    ui,
    predictMs: { median: median(latencies), p95: quantile(latencies, 0.95), count: latencies.length },
    appRun,
    kernels,
    longRun,
    runs,
  };
  const markdown = renderMarkdown(results);
  const name = options.quick ? 'results-quick' : 'results';
  mkdirSync(options.out, { recursive: true });
  writeFileSync(join(options.out, `${name}.json`), `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(join(options.out, `${name}.md`), markdown);
  console.log(markdown);
  log(`wrote ${join(options.out, name)}.json and .md`);
} finally {
  await app.close();
  if (torchData) removeExport(torchData);
}
