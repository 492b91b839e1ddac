// Runs node-train.ts in a child process per run, so each run's peak RSS is its own.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { TrainRun } from './types';

const SCRIPT = fileURLToPath(new URL('node-train.ts', import.meta.url));

/** `threads` limits the fast path's threads (unset: every core). */
export function trainInNode(backend: 'wasm-simd' | 'cpu', epochs: number, threads?: number): Promise<TrainRun> {
  return new Promise((resolve, reject) => {
    const args = [SCRIPT, backend, String(epochs), ...(threads ? [String(threads)] : [])];
    const child = spawn(process.execPath, ['--import', 'tsx', ...args], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0
        ? resolve(JSON.parse(out) as TrainRun)
        : reject(new Error(`node-train.ts ${backend} exited with ${code}`)),
    );
  });
}
