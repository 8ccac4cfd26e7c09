import { existsSync, readdirSync, realpathSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';

/**
 * A path as the user sees it: relative to where they are. One outside that folder is shown
 * whole by default (a refusal of the system names the real place); `outside: 'relative'`
 * climbs with `../` instead, for the files a user opens from here (an issue, a template).
 */
export function shownPath(path: string, { outside = 'absolute' }: { outside?: 'absolute' | 'relative' } = {}): string {
  const fromHere = relative(process.cwd(), path);
  if (fromHere === '') return path;
  return outside === 'absolute' && (fromHere.startsWith('..') || isAbsolute(fromHere)) ? path : fromHere;
}

export type LocalPath =
  | { kind: 'inside'; path: string }
  | { kind: 'outside' }
  /** `onDisk`: the name as the disk spells it, when only the case differs. */
  | { kind: 'missing'; path: string; onDisk?: string };

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
  // A disk that ignores case (Windows, macOS) finds Toul.JPG for toul.jpg; the web server will not.
  const onDisk = spelledOnDisk(folder, path);
  if (onDisk !== relative(folder, path)) return { kind: 'missing', path, onDisk: onDisk.split(sep).join('/') };
  // The libc realpath: one call, where the JavaScript one lstat()s every component.
  const real = realpathSync.native(path);
  return isWithin(realpathSync.native(folder), real) ? { kind: 'inside', path: real } : { kind: 'outside' };
}

function isWithin(folder: string, path: string): boolean {
  const fromFolder = relative(folder, path);
  return fromFolder !== '' && !fromFolder.startsWith(`..${sep}`) && fromFolder !== '..' && !isAbsolute(fromFolder);
}

/**
 * The path below `folder` with each name as its folder lists it. A name is looked up in its
 * folder's listing only when the disk may have matched it regardless of case: when the same
 * name with every letter's case swapped exists too (always, on a disk that ignores case).
 * On a disk that respects case, one lookup per name replaces the listing of each folder.
 */
function spelledOnDisk(folder: string, path: string): string {
  const names: string[] = [];
  for (let current = path; current !== folder && dirname(current) !== current; current = dirname(current)) {
    const parent = dirname(current);
    const name = current.slice(parent.length + 1);
    const swapped = swapCase(name);
    if (swapped === name || !existsSync(join(parent, swapped))) {
      names.unshift(name);
      continue;
    }
    let entries: string[];
    try {
      entries = readdirSync(parent);
    } catch {
      return relative(folder, path);
    }
    names.unshift(entries.includes(name) ? name : entries.find((entry) => entry.toLowerCase() === name.toLowerCase()) ?? name);
  }
  return join(...names);
}

function swapCase(name: string): string {
  return [...name].map((letter) => (letter === letter.toLowerCase() ? letter.toUpperCase() : letter.toLowerCase())).join('');
}
