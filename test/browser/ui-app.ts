import { readFileSync } from 'node:fs';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject } from 'vitest';
import { launch, type LaunchOptions } from '../../src/tools/chromium';

export interface AppPage {
  context: BrowserContext;
  page: Page;
  /** Uncaught errors of the page, for tests to assert there were none. */
  errors: string[];
}

/**
 * The built app in a fresh browser profile, once its dataset is open (Train is enabled). Tests of
 * the app's workings train on the tutorial-sized bundled set (45 images), chosen as a person
 * would on the Dataset tab; `bundled: 'starter'` keeps the real-drawing starter set, the default.
 */
export async function openApp(
  options: LaunchOptions = {},
  { bundled = 'tutorial' }: { bundled?: 'starter' | 'tutorial' } = {},
): Promise<AppPage> {
  const context = await launch(options);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(inject('appUrl'));
  await appReady(page);
  if (bundled === 'tutorial') await useTutorialSet(page);
  return { context, page, errors };
}

/** Chooses the tutorial-sized bundled set on the Dataset tab, then shows the Train tab again. */
export async function useTutorialSet(page: Page): Promise<void> {
  // By id, not by name: the same in every language.
  await page.locator('#tab-dataset').click();
  await page.locator('sc-dataset-view select#set').selectOption('tutorial');
  // Its counts: 45 training, 15 test and 30 hard images. (A locator's wait: this runs in hooks too.)
  await page.locator('sc-dataset-view p.muted', { hasText: /45\D+15\D+30/ }).waitFor({ timeout: 60_000 });
  await appReady(page);
}

/** Waits for the worker to open the dataset: Train becomes enabled (on the Train tab, shown for it). */
export async function appReady(page: Page): Promise<void> {
  await page.locator('#tab-train').click();
  await page.locator('sc-train-panel button[type=submit]:enabled').waitFor({ timeout: 60_000 });
}

/** One app page for a whole test file (opened before its tests, closed after). */
export function sharedApp(options: LaunchOptions = {}, app: Parameters<typeof openApp>[1] = {}): AppPage {
  const shared = {} as AppPage;
  beforeAll(async () => {
    Object.assign(shared, await openApp(options, app));
  });
  afterAll(async () => {
    await shared.context?.close();
  });
  return shared;
}

/**
 * Shows a tab and waits until its cards are drawn: a tab's components load the first time it is
 * shown, and until then its cards are empty elements. (Playwright's waits, not expect.poll: this
 * runs in beforeAll hooks too.)
 */
export async function showTab(page: Page, name: string | RegExp): Promise<void> {
  await page.getByRole('tab', { name }).click();
  const cards = page.getByRole('tabpanel', { name }).locator('.card');
  await cards.first().waitFor({ state: 'attached', timeout: 30_000 });
  await cards.evaluateAll(async (all) => {
    for (const card of all) {
      await customElements.whenDefined(card.localName);
      await (card as HTMLElement & { updateComplete: Promise<boolean> }).updateComplete;
    }
  });
}

/** Waits until `locator`'s text matches, and returns it. */
export async function textOf(locator: Locator, pattern: RegExp, timeout = 60_000): Promise<string> {
  await expect
    .poll(async () => (await locator.textContent())?.replace(/\s+/g, ' ').trim() ?? '', { timeout })
    .toMatch(pattern);
  return (await locator.textContent())!.replace(/\s+/g, ' ').trim();
}

/** The alert region's text once a failure is shown. */
export const alertText = (page: Page) => textOf(page.getByRole('alert'), /\S/);

type Point = [x: number, y: number];

/** Closed outlines in the unit square; `variant` moves and resizes them so drawings differ. */
export function outline(kind: 'circle' | 'triangle' | 'square', variant = 0): Point[] {
  const cx = 0.5 + ((variant % 3) - 1) * 0.06;
  const cy = 0.5 + (((variant >> 1) % 3) - 1) * 0.06;
  const r = 0.3 - (variant % 4) * 0.03;
  if (kind === 'circle')
    return Array.from({ length: 33 }, (_, i) => [
      cx + r * Math.cos((i / 32) * 2 * Math.PI),
      cy + r * Math.sin((i / 32) * 2 * Math.PI),
    ]);
  if (kind === 'square')
    return [
      [cx - r, cy - r],
      [cx + r, cy - r],
      [cx + r, cy + r],
      [cx - r, cy + r],
      [cx - r, cy - r],
    ];
  return [
    [cx, cy - r],
    [cx + r, cy + r * 0.8],
    [cx - r, cy + r * 0.8],
    [cx, cy - r],
  ];
}

