import { readdirSync, watch, type FSWatcher } from 'node:fs';
import { join } from 'node:path';

export interface FolderWatcher {
  close(): void;
}

/**
 * Calls `onChange` once things settle after any change in the folders `folders()` lists.
 * Folders are watched rather than files: editors that save by writing a new file and
 * renaming it over the old one replace the file's inode, which a file watch loses.
 * After every burst the watches are made anew from a fresh list, before `onChange` reads
 * anything: a folder created later (images/), or deleted and created again (git checkout,
 * possibly with the same inode number), is watched as it is now.
 */
export function watchFolders(folders: () => string[], onChange: () => void, debounceMs = 150): FolderWatcher {
  let watchers: FSWatcher[] = [];
  const burst = debounce(() => {
    rewatch();
    onChange();
  }, debounceMs);
  const schedule = (): void => burst.call();

  const rewatch = (): void => {
    for (const watcher of watchers) watcher.close();
    watchers = [];
    for (const folder of new Set(folders())) {
      try {
        const watcher = watch(folder, { persistent: true }, schedule);
        // A watched folder that disappears may report an error: the next burst watches it again if it returns.
        watcher.on('error', () => {
          watcher.close();
          schedule();
        });
        watchers.push(watcher);
      } catch {
        // Absent (images/ not created yet) or removed meanwhile: a change in its parent brings it back.
      }
    }
  };

  rewatch();
  return {
    close() {
      burst.cancel();
      for (const watcher of watchers) watcher.close();
      watchers = [];
    },
  };
}

export interface Debounced {
  /** Asks for the call: it happens once no other ask has come for `ms`. */
  call(): void;
  /** Drops a pending call and every later ask. */
  cancel(): void;
}

/** One call for a burst of asks: an editor's save is several events (write, rename, chmod). */
export function debounce(fn: () => void, ms: number): Debounced {
  let timer: NodeJS.Timeout | undefined;
  let cancelled = false;
  return {
    call() {
      if (cancelled) return;
      clearTimeout(timer);
      timer = setTimeout(fn, ms);
    },
    cancel() {
      cancelled = true;
      clearTimeout(timer);
    },
  };
}

/** A folder and every folder below it (templates/pvd/, partials/, images/). */
export function folderTree(root: string): string[] {
  let entries;
  try {
    entries = readdirSync(root, { withFileTypes: true });
  } catch {
    return [];
  }
  const folders = [root];
  for (const entry of entries) {
    if (entry.isDirectory() && !entry.name.startsWith('.')) folders.push(...folderTree(join(root, entry.name)));
  }
  return folders;
}
