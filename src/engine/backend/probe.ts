import type { BackendName } from '../../shared/api';
import { simdFlavour } from '../fast/features';
import { fastThreadCount } from '../fast/kernel-source';

/** Why a backend cannot run here, or the device it would run on. */
export type Probe = { ok: true; device: string } | { ok: false; reason: string };

interface GpuAdapterInfo {
  vendor?: string;
  architecture?: string;
  description?: string;
  isFallbackAdapter?: boolean;
}
interface GpuLike {
  requestAdapter(options?: {
    powerPreference?: string;
  }): Promise<{ info?: GpuAdapterInfo; isFallbackAdapter?: boolean } | null>;
}

/** Looks for a WebGPU adapter without starting TensorFlow.js, so the reason for a skip is precise. */
async function probeWebGpu(): Promise<Probe> {
  const gpu = (navigator as Navigator & { gpu?: GpuLike }).gpu;
  if (!gpu) return { ok: false, reason: 'this browser has no WebGPU (navigator.gpu is missing)' };
  const adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' });
  if (!adapter) return { ok: false, reason: 'no WebGPU adapter: WebGPU is disabled here or the GPU is blocklisted' };
  const info = adapter.info ?? {};
  const name = [info.vendor, info.architecture, info.description].filter(Boolean).join(' ') || 'unknown adapter';
  const fallback = info.isFallbackAdapter ?? adapter.isFallbackAdapter ?? false;
  return { ok: true, device: fallback ? `${name} (software fallback adapter)` : name };
}

/** WebGL2 on an OffscreenCanvas, which is what tfjs uses inside a worker. */
function probeWebGl(): Probe {
  if (typeof OffscreenCanvas === 'undefined') return { ok: false, reason: 'no OffscreenCanvas in this worker' };
  const gl = new OffscreenCanvas(1, 1).getContext('webgl2');
  if (!gl) return { ok: false, reason: 'WebGL2 is not available in a worker here' };
  const debug = gl.getExtension('WEBGL_debug_renderer_info');
  const renderer = debug ? gl.getParameter(debug.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER);
  gl.getExtension('WEBGL_lose_context')?.loseContext();
  return { ok: true, device: String(renderer) };
}

export async function probe(backend: BackendName): Promise<Probe> {
  try {
    if (backend === 'webgpu') return await probeWebGpu();
    if (backend === 'webgl') return probeWebGl();
    if (backend === 'wasm-simd') return { ok: true, device: fastDevice() };
    return { ok: true, device: 'JavaScript on the CPU' };
  } catch (error) {
    return { ok: false, reason: (error as Error).message };
  }
}

/** The WebAssembly path's device: the CPU, which SIMD build, and on how many threads. */
function fastDevice(): string {
  const { threads, isolated } = fastThreadCount();
  const simd = simdFlavour() === 'relaxed' ? 'WebAssembly relaxed SIMD' : 'WebAssembly SIMD';
  if (threads > 1) return `${simd} on the CPU (${threads} threads)`;
  return `${simd} on the CPU (one thread${isolated ? '' : ': this page is not cross-origin isolated'})`;
}
