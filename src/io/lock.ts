import { randomBytes } from 'node:crypto';
import { closeSync, linkSync, openSync, readdirSync, readFileSync, statSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { threadId } from 'node:worker_threads';
import { UsageError } from '../errors.js';
import { errorCode, ioError, sleep } from './fs-errors.js';
import { shownPath } from './paths.js';

/** Who holds a lock: enough to tell, from another process, whether it is still running. */
interface Owner {
  pid: number;
  thread: number;
  host: string;
  token: string;
}

export interface LockOptions {
  /** How long to wait for another pvd before giving up (a build holds a lock well under a second). */
  waitMs?: number;
  /** Past this age a lock is taken over even if its process may live (another machine, a hung pvd). */
  staleMs?: number;
}

const WAIT_MS = 120_000;
const STALE_MS = 10 * 60_000;
/** A lock file without a readable owner is being written, or was cut by a crash: stale past this. */
const UNREADABLE_GRACE_MS = 10_000;

/**
 * Runs `work` while holding `<folder>/<name>.lock`, so that two pvd processes never write
 * the same output at once. The lock is a file created exclusively with its owner inside
 * (pid, thread, host); a lock whose process is gone, or older than `staleMs`, is taken
 * over, under a second lock (`.guard`) so that two processes never both take it.
 */
export function withLock<T>(folder: string, name: string, what: string, work: () => T, options: LockOptions = {}): T {
  const lock = join(folder, `${name}.lock`);
  const release = acquire(folder, lock, what, options);
  try {
    return work();
  } finally {
    release();
  }
}

function acquire(folder: string, lock: string, what: string, options: LockOptions): () => void {
  const waitMs = options.waitMs ?? WAIT_MS;
  const staleMs = options.staleMs ?? STALE_MS;
  const guard = `${lock}.guard`;
  const started = Date.now();
  sweepTemporaries(folder);
  for (let round = 0; ; round++) {
    const mine = createExclusive(folder, lock, what);
    if (mine) {
      // A guard left by a process killed while taking over a lock.
      const guardHolder = readOwner(guard);
      if (guardHolder !== 'gone' && isStale(guardHolder, staleMs)) removeIfSame(guard, guardHolder);
      return () => removeIfMine(lock, mine);
    }
    const holder = readOwner(lock);
    if (holder === 'gone') continue;
    if (isStale(holder, staleMs)) {
      const guarding = createExclusive(folder, guard, what);
      if (guarding) {
        try {
          // Still the very lock found stale, not one another process took meanwhile.
          const again = readOwner(lock);
          if (again !== 'gone' && sameOwner(again, holder)) unlinkQuietly(lock);
        } finally {
          removeIfMine(guard, guarding);
        }
        continue;
      }
      const guardHolder = readOwner(guard);
      if (guardHolder !== 'gone' && isStale(guardHolder, staleMs)) removeIfSame(guard, guardHolder);
    } else if (Date.now() - started > waitMs) {
      const who = holder.owner ? ` (${holder.owner.host === hostname() ? `processus ${holder.owner.pid}` : `${holder.owner.host}, processus ${holder.owner.pid}`})` : '';
      const whoEn = holder.owner ? ` (${holder.owner.host === hostname() ? `process ${holder.owner.pid}` : `${holder.owner.host}, process ${holder.owner.pid}`})` : '';
      throw new UsageError({
        fr: `Un autre pvd${who} écrit ${shownPath(what)} depuis plus de ${Math.round(waitMs / 1000)} s : attendez qu'il finisse. S'il est arrêté, supprimez ${shownPath(lock)} et relancez la commande.`,
        en: `Another pvd${whoEn} has been writing ${shownPath(what)} for over ${Math.round(waitMs / 1000)} s: wait for it to finish. If it has stopped, delete ${shownPath(lock)} and run the command again.`,
      });
    }
    // Short waits first (a build holds the lock for milliseconds), jittered so waiters do not march in step.
    sleep(Math.min(200, 5 * 2 ** Math.min(round, 6)) * (0.5 + Math.random()));
  }
}

const me = (token: string): Owner => ({ pid: process.pid, thread: threadId, host: hostname(), token });

/** Temporary owner files are named by their process and thread, to be swept when those are gone. */
const temporaryName = (owner: Owner) => `.owner-${owner.pid}-${owner.thread}-${owner.token}.tmp`;

/**
 * Creates `path` holding this process as its owner, or returns undefined if it exists.
 * The owner is written to a temporary file first and hard-linked into place, so a lock
 * is never seen empty; where hard links do not exist (FAT, exFAT), it is created and then written.
 */
function createExclusive(folder: string, path: string, what: string): string | undefined {
  const owner = me(randomBytes(8).toString('hex'));
  const text = JSON.stringify(owner);
  const temporary = join(folder, temporaryName(owner));
  try {
    writeFileSync(temporary, text, { flag: 'wx' });
  } catch (error) {
    throw ioError(error, what, 'lock');
  }
  try {
    linkSync(temporary, path);
    return owner.token;
  } catch (error) {
    if (errorCode(error) === 'EEXIST') return undefined;
    if (!['EPERM', 'ENOTSUP', 'ENOSYS', 'EOPNOTSUPP', 'EINVAL', 'EXDEV'].includes(errorCode(error) ?? '')) throw ioError(error, what, 'lock');
    return createWritten(path, text, owner.token, what);
  } finally {
    try {
      unlinkSync(temporary);
    } catch {
      // Swept by the next pvd.
    }
  }
}

function createWritten(path: string, text: string, token: string, what: string): string | undefined {
  let fd: number;
  try {
    fd = openSync(path, 'wx');
  } catch (error) {
    if (errorCode(error) === 'EEXIST') return undefined;
    throw ioError(error, what, 'lock');
  }
  try {
    writeSync(fd, text);
  } finally {
    closeSync(fd);
  }
  return token;
}

type Holder = { owner: Owner | undefined; ageMs: number };

function readOwner(path: string): Holder | 'gone' {
  let text: string;
  let ageMs: number;
  try {
    ageMs = Date.now() - statSync(path).mtimeMs;
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return 'gone';
    throw ioError(error, path, 'lock');
  }
  try {
    const value = JSON.parse(text) as Partial<Owner>;
    const valid = typeof value.pid === 'number' && typeof value.thread === 'number' && typeof value.host === 'string' && typeof value.token === 'string';
    return { owner: valid ? (value as Owner) : undefined, ageMs };
  } catch {
    return { owner: undefined, ageMs };
  }
}

function sameOwner(a: Holder, b: Holder): boolean {
  return a.owner?.token === b.owner?.token && (a.owner !== undefined || a.ageMs >= b.ageMs);
}

function isStale(holder: Holder, staleMs: number): boolean {
  const { owner, ageMs } = holder;
  if (!owner) return ageMs > UNREADABLE_GRACE_MS;
  if (ageMs > staleMs) return true;
  if (owner.host !== hostname()) return false; // its pid means nothing here
  // This thread is not holding it (locks are not taken twice): a crashed run with the same pid.
  if (owner.pid === process.pid) return owner.thread === threadId;
  return !isRunning(owner.pid);
}

export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return errorCode(error) === 'EPERM'; // alive, but someone else's
  }
}

function removeIfMine(path: string, token: string): void {
  const holder = readOwner(path);
  if (holder !== 'gone' && holder.owner?.token === token) unlinkQuietly(path);
}

function removeIfSame(path: string, holder: Holder): void {
  const again = readOwner(path);
  if (again !== 'gone' && sameOwner(again, holder)) unlinkQuietly(path);
}

function unlinkQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch (error) {
    if (errorCode(error) !== 'ENOENT') throw ioError(error, path, 'lock'); // another pvd removed it first
  }
}

/** Owner files left by a process killed between writing and linking them. */
function sweepTemporaries(folder: string): void {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return;
  }
  for (const name of names) {
    const match = /^\.owner-(\d+)-(\d+)-[0-9a-f]+\.tmp$/.exec(name);
    if (!match) continue;
    const pid = Number(match[1]);
    const gone = pid === process.pid ? Number(match[2]) === threadId : !isRunning(pid);
    if (gone) unlinkQuietly(join(folder, name));
  }
}
