import { describe, expect, it } from 'vitest';
import { outline, sharedApp, showTab, textOf } from './ui-app';

const app = sharedApp();

interface Watch {
  /** Pointer moves over the page so far. */
  moves: number;
  /** For each change of the probability bars, how many moves the stroke had made by then. */
  changes: number[];
}

describe('live prediction while drawing', () => {
  // Long tasks are measured by the bench (a timing on a shared machine is no test): here, the behaviour.
  it('the bars follow the stroke as it is drawn', async () => {
    const { page, errors } = app;
    await page.getByLabel('Backend', { exact: true }).selectOption('wasm-simd');
    // The tutorial's settings: no redrawing or augmentation (the app's defaults redraw).
    await page.getByRole('button', { name: 'Tutorial defaults' }).click();
    await page.getByRole('spinbutton', { name: 'Epochs' }).fill('2');
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    await textOf(page.locator('sc-train-panel .status'), /Training finished after 2 epochs/, 180_000);
    await showTab(page, 'Predict');
    const canvas = page.locator('sc-predict-panel sc-draw-pad canvas');
    await canvas.scrollIntoViewIfNeeded();

    // Each frame reads the bars' widths through the shadow roots and notes when they changed.
    await page.evaluate(() => {
      const watch: Watch = { moves: 0, changes: [] };
      (window as unknown as { watch: Watch }).watch = watch;
      document.addEventListener('pointermove', () => watch.moves++);
      const bars = () =>
        [
          ...(document
            .querySelector('sc-shape-app')
            ?.shadowRoot?.querySelector('sc-predict-panel')
            ?.shadowRoot?.querySelector('sc-probability-bars')
            ?.shadowRoot?.querySelectorAll<HTMLElement>('.bar > span') ?? []),
        ]
          .map((span) => span.style.width)
          .join();
      let last = bars();
      const frame = () => {
        const now = bars();
        if (now !== last) watch.changes.push(watch.moves);
        last = now;
        requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
    });

    const box = (await canvas.boundingBox())!;
    const points = outline('circle', 1).map(([x, y]) => ({ x: box.x + x * box.width, y: box.y + y * box.height }));
    await page.mouse.move(points[0]!.x, points[0]!.y);
    await page.mouse.down();
    for (const point of points.slice(1)) await page.mouse.move(point.x, point.y, { steps: 6 });
    const watch = await page.evaluate(() => (window as unknown as { watch: Watch }).watch);
    await page.mouse.up();

    // Several answers arrived before the stroke's last move: the bars moved with the pen.
    expect(watch.changes.filter((moves) => moves < watch.moves).length).toBeGreaterThanOrEqual(2);
    expect(await page.locator('sc-probability-bars [role=status]').textContent()).toMatch(/Most likely|Not a shape/);
    expect(errors).toEqual([]);
  });
});
