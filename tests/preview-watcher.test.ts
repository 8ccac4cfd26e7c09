import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { debounce, folderTree, watchFolders, type FolderWatcher } from '../src/preview/watcher.js';

const folders: string[] = [];
const watchers: FolderWatcher[] = [];

afterEach(() => {
  for (const watcher of watchers.splice(0)) watcher.close();
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function temporaryFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'pvd-test-watch-'));
  folders.push(folder);
  return folder;
}

/**
 * Watches an issue folder as the preview does (the folder, then images/ and every folder
 * below it) and records, at each call, what the folder tree holds: the test waits for the
 * call that sees a given state, never for a length of time.
 */
function watchIssue(debounceMs = 50, folder = temporaryFolder()) {
  if (!existsSync(join(folder, 'issue.md'))) writeFileSync(join(folder, 'issue.md'), 'un');
  const seen: string[][] = [];
  const waiting: Array<{ until: (files: string[]) => boolean; resolve: () => void }> = [];
  // issue.md with what it holds: a save that adds no file is seen too.
  const listing = (): string[] => readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .map((path) => path.split('\\').join('/'))
    .map((path) => (path === 'issue.md' ? `issue.md=${readFileSync(join(folder, path), 'utf8')}` : path))
    .sort();
  const watcher = watchFolders(() => [folder, ...folderTree(join(folder, 'images'))], () => {
    const files = listing();
    seen.push(files);
    for (const wait of waiting.splice(0)) {
      if (wait.until(files)) wait.resolve();
      else waiting.push(wait);
    }
  }, debounceMs);
  watchers.push(watcher);
  const callSeeing = (until: (files: string[]) => boolean) => new Promise<void>((resolve) => waiting.push({ until, resolve }));
  return { folder, seen, watcher, callSeeing, has: (path: string) => (files: string[]) => files.includes(path) };
}

describe('watchFolders', () => {
  it('calls once for a burst of saves made together, and again for the next save', async () => {
    const { folder, seen, callSeeing, has } = watchIssue();
    // Written in one go: the event loop sees every event of the burst before any timer can fire.
    for (const name of ['a.md', 'b.md', 'c.md']) writeFileSync(join(folder, name), name);
    await callSeeing(has('c.md'));
    writeFileSync(join(folder, 'sentinel.md'), 'x');
    await callSeeing(has('sentinel.md'));
    expect(seen).toEqual([['a.md', 'b.md', 'c.md', 'issue.md=un'], ['a.md', 'b.md', 'c.md', 'issue.md=un', 'sentinel.md']]);
  });

  it('waits for the delay after the last event before calling', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const { folder, seen } = watchIssue(100);
      writeFileSync(join(folder, 'a.md'), 'a');
      // The file system's event is real: wait for it to arm the delay, turn after turn of the event loop.
      while (vi.getTimerCount() === 0 && seen.length === 0) await new Promise((resolve) => setImmediate(resolve));
      vi.advanceTimersByTime(99);
      expect(seen).toEqual([]);
      vi.advanceTimersByTime(1);
      expect(seen).toEqual([['a.md', 'issue.md=un']]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('keeps seeing issue.md after an editor replaced it by a rename', async () => {
    const { folder, seen, callSeeing, has } = watchIssue();
    writeFileSync(join(folder, '.issue.md.tmp'), 'deux');
    renameSync(join(folder, '.issue.md.tmp'), join(folder, 'issue.md'));
    await callSeeing(has('issue.md=deux'));
    // The file watched now is another inode than at the start: saved in place, it is seen all the same.
    writeFileSync(join(folder, 'issue.md'), 'trois');
    await callSeeing(has('issue.md=trois'));
    expect(seen).toEqual([['issue.md=deux'], ['issue.md=trois']]);
  });

  it('picks up an images/ folder created after the start, and the folders made inside it later', async () => {
    const { folder, callSeeing, has } = watchIssue();
    mkdirSync(join(folder, 'images'));
    await callSeeing(has('images'));
    writeFileSync(join(folder, 'images', 'photo.jpg'), 'x');
    await callSeeing(has('images/photo.jpg'));
    mkdirSync(join(folder, 'images', 'sous-dossier'));
    await callSeeing(has('images/sous-dossier'));
    // Only a watch on images/sous-dossier/ itself sees a file changing there.
    writeFileSync(join(folder, 'images', 'sous-dossier', 'photo.jpg'), 'x');
    await callSeeing(has('images/sous-dossier/photo.jpg'));
    renameSync(join(folder, 'images', 'sous-dossier', 'photo.jpg'), join(folder, 'images', 'sous-dossier', 'autre.jpg'));
    await callSeeing(has('images/sous-dossier/autre.jpg'));
  });

  it('watches a folder deleted and created again within one burst (git checkout)', async () => {
    const { folder, callSeeing, has } = watchIssue();
    mkdirSync(join(folder, 'images'));
    await callSeeing(has('images'));
    rmSync(join(folder, 'images'), { recursive: true });
    mkdirSync(join(folder, 'images'));
    writeFileSync(join(folder, 'marker.md'), 'x');
    await callSeeing(has('marker.md'));
    writeFileSync(join(folder, 'images', 'photo.jpg'), 'x');
    await callSeeing(has('images/photo.jpg'));
  });

  it('stops calling once closed', async () => {
    const closed = watchIssue(10);
    // A second watcher on the same folder, left open, with a longer delay: once it has been called, the closed one would have been.
    const open = watchIssue(200, closed.folder);
    closed.watcher.close();
    writeFileSync(join(closed.folder, 'deux.md'), 'deux');
    await open.callSeeing(open.has('deux.md'));
    expect(open.seen).toEqual([['deux.md', 'issue.md=un']]);
    expect(closed.seen).toEqual([]);
  });

  it('lists a template folder with its subfolders', () => {
    const root = temporaryFolder();
    mkdirSync(join(root, 'partials'));
    mkdirSync(join(root, 'images', 'a', 'b'), { recursive: true });
    expect(folderTree(root).sort()).toEqual([root, join(root, 'images'), join(root, 'images', 'a'), join(root, 'images', 'a', 'b'), join(root, 'partials')].sort());
    expect(folderTree(join(root, 'absent'))).toEqual([]);
  });
});

describe('debounce', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('makes one call once the asks stop for the delay, and one more for a later ask', () => {
    vi.useFakeTimers();
    let calls = 0;
    const burst = debounce(() => calls++, 100);
    burst.call();
    vi.advanceTimersByTime(60);
    burst.call();
    vi.advanceTimersByTime(60);
    burst.call();
    vi.advanceTimersByTime(99);
    expect(calls).toBe(0);
    vi.advanceTimersByTime(1);
    expect(calls).toBe(1);
    burst.call();
    vi.advanceTimersByTime(100);
    expect(calls).toBe(2);
  });

  it('makes no call once cancelled, pending or asked after', () => {
    vi.useFakeTimers();
    let calls = 0;
    const burst = debounce(() => calls++, 100);
    burst.call();
    burst.cancel();
    burst.call();
    vi.advanceTimersByTime(1_000);
    expect(calls).toBe(0);
  });
});
