import { crc32 } from 'node:zlib';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';

export type Pixel = [r: number, g: number, b: number, a: number];

/** An 8-bit PNG of the given colour type (0 gray, 2 RGB, 6 RGBA), pixels from a function. */
export function png(
  width: number,
  height: number,
  pixel: (x: number, y: number) => Pixel,
  colorType: 0 | 2 | 6 = 6,
): Buffer {
  const image = new PNG({ width, height });
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) image.data.set(pixel(x, y), (y * width + x) * 4);
  }
  return PNG.sync.write(image, { colorType, inputColorType: 6, inputHasAlpha: true });
}

export function jpg(width: number, height: number, pixel: (x: number, y: number) => Pixel): Buffer {
  const data = Buffer.alloc(width * height * 4);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) data.set(pixel(x, y), (y * width + x) * 4);
  return Buffer.from(jpeg.encode({ data, width, height }, 95).data);
}

export const tempDir = (prefix = 'shapes-test-'): string => mkdtempSync(join(tmpdir(), prefix));

/** Writes files given as { 'train/circle/a.png': bytes } under a new temp folder; returns it. */
export function writeTree(files: Record<string, Uint8Array | string>, root = tempDir()): string {
  for (const [path, bytes] of Object.entries(files)) {
    const full = join(root, path);
    mkdirSync(join(full, '..'), { recursive: true });
    writeFileSync(full, bytes);
  }
  return root;
}

/**
 * A simple, learnable drawing: a dark ring, square outline or triangle outline on white. Variants
 * differ in size and, from the fourth on, position, so no two are the same picture.
 */
export function shape(kind: 'circle' | 'rectangle' | 'triangle', variant: number, size = 24): Buffer {
  const c = size / 2 + (Math.floor(variant / 3) % 3);
  const r = size / 4 + (variant % 3);
  return png(size, size, (x, y) => {
    const dx = x - c;
    const dy = y - c;
    const on =
      kind === 'circle'
        ? Math.abs(Math.hypot(dx, dy) - r) < 1
        : kind === 'rectangle'
          ? Math.max(Math.abs(dx), Math.abs(dy)) < r && Math.max(Math.abs(dx), Math.abs(dy)) >= r - 1.5
          : (y === Math.round(c + r / 2) && Math.abs(dx) <= r) ||
            (dy < r / 2 && dy > -r && Math.abs(Math.abs(dx) - (dy + r) / 1.5) < 1);
    const v = on ? 30 : 255;
    return [v, v, v, 255];
  });
}

/** A small flow_from_directory tree of learnable shapes: `perClass` train and `testPerClass` test images. */
export function shapesTree(perClass: number, testPerClass: number): string {
  const files: Record<string, Uint8Array> = {};
  for (const kind of ['circle', 'rectangle', 'triangle'] as const) {
    for (let i = 0; i < perClass; i++) files[`train/${kind}/${kind}${i}.png`] = shape(kind, i);
    for (let i = 0; i < testPerClass; i++) files[`test/${kind}/${kind}${i}.png`] = shape(kind, i + 1);
  }
  return writeTree(files);
}

/**
 * An animated PNG of two frames: `first` is the default image (what decoders without APNG show, and
 * what browsers show first), `second` follows as an fdAT frame of the same size.
 */
export function apng(first: Buffer, second: Buffer): Buffer {
  const chunks = (file: Buffer) => {
    const found: { type: string; data: Buffer }[] = [];
    for (let at = 8; at < file.length; ) {
      const length = file.readUInt32BE(at);
      found.push({ type: file.toString('latin1', at + 4, at + 8), data: file.subarray(at + 8, at + 8 + length) });
      at += 12 + length;
    }
    return found;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), 8 + data.length);
    return out;
  };
  const [header, ...rest] = chunks(first);
  const width = header!.data.readUInt32BE(0);
  const height = header!.data.readUInt32BE(4);
  const frameControl = (sequence: number) => {
    const data = Buffer.alloc(26);
    data.writeUInt32BE(sequence, 0);
    data.writeUInt32BE(width, 4);
    data.writeUInt32BE(height, 8);
    data.writeUInt16BE(1, 20);
    data.writeUInt16BE(2, 22);
    return data;
  };
  const actl = Buffer.alloc(8);
  actl.writeUInt32BE(2, 0);
  const secondData = Buffer.concat(
    chunks(second)
      .filter((c) => c.type === 'IDAT')
      .map((c) => c.data),
  );
  const sequence = Buffer.alloc(4);
  sequence.writeUInt32BE(2, 0);
  return Buffer.concat([
    first.subarray(0, 8),
    chunk('IHDR', header!.data),
    chunk('acTL', actl),
    chunk('fcTL', frameControl(0)),
    ...rest.filter((c) => c.type === 'IDAT').map((c) => chunk('IDAT', c.data)),
    chunk('fcTL', frameControl(1)),
    chunk('fdAT', Buffer.concat([sequence, secondData])),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
