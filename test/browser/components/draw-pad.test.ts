import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { accessibilityProblems, componentPage, mount } from '../components';

const shared = componentPage();

interface Counts {
  /** sc-drawing events while the button was down, and after. */
  during: number;
  after: number;
  /** Animation frames while the button was down. */
  frames: number;
}

/** Draws one stroke across the pad with many pointer moves, counting its events and the frames. */
async function stroke(page: Page): Promise<Counts> {
  await page.evaluate(() => {
    const counts = { during: 0, after: 0, frames: 0, down: true };
    (window as unknown as { counts: typeof counts }).counts = counts;
    document.addEventListener('sc-drawing', () => (counts.down ? counts.during++ : counts.after++));
    const tick = () => {
      if (!counts.down) return;
      counts.frames++;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  const box = (await page.locator('sc-draw-pad canvas').boundingBox())!;
  await page.mouse.move(box.x + 20, box.y + 20);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width - 20, box.y + box.height - 20, { steps: 60 });
  // One more frame, so that a report booked by the last move has had its chance.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
  const during = await page.evaluate(() => {
    const counts = (window as unknown as { counts: Counts & { down: boolean } }).counts;
    counts.down = false;
    return { ...counts };
  });
  await page.mouse.up();
  const after = await page.evaluate(() => (window as unknown as { counts: Counts }).counts.after);
  return { during: during.during, frames: during.frames, after };
}

describe('sc-draw-pad', () => {
  it('reports a drawing only when the stroke ends, by default', async () => {
    const { page } = shared;
    await mount(page, 'sc-draw-pad');
    const counts = await stroke(page);
    expect(counts.during).toBe(0);
    expect(counts.after).toBe(1);
    expect(await accessibilityProblems(page)).toEqual([]);
  });

  it('when live, reports the stroke as it is drawn, at most once a frame, and once more at its end', async () => {
    const { page } = shared;
    await mount(page, 'sc-draw-pad', { live: true });
    const counts = await stroke(page);
    expect(counts.during).toBeGreaterThan(0);
    expect(counts.during).toBeLessThanOrEqual(counts.frames);
    expect(counts.after).toBe(1);
    expect(await accessibilityProblems(page)).toEqual([]);
  });
});
