// Draws a small set of shapes with the mouse on a plain canvas in headless Chromium, in a style
// unlike the dataset generator, to measure how models trained on the bundled set generalise.
// Rerun: npx tsx src/tools/draw-samples.ts [--out test/fixtures/drawn] [--per-class 8] [--seed 7]
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { launch } from './chromium';
import { createRng } from '../engine/data/random';
import { gesture, type Kind } from './drawings/strokes';

const PAD = `<canvas width="240" height="240" style="background:#fff"></canvas><script>
  const c = document.querySelector('canvas'), g = c.getContext('2d');
  let last = null;
  const clear = () => { g.fillStyle = '#fff'; g.fillRect(0, 0, 240, 240); };
  clear();
  c.onpointerdown = (e) => { last = [e.offsetX, e.offsetY]; };
  c.onpointermove = (e) => { if (!last) return; g.beginPath(); g.moveTo(...last); g.lineTo(e.offsetX, e.offsetY); g.stroke(); last = [e.offsetX, e.offsetY]; };
  c.onpointerup = () => { last = null; };
  window.pad = { clear, style: (w, ink) => { g.lineWidth = w; g.lineCap = g.lineJoin = 'round'; g.strokeStyle = ink; },
    png: () => c.toDataURL('image/png').split(',')[1] };
</script>`;

const { values } = parseArgs({
  options: { out: { type: 'string' }, 'per-class': { type: 'string' }, seed: { type: 'string' } },
});
const out = values.out ?? 'test/fixtures/drawn';
/** The drawing pad the page below defines. */
type PadWindow = { pad: { style(width: number, ink: string): void; clear(): void; png(): string } };

const perClass = Number(values['per-class'] ?? 8);
const rng = createRng(Number(values.seed ?? 7));
const context = await launch();
const page = await context.newPage();
await page.setContent(PAD);
const box = (await page.locator('canvas').boundingBox())!;
rmSync(out, { recursive: true, force: true });
for (const kind of ['circle', 'rectangle', 'triangle'] as Kind[]) {
  mkdirSync(join(out, kind), { recursive: true });
  for (let i = 1; i <= perClass; i++) {
    await page.evaluate(([w, ink]) => (window as unknown as PadWindow).pad.style(w, ink), [
      rng.range(3, 16),
      rng.next() < 0.5 ? '#111' : '#233a8c',
    ] as const);
    await page.evaluate(() => (window as unknown as PadWindow).pad.clear());
    const [first, ...rest] = gesture(kind, rng);
    await page.mouse.move(box.x + first![0], box.y + first![1]);
    await page.mouse.down();
    for (const [x, y] of rest) await page.mouse.move(box.x + x, box.y + y, { steps: 2 });
    await page.mouse.up();
    const png = await page.evaluate(() => (window as unknown as PadWindow).pad.png());
    writeFileSync(join(out, kind, `${kind}${String(i).padStart(3, '0')}.png`), Buffer.from(png, 'base64'));
  }
}
await context.close();
console.log(`Drew ${perClass * 3} shapes into ${out}`);
