import { AUGMENT_PRESETS, NO_AUGMENTATION, type AugmentOptions, type AugmentPreset } from '../shared/api';

export type PresetChoice = AugmentPreset | 'custom';

export const PRESETS = Object.keys(AUGMENT_PRESETS) as AugmentPreset[];

/** Keras reads a zoom number z as the range [1 - z, 1 + z]; the form always edits the pair. */
export const zoomPair = (zoom: AugmentOptions['zoomRange']): [number, number] =>
  typeof zoom === 'number' ? [1 - zoom, 1 + zoom] : [zoom[0], zoom[1]];

const same = (a: AugmentOptions, b: AugmentOptions): boolean =>
  (Object.keys(NO_AUGMENTATION) as (keyof AugmentOptions)[]).every((key) =>
    key === 'zoomRange' ? zoomPair(a.zoomRange).join() === zoomPair(b.zoomRange).join() : a[key] === b[key],
  );

/** The preset these options are (no options at all is 'none'), or 'custom'. */
export function presetOf(options: AugmentOptions | undefined): PresetChoice {
  return PRESETS.find((name) => same(options ?? NO_AUGMENTATION, AUGMENT_PRESETS[name])) ?? 'custom';
}
