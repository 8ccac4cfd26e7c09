import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFileAtomic } from './atomic.js';

/**
 * pvd's own node_modules/.cache/pvd/ (where babel, eslint and others keep theirs): as
 * trusted as pvd's code, never inside the newsletter. Entries are JSON, named by a hash
 * of everything they derive from; a miss, a corrupt entry or a read-only installation
 * only costs the speed-up.
 */
function cacheFolder(): string | undefined {
  let folder = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(folder, 'package.json'))) return join(folder, 'node_modules', '.cache', 'pvd');
    const parent = dirname(folder);
    if (parent === folder) return undefined;
    folder = parent;
  }
}

/** This build of pvd: a recompiled or updated pvd never reads what an older one wrote. */
export function codeIdentity(): string {
  const { size, mtimeMs } = statSync(fileURLToPath(import.meta.url));
  return `${size}:${mtimeMs}`;
}

function entryPath(kind: string, key: string): string | undefined {
  const folder = cacheFolder();
  return folder && join(folder, `${kind}-${key.slice(0, 32)}.json`);
}

export function readCached<T>(kind: string, key: string): T | undefined {
  const path = entryPath(kind, key);
  if (!path) return undefined;
  try {
    const entry = JSON.parse(readFileSync(path, 'utf8')) as { key: string; value: T };
    return entry.key === key ? entry.value : undefined;
  } catch {
    return undefined;
  }
}

export function writeCached<T>(kind: string, key: string, value: T): T {
  const path = entryPath(kind, key);
  try {
    if (path) {
      mkdirSync(dirname(path), { recursive: true });
      writeFileAtomic(path, JSON.stringify({ key, value }));
      prune(dirname(path));
    }
  } catch {
    // A read-only installation only loses the speed-up.
  }
  return value;
}

/** Entries kept: a template edited many times leaves one per version; the oldest go. */
const MAX_ENTRIES = 40;

function prune(folder: string): void {
  const entries = readdirSync(folder).filter((name) => name.endsWith('.json'));
  if (entries.length <= MAX_ENTRIES) return;
  const byAge = entries.map((name) => ({ path: join(folder, name), time: statSync(join(folder, name)).mtimeMs })).sort((a, b) => a.time - b.time);
  for (const { path } of byAge.slice(0, entries.length - MAX_ENTRIES)) rmSync(path, { force: true });
}
