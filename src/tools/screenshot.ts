// The README's screenshot: the built app after its default training run (starter set, default
// settings, WebAssembly path), the Train tab with its curves, log and results.
// Rerun: npx tsx src/tools/screenshot.ts [--out docs/screenshot.png]
import { parseArgs } from 'node:util';
import { buildAndServe } from './bench/app-build';
import { launch } from './chromium';

const { values } = parseArgs({ options: { out: { type: 'string', default: 'docs/screenshot.png' } } });

const app = await buildAndServe();
const context = await launch({ viewport: { width: 1280, height: 900 } });
try {
  const page = await context.newPage();
  await page.goto(app.appUrl);
  await page.locator('sc-train-panel button[type=submit]:enabled').waitFor({ timeout: 120_000 });
  await page.getByLabel('Backend', { exact: true }).selectOption('wasm-simd');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await page.locator('sc-train-panel .status', { hasText: /Training finished/ }).waitFor({ timeout: 600_000 });
  await page.screenshot({ path: values.out, fullPage: true });
  console.log(`wrote ${values.out}`);
} finally {
  await context.close();
  await app.close();
}
