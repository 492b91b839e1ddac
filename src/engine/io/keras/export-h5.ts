import type * as tfl from '@tensorflow/tfjs-layers';
import type { ModelMetadata } from '../../../shared/api';
import { INPUT_SIZE, tfjsArchitecture, type Architecture } from './architecture';
import { writeAscii, writeH5, writeNames } from './h5';
import { SIDECAR_KEY, sidecarJson } from './sidecar';
import { weightsOf } from './weights';

/** The Keras 2 release whose `.h5` layout this follows (its last, 2.15, the one of TensorFlow 2.15). */
export const KERAS2_VERSION = '2.15.0';

/**
 * A legacy Keras HDF5 `.h5` of the model, as Keras 2 (`tf.keras`) writes it with `model.save('x.h5')`:
 * root attributes `keras_version`, `backend`, `model_config` and `training_config`, and the weights
 * at `model_weights/<layer>/<layer>/kernel:0` and `…/bias:0`. Keras 2 and Keras 3 both load it.
 * No `optimizer_weights`: Keras then starts Adam afresh, as it does for a model never trained.
 */
export async function modelToH5(
  model: tfl.LayersModel,
  metadata: ModelMetadata,
  origin = 'model',
): Promise<Uint8Array> {
  const architecture = tfjsArchitecture(model, origin);
  const weights = await weightsOf(model, architecture);
  return writeH5((file) => {
    file.create_attribute('keras_version', KERAS2_VERSION);
    file.create_attribute('backend', 'tensorflow');
    writeAscii(file, 'model_config', JSON.stringify(keras2Config(architecture)));
    writeAscii(file, 'training_config', JSON.stringify(trainingConfig(metadata.settings.learningRate)));
    file.create_attribute(SIDECAR_KEY, sidecarJson(metadata));
    const group = file.create_group('model_weights');
    writeNames(group, 'layer_names', architecture.names);
    writeAscii(group, 'backend', 'tensorflow');
    writeAscii(group, 'keras_version', KERAS2_VERSION);
    // Keras 2 sorts the layer groups by name "to avoid prefix issues".
    for (const name of [...architecture.names].sort()) {
      const layer = group.create_group(name);
      const own = weights.filter((w) => w.layer === name);
      writeNames(
        layer,
        'weight_names',
        own.map((w) => `${name}/${w.name}:0`),
      );
      if (own.length === 0) continue;
      const inner = layer.create_group(name);
      for (const w of own) inner.create_dataset({ name: `${w.name}:0`, data: w.values, shape: w.shape, dtype: '<f' });
    }
    writeNames(group.create_group('top_level_model_weights'), 'weight_names', []);
  });
}

/** `model.get_config()` of tf.keras 2.15 for the tutorial's Sequential, in its legacy (h5) form. */
function keras2Config({ names, classes }: Architecture): object {
  const [conv1, conv2, pool, flatten, dense1, dense2] = names as [string, string, string, string, string, string];
  const input = [null, ...INPUT_SIZE, 3];
  const layer = (className: string, config: object) => ({ class_name: className, config });
  return layer('Sequential', {
    name: 'sequential',
    layers: [
      layer('InputLayer', {
        batch_input_shape: input,
        dtype: 'float32',
        sparse: false,
        ragged: false,
        name: `${conv1}_input`,
      }),
      layer('Conv2D', { ...base(conv1), batch_input_shape: input, ...conv(32) }),
      layer('Conv2D', { ...base(conv2), ...conv(64) }),
      layer('MaxPooling2D', {
        ...base(pool),
        pool_size: [2, 2],
        padding: 'valid',
        strides: [2, 2],
        data_format: 'channels_last',
      }),
      layer('Flatten', { ...base(flatten), data_format: 'channels_last' }),
      layer('Dense', { ...base(dense1), units: 128, activation: 'relu', ...weightConfig() }),
      layer('Dense', { ...base(dense2), units: classes, activation: 'softmax', ...weightConfig() }),
    ],
  });
}

/**
 * `compile(optimizer='adam', loss='categorical_crossentropy', metrics=['accuracy'])`, with Adam as
 * the config both Keras 2's optimizers and Keras 3's accept (no `decay`, no Keras 2.11+ extras).
 */
function trainingConfig(learningRate: number): object {
  return {
    loss: 'categorical_crossentropy',
    metrics: ['accuracy'],
    weighted_metrics: null,
    loss_weights: null,
    optimizer_config: {
      class_name: 'Adam',
      config: {
        name: 'Adam',
        learning_rate: Math.fround(learningRate),
        beta_1: 0.9,
        beta_2: 0.999,
        epsilon: 1e-7,
        amsgrad: false,
      },
    },
  };
}

const base = (name: string) => ({ name, trainable: true, dtype: 'float32' });

const conv = (filters: number) => ({
  filters,
  kernel_size: [3, 3],
  strides: [1, 1],
  padding: 'valid',
  data_format: 'channels_last',
  dilation_rate: [1, 1],
  groups: 1,
  activation: 'relu',
  ...weightConfig(),
});

const weightConfig = () => ({
  use_bias: true,
  kernel_initializer: { class_name: 'GlorotUniform', config: { seed: null } },
  bias_initializer: { class_name: 'Zeros', config: {} },
  kernel_regularizer: null,
  bias_regularizer: null,
  activity_regularizer: null,
  kernel_constraint: null,
  bias_constraint: null,
});
