import * as tf from '@tensorflow/tfjs-core';
import type { BackendName } from '../../shared/api';

interface GpuBackend {
  /** tfjs-backend-webgpu's device. */
  device?: { lost?: Promise<unknown> };
  /** tfjs-backend-webgl's context. */
  gpgpu?: { gl?: { isContextLost(): boolean } };
}

/** `device.lost` settles soon after a failed operation on a lost device, not always before. */
const LOST_SETTLES_MS = 250;

export interface GpuWatch {
  /** True once the device is gone. */
  lost(): boolean;
  /** After an operation failed: whether the device is gone (waiting briefly for WebGPU to say so). */
  settle(): Promise<boolean>;
}

/**
 * Watches the GPU behind the running tfjs backend for its loss (a driver reset, the GPU process
 * restarting, the system reclaiming it): WebGPU says so through `device.lost`, WebGL through
 * `isContextLost`. A lost device computes nothing, or zeros, or fails: training on it cannot go
 * on, nor can tfjs start that backend again in this worker.
 */
export function watchGpu(backend: BackendName): GpuWatch {
  const gpu = tf.backend() as GpuBackend;
  if (backend === 'webgl') {
    const lost = () => gpu.gpgpu?.gl?.isContextLost() ?? false;
    return { lost, settle: async () => lost() };
  }
  let gone = false;
  const device = backend === 'webgpu' ? gpu.device?.lost : undefined;
  void device?.then(() => (gone = true));
  return {
    lost: () => gone,
    settle: async () =>
      gone ||
      (device !== undefined &&
        Promise.race([
          device.then(() => true),
          new Promise<boolean>((r) => setTimeout(() => r(false), LOST_SETTLES_MS)),
        ])),
  };
}
