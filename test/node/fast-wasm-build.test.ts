// Each committed kernel binary (one per asconfig target) must be exactly what `npm run build:wasm`
// makes from the AssemblyScript sources (the pinned compiler is deterministic), so none can go stale.
import asc from 'assemblyscript/asc';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const CONFIG = new URL('../../src/engine/fast/assembly/asconfig.json', import.meta.url);
const targets = JSON.parse(readFileSync(CONFIG, 'utf8')).targets as Record<string, { outFile: string }>;

it('builds every committed binary', () => {
  expect(Object.keys(targets).sort()).toEqual(['relaxed', 'relaxed-threads', 'release', 'threads']);
});

it.each(Object.entries(targets))(
  'the %s build is up to date with src/engine/fast/assembly (else run `npm run build:wasm`)',
  async (target, { outFile }) => {
    const outputs: Uint8Array[] = [];
    const { error, stderr } = await asc.main(['--config', fileURLToPath(CONFIG), '--target', target], {
      writeFile(_name, contents) {
        outputs.push(typeof contents === 'string' ? new TextEncoder().encode(contents) : contents);
      },
    });
    expect(error, stderr.toString()).toBeNull();
    expect(outputs).toHaveLength(1);
    expect(Buffer.from(outputs[0]!).equals(readFileSync(new URL(outFile, CONFIG)))).toBe(true);
  },
  60_000,
);
