import { INPUT_SIZE, type Architecture } from './architecture';

/**
 * config.json of a `.keras` archive, key for key as Keras 3.15 serialises the tutorial's compiled
 * Sequential model (`serialize_keras_object`). Two deliberate differences: no `shared_object_id`
 * (Keras's Python object ids, only used to share one dtype policy object), and `jit_compile: "auto"`
 * (Keras writes what its backend resolved; "auto" lets each backend decide again).
 */
export function keras3Config({ names, classes }: Architecture, learningRate: number): object {
  const [conv1, conv2, pool, flatten, dense1, dense2] = names as [string, string, string, string, string, string];
  const [h, w] = INPUT_SIZE;
  const [ph, pw] = [(h - 4) / 2, (w - 4) / 2];
  const layers = [
    layer('InputLayer', {
      batch_shape: [null, h, w, 3],
      dtype: 'float32',
      sparse: false,
      ragged: false,
      name: 'input_layer',
      optional: false,
    }),
    layer('Conv2D', convConfig(conv1, 32), [null, h, w, 3]),
    layer('Conv2D', convConfig(conv2, 64), [null, h - 2, w - 2, 32]),
    layer('MaxPooling2D', {
      ...base(pool),
      pool_size: [2, 2],
      padding: 'valid',
      strides: [2, 2],
      data_format: 'channels_last',
    }),
    layer('Flatten', { ...base(flatten), data_format: 'channels_last' }, [null, ph, pw, 64]),
    layer('Dense', denseConfig(dense1, 128, 'relu'), [null, ph * pw * 64]),
    layer('Dense', denseConfig(dense2, classes, 'softmax'), [null, 128]),
  ];
  return {
    module: 'keras',
    class_name: 'Sequential',
    config: { name: 'sequential', trainable: true, dtype: POLICY, layers, build_input_shape: [null, h, w, 3] },
    registered_name: null,
    build_config: { input_shape: [null, h, w, 3] },
    compile_config: {
      optimizer: {
        module: 'keras.optimizers',
        class_name: 'Adam',
        config: adamConfig(learningRate),
        registered_name: null,
      },
      loss: 'categorical_crossentropy',
      loss_weights: null,
      metrics: ['accuracy'],
      weighted_metrics: null,
      run_eagerly: false,
      steps_per_execution: 1,
      jit_compile: 'auto',
    },
  };
}

/** Adam as Keras 3 configures it; the learning rate is the float32 value Keras itself would write. */
export function adamConfig(learningRate: number): object {
  return {
    name: 'adam',
    learning_rate: Math.fround(learningRate),
    weight_decay: null,
    clipnorm: null,
    global_clipnorm: null,
    clipvalue: null,
    use_ema: false,
    ema_momentum: 0.99,
    ema_overwrite_frequency: null,
    loss_scale_factor: null,
    gradient_accumulation_steps: null,
    beta_1: 0.9,
    beta_2: 0.999,
    epsilon: 1e-7,
    amsgrad: false,
  };
}

const POLICY = { module: 'keras', class_name: 'DTypePolicy', config: { name: 'float32' }, registered_name: null };

const initializer = (className: string, config: object) => ({
  module: 'keras.initializers',
  class_name: className,
  config,
  registered_name: null,
});

function layer(className: string, config: object, buildShape?: (number | null)[]): object {
  return {
    module: 'keras.layers',
    class_name: className,
    config,
    registered_name: null,
    ...(buildShape ? { build_config: { input_shape: buildShape } } : {}),
  };
}

const base = (name: string) => ({ name, trainable: true, dtype: POLICY });

const weightConfig = () => ({
  kernel_initializer: initializer('GlorotUniform', { seed: null, input_axes: null, output_axes: null }),
  bias_initializer: initializer('Zeros', {}),
  kernel_regularizer: null,
  bias_regularizer: null,
});

const convConfig = (name: string, filters: number) => ({
  ...base(name),
  filters,
  kernel_size: [3, 3],
  strides: [1, 1],
  padding: 'valid',
  data_format: 'channels_last',
  dilation_rate: [1, 1],
  groups: 1,
  activation: 'relu',
  use_bias: true,
  ...weightConfig(),
  activity_regularizer: null,
  kernel_constraint: null,
  bias_constraint: null,
});

const denseConfig = (name: string, units: number, activation: string) => ({
  ...base(name),
  units,
  activation,
  use_bias: true,
  ...weightConfig(),
  kernel_constraint: null,
  bias_constraint: null,
  quantization_config: null,
});
