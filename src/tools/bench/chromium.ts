// Headless Debian Chromium for the bench, launched like the tests' (../chromium.ts, same flags), but
// the bench owns the profile folder: it finds the browser's processes by it to sample their memory.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { CHROMIUM_FLAGS, chromiumPath } from '../chromium';

/**
 * tsx compiles with esbuild's keepNames, which wraps named functions in `__name(...)`; functions
 * the bench hands to `page.evaluate` are serialised without that helper, so the page gets a no-op.
 */
export const KEEP_NAMES_SHIM = { content: 'globalThis.__name = (f) => f;' };

export interface Browser {
  context: BrowserContext;
  /** Resident memory of all of this browser's processes (browser, GPU, renderers, utilities). */
  rssBytes(): number;
  close(): Promise<void>;
}

export interface LaunchOptions {
  /** Adds --enable-unsafe-webgpu: headless Chromium then offers a SwiftShader fallback adapter. */
  webgpu?: boolean;
  /** Reuse this profile (e.g. to relaunch with an installed service worker); it is not deleted. */
  profile?: string;
  offline?: boolean;
}

/** A fresh profile per launch unless one is given: no run sees another's storage or service worker. */
export async function launchChromium(options: LaunchOptions = {}): Promise<Browser> {
  const profile = options.profile ?? mkdtempSync(join(tmpdir(), 'shapes-bench-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    offline: options.offline ?? false,
    executablePath: chromiumPath(),
    headless: true,
    args: [...CHROMIUM_FLAGS, ...(options.webgpu ? ['--enable-unsafe-webgpu'] : [])],
    viewport: { width: 1280, height: 900 },
    locale: 'en-US',
  });
  return {
    context,
    rssBytes: () => treeRss(profile),
    close: async () => {
      await context.close();
      if (!options.profile) rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Sums RSS over the process whose command line names the profile and all its descendants. */
function treeRss(profile: string): number {
  const rows = execFileSync('ps', ['-eo', 'pid=,ppid=,rss=,args='], { encoding: 'utf8' })
    .split('\n')
    .map((line) => line.trim().match(/^(\d+)\s+(\d+)\s+(\d+)\s+(.*)$/))
    .filter((m): m is RegExpMatchArray => m !== null)
    .map((m) => ({ pid: Number(m[1]), ppid: Number(m[2]), rssKiB: Number(m[3]), args: m[4]! }));
  const inTree = new Set(rows.filter((r) => r.args.includes(`--user-data-dir=${profile}`)).map((r) => r.pid));
  for (let grew = true; grew; ) {
    grew = false;
    for (const r of rows) if (!inTree.has(r.pid) && inTree.has(r.ppid)) grew = inTree.add(r.pid).size > 0;
  }
  return rows.filter((r) => inTree.has(r.pid)).reduce((total, r) => total + r.rssKiB * 1024, 0);
}

/** Samples `read` every `everyMs` until stopped; returns the peak seen. */
export function samplePeak(read: () => number, everyMs = 500): { stop(): number } {
  let peak = read();
  const timer = setInterval(() => (peak = Math.max(peak, read())), everyMs);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(peak, read());
    },
  };
}
