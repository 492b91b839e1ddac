// The README's screenshots, from the built app in one fresh profile: the first run (docs/first-run.png),
// the Train tab after the app's default run on the WebAssembly path (docs/screenshot.png), a drawing
// classified on the Predict tab (docs/predict.png), and the same on a 360 × 740 phone in Korean
// (docs/phone.png).
// Rerun: npx tsx src/tools/screenshot.ts [--out docs]
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import { buildAndServe } from './bench/app-build';
import { launch } from './chromium';

const { values } = parseArgs({ options: { out: { type: 'string', default: 'docs' } } });
const out = (name: string) => join(values.out, name);

/** Draws a slightly wobbly closed outline with the mouse, as a person would, on the Predict pad. */
async function drawOutline(page: Page, points: [number, number][]): Promise<void> {
  const canvas = page.locator('sc-predict-panel sc-draw-pad canvas');
  await canvas.scrollIntoViewIfNeeded();
  const box = (await canvas.boundingBox())!;
  const at = ([x, y]: [number, number]) => [box.x + x * box.width, box.y + y * box.height] as const;
  await page.mouse.move(...at(points[0]!));
  await page.mouse.down();
  for (const point of points.slice(1)) await page.mouse.move(...at(point), { steps: 4 });
  await page.mouse.up();
}

/**
 * The probability bars grow to their widths with a transition (in shadow roots too, which the
 * document's animations include), and the last live prediction of a stroke can arrive a moment
 * after the first one is shown: the shot waits for both.
 */
async function settled(page: Page): Promise<void> {
  await page.waitForTimeout(1000);
  await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished)));
}

const ellipse = Array.from({ length: 41 }, (_, i): [number, number] => {
  const a = (i / 40) * 2 * Math.PI;
  return [0.5 + 0.33 * Math.cos(a) + 0.01 * Math.sin(5 * a), 0.52 + 0.26 * Math.sin(a)];
});
const triangle: [number, number][] = [
  [0.5, 0.18],
  [0.82, 0.8],
  [0.2, 0.78],
  [0.51, 0.2],
];

const app = await buildAndServe();
const context = await launch({ viewport: { width: 1280, height: 900 } });
try {
  const page = await context.newPage();
  await page.goto(app.appUrl);
  await page.locator('sc-train-panel button[type=submit]:enabled').waitFor({ timeout: 120_000 });
  const dismiss = page.getByRole('button', { name: 'Dismiss' });
  await dismiss.click({ timeout: 30_000 }).catch(() => undefined);
  await page.screenshot({ path: out('first-run.png') });

  await page.getByLabel('Backend', { exact: true }).selectOption('wasm-simd');
  await page.getByRole('button', { name: 'Start training', exact: true }).click();
  await page.locator('sc-train-panel .status', { hasText: /Training finished/ }).waitFor({ timeout: 600_000 });
  await page.screenshot({ path: out('screenshot.png'), fullPage: true });

  await page.getByRole('button', { name: 'Draw a shape' }).click();
  await drawOutline(page, ellipse);
  await page.locator('sc-predict-panel sc-model-input:not([hidden])').waitFor();
  await page.evaluate(() => window.scrollTo(0, 0));
  await settled(page);
  await page.screenshot({ path: out('predict.png') });

  await page.setViewportSize({ width: 360, height: 740 });
  await page.locator('sc-locale-switch select').selectOption('ko');
  await page.getByRole('button', { name: '지우기' }).click();
  await drawOutline(page, triangle);
  await page.locator('sc-predict-panel sc-model-input:not([hidden])').waitFor();
  await page.locator('sc-predict-panel sc-draw-pad').evaluate((pad) => pad.scrollIntoView({ block: 'start' }));
  await page.evaluate(() => window.scrollBy(0, -80));
  await settled(page);
  await page.screenshot({ path: out('phone.png') });
  console.log(`wrote ${['first-run', 'screenshot', 'predict', 'phone'].map((n) => out(`${n}.png`)).join(', ')}`);
} finally {
  await context.close();
  await app.close();
}
