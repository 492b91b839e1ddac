import type { EpochLog } from './results';

/**
 * An epoch's progress line as Keras 2 prints it with `verbose=1`, e.g.
 * `15/15 [==============================] - 74ms - loss: 1.0986 - acc: 0.3333 - val_loss: …`.
 * The CLI and the app's log print the same text; the `Epoch 1/50` line above it is each one's own
 * (the app says it in the person's language).
 */
export function kerasProgressLine(log: EpochLog, batches: number): string {
  const metric = (value: number) => value.toFixed(4);
  return [
    `${batches}/${batches} [${'='.repeat(30)}]`,
    log.seconds < 1 ? `${Math.round(log.seconds * 1000)}ms` : `${Math.round(log.seconds)}s`,
    `loss: ${metric(log.loss)}`,
    `acc: ${metric(log.acc)}`,
    ...(log.valLoss === undefined ? [] : [`val_loss: ${metric(log.valLoss)}`]),
    ...(log.valAcc === undefined ? [] : [`val_acc: ${metric(log.valAcc)}`]),
  ].join(' - ');
}
