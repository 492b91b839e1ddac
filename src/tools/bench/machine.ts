// What the numbers were measured on, so results from different machines or loads are not confused.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism, loadavg, totalmem } from 'node:os';

export interface Machine {
  cpu: string;
  cores: number;
  memoryGiB: number;
  os: string;
  node: string;
  chromium: string;
  pytorch?: string;
  /** torch.get_num_threads() before any change: OpenMP's choice on this machine. */
  pytorchDefaultThreads?: number;
  /** The checkout measured; other engineers' uncommitted edits in a shared tree are built in too. */
  commit: string;
}

function firstLine(path: string, key: string): string | undefined {
  try {
    const line = readFileSync(path, 'utf8')
      .split('\n')
      .find((l) => l.startsWith(key));
    return line?.split(/[:=]/).slice(1).join(':').trim().replace(/^"|"$/g, '');
  } catch {
    return undefined;
  }
}

export function describeMachine(chromiumBinary: string): Machine {
  let chromium = 'unknown';
  try {
    // Debian's wrapper script prints a harmless shell warning on stderr; the version is on stdout.
    chromium = execFileSync(chromiumBinary, ['--version'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    /* reported as unknown */
  }
  return {
    cpu: firstLine('/proc/cpuinfo', 'model name') ?? 'unknown',
    cores: availableParallelism(),
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    os: firstLine('/etc/os-release', 'PRETTY_NAME') ?? process.platform,
    node: process.version,
    chromium,
    commit: checkout(),
  };
}

function checkout(): string {
  try {
    const git = (...args: string[]) =>
      execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const dirty = git('status', '--porcelain', '--untracked-files=no') !== '';
    return `${git('rev-parse', '--short', 'HEAD')}${dirty ? ' with uncommitted changes' : ''}`;
  } catch {
    return 'unknown';
  }
}

/** 1-, 5- and 15-minute load averages: on a 2-core machine, anything near 1 means a shared core. */
export const loadAverage = (): number[] => loadavg().map((l) => Math.round(l * 100) / 100);
