// How long cleanPhoto takes on one full-size phone photo (decoding excluded), best and median of runs.
import { readFileSync } from 'node:fs';
import { cleanPhoto } from '../../engine/data/photo';
import { createRng } from '../../engine/data/random';
import { decodeImage } from '../../engine/node/decode';
import { hdsDrawings } from './sets';
import { makePhoto } from './photo';

export function timeClean(hds: string, long: number, runs: number): string {
  const drawings = hdsDrawings(hds, 'held-out');
  const rng = createRng(31);
  const { jpeg } = makePhoto({ png: readFileSync(drawings[rng.int(drawings.length)]!.path) }, rng, long);
  const photo = decodeImage(jpeg, 'timing.jpg');
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const [start, used] = [performance.now(), process.cpuUsage()];
    cleanPhoto(photo);
    const { user, system } = process.cpuUsage(used);
    wall.push(performance.now() - start);
    cpu.push((user + system) / 1000);
  }
  const report = (name: string, values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    return `${name} best ${sorted[0]!.toFixed(1)} ms, median ${sorted[Math.floor(sorted.length / 2)]!.toFixed(1)} ms`;
  };
  return `${photo.width}x${photo.height}, ${runs} runs: ${report('wall', wall)}; ${report('CPU', cpu)}`;
}
