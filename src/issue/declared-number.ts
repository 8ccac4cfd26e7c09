import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { codeIdentity, readCached, writeCached } from '../io/cache.js';
import { headerValues } from './front-matter.js';

/** How much of a file is read to find its header: far more than any header, far less than the size limit. */
const HEADER_BYTES = 64 * 1024;

/** Kept per file while its size and date stay: a preview session sees an edit, a lint run reads each file once. */
const known = new Map<string, { size: number; mtimeMs: number; number: number | undefined }>();

/** A file as it was when its number was read: size, modification and change times. */
type Identity = [size: number, mtimeMs: number, ctimeMs: number];

/** What earlier runs read, by path: the file's identity then, and its number (null: none). */
type Remembered = Record<string, [...Identity, number | null]>;

/**
 * The `number:` of each file, remembered between runs in pvd's cache: `pvd lint` of one issue
 * checks that no other declares its number, and parsing every other header with YAML cost some
 * 2 ms an issue (a pre-commit lint of #42 among 61 issues: 440 ms instead of 150). A header
 * is read again when its file's size or times change.
 */
export function declaredNumbers(paths: readonly string[], folder: string): Map<string, number | undefined> {
  const key = createHash('sha256').update(`${codeIdentity()}\n${folder}`).digest('hex');
  const remembered = readCached<Remembered>('numbers', key) ?? {};
  const fresh: Remembered = {};
  const numbers = new Map<string, number | undefined>();
  let changed = Object.keys(remembered).length !== paths.length;
  for (const path of paths) {
    const identity = identityOf(path);
    const known = remembered[path];
    let number: number | undefined;
    if (identity && known && known[0] === identity[0] && known[1] === identity[1] && known[2] === identity[2]) number = known[3] ?? undefined;
    else {
      number = declaredNumber(path);
      changed = true;
    }
    numbers.set(path, number);
    if (identity) fresh[path] = [...identity, number ?? null];
  }
  if (changed) writeCached('numbers', key, fresh);
  return numbers;
}

function identityOf(path: string): Identity | undefined {
  try {
    const { size, mtimeMs, ctimeMs } = statSync(path);
    return [size, mtimeMs, ctimeMs];
  } catch {
    return undefined;
  }
}

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
    const { data, diagnostics } = headerValues(text);
    const number = diagnostics.every((diagnostic) => diagnostic.messageId === 'commentCut') && typeof data.number === 'number' ? data.number : undefined;
    known.set(path, { size, mtimeMs, number });
    return number;
  } finally {
    closeSync(fd);
  }
}
