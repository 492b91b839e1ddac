import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { shape } from '../helpers/images';
import { axeViolations, draw, outline, sharedApp, showTab, textOf } from './ui-app';

const app = sharedApp();

const TABS = ['Train', 'Predict', 'Dataset', 'Models'];

/** axe's findings, one line each, so a failure says what and where. */
async function violations(): Promise<string[]> {
  return (await axeViolations(app.page)).flatMap((v) =>
    v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')} — ${n.failureSummary}`),
  );
}

describe('accessibility of every view (axe-core)', () => {
  it('fills every view: an import summary, samples, a selection, a trained model with mistakes, augmentation previews', async () => {
    const { page } = app;
    await showTab(page, 'Dataset');
    const files: Record<string, Uint8Array> = {};
    for (const [name, kind] of [
      ['원', 'circle'],
      ['세모', 'triangle'],
    ] as const) {
      for (let i = 0; i < 4; i++) files[`${i < 3 ? 'train' : 'test'}/${name}/${kind}-${i}.png`] = shape(kind, i);
    }
    await page
      .locator('sc-import-panel input#zip')
      .setInputFiles({ name: 'shapes.zip', mimeType: 'application/zip', buffer: Buffer.from(zipSync(files)) });
    await textOf(page.locator('sc-import-panel .summary .found'), /Found/);
    expect(await violations(), 'dataset tab with an import summary').toEqual([]);
    await page.getByRole('button', { name: 'Import 8 images' }).click();
    await textOf(page.locator('sc-import-panel [role=status]'), /Imported/);
    await draw(page, page.locator('sc-sample-capture canvas'), outline('circle'));
    await page.getByRole('button', { name: 'Add drawing' }).click();
    await textOf(page.locator('sc-sample-capture [role=status]'), /Added/);
    await page.locator('sc-sample-editor .tile label').first().click();
    await textOf(page.locator('sc-sample-editor .selection strong'), /1 selected/);

    await showTab(page, 'Train');
    await page.getByLabel('Backend', { exact: true }).selectOption('wasm-simd');
    await page.getByRole('spinbutton', { name: 'Epochs' }).fill('2');
    await page.getByText('Advanced options').click();
    await page.getByRole('button', { name: 'Preview augmented images' }).click();
    await expect.poll(() => page.locator('sc-augment-settings canvas').count(), { timeout: 10_000 }).toBe(12);
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    await textOf(page.locator('sc-train-panel .status'), /Training finished/, 180_000);
    await textOf(page.locator('sc-mistake-list h3'), /Misclassified/);
    await showTab(page, 'Predict');
    await draw(page, page.locator('sc-predict-panel sc-draw-pad canvas'), outline('triangle'));
    await textOf(page.locator('sc-probability-bars [role=status]'), /Most likely/);
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`finds no violations on any tab in ${scheme} mode`, async () => {
      const { page } = app;
      await page.emulateMedia({ colorScheme: scheme });
      for (const tab of TABS) {
        await showTab(page, tab);
        expect(await violations(), `${tab} tab, ${scheme}`).toEqual([]);
      }
    });
  }

  it('moves between tabs with the arrow keys, Home and End (ARIA tabs pattern)', async () => {
    const { page } = app;
    await showTab(page, 'Train');
    const selected = () => page.locator('[role=tab][aria-selected=true]').textContent();
    const focused = () =>
      page.evaluate(() => document.querySelector('sc-shape-app')!.shadowRoot!.activeElement?.textContent?.trim());
    await page.keyboard.press('ArrowRight');
    expect([await selected(), await focused()]).toEqual(['Predict', 'Predict']);
    expect(await page.locator('#panel-predict').isVisible()).toBe(true);
    expect(await page.locator('#panel-train').isVisible()).toBe(false);
    await page.keyboard.press('End');
    expect([await selected(), await focused()]).toEqual(['Models', 'Models']);
    await page.keyboard.press('ArrowRight');
    expect(await selected()).toBe('Train');
    await page.keyboard.press('ArrowLeft');
    expect(await selected()).toBe('Models');
    await page.keyboard.press('Home');
    expect([await selected(), await focused()]).toEqual(['Train', 'Train']);
    expect(await page.locator('[role=tab][tabindex="0"]').allTextContents()).toEqual(['Train']);
  });

  it('fits a 360 px wide phone: no view scrolls sideways', async () => {
    const { page } = app;
    await page.setViewportSize({ width: 360, height: 780 });
    for (const tab of TABS) {
      await showTab(page, tab);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), `${tab} tab`).toBeLessThanOrEqual(360);
    }
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('finds no violations in Korean, nor with a confirmation dialog open', async () => {
    const { page, errors } = app;
    await page.getByLabel('Language').selectOption('ko');
    await expect.poll(() => page.evaluate(() => document.documentElement.lang), { timeout: 10_000 }).toBe('ko');
    for (const tab of ['학습', '예측', '데이터셋', '모델']) {
      await showTab(page, tab);
      expect(await violations(), `${tab} tab, Korean`).toEqual([]);
    }
    await page.getByRole('button', { name: '삭제', exact: true }).click();
    await page.getByRole('dialog').waitFor();
    expect(await violations(), 'delete dialog').toEqual([]);
    await page.keyboard.press('Escape');
    expect(await page.getByRole('dialog').count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
