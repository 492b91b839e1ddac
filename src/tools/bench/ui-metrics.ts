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
  training?: { epochs: number; backend: string; seconds: number; mainThread: MainThreadStats };
  coldStart?: {
    /** From navigation start (new browser process, offline) until "Try a test image" can be pressed. */
    readyMs: number;
    /** From navigation start until the prediction for that image is on screen. */
    firstPredictionMs: number;
  };
}

/** True when the built index.html starts a script (the UI), not just a static placeholder. */
const hasUi = (outDir: string) => /<script[^>]+type="module"/.test(readFileSync(join(outDir, 'index.html'), 'utf8'));

/** In the page: presses "Try a test image" as soon as it is enabled, then waits for the result. */
function pressSampleAndWait(): Promise<{ readyMs: number; firstPredictionMs: number }> {
  const find = (root: Document | ShadowRoot, match: (el: Element) => boolean): Element | undefined => {
    for (const el of root.querySelectorAll('*')) {
      if (match(el)) return el;
      const inner = el.shadowRoot && find(el.shadowRoot, match);
      if (inner) return inner;
    }
    return undefined;
  };
  const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
  return (async () => {
    let button: HTMLButtonElement | undefined;
    while (!button) {
      const found = find(document, (el) => el.tagName === 'BUTTON' && el.textContent?.trim() === 'Try a test image');
      if (found && !(found as HTMLButtonElement).disabled) button = found as HTMLButtonElement;
      else await frame();
    }
    const readyMs = performance.now();
    button.click();
    while (!find(document, (el) => el.classList.contains('winner') && /Most likely/.test(el.textContent ?? ''))) await frame();
    return { readyMs, firstPredictionMs: performance.now() };
  })();
}

export async function measureUi(app: ServedApp, epochs: number): Promise<UiMetrics> {
  if (!hasUi(app.outDir)) return { notMeasured: 'no UI yet: the built index.html starts no script' };
  const profile = mkdtempSync(join(tmpdir(), 'shapes-bench-ui-'));
  try {
    const online = await launchChromium({ profile });
    let training: UiMetrics['training'];
    try {
      const page = await online.context.newPage();
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
      await page.getByText(/Training finished after/).waitFor({ timeout: 600_000 });
      const seconds = (performance.now() - started) / 1000;
      const mainThread = await stopRecording(page);
      const backend = (await page.locator('dt:has-text("Running on") + dd').textContent())?.trim() ?? 'unknown';
      training = { epochs, backend, seconds, mainThread };
    } finally {
      await online.close();
    }
    // Cold start: a new browser process on the same profile, with the network cut.
    const offline = await launchChromium({ profile, offline: true });
    try {
      const page = await offline.context.newPage();
      await page.addInitScript(KEEP_NAMES_SHIM);
      await page.goto(app.appUrl, { waitUntil: 'commit' });
      const coldStart = await page.evaluate(pressSampleAndWait);
      return { training, coldStart };
    } finally {
      await offline.close();
    }
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}
