import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
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


/** The header of a GIF of the given size, padded to `bytes`: enough for image-size. */
export function gif(width: number, height: number, bytes = 64): Buffer {
  const buffer = Buffer.alloc(Math.max(bytes, 13));
  buffer.write('GIF89a', 0, 'latin1');
  buffer.writeUInt16LE(width, 6);
  buffer.writeUInt16LE(height, 8);
  return buffer;
}

/** The signature and IHDR chunk of a PNG of the given size. */
export function png(width: number, height: number): Buffer {
  const buffer = Buffer.alloc(33);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(buffer, 0);
  buffer.writeUInt32BE(13, 8);
  buffer.write('IHDR', 12, 'latin1');
  buffer.writeUInt32BE(width, 16);
  buffer.writeUInt32BE(height, 20);
  return buffer;
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
