// Times the app's default training run as a person starts it: the built app in headless Chromium,
// the starter set, the default settings, Train pressed on the WebAssembly path, until the status
// says it finished (progress shown throughout). Once with one thread and once with every core.
// Rerun: npx tsx src/tools/app-default-time.ts [--runs N]
import { parseArgs } from 'node:util';
import { buildAndServe } from './bench/app-build';
import { launch } from './chromium';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '1' } } });

async function timeRun(appUrl: string, threads: number | 'all'): Promise<number> {
  const context = await launch();
  try {
    const page = await context.newPage();
    await page.goto(appUrl);
    await page.locator('sc-train-panel button[type=submit]:enabled').waitFor({ timeout: 120_000 });
    await page.getByLabel('Backend', { exact: true }).selectOption('wasm-simd');
    if (threads !== 'all') await page.getByLabel('Most threads to train on').fill(String(threads));
    const started = Date.now();
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    await page.locator('sc-train-panel .status', { hasText: /Training finished/ }).waitFor({ timeout: 600_000 });
    return (Date.now() - started) / 1000;
  } finally {
    await context.close();
  }
}

const app = await buildAndServe();
try {
  for (let run = 1; run <= Number(values.runs); run++) {
    const one = await timeRun(app.appUrl, 1);
    const all = await timeRun(app.appUrl, 'all');
    console.log(
      `run ${run}: 1 thread ${one.toFixed(1)} s, every core ${all.toFixed(1)} s (${(one / all).toFixed(2)}×)`,
    );
  }
} finally {
  await app.close();
}
