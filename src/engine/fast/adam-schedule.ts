// Host side of Adam: the per-step scalars, rounded to float32 where and as tfjs-core's
// AdamOptimizer rounds them (it keeps accBeta1/accBeta2 as float32 scalar variables).

import type { FastKernels } from './kernels';

export interface AdamConfig {
  learningRate: number;
  beta1?: number;
  beta2?: number;
  /** tfjs uses the backend's epsilon when none is given: 1e-7 for float32 backends. */
  epsilon?: number;
}

const f = Math.fround;

export class AdamSchedule {
  private readonly beta1: number;
  private readonly beta2: number;
  private readonly epsilon: number;
  private readonly negLearningRate: number;
  private accBeta1: number;
  private accBeta2: number;

  constructor(config: AdamConfig) {
    const beta1 = config.beta1 ?? 0.9;
    const beta2 = config.beta2 ?? 0.999;
    this.beta1 = beta1;
    this.beta2 = beta2;
    this.epsilon = f(config.epsilon ?? 1e-7);
    this.negLearningRate = f(-config.learningRate);
    this.accBeta1 = f(beta1);
    this.accBeta2 = f(beta2);
  }

  /** Loads this step's constants into the kernels; call before any Adam kernel of the step. */
  load(k: FastKernels): void {
    // (1 - beta) is computed in double and then becomes a float32 tensor, as in tfjs.
    k.setAdamStep(
      f(this.beta1),
      f(1 - this.beta1),
      f(this.beta2),
      f(1 - this.beta2),
      f(1 - this.accBeta1),
      f(1 - this.accBeta2),
      this.epsilon,
      this.negLearningRate,
    );
  }

  /** Moves to the next step (accBeta *= beta, in float32). */
  advance(): void {
    this.accBeta1 = f(this.accBeta1 * f(this.beta1));
    this.accBeta2 = f(this.accBeta2 * f(this.beta2));
  }
}
