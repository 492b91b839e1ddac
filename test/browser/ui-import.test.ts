import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { shape, writeTree } from '../helpers/images';
import { alertText, dropFromDisk, sharedApp, showTab, textOf } from './ui-app';

const app = sharedApp();

/** Stored, not deflated: like a zip made by a file manager of already compressed PNGs. */
const zipOf = (files: Record<string, Uint8Array>) =>
  Buffer.from(zipSync(Object.fromEntries(Object.entries(files).map(([path, bytes]) => [path, [bytes, { level: 0 }]]))));

/** Each row of the import summary's table: class, training count, test count. */
const summaryRows = () =>
  app.page
    .locator('sc-import-panel .summary tbody tr')
    .evaluateAll((rows) => rows.map((row) => [...row.children].map((cell) => cell.textContent!.trim())));

/** Keras's line for each split, as the summary shows them. */
const found = async () => {
  await app.page.locator('sc-import-panel .summary .found dd').first().waitFor();
  return app.page.locator('sc-import-panel .summary .found dd').allTextContents();
};

const editorSummary = () => textOf(app.page.locator('sc-sample-editor p').first(), /\S/);

/** Delays the page's reads of picked files by a chosen time, and counts the reads that finished. */
async function slowReads(page: Page) {
  await page.evaluate(() => {
    const state = window as unknown as { readDelay: number; readsDone: number };
    Object.assign(state, { readDelay: 0, readsDone: 0 });
    const read = File.prototype.arrayBuffer;
    File.prototype.arrayBuffer = async function (this: File) {
      const delay = state.readDelay;
      const bytes = await read.call(this);
      await new Promise((resolve) => setTimeout(resolve, delay));
      state.readsDone++;
      return bytes;
    };
  });
  return {
    delay: (ms: number) => page.evaluate((ms) => ((window as unknown as { readDelay: number }).readDelay = ms), ms),
    done: () => page.evaluate(() => (window as unknown as { readsDone: number }).readsDone),
  };
}

/**
 * A train/test zip's files, drawn at `size` pixels: the app refuses images whose pixels match a
 * stored sample's, so each import of this shared page brings pictures of its own.
 */
const splitFiles = (size: number): Record<string, Uint8Array> => ({
  'train/원/circle-1.png': shape('circle', 0, size),
  'train/원/circle-2.png': shape('circle', 1, size),
  'train/원/circle-3.png': shape('circle', 2, size),
  'train/삼각형/triangle-1.png': shape('triangle', 0, size),
  'train/삼각형/triangle-2.png': shape('triangle', 1, size),
  'train/삼각형/triangle-3.png': shape('triangle', 2, size),
  'test/원/circle-4.png': shape('circle', 3, size),
  'test/삼각형/triangle-4.png': shape('triangle', 3, size),
});

