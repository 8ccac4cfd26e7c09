import { randomBytes } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { renameRetrying } from './fs-errors.js';

/** Writes one file through a temporary sibling and a rename: readers never see half of it. */
export function writeFileAtomic(path: string, content: string | Uint8Array): void {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    writeFileSync(temporary, content);
    renameRetrying(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}
