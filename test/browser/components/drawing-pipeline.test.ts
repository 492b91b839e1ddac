import { describe, expect, it } from 'vitest';
import { accessibilityProblems, componentPage, mount } from '../components';

const shared = componentPage();

describe('sc-drawing-pipeline', () => {
  it('offers redrawing only with fitting, each choice explained beside it', async () => {
    const { page } = shared;
    const pipeline = await mount(page, 'sc-drawing-pipeline', { fitFrame: true, redraw: true });
    const [fit, redraw] = [
      pipeline.getByLabel('Fit each drawing to the frame'),
      pipeline.getByLabel('Redraw training drawings'),
    ];
    expect([await fit.isChecked(), await redraw.isChecked()]).toEqual([true, true]);
    expect(await redraw.getAttribute('aria-describedby')).toBe('redraw-hint');
    expect(await accessibilityProblems(page)).toEqual([]);

    const changes = page.evaluate(
      () =>
        new Promise<string>((resolve) =>
          document.querySelector('sc-drawing-pipeline')!.addEventListener('change', (e) => {
            const { fitFrame, redraw } = e.target as unknown as { fitFrame: boolean; redraw: boolean };
            resolve(`${fitFrame} ${redraw}`);
          }),
        ),
    );
    await fit.uncheck();
    expect(await changes).toBe('false false');
    expect(await redraw.isDisabled()).toBe(true);
    expect(await pipeline.locator('#redraw-hint').textContent()).toBe('Needs “Fit each drawing to the frame”.');
    expect(await accessibilityProblems(page)).toEqual([]);
  });
});
