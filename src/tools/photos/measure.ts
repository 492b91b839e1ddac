// Cleans every photo of a set and says how alike the results are to their source drawings, and what failed.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PNG } from 'pngjs';
import { cleanPhoto } from '../../engine/data/photo';
import type { RgbaImage } from '../../engine/data/pixels';
import { decodeImage } from '../../engine/node/decode';
import { alignedInput, correlation, iou, soften } from './compare';
import type { Entry } from './sets';

export interface Outcome {
  entry: Entry;
  result: string;
  correlation?: number;
  iou?: number;
  ms: number;
}

export function readPng(path: string): RgbaImage {
  const png = PNG.sync.read(readFileSync(path));
  return { width: png.width, height: png.height, data: png.data };
}

export function measure(dir: string): Outcome[] {
  const entries = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Entry[];
  return entries.map((entry) => {
    const photo = decodeImage(new Uint8Array(readFileSync(join(dir, entry.photo))), entry.photo);
    const start = performance.now();
    const cleaned = cleanPhoto(photo);
    const ms = performance.now() - start;
    if (!cleaned.ok) return { entry, result: cleaned.reason, ms };
    if (!entry.source) return { entry, result: 'drawing', ms };
    const source = alignedInput(readPng(resolve(dir, entry.source)));
    const mine = alignedInput(cleaned.image);
    return {
      entry,
      result: 'drawing',
      correlation: correlation(soften(source), soften(mine)),
      iou: iou(source, mine),
      ms,
    };
  });
}

export function summarise(outcomes: Outcome[]): string {
  const lines: string[] = [];
  for (const expect of ['drawing', 'blank', 'not-paper', 'cluttered'] as const) {
    const of = outcomes.filter((o) => o.entry.expect === expect);
    if (of.length === 0) continue;
    const counts = new Map<string, number>();
    for (const o of of) counts.set(o.result, (counts.get(o.result) ?? 0) + 1);
    lines.push(`${expect} (${of.length}): ${[...counts].map(([r, n]) => `${r} ${n}`).join(', ')}`);
  }
  for (const ruling of ['ruled', 'squared']) {
    const on = outcomes.filter((o) => o.entry.notes.includes(`${ruling} paper`));
    if (on.length)
      lines.push(
        `  of which on ${ruling} paper (${on.length}): ${on.map((o) => o.result + (o.correlation === undefined ? '' : ` r ${o.correlation.toFixed(2)}`)).join(', ')}`,
      );
  }
  const scored = outcomes.filter((o) => o.correlation !== undefined);
  const stat = (values: number[]) => {
    const s = [...values].sort((a, b) => a - b);
    const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))]!.toFixed(3);
    return `mean ${(s.reduce((a, b) => a + b, 0) / s.length).toFixed(3)}, p10 ${q(0.1)}, median ${q(0.5)}, min ${s[0]!.toFixed(3)}`;
  };
  if (scored.length) {
    lines.push(`24x24 correlation: ${stat(scored.map((o) => o.correlation!))}`);
    lines.push(`24x24 ink IoU: ${stat(scored.map((o) => o.iou!))}`);
    for (const t of [0.5, 0.7, 0.8])
      lines.push(`correlation < ${t}: ${scored.filter((o) => o.correlation! < t).length}`);
    const by = (name: string, key: (o: Outcome) => string) => {
      const groups = new Map<string, number[]>();
      for (const o of scored) groups.set(key(o), [...(groups.get(key(o)) ?? []), o.correlation!]);
      const parts = [...groups]
        .sort()
        .map(([k, rs]) => `${k} ${(rs.reduce((a, b) => a + b, 0) / rs.length).toFixed(3)} (${rs.length})`);
      lines.push(`mean correlation by ${name}: ${parts.join(', ')}`);
    };
    by('ink', (o) => o.entry.notes.split(' ')[0]!);
    by('class', (o) => (o.entry.source!.includes('/') ? o.entry.source!.split('/').at(-2)! : 'vector shape'));
  }
  lines.push(`clean time: ${stat(outcomes.map((o) => o.ms))} ms`);
  const wrong = outcomes.filter((o) => o.result !== o.entry.expect || (o.correlation ?? 1) < 0.7);
  for (const o of wrong) {
    lines.push(
      `  ${o.entry.photo}: expected ${o.entry.expect}, got ${o.result}${o.correlation === undefined ? '' : ` (r ${o.correlation.toFixed(2)})`}; ${o.entry.notes}; ${o.entry.source ?? ''}`,
    );
  }
  return lines.join('\n');
}
