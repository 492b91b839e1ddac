import type { EpochLog, SavedModelInfo } from '../shared/api';
import { kerasProgressLine } from '../shared/epoch-log';
import { hasMessage, locale, t } from './i18n/i18n';

/** A class name as shown to people; names the dictionary doesn't know are shown as they are. */
export function classLabel(name: string): string {
  const key = `class.${name}`;
  return hasMessage(key) ? t(key as 'class.circle') : name;
}

/**
 * A class name where it is also a folder name (the dataset's views): the translation, with the
 * folder name beside it when they differ, so a starter class 'circle' (원) and a class of one's
 * own named 원 can be told apart.
 */
export function folderLabel(name: string): string {
  const label = classLabel(name);
  return label.toLowerCase() === name.toLowerCase() ? label : `${label} (${name})`;
}

export const formatNumber = (value: number, options?: Intl.NumberFormatOptions): string =>
  new Intl.NumberFormat(locale(), options).format(value);

export const formatPercent = (fraction: number, digits = 1): string =>
  formatNumber(fraction, { style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits });

export const formatLoss = (loss: number): string =>
  formatNumber(loss, { minimumFractionDigits: 4, maximumFractionDigits: 4 });

export const formatDate = (iso: string): string =>
  new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));

/** A shape such as [null, 22, 22, 32] as "22 × 22 × 32" (the batch dimension left out). */
export const formatShape = (shape: readonly (number | null)[]): string =>
  shape.filter((size): size is number => size !== null).join(' × ');

/** One epoch as Keras 2 prints it with `verbose=1`, so the log reads like the tutorial's. */
export const kerasLogLines = (log: EpochLog, batches: number): [string, string] => [
  t('log.epoch', { epoch: log.epoch, epochs: log.epochs }),
  kerasProgressLine(log, batches),
];

/**
 * A model's name, or for an unnamed one its classes, training time and test accuracy; the time to
 * the second, so that two models trained in the same minute with the same score differ.
 */
export function modelName({ name, metadata }: SavedModelInfo): string {
  if (name) return name;
  const { classNames, date, evaluation } = metadata;
  const when = new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeStyle: 'medium' }).format(new Date(date));
  const described = t('models.unnamed', { classes: formatNumber(classNames.length), date: when });
  return evaluation ? `${described} · ${formatPercent(evaluation.accuracy, 0)}` : described;
}

/** What went wrong, as the error itself says it (a thrown non-Error as text). */
export const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));