describe('import and export in the app', () => {
  const files = splitFiles(24);

  it('imports a .zip after showing what it holds, and exports the same files byte for byte', async () => {
    const { page } = app;
    await showTab(page, 'Dataset');
    const panel = page.locator('sc-import-panel');
    await panel
      .locator('input#zip')
      .setInputFiles({ name: '도형.zip', mimeType: 'application/zip', buffer: zipOf(files) });
    expect(await found()).toEqual(['Found 6 images belonging to 2 classes.', 'Found 2 images belonging to 2 classes.']);
    expect(await summaryRows()).toEqual([
      ['삼각형', '3', '1'],
      ['원', '3', '1'],
    ]);
    expect(await textOf(panel.locator('.summary p'), /Layout/)).toBe(
      'Layout: train/ and test/ folders, used as they are.',
    );
    expect(await panel.getByLabel('Test fraction').count()).toBe(0);
    // Nothing is stored before the person confirms.
    expect(await editorSummary()).toMatch(/^No classes of your own yet/);

    await panel.getByRole('button', { name: 'Import 8 images' }).click();
    expect(await textOf(panel.getByRole('status'), /Imported/)).toBe('Imported 8 images from 도형.zip.');
    expect(await textOf(page.locator('sc-sample-editor p').first(), /Samples/)).toBe(
      'Samples: 8 · classes: 2 · kept on this device.',
    );

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      panel.getByRole('button', { name: 'Export your dataset (.zip)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('shapes-dataset.zip');
    const exported = unzipSync(readFileSync(await download.path()));
    expect(Object.keys(exported).sort()).toEqual(Object.keys(files).sort());
    for (const [path, bytes] of Object.entries(files))
      expect(Buffer.from(exported[path]!).equals(Buffer.from(bytes)), path).toBe(true);
  });

  it('imports a folder of class folders, re-reading it when the test fraction changes', async () => {
    const { page } = app;
    const tree: Record<string, Uint8Array> = {};
    for (let i = 0; i < 5; i++) {
      tree[`별/star-${i}.png`] = shape('rectangle', i);
      // Circles 4 to 8: 0 to 3 are stored already.
      tree[`달/moon-${i}.png`] = shape('circle', i + 4);
    }
    const root = writeTree(tree);
    const panel = page.locator('sc-import-panel');
    await panel.locator('input#folder').setInputFiles(root);
    expect(await found()).toEqual(['Found 8 images belonging to 2 classes.', 'Found 2 images belonging to 2 classes.']);
    expect(await textOf(panel.locator('.summary p'), /Layout/)).toMatch(/^Layout: class folders only/);
    expect(await textOf(panel.locator('output'), /%/)).toBe('20%');
    // Four steps of 5% with the keyboard: each one reads the folder again. The first three reads are
    // slow, so they finish after the fourth: none of them may bring back an older summary.
    const reads = await slowReads(page);
    await panel.getByLabel('Test fraction').focus();
    for (let i = 0; i < 4; i++) {
      await reads.delay(i < 3 ? 1000 : 0);
      await page.keyboard.press('ArrowRight');
    }
    await textOf(panel.locator('.summary .found dd').first(), /Found 6/);
    expect(await found()).toEqual(['Found 6 images belonging to 2 classes.', 'Found 4 images belonging to 2 classes.']);
    expect(await summaryRows()).toEqual([
      ['달', '3', '2'],
      ['별', '3', '2'],
    ]);
    await panel.getByRole('button', { name: 'Import 10 images' }).click();
    expect(await textOf(panel.getByRole('status'), /Imported/)).toBe(`Imported 10 images from ${basename(root)}.`);
    expect(await textOf(page.locator('sc-sample-editor p').first(), /Samples: 18/)).toBe(
      'Samples: 18 · classes: 4 · kept on this device.',
    );
    await expect.poll(reads.done, { timeout: 10_000 }).toBe(4 * 10);
    await reads.delay(0);
    expect(await panel.locator('.summary').count()).toBe(0);
    expect(await textOf(panel.getByRole('status'), /Imported/)).toBe(`Imported 10 images from ${basename(root)}.`);
  });

  it('takes a folder or a .zip dragged from the file manager, and shows what it holds before importing', async () => {
    const { page } = app;
    const root = writeTree({
      '손그림/train/네모/a.png': shape('rectangle', 0, 28),
      '손그림/train/원/b.png': shape('circle', 0, 28),
      '손그림/test/원/c.png': shape('circle', 1, 28),
    });
    writeTree({ 'shapes.zip': zipOf(splitFiles(32)) }, root);
    const panel = page.locator('sc-import-panel');
    await dropFromDisk(page, panel.locator('.drop'), [join(root, '손그림')]);
    expect(await textOf(panel.getByRole('status'), /Checked/)).toBe(
      'Checked 손그림: see what it holds, then import it.',
    );
    expect(await found()).toEqual(['Found 2 images belonging to 2 classes.', 'Found 1 images belonging to 1 classes.']);
    expect(await summaryRows()).toEqual([
      ['네모', '1', '0'],
      ['원', '1', '1'],
    ]);
    await panel.getByRole('button', { name: 'Cancel' }).click();
    expect(await panel.locator('.summary').count()).toBe(0);

    await dropFromDisk(page, panel.locator('.drop'), [join(root, 'shapes.zip')]);
    expect(await textOf(panel.getByRole('status'), /Checked/)).toBe(
      'Checked shapes.zip: see what it holds, then import it.',
    );
    expect(await summaryRows()).toEqual([
      ['삼각형', '3', '1'],
      ['원', '3', '1'],
    ]);
    await panel.getByRole('button', { name: 'Cancel' }).click();
    // Only looked at: nothing stored.
    expect(await textOf(page.locator('sc-sample-editor p').first(), /Samples/)).toBe(
      'Samples: 18 · classes: 4 · kept on this device.',
    );
  });

  it('refuses a zip with a corrupt PNG by name; adds the good files of a batch and lists the refused ones', async () => {
    const { page, errors } = app;
    const before = await editorSummary();
    const thumbnails = await page.locator('sc-sample-editor .tile').count();
    const good = shape('circle', 0, 36);
    await page.locator('sc-import-panel input#zip').setInputFiles({
      name: 'broken.zip',
      mimeType: 'application/zip',
      buffer: zipOf({ 'a/1.png': good, 'b/1.png': good.subarray(0, 60) }),
    });
    expect(await alertText(page)).toMatch(
      /^Something went wrong Could not import: broken\.zip\/b\/1\.png: corrupt PNG/,
    );
    expect(await page.locator('sc-import-panel .summary').count()).toBe(0);
    await page.getByRole('alert').getByRole('button', { name: 'Dismiss' }).click();

    const capture = page.locator('sc-sample-capture');
    await capture.getByLabel('Class', { exact: true }).selectOption('원');
    await capture.locator('input[type=file]').setInputFiles([
      { name: 'fine.png', mimeType: 'image/png', buffer: shape('circle', 1, 36) },
      { name: 'notes.png', mimeType: 'image/png', buffer: Buffer.from('not a picture') },
    ]);
    // File by file: the good one is stored, the other is listed with its reason.
    // The list of refused files is a component of its own inside the status (its text is in its shadow root).
    const status = capture.locator('.added');
    const refused = status.locator('sc-refused-list');
    expect(await textOf(status, /Added/)).toBe('Added 1 to 원 (Training).');
    expect(await textOf(refused.locator('.title'), /Left out/)).toBe('Left out (1):');
    await textOf(refused.locator('li'), /not a PNG/);
    expect(await refused.locator('li').allTextContents()).toEqual(['notes.png: not a PNG or JPEG image']);
    await expect.poll(() => page.locator('sc-sample-editor .tile').count(), { timeout: 10_000 }).toBe(thumbnails + 1);
    expect(await editorSummary()).not.toBe(before);
    expect(errors).toEqual([]);
  });
});