export interface Pointer {
  /** The input device: pen and touch go through CDP, which sets the pointer type and pressure as hardware would. */
  device: 'mouse' | 'pen' | 'touch';
  /** Pen pressure, 0 to 1. */
  pressure?: number;
}

/** Draws one stroke (down, moves, up) through `points` of the canvas's unit square. */
export async function draw(
  page: Page,
  canvas: Locator,
  points: Point[],
  pointer: Pointer = { device: 'mouse' },
): Promise<void> {
  await canvas.scrollIntoViewIfNeeded();
  const box = (await canvas.boundingBox())!;
  const at = ([x, y]: Point) => ({ x: box.x + x * box.width, y: box.y + y * box.height });
  if (pointer.device === 'mouse') {
    await page.mouse.move(at(points[0]!).x, at(points[0]!).y);
    await page.mouse.down();
    for (const point of points.slice(1)) await page.mouse.move(at(point).x, at(point).y, { steps: 3 });
    await page.mouse.up();
    return;
  }
  const cdp = await page.context().newCDPSession(page);
  const [first, ...rest] = points.map(at);
  if (pointer.device === 'touch') {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [first!] });
    for (const point of rest) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [point] });
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  } else {
    const pen = { pointerType: 'pen', button: 'left', force: pointer.pressure ?? 0.5 } as const;
    await cdp.send('Input.dispatchMouseEvent', { type: 'mousePressed', ...first!, ...pen, clickCount: 1, buttons: 1 });
    for (const point of rest)
      await cdp.send('Input.dispatchMouseEvent', { type: 'mouseMoved', ...point, ...pen, buttons: 1 });
    await cdp.send('Input.dispatchMouseEvent', {
      type: 'mouseReleased',
      ...rest.at(-1)!,
      ...pen,
      clickCount: 1,
      force: 0,
    });
  }
  await cdp.detach();
}

/** Pastes a file as the clipboard does: a paste event carrying it, bubbling up from the page's body. */
export async function pasteFile(page: Page, file: { name: string; type: string; bytes: Uint8Array }): Promise<void> {
  await page.evaluate(
    ({ name, type, bytes }) => {
      const data = new DataTransfer();
      data.items.add(new File([new Uint8Array(bytes)], name, { type }));
      document.body.dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
      );
    },
    { ...file, bytes: [...file.bytes] },
  );
}

/** Drags files or folders from disk onto `target` and drops them, as a file manager does (CDP drag events). */
export async function dropFromDisk(page: Page, target: Locator, paths: string[]): Promise<void> {
  await target.scrollIntoViewIfNeeded();
  const box = (await target.boundingBox())!;
  const cdp = await page.context().newCDPSession(page);
  const data = { items: [], files: paths, dragOperationsMask: 1 };
  for (const type of ['dragEnter', 'dragOver', 'drop'] as const) {
    await cdp.send('Input.dispatchDragEvent', { type, x: box.x + box.width / 2, y: box.y + box.height / 2, data });
  }
  await cdp.detach();
}

export interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  nodes: { target: string[]; failureSummary: string }[];
}

/** axe-core's violations on the page as it is now (every rule axe runs by default). */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) {
    // Evaluated through the DevTools protocol: the app's Content-Security-Policy refuses inline
    // scripts, which is what a script tag added with its source is.
    await page.evaluate(readFileSync('node_modules/axe-core/axe.min.js', 'utf8'));
  }
  return page.evaluate(async () => {
    const { violations } = await (
      window as unknown as { axe: { run(): Promise<{ violations: AxeViolation[] }> } }
    ).axe.run();
    return violations.map(({ id, impact, help, nodes }) => ({
      id,
      impact,
      help,
      nodes: nodes.map(({ target, failureSummary }) => ({ target, failureSummary })),
    }));
  });
}
