import { lstatSync, readdirSync, statSync, type Stats } from 'node:fs';
import { join } from 'node:path';

/** Beyond this many entries a folder is not one pvd made or an issue's: its state is not taken. */
const MAX_ENTRIES = 2000;

/**
 * What a folder holds as the file system tells it, without reading a file: every entry under
 * it, with its kind, size, times, inode and link count. Any write to a file changes its change
 * time (ctime), which no program sets back; so two equal states mean nothing in the folder was
 * written, added, removed, renamed or relinked in between. Undefined when the folder cannot
 * be read or holds too much to be worth it.
 */
export function folderState(folder: string): string | undefined {
  const lines: string[] = [];
  const walk = (relative: string): boolean => {
    const here = relative === '' ? folder : join(folder, relative);
    for (const name of readdirSync(here).sort()) {
      if (lines.length >= MAX_ENTRIES) return false;
      const path = relative === '' ? name : `${relative}/${name}`;
      const stat = lstatSync(join(folder, path));
      // A link is seen with what it points to, which may change without the link changing.
      const target = stat.isSymbolicLink() ? statSync(join(folder, path), { throwIfNoEntry: false }) : undefined;
      lines.push(`${path}\0${describe(stat)}\0${target ? describe(target) : ''}`);
      if (stat.isDirectory() && !walk(path)) return false;
    }
    return true;
  };
  try {
    // The folder itself as seen without following it: a folder swapped for a link to a copy is not the same.
    lines.push(`.\0${describe(lstatSync(folder))}\0`);
    return walk('') ? lines.join('\n') : undefined;
  } catch {
    return undefined;
  }
}

/** One file's state: stat of a path, or '' when there is none. */
export function fileState(path: string): string {
  const stat = statSync(path, { throwIfNoEntry: false });
  return stat ? describe(stat) : '';
}

function describe(stat: Stats): string {
  const kind = stat.isFile() ? 'f' : stat.isDirectory() ? 'd' : stat.isSymbolicLink() ? 'l' : 'o';
  // A folder's size and times change with its entries, which are listed themselves.
  if (kind === 'd') return `d:${stat.ino}`;
  return `${kind}:${stat.size}:${stat.mtimeMs}:${stat.ctimeMs}:${stat.ino}:${stat.nlink}`;
}
