import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { splitFrontMatter } from './front-matter.js';

/** How much of a file is read to find its header: far more than any header, far less than the size limit. */
const HEADER_BYTES = 64 * 1024;

/** Kept per file while its size and date stay: a preview session sees an edit, a lint run reads each file once. */
const known = new Map<string, { size: number; mtimeMs: number; number: number | undefined }>();

/** The `number:` an issue.md declares in its header, read by the same YAML parser as the issue itself. */
export function declaredNumber(path: string): number | undefined {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return undefined;
  }
  try {
    const { size, mtimeMs } = fstatSync(fd);
    const cached = known.get(path);
    if (cached && cached.size === size && cached.mtimeMs === mtimeMs) return cached.number;
    const buffer = Buffer.alloc(Math.min(size, HEADER_BYTES));
    const text = buffer.toString('utf8', 0, readSync(fd, buffer, 0, buffer.length, 0)).replace(/^\ufeff/, '').replace(/\r\n?/g, '\n');
    const { data, diagnostics } = splitFrontMatter(text, path);
    const number = diagnostics.every((diagnostic) => diagnostic.messageId === 'commentCut') && typeof data.number === 'number' ? data.number : undefined;
    known.set(path, { size, mtimeMs, number });
    return number;
  } finally {
    closeSync(fd);
  }
}
