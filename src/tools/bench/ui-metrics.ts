// Measurements that need the real app page (src/ui): the main thread while training is started
// and followed from the UI, and the offline cold start of the installed app to its first prediction.
// They drive the UI as a person would: by its English labels (roles and names), never its internals.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ServedApp } from './app-build';
import { KEEP_NAMES_SHIM, launchChromium } from './chromium';
import { installMainThreadProbe, startRecording, stopRecording, type MainThreadStats } from './main-thread-probe';

export interface UiMetrics {
  /** Why nothing was measured (e.g. the build has no UI yet). */
  notMeasured?: string;
  training?: {
    epochs: number;
    backend: string;
    seconds: number;
    mainThread: MainThreadStats;
    /** Basenames of the built JS files in the page's resource timeline by the end of the run. */
    loadedScripts: string[];
  };
  coldStart?: {
    /** From navigation start (new browser process, offline) until "Try a test image" can be pressed (Predict tab opened). */
    readyMs: number;
    /** From navigation start until the prediction for that image is on screen. */
    firstPredictionMs: number;
  };
}

/** True when the built index.html starts a script (the UI), not just a static placeholder. */
const hasUi = (outDir: string) => /<script[^>]+type="module"/.test(readFileSync(join(outDir, 'index.html'), 'utf8'));

/**
 * In the page: opens the Predict tab (the app starts on Train), presses "Try a test image" as soon
 * as it is enabled, then waits for the result.
 */
function pressSampleAndWait(timeoutMs: number): Promise<{ readyMs: number; firstPredictionMs: number }> {
  const find = (root: Document | ShadowRoot, match: (el: Element) => boolean): HTMLElement | undefined => {
    for (const el of root.querySelectorAll('*')) {
      if (match(el)) return el as HTMLElement;
      const inner = el.shadowRoot && find(el.shadowRoot, match);
      if (inner) return inner;
    }
    return undefined;
  };
  const named = (role: string, name: RegExp) => (el: Element) =>
    (el.getAttribute('role') ?? el.tagName.toLowerCase()) === role && name.test(el.textContent?.trim() ?? '');
  const frame = (waitingFor: string) => {
    if (performance.now() > timeoutMs) throw new Error(`no ${waitingFor} ${timeoutMs} ms after navigation start`);
    return new Promise((resolve) => requestAnimationFrame(resolve));
  };
  return (async () => {
    for (;;) {
      const tab = find(document, named('tab', /^Predict$/));
      if (tab?.getAttribute('aria-selected') === 'false') tab.click();
      const button = find(document, named('button', /^Try a test image$/)) as HTMLButtonElement | undefined;
      if (button && !button.disabled) {
        const readyMs = performance.now();
        button.click();
        // Either answer counts: a shape ("Most likely: …") or none of them ("Not a shape: …").
        const answered = (el: Element) =>
          el.classList.contains('winner') && /Most likely|Not a shape/.test(el.textContent ?? '');
        while (!find(document, answered)) {
          await frame('"Most likely: …" or "Not a shape: …" result');
        }
        return { readyMs, firstPredictionMs: performance.now() };
      }
      await frame('enabled "Try a test image" button');
    }
  })();
}

/** Far beyond the 1 s target: a UI that never shows a prediction is reported, not waited for. */
const COLD_START_TIMEOUT_MS = 30_000;
/** Calibration on first use plus 50 fast-path epochs take about 20 s here. */
const TRAINING_TIMEOUT_MS = 300_000;

const failure = (step: string) => (error: Error) => new Error(`${step}: ${error.message.split('\n')[0]}`);

/** Opens the app online (installing the service worker) and trains from the Train button. */
async function trainFromUi(
  app: ServedApp,
  profile: string,
  epochs: number,
): Promise<NonNullable<UiMetrics['training']>> {
  const browser = await launchChromium({ profile });
  try {
    const page = await browser.context.newPage();
    await page.addInitScript(KEEP_NAMES_SHIM);
    await page.addInitScript(installMainThreadProbe);
    await page.goto(app.appUrl);
    // Installed for offline use: the service worker has precached the app and is active.
    await page.evaluate(async () => void (await navigator.serviceWorker.ready));
    await page.getByRole('spinbutton', { name: 'Epochs' }).fill(String(epochs));
    const train = page.getByRole('button', { name: 'Train', exact: true });
    await train.click({ trial: true });
    await startRecording(page);
    const started = performance.now();
    await train.click();
    await page.getByText(/Training finished after/).waitFor({ timeout: TRAINING_TIMEOUT_MS });
    const seconds = (performance.now() - started) / 1000;
    const mainThread = await stopRecording(page);
    const backend = (await page.locator('dt:has-text("Running on") + dd').textContent())?.trim() ?? 'unknown';
    const loaded = await page.evaluate(() =>
      performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname),
    );
    const loadedScripts = loaded.filter((p) => /\/assets\/[^/]+\.js$/.test(p)).map((p) => p.split('/').pop()!);
    return { epochs, backend, seconds, mainThread, loadedScripts };
  } finally {
    await browser.close();
  }
}

/** A new browser process on the same profile, with the network cut, to the first prediction. */
async function coldStart(app: ServedApp, profile: string): Promise<NonNullable<UiMetrics['coldStart']>> {
  const browser = await launchChromium({ profile, offline: true });
  try {
    const page = await browser.context.newPage();
    await page.addInitScript(KEEP_NAMES_SHIM);
    await page.goto(app.appUrl, { waitUntil: 'commit' });
    return await page.evaluate(pressSampleAndWait, COLD_START_TIMEOUT_MS);
  } finally {
    await browser.close();
  }
}

/**
 * Drives the UI. The UI changes often, so a step that fails (a label renamed, a flow changed) is
 * reported as not measured, with the reason, instead of stopping the bench.
 */
export async function measureUi(app: ServedApp, epochs: number): Promise<UiMetrics> {
  if (!hasUi(app.outDir)) return { notMeasured: 'no UI yet: the built index.html starts no script' };
  const profile = mkdtempSync(join(tmpdir(), 'shapes-bench-ui-'));
  try {
    const training = await trainFromUi(app, profile, epochs).catch(failure('training from the UI'));
    if (training instanceof Error) return { notMeasured: training.message };
    const cold = await coldStart(app, profile).catch(failure('offline cold start'));
    return cold instanceof Error ? { training, notMeasured: cold.message } : { training, coldStart: cold };
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}
