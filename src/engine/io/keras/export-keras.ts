import { zipSync } from 'fflate';
import type * as tfl from '@tensorflow/tfjs-layers';
import type { ModelMetadata } from '../../../shared/api';
import { kerasPaths, tfjsArchitecture } from './architecture';
import { writeH5 } from './h5';
import { keras3Config } from './keras3-config';
import { SIDECAR_KEY, sidecarJson } from './sidecar';
import { weightsOf } from './weights';

/** The Keras release whose files these mirror, and that the tests load them with. */
export const KERAS_VERSION = '3.15.1';

const encoder = new TextEncoder();

/** "2026-12-01@22:34:35", Keras's `date_saved` format. */
const kerasDate = (date: Date) => date.toISOString().slice(0, 19).replace('T', '@');

/**
 * A Keras 3 `.keras` archive of the model, laid out as `model.save('x.keras')` writes it: an
 * uncompressed zip of metadata.json, config.json and model.weights.h5, whose groups are
 * `layers/<layer>/vars/<i>` (kernel 0, bias 1) plus the optimizer's and the model's own.
 * The optimizer is written as freshly compiled (iteration 0): Adam's moments stay behind.
 */
export async function modelToKeras(
  model: tfl.LayersModel,
  metadata: ModelMetadata,
  origin = 'model',
): Promise<Uint8Array> {
  const architecture = tfjsArchitecture(model, origin);
  const weights = await weightsOf(model, architecture);
  const learningRate = metadata.settings.learningRate;
  const sidecar = sidecarJson(metadata);
  const h5 = await writeH5((file) => {
    file.create_attribute(SIDECAR_KEY, sidecar);
    const layers = file.create_group('layers');
    const paths = kerasPaths(architecture.types);
    for (const [i, name] of architecture.names.entries()) {
      const vars = layers.create_group(paths[i]!).create_group('vars');
      vars.create_attribute('name', name);
      for (const [i, w] of weights.filter((w) => w.layer === name).entries()) {
        vars.create_dataset({ name: String(i), data: w.values, shape: w.shape, dtype: '<f' });
      }
    }
    const optimizer = file.create_group('optimizer').create_group('vars');
    optimizer.create_attribute('name', 'adam');
    optimizer.create_dataset({ name: '0', data: new Int32Array([0]), shape: [], dtype: '<i' });
    optimizer.create_dataset({ name: '1', data: new Float32Array([learningRate]), shape: [], dtype: '<f' });
    file.create_group('vars').create_attribute('name', 'sequential');
  });
  const kerasMetadata = {
    keras_version: KERAS_VERSION,
    date_saved: kerasDate(new Date()),
    [SIDECAR_KEY]: JSON.parse(sidecar) as unknown,
  };
  const options = { level: 0, mtime: new Date('1980-01-01T00:00:00Z') } as const;
  return zipSync({
    'metadata.json': [encoder.encode(JSON.stringify(kerasMetadata)), options],
    'config.json': [encoder.encode(JSON.stringify(keras3Config(architecture, learningRate))), options],
    'model.weights.h5': [h5, options],
  });
}
