import type { ImportProgress, ImportSource, ImportSummary, SampleSplit } from '../../shared/api';
import { DataError } from '../../engine/data/errors';
import {
  checkClasses,
  describePlan,
  planImport,
  type ImportPlan,
  type PlannedSample,
} from '../../engine/data/import-plan';
import { readZip, writeZip } from '../../engine/io/zip';
import { NewImages } from '../stores/new-images';
import type { SampleStore } from '../stores/sample-store';
import { storedSample } from '../stores/stored-sample';

/** A summarised import: its plan, and the pixel fingerprint of each sample it keeps. */
type Prepared = { plan: ImportPlan; hashes: Map<PlannedSample, string> };

/**
 * Imports happen in two steps: `prepare` reads and checks every file (leaving out, with its reason,
 * each one that cannot be imported or is already stored) and summarises, storing nothing; `commit`
 * stores the summarised samples in one transaction, all or none.
 */
export class Importer {
  private readonly pending = new Map<string, Prepared>();

  constructor(private readonly store: SampleStore) {}

  async prepare(
    source: ImportSource,
    options: { testFraction: number; seed: number },
    onProgress?: (progress: ImportProgress) => void,
  ): Promise<ImportSummary> {
    const files =
      source.kind === 'zip'
        ? readZip(new Uint8Array(source.bytes), source.name)
        : source.files.map((f) => ({ path: f.path, bytes: new Uint8Array(f.bytes) }));
    const plan = planImport(files, source.name, options);
    // Decoding every image now is what lets a bad file be named before anything is stored.
    const judge = await NewImages.against(this.store);
    const hashes = new Map<PlannedSample, string>();
    const progress = throttled(plan.samples.length, onProgress);
    for (const sample of plan.samples) {
      progress.step();
      const judged = await judge.judge(`${plan.origin}/${sample.path}`, sample.bytes);
      if (judged.ok) hashes.set(sample, judged.hash);
      else plan.refused.push(judged.problem);
    }
    progress.end();
    plan.samples = plan.samples.filter((s) => hashes.has(s));
    checkClasses(plan);
    const token = crypto.randomUUID();
    this.pending.clear();
    this.pending.set(token, { plan, hashes });
    const counts: ImportSummary['counts'] = {};
    for (const name of plan.classNames) counts[name] = { train: 0, test: 0 };
    for (const sample of plan.samples) counts[sample.className]![sample.split] += 1;
    return {
      token,
      origin: plan.origin,
      layout: plan.layout,
      classNames: plan.classNames,
      found: describePlan(plan),
      counts,
      refused: plan.refused,
    };
  }

  async commit(token: string): Promise<number> {
    const prepared = this.pending.get(token);
    if (!prepared) throw new DataError('', 'nothingToImport');
    const { plan, hashes } = prepared;
    const addedAt = new Date().toISOString();
    const samples = plan.samples.map((s) =>
      storedSample({ ...s, name: s.path.split('/').pop()!, hash: hashes.get(s)! }, addedAt),
    );
    try {
      await this.store.add(samples);
    } catch (error) {
      if (error instanceof DOMException && error.name === 'QuotaExceededError')
        throw new DataError(plan.origin, 'importNoSpace');
      throw new DataError(plan.origin, 'importFailed', { detail: (error as Error).message });
    }
    this.pending.delete(token);
    return samples.length;
  }

  /** The user's samples as a `flow_from_directory` zip: train/<class>/<file> and test/<class>/<file>. */
  async exportZip(): Promise<Uint8Array> {
    const { samples } = await this.store.list();
    const used = new Set<string>();
    const files: [string, Uint8Array][] = [];
    for (const info of samples) {
      const path = uniquePath(`${info.split satisfies SampleSplit}/${info.className}/${info.name}`, used);
      files.push([path, new Uint8Array((await this.store.image(info.id)).bytes)]);
    }
    return writeZip(files);
  }
}

/**
 * `a.png`, then `a (2).png`, `a (3).png`…: two samples may share a name, files in a folder may not,
 * nor names that differ only in case (one file on Windows and macOS).
 */
function uniquePath(path: string, used: Set<string>): string {
  const dot = path.lastIndexOf('.');
  let candidate = path;
  for (let n = 2; used.has(candidate.toLowerCase()); n++) candidate = `${path.slice(0, dot)} (${n})${path.slice(dot)}`;
  used.add(candidate.toLowerCase());
  return candidate;
}

/** Progress goes out at most every 100 ms (thousands of files would flood the page) and at the end. */
const PROGRESS_MS = 100;

function throttled(total: number, send?: (progress: ImportProgress) => void) {
  let done = 0;
  let last = -Infinity;
  return {
    step(): void {
      done++;
      const now = performance.now();
      if (send && now - last >= PROGRESS_MS) {
        last = now;
        send({ done, total });
      }
    },
    end: () => send?.({ done: total, total }),
  };
}
