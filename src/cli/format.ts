import type { ClassIndices, Evaluation } from '../shared/api';

/** Python's dict repr, as the tutorial prints `class_indices`. */
export const formatClassIndices = (indices: ClassIndices): string =>
  `{${Object.entries(indices)
    .map(([name, i]) => `'${name}': ${i}`)
    .join(', ')}}`;

export const formatRow = (probabilities: number[]): string => `[${probabilities.map((p) => p.toFixed(4)).join(' ')}]`;

export function formatEvaluation(result: Evaluation, title: string): string {
  const names = Object.keys(result.classIndices);
  const width = Math.max(9, ...names.map((n) => n.length)) + 2;
  const cell = (s: string | number) => String(s).padStart(width);
  const lines = [
    `${title} loss: ${result.loss.toFixed(4)} - accuracy: ${result.accuracy.toFixed(4)} (${result.count} images)`,
    'Per-class accuracy:',
    ...names.map(
      (name) => `  ${name.padEnd(width)} ${name in result.perClass ? result.perClass[name]!.toFixed(4) : 'n/a'}`,
    ),
    'Confusion matrix (rows: true class, columns: predicted):',
    `  ${''.padEnd(width)}${names.map(cell).join('')}`,
    ...names.map((name, i) => `  ${name.padEnd(width)}${result.confusion[i]!.map(cell).join('')}`),
  ];
  return lines.join('\n');
}
