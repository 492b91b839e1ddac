import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];

/** Debian's Chromium; browser tests fail loudly without it rather than skip. */
export function chromiumPath(): string {
  const found = CANDIDATES.find((path): path is string => !!path && existsSync(path));
  if (!found) {
    throw new Error(
      "No Chromium found for the browser tests. Install Debian's: `sudo apt-get install -y chromium` " +
        '(or set CHROMIUM_PATH to a Chromium binary). Tests never download a browser.',
    );
  }
  return found;
}

/** The flags that let headless Chromium run here without reaching for the network. */
export const CHROMIUM_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
];

export interface LaunchOptions {
  /** Adds --enable-unsafe-webgpu: headless Chromium then offers a SwiftShader fallback adapter. */
  webgpu?: boolean;
  colorScheme?: 'light' | 'dark';
  viewport?: { width: number; height: number };
  locale?: string;
  /** Touch input (a phone): pointer events of type `touch` from CDP's touch events. */
  hasTouch?: boolean;
  /** More Chromium flags (e.g. a fake camera). */
  args?: string[];
}

/** A fresh browser profile (new empty user-data-dir) per call, so no test sees another's storage. */
export async function launch(options: LaunchOptions = {}): Promise<BrowserContext> {
  const args = [...CHROMIUM_FLAGS, ...(options.webgpu ? ['--enable-unsafe-webgpu'] : []), ...(options.args ?? [])];
  return chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'shapes-chromium-')), {
    executablePath: chromiumPath(),
    headless: true,
    args,
    colorScheme: options.colorScheme ?? 'light',
    viewport: options.viewport ?? { width: 1280, height: 900 },
    locale: options.locale ?? 'en-US',
    hasTouch: options.hasTouch ?? false,
  });
}
