import { randomBytes } from 'node:crypto';
import { chmodSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { renameRetrying } from './fs-errors.js';

export interface AtomicWriteOptions {
  /** Given to the new file before it takes the place of the old one. */
  mode?: number;
  /** Called last before the rename; what it throws cancels the write (the old file stays). */
  beforeRename?: () => void;
}

/** Writes one file through a temporary sibling and a rename: readers never see half of it. */
export function writeFileAtomic(path: string, content: string | Uint8Array, options: AtomicWriteOptions = {}): void {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    writeFileSync(temporary, content);
    if (options.mode !== undefined) chmodSync(temporary, options.mode);
    options.beforeRename?.();
    renameRetrying(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}
