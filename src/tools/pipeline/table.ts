// The report's table: mean (min–max) over seeds of each measure, one row per recipe.
import type { RunResult, Score } from './experiment';

export interface Row {
  name: string;
  /** One result per seed (each already averaged over folds, if any). */
  runs: RunResult[];
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

function spread(xs: number[], format: (x: number) => string): string {
  if (xs.some((x) => Number.isNaN(x))) return '–';
  if (xs.length === 1) return format(xs[0]!);
  return `${format(mean(xs))} (${format(Math.min(...xs))}–${format(Math.max(...xs))})`;
}

const percent = (x: number) => `${(x * 100).toFixed(1)}`;
const seconds = (x: number) => x.toFixed(1);

/** Averages runs of one seed over folds. */
export function averageRuns(runs: RunResult[]): RunResult {
  const scores: Record<string, Score> = {};
  for (const name of Object.keys(runs[0]!.scores)) {
    const of = (key: keyof Score) => mean(runs.map((r) => r.scores[name]![key]));
    scores[name] = { accuracy: of('accuracy'), falseRejection: of('falseRejection'), rejection: of('rejection') };
  }
  const of = (key: 'seconds' | 'cpuSeconds' | 'trainSize') => mean(runs.map((r) => r[key]));
  return { scores, seconds: of('seconds'), cpuSeconds: of('cpuSeconds'), trainSize: of('trainSize') };
}

/** Accuracy on the hard set's parts (`hard/<kind>`), one column each. */
export function kindTable(rows: Row[], sizes: Record<string, number>): string {
  const sets = Object.keys(rows[0]!.runs[0]!.scores).filter((s) => s.includes('/'));
  const header = ['recipe', ...sets.map((s) => `${s} (${sizes[s]}) %`)];
  const lines = [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`];
  for (const { name, runs } of rows) {
    lines.push(
      `| ${[
        name,
        ...sets.map((s) =>
          spread(
            runs.map((r) => r.scores[s]!.accuracy),
            percent,
          ),
        ),
      ].join(' | ')} |`,
    );
  }
  return lines.join('\n');
}

/** A Markdown table: accuracy on every set, `other` rejection (people's non-shapes) and false rejection. */
export function table(rows: Row[], sizes: Record<string, number>): string {
  const sets = Object.keys(rows[0]!.runs[0]!.scores).filter((s) => !s.includes('/'));
  const header = [
    'recipe',
    'train images',
    ...sets.map((s) => `${s} (${sizes[s]}) %`),
    'other → other %',
    'shapes → other %',
    'train s (wall)',
    'train s (cpu)',
  ];
  const lines = [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`];
  for (const { name, runs } of rows) {
    const of = (set: string, key: keyof Score) => runs.map((r) => r.scores[set]![key]);
    const cells = [
      name,
      String(Math.round(mean(runs.map((r) => r.trainSize)))),
      ...sets.map((s) => spread(of(s, 'accuracy'), percent)),
      spread(of('people', 'rejection'), percent),
      spread(of('people', 'falseRejection'), percent),
      spread(
        runs.map((r) => r.seconds),
        seconds,
      ),
      spread(
        runs.map((r) => r.cpuSeconds),
        seconds,
      ),
    ];
    lines.push(`| ${cells.join(' | ')} |`);
  }
  return lines.join('\n');
}
