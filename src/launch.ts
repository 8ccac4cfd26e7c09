import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Script } from 'node:vm';

/**
 * Runs a bundle of dist/ (the CLI, or a build thread) with the code V8 compiled for it on an
 * earlier run: Node 20 has no compile cache for ES modules, and compiling pvd's code was a
 * third of what `pvd build` spent. The first run of each command writes its cache into
 * pvd's node_modules/.cache/pvd/ as it exits; every later run skips parsing and compiling
 * what that run had compiled.
 */
export function runBundle(bundle: string, role: string = bundle): void {
  const file = join(__dirname, `${bundle}.cjs`);
  const source = readFileSync(file, 'utf8');
  const cacheFile = codeCachePath(file, role);
  const cached = cacheFile === undefined ? undefined : readOptional(cacheFile);
  // The bundle is written as CommonJS's wrapper function already (scripts/compile.mjs): no copy of its text is made.
  const script = new Script(source, { filename: file, cachedData: cached });
  // Absent, or made by another V8 or other flags (V8 checks): this run makes a new one.
  if (cacheFile !== undefined && (cached === undefined || script.cachedDataRejected)) {
    process.once('exit', () => saveCodeCache(cacheFile, script));
  }
  const run = script.runInThisContext() as (exports: object, require: NodeRequire, module: object, filename: string, dirname: string) => void;
  const module = { exports: {}, filename: file, id: file };
  // This file's own require: the bundles sit beside it in dist/, so it resolves what they require alike.
  run.call(module.exports, module.exports, require, module, file, dirname(file));
}

/**
 * The cache of one role (a command, the build thread), named by the bundle's size and date
 * and by Node's version: V8 only checks the source's length, so a rebuilt bundle must never
 * meet the code of the previous one.
 */
function codeCachePath(file: string, role: string): string | undefined {
  let stat;
  try {
    stat = statSync(file);
  } catch {
    return undefined;
  }
  const hash = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 16);
  // Named by the bundle's path too: two copies of pvd sharing node_modules keep a cache each.
  return join(dirname(file), '..', 'node_modules', '.cache', 'pvd', `code-${role}-${hash(file)}-${hash(`${stat.size}:${stat.mtimeMs}:${process.version}:${process.arch}`)}.bin`);
}

function readOptional(path: string): Buffer | undefined {
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
}

/** Written whole or not at all (other pvd processes may read it meanwhile); the role's older caches go. A read-only install only loses the speed-up. */
function saveCodeCache(path: string, script: Script): void {
  const folder = dirname(path);
  const name = path.slice(folder.length + 1);
  const older = name.slice(0, name.lastIndexOf('-') + 1);
  const temporary = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    mkdirSync(folder, { recursive: true });
    writeFileSync(temporary, script.createCachedData());
    renameSync(temporary, path);
    for (const entry of readdirSync(folder)) {
      if (entry !== name && entry.startsWith(older) && entry.endsWith('.bin')) rmSync(join(folder, entry), { force: true });
    }
  } catch {
    rmSync(temporary, { force: true });
  }
}

