import { formatNumber } from '../format';
import { t } from './i18n';

/**
 * The worker describes each backend's device in English (the CLI prints the same words); the panel
 * says the descriptions the engine itself writes in the person's language. A GPU's own name (from
 * its driver) stays as it is, with only the engine's remark about a software adapter translated.
 */
export function deviceText(device: string): string {
  if (device === 'JavaScript on the CPU') return t('device.javascript');
  const fast =
    /^WebAssembly (relaxed )?SIMD on the CPU \((?:(\d+) threads|one thread(: this page is not cross-origin isolated)?)\)$/.exec(
      device,
    );
  if (fast) {
    const simd = t(fast[1] ? 'device.relaxedSimd' : 'device.simd');
    if (fast[2]) return t('device.threads', { simd, threads: formatNumber(Number(fast[2])) });
    return t(fast[3] ? 'device.oneThreadNotIsolated' : 'device.oneThread', { simd });
  }
  const fallback = / \(software fallback adapter\)$/;
  return fallback.test(device) ? t('device.fallback', { name: device.replace(fallback, '') }) : device;
}
