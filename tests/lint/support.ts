import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import type { Diagnostic } from '../../src/diagnostics/index.js';
import { lintFile } from '../../src/lint/index.js';
import { openSession } from '../../src/pipeline/session.js';
import { ISSUE_042 } from '../helpers.js';

export const SOURCE_042 = readFileSync(ISSUE_042, 'utf8');

/** Lints `source` as issues/<folder>/issue.md of a project copy, in process, as `pvd lint` would. */
export function lintIn(root: string, source: string, options: { folder?: string } = {}): Diagnostic[] {
  const folder = options.folder ?? '042';
  const path = join(root, 'issues', folder, 'issue.md');
  mkdirSync(join(root, 'issues', folder), { recursive: true });
  writeFileSync(path, source);
  const session = openSession({ root, issuesDir: join(root, 'issues') });
  return lintFile({ path, folder: join(root, 'issues', folder), file: `issues/${folder}/issue.md` }, session).diagnostics;
}


/**
 * A GIF of the given size, whole (screen, one image, trailer), padded to `bytes` with a
 * comment: a picture image-size measures and pvd's structure check accepts.
 */
export function gif(width: number, height: number, bytes = 64): Buffer {
  const head = Buffer.alloc(13);
  head.write('GIF89a', 0, 'latin1');
  head.writeUInt16LE(width, 6);
  head.writeUInt16LE(height, 8);
  const image = Buffer.from([0x2c, 0, 0, 0, 0, 1, 0, 1, 0, 0, 0x02, 0x02, 0x44, 0x01, 0x00]);
  const padding = Math.max(0, bytes - head.length - image.length - 1 - 3);
  const comment: number[] = [0x21, 0xfe];
  for (let left = padding; left > 0;) {
    const size = Math.min(255, left);
    comment.push(size, ...Buffer.alloc(size, 0x20));
    left -= size + 1;
  }
  comment.push(0x00);
  return Buffer.concat([head, Buffer.from(comment), image, Buffer.from([0x3b])]);
}

/** A PNG of the given size, whole: the signature, IHDR and IEND, each chunk with its CRC (no pixels: none is decoded). */
export function png(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const buffer = Buffer.alloc(12 + data.length);
    buffer.writeUInt32BE(data.length, 0);
    buffer.write(type, 4, 'latin1');
    data.copy(buffer, 8);
    buffer.writeUInt32BE(crc32(buffer.subarray(4, 8 + data.length)), 8 + data.length);
    return buffer;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8;
  header[9] = 2;
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IEND', Buffer.alloc(0))]);
}

/** A WebP (VP8X) header of the given size. */
export function webp(width: number, height: number): Buffer {
  const buffer = Buffer.alloc(30);
  buffer.write('RIFF', 0, 'latin1');
  buffer.writeUInt32LE(22, 4);
  buffer.write('WEBPVP8X', 8, 'latin1');
  buffer.writeUInt32LE(10, 16);
  buffer.writeUIntLE(width - 1, 24, 3);
  buffer.writeUIntLE(height - 1, 27, 3);
  return buffer;
}

export const rulesOf = (diagnostics: readonly Diagnostic[]) => diagnostics.map((diagnostic) => diagnostic.rule);
