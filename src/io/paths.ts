import { existsSync, realpathSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';

export type LocalPath =
  | { kind: 'inside'; path: string }
  | { kind: 'outside' }
  | { kind: 'missing'; path: string };

/**
 * Resolves a path written in an issue against the folder, refusing anything
 * that leaves it: `../`, absolute paths, and symlinks pointing elsewhere.
 */
export function resolveInsideFolder(folder: string, written: string): LocalPath {
  let decoded = written;
  try {
    decoded = decodeURIComponent(written);
  } catch {
    // A stray % is kept as written.
  }
  if (isAbsolute(decoded) || /^[a-zA-Z]:[\\/]/.test(decoded) || decoded.startsWith('\\') || decoded.includes('\0')) return { kind: 'outside' };
  const path = resolve(folder, decoded);
  if (!isWithin(folder, path)) return { kind: 'outside' };
  if (!existsSync(path)) return { kind: 'missing', path };
  // The libc realpath: one call, where the JavaScript one lstat()s every component.
  const real = realpathSync.native(path);
  return isWithin(realpathSync.native(folder), real) ? { kind: 'inside', path: real } : { kind: 'outside' };
}

function isWithin(folder: string, path: string): boolean {
  const fromFolder = relative(folder, path);
  return fromFolder !== '' && !fromFolder.startsWith(`..${sep}`) && fromFolder !== '..' && !isAbsolute(fromFolder);
}
