// The committed fast-kernels.wasm must be exactly what `npm run build:wasm` makes from the
// AssemblyScript sources (the pinned compiler is deterministic), so it can never go stale.
import asc from 'assemblyscript/asc';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { FAST_KERNELS_WASM } from '../../src/engine/node/fast-wasm-file';

it('fast-kernels.wasm is up to date with src/engine/fast/assembly (else run `npm run build:wasm`)', async () => {
  const outputs: Uint8Array[] = [];
  const config = fileURLToPath(new URL('../../src/engine/fast/assembly/asconfig.json', import.meta.url));
  const { error, stderr } = await asc.main(['--config', config, '--target', 'release'], {
    writeFile(_name, contents) {
      outputs.push(typeof contents === 'string' ? new TextEncoder().encode(contents) : contents);
    },
  });
  expect(error, stderr.toString()).toBeNull();
  expect(outputs).toHaveLength(1);
  expect(Buffer.from(outputs[0]!).equals(readFileSync(FAST_KERNELS_WASM))).toBe(true);
}, 60_000);
