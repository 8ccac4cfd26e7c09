import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, utimesSync } from 'node:fs';
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

/**
 * This compile of pvd, the same for every command's bundle (the esbuild metafile that
 * scripts/compile.mjs writes once beside them): what one command remembers, another reads.
 * Undefined when pvd runs from its sources (tests), where nothing tells an edit apart.
 * Read once: a dist/ recompiled under a running pvd (`npx pvd preview` during `npm install`)
 * is not the code that runs, and what it remembers is not filed under the new compile.
 */
export function compileIdentity(): string | undefined {
  if (runningCompile === null) {
    try {
      const { size, mtimeMs } = statSync(join(dirname(fileURLToPath(import.meta.url)), 'meta.json'));
      runningCompile = `${size}:${mtimeMs}`;
    } catch {
      runningCompile = undefined;
    }
  }
  return runningCompile;
}

let runningCompile: string | undefined | null = null;

/**
 * This build of pvd: a recompiled or updated pvd never reads what an older one wrote. The same
 * for every command's bundle (it was each bundle's own file: the spelling verdicts `pvd build`
 * or `pvd preview` had judged, the pre-commit `pvd lint` judged again, hunspell loaded);
 * run from the sources, this module's file.
 */
export function codeIdentity(): string {
  const compile = compileIdentity();
  if (compile !== undefined) return compile;
  const { size, mtimeMs } = statSync(fileURLToPath(import.meta.url));
  return `${size}:${mtimeMs}`;
}

function entryPath(kind: string, key: string): string | undefined {
  const folder = cacheFolder();
  return folder && join(folder, `${kind}-${key.slice(0, 32)}.json`);
}

/** An entry read is dated anew, as in `readRemembered`: pruning lets go of the least recently used. */
export function readCached<T>(kind: string, key: string): T | undefined {
  const path = entryPath(kind, key);
  if (!path) return undefined;
  let entry: { key: string; value: T };
  try {
    entry = JSON.parse(readFileSync(path, 'utf8')) as { key: string; value: T };
  } catch {
    return undefined;
  }
  if (entry.key !== key) return undefined;
  touch(path);
  return entry.value;
}

function touch(path: string): void {
  try {
    const now = new Date();
    utimesSync(path, now, now);
  } catch {
    // A read-only installation keeps its entries' dates.
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

/**
 * Entries kept, of every kind together: a template edited many times leaves one per version, and
 * each issues/ folder (a checkout, a worktree) its numbers; the least recently used go.
 */
const MAX_ENTRIES = 120;

function prune(folder: string): void {
  pruneOldest(folder, (name) => name.endsWith('.json'), MAX_ENTRIES);
}

function pruneOldest(folder: string, counted: (name: string) => boolean, kept: number): void {
  const entries = readdirSync(folder).filter(counted);
  if (entries.length <= kept) return;
  const byAge = entries.map((name) => ({ path: join(folder, name), time: statSync(join(folder, name)).mtimeMs })).sort((a, b) => a.time - b.time);
  for (const { path } of byAge.slice(0, entries.length - kept)) rmSync(path, { force: true });
}

/** Entries kept per kind of remembered bytes: more issues than an archive holds, from several checkouts. */
const MAX_REMEMBERED = 600;
const prunedKinds = new Set<string>();

function rememberedPath(kind: string, name: string): string | undefined {
  const folder = cacheFolder();
  return folder && join(folder, kind, `${createHash('sha256').update(name).digest('hex').slice(0, 32)}.bin`);
}

/**
 * Bytes remembered under a `name` (an issue's path): one entry per name, replaced when
 * `key` (everything the bytes derive from) changes, so editing an issue never adds one.
 * An entry read is dated anew: the oldest go first (`pruneOldest`), and an archive's issues,
 * built once and recalled on every `pvd build --all` since, are the ones in use, not the oldest.
 */
export function readRemembered(kind: string, name: string, key: string): Buffer | undefined {
  const path = rememberedPath(kind, name);
  if (!path) return undefined;
  let entry: Buffer;
  try {
    entry = readFileSync(path);
  } catch {
    return undefined;
  }
  const end = entry.indexOf(0x0a);
  if (end <= 0 || entry.toString('latin1', 0, end) !== key) return undefined;
  touch(path);
  return entry.subarray(end + 1);
}

export function writeRemembered(kind: string, name: string, key: string, bytes: Uint8Array): void {
  const path = rememberedPath(kind, name);
  if (!path) return;
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileAtomic(path, Buffer.concat([Buffer.from(`${key}\n`, 'latin1'), bytes]));
    // Once per run: the entries of checkouts and issues gone since (a test's temporary
    // projects, a renamed folder) are the oldest, and go.
    if (!prunedKinds.has(kind)) {
      prunedKinds.add(kind);
      pruneOldest(dirname(path), (name) => name.endsWith('.bin'), MAX_REMEMBERED);
    }
  } catch {
    // A read-only installation only loses the speed-up.
  }
}
