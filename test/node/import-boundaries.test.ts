import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// The rule the README states, checked on every import of every source file:
// - src/shared: types and constants both threads use; imports only src/shared.
// - src/engine: platform-neutral (no node:*, no DOM-only side) except its platform sides,
//   src/engine/node (Node) and src/engine/browser (browsers and workers); never the app.
// - src/worker: the worker's entry, services and stores; uses the engine, never its Node side.
// - src/ui: the page; only src/ui and src/shared (the bridge names the worker's URL), never TensorFlow.js.
// - src/cli and src/tools: the engine and src/shared, never the worker or the UI (a bench page
//   may name the worker's URL to start it, as the UI does).
// - src/sw.ts: the service worker; Workbox and src/shared only.

const SRC = resolve(import.meta.dirname, '../../src');

type Area = 'shared' | 'engine' | 'engine/node' | 'engine/browser' | 'worker' | 'ui' | 'cli' | 'tools' | 'sw';

function areaOf(file: string): Area {
  const path = relative(SRC, file).split('/');
  if (path[0] === 'engine' && (path[1] === 'node' || path[1] === 'browser')) return `engine/${path[1]}`;
  if (path[0] === 'sw.ts') return 'sw';
  return path[0] as Area;
}

const ALLOWED: Record<Area, Area[]> = {
  shared: ['shared'],
  // The service worker: Workbox and the policy it adds, nothing of the app's threads.
  sw: ['shared'],
  engine: ['engine', 'shared'],
  'engine/node': ['engine/node', 'engine', 'shared'],
  'engine/browser': ['engine/browser', 'engine', 'shared'],
  worker: ['worker', 'engine', 'engine/browser', 'shared'],
  ui: ['ui', 'shared'],
  cli: ['cli', 'engine', 'engine/node', 'shared'],
  tools: ['tools', 'engine', 'engine/node', 'engine/browser', 'shared'],
};

/** Packages an area may not use at all. */
const FORBIDDEN_PACKAGES: Partial<Record<Area, RegExp>> = {
  shared: /^(?!comlink$)/,
  engine: /^node:/,
  'engine/browser': /^node:/,
  worker: /^node:/,
  ui: /^(@tensorflow\/|node:)/,
  sw: /^(?!workbox-)/,
};

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'assembly' ? [] : sources(path);
    return /\.(ts|mjs)$/.test(entry.name) ? [path] : [];
  });
}

interface Reference {
  specifier: string;
  /** A worker entry's URL (`new URL(…)` or Vite's `?worker&url`), which starts the worker without importing it. */
  workerUrl: boolean;
  typeOnly: boolean;
}

function references(code: string): Reference[] {
  const found: Reference[] = [];
  for (const m of code.matchAll(/(?:^|\n)\s*(import|export)\s+(type\s+)?(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]/g)) {
    found.push({ specifier: m[3]!, workerUrl: m[3]!.includes('.worker.ts?worker'), typeOnly: !!m[2] });
  }
  for (const m of code.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g))
    found.push({ specifier: m[1]!, workerUrl: false, typeOnly: false });
  for (const m of code.matchAll(/new URL\(\s*['"]([^'"]+)['"]\s*,\s*import\.meta\.url\s*\)/g)) {
    found.push({ specifier: m[1]!, workerUrl: m[1]!.endsWith('.worker.ts'), typeOnly: false });
  }
  return found;
}

const files = sources(SRC);

describe('import boundaries', () => {
  it('finds the source files and their imports', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(references('import type { A } from \'./a\';\nimport { b } from "../b";').map((r) => r.specifier)).toEqual([
      './a',
      '../b',
    ]);
  });

  it('every import stays inside what its area may use', () => {
    const broken: string[] = [];
    for (const file of files) {
      const from = areaOf(file);
      for (const { specifier, workerUrl, typeOnly } of references(readFileSync(file, 'utf8'))) {
        const name = `${relative(SRC, file)} → ${specifier}`;
        if (!specifier.startsWith('.')) {
          const forbidden = FORBIDDEN_PACKAGES[from];
          // shared may only use comlink's types; other areas only have packages they must not touch.
          const refused = from === 'shared' ? !typeOnly || forbidden!.test(specifier) : forbidden?.test(specifier);
          if (refused) broken.push(`${name} (package not allowed in ${from})`);
          continue;
        }
        const target = resolve(dirname(file), specifier.split('?')[0]!);
        if (!target.startsWith(`${SRC}/`)) continue;
        const to = areaOf(target);
        const startsTheWorker = workerUrl && to === 'worker' && (from === 'ui' || from === 'tools');
        if (!ALLOWED[from].includes(to) && !startsTheWorker) broken.push(`${name} (${from} may not import ${to})`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('would catch a UI file importing the engine or TensorFlow.js', () => {
    const ui = join(SRC, 'ui/x.ts');
    const refs = references(
      "import { createModel } from '../engine/model/model';\nimport * as tf from '@tensorflow/tfjs-core';",
    );
    expect(ALLOWED[areaOf(ui)].includes(areaOf(resolve(dirname(ui), refs[0]!.specifier)))).toBe(false);
    expect(FORBIDDEN_PACKAGES.ui!.test(refs[1]!.specifier)).toBe(true);
  });
});
