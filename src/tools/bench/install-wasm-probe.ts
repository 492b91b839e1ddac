// Imported first by node-train.ts, so the probe wraps WebAssembly.instantiate before the engine loads.
import { installWasmProbe } from './wasm-probe';

installWasmProbe();
