// What a starter set would weigh in the app: its drawings as one raw 8-bit grey blob per
// resolution, deflated with fflate (already a dependency), as the bundle could ship them.
import { deflateSync } from 'fflate';
import { resample } from './grey';
import type { Drawing } from './people';

export interface BundleSize {
  resolution: number;
  images: number;
  bytes: number;
}

export function bundleSizes(drawings: readonly Drawing[], resolutions: readonly number[]): BundleSize[] {
  return resolutions.map((resolution) => {
    const blob = new Uint8Array(drawings.length * resolution * resolution);
    drawings.forEach((d, i) => {
      blob.set(resample(d.image, resolution).data, i * resolution * resolution);
    });
    return { resolution, images: drawings.length, bytes: deflateSync(blob, { level: 9 }).length };
  });
}

export function bundleTable(sizes: readonly BundleSize[]): string {
  const rows = sizes.map(
    (s) =>
      `| ${s.resolution} × ${s.resolution} | ${s.images} | ${(s.bytes / 1e6).toFixed(2)} MB | ${Math.round(s.bytes / s.images)} B | ${Math.floor(1.5e6 / (s.bytes / s.images))} |`,
  );
  return [
    '| stored at | drawings | deflated | per drawing | drawings in 1.5 MB |',
    '|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}
