import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { addToIssueFolder, publishIssueFolder, recoverOutputs, type OutputFile } from '../../src/io/output-folder.js';
import { writeOwnedFile } from '../../src/io/owned-file.js';

/**
 * The swap and the lock, crashed at every step. Every call that changes the disk
 * (write, rename, remove, link, mkdir, open for writing) is a step; at step k the
 * process "dies": that call and every later one fail without touching the disk, so no
 * clean-up handler runs, as under SIGKILL. Then pvd starts again (recovery, possibly
 * crashed too) and finishes. Whatever k:
 * - out/042 is, before recovery, the previous complete version, the new one or absent
 *   with a version to put back; after recovery, the previous or the new one, exactly;
 * - a later complete run publishes the new version and leaves nothing in out/.pvd/;
 * - files pvd did not make (out/notes.txt, a user's out/043/) are never touched.
 * The real-process SIGKILL runs are in crash-safety.test.ts; these reach every step.
 */
const SEED = Number(process.env.PVD_FC_SEED ?? 20_241_216);
const RUNS = Number(process.env.PVD_FC_SWAP_RUNS ?? 250);

const crash = { armed: false, after: Number.POSITIVE_INFINITY, steps: 0, dead: false };
class Crash extends Error {}

vi.mock('node:fs', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs')>();
  const writes = (flags: unknown) => typeof flags === 'string' ? /[wax+]/.test(flags) : typeof flags === 'number' && (flags & (actual.constants.O_WRONLY | actual.constants.O_RDWR | actual.constants.O_CREAT)) !== 0;
  const step = () => {
    if (!crash.armed) return;
    if (crash.dead || crash.steps++ >= crash.after) {
      crash.dead = true;
      throw new Crash('killed');
    }
  };
  const mutating = ['writeFileSync', 'renameSync', 'rmSync', 'unlinkSync', 'mkdirSync', 'linkSync', 'writeSync', 'copyFileSync', 'rmdirSync', 'symlinkSync', 'utimesSync'] as const;
  const wrapped: Record<string, unknown> = { ...actual };
  for (const name of mutating) {
    const original = actual[name] as (...args: unknown[]) => unknown;
    wrapped[name] = (...args: unknown[]) => {
      step();
      return original(...args);
    };
  }
  wrapped.openSync = (...args: Parameters<typeof actual.openSync>) => {
    if (writes(args[1])) step();
    return actual.openSync(...args);
  };
  return { ...wrapped, default: wrapped };
});

function runCrashing<T>(after: number, work: () => T): { crashed: boolean; steps: number } {
  Object.assign(crash, { armed: true, after, steps: 0, dead: false });
  try {
    work();
    return { crashed: false, steps: crash.steps };
  } catch (error) {
    if (!(error instanceof Crash) && !crash.dead) throw error;
    return { crashed: true, steps: crash.steps };
  } finally {
    crash.armed = false;
  }
}

let scratch: string;
const made: string[] = [];
const temporaryFolder = () => {
  const folder = fs.mkdtempSync(join(scratch, 'run-'));
  made.push(folder);
  return folder;
};

/**
 * A minimal whole JPEG, `text` in its comment: the writer copies only files that are JPEG, PNG
 * or GIF to their end (start of image, comment, a 1×1 frame, a scan, end of image).
 */
const jpeg = (text: string) => {
  const comment = Buffer.from(text);
  const length = Buffer.alloc(2);
  length.writeUInt16BE(comment.length + 2);
  return Buffer.concat([
    Buffer.from([0xff, 0xd8, 0xff, 0xfe]), length, comment,
    Buffer.from([0xff, 0xc0, 0x00, 0x0b, 0x08, 0x00, 0x01, 0x00, 0x01, 0x01, 0x01, 0x11, 0x00]),
    Buffer.from([0xff, 0xda, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3f, 0x00, 0x00, 0xff, 0xd9]),
  ]);
};
let images: { a: string; b: string; c: string };
let versionA: OutputFile[];
let versionB: OutputFile[];
let inbox: OutputFile[];

function tree(folder: string): Record<string, string> | undefined {
  if (!fs.existsSync(folder)) return undefined;
  const files: Record<string, string> = {};
  const walk = (dir: string, prefix: string) => {
    for (const name of fs.readdirSync(dir).sort()) {
      const path = join(dir, name);
      const stat = fs.lstatSync(path);
      if (stat.isSymbolicLink()) files[`${prefix}${name}`] = `-> ${fs.readlinkSync(path)}`;
      else if (stat.isDirectory()) walk(path, `${prefix}${name}/`);
      else files[`${prefix}${name}`] = createHash('sha256').update(fs.readFileSync(path)).digest('hex');
    }
  };
  walk(folder, '');
  return files;
}

/** The complete out/042 of a run that nothing interrupted. */
function reference(setup: (outDir: string) => void): Record<string, string> {
  const outDir = join(temporaryFolder(), 'out');
  setup(outDir);
  return tree(join(outDir, '042'))!;
}

/** A dead process's pid: its lock is stale at once. */
let deadPid: number;

type Start = 'none' | 'built' | 'legacy-link';
type StaleLock = 'none' | 'dead-pid' | 'this-thread' | 'garbage' | 'guard';

function prepare(outDir: string, start: Start, lock: StaleLock): void {
  fs.mkdirSync(outDir, { recursive: true });
  // What the user keeps beside pvd's outputs.
  fs.writeFileSync(join(outDir, 'notes.txt'), 'mes notes');
  fs.mkdirSync(join(outDir, '043'));
  fs.writeFileSync(join(outDir, '043', 'brouillon.txt'), 'à moi');
  if (start === 'built') publishIssueFolder(outDir, '042', versionA);
  if (start === 'legacy-link') {
    // pvd before the real folders: out/042 -> .042.<hash>/
    const version = join(outDir, '.042.0123456789abcdef');
    fs.mkdirSync(join(version, 'images'), { recursive: true });
    fs.writeFileSync(join(version, 'index.html'), 'ancienne version');
    fs.symlinkSync('.042.0123456789abcdef', join(outDir, '042'), 'dir');
  }
  const work = join(outDir, '.pvd');
  fs.mkdirSync(work, { recursive: true });
  const owner = (pid: number, thread: number) => JSON.stringify({ pid, thread, host: hostname(), token: 'feedfacefeedface' });
  if (lock === 'dead-pid') fs.writeFileSync(join(work, '042.lock'), owner(deadPid, 0));
  if (lock === 'this-thread') fs.writeFileSync(join(work, '042.lock'), owner(process.pid, 0));
  if (lock === 'garbage' || lock === 'guard') {
    const path = join(work, lock === 'garbage' ? '042.lock' : '042.lock.guard');
    fs.writeFileSync(path, lock === 'garbage' ? '' : owner(deadPid, 0));
    if (lock === 'garbage') fs.utimesSync(path, new Date(Date.now() - 60_000), new Date(Date.now() - 60_000));
    if (lock === 'guard') fs.writeFileSync(join(work, '042.lock'), owner(deadPid, 0));
  }
}

beforeAll(() => {
  deadPid = Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout);
  scratch = fs.mkdtempSync(join(tmpdir(), 'pvd-test-swap-'));
  const sources = join(scratch, 'sources');
  fs.mkdirSync(sources);
  images = { a: join(sources, 'a.jpg'), b: join(sources, 'b.jpg'), c: join(sources, 'c.jpg') };
  fs.writeFileSync(images.a, jpeg('image a'));
  fs.writeFileSync(images.b, jpeg('image b'));
  fs.writeFileSync(images.c, jpeg('image c'));
  versionA = [
    { path: 'index.html', content: '<p>version A</p>' },
    { path: 'index.txt', content: 'version A' },
    { path: 'images/a.jpg', source: images.a },
    { path: 'images/b.jpg', source: images.b },
  ];
  versionB = [
    { path: 'index.html', content: '<p>version B</p>' },
    { path: 'index.txt', content: 'version B' },
    { path: 'images/b.jpg', source: images.b },
    { path: 'images/sous-dossier/c.jpg', source: images.c },
  ];
  inbox = [{ path: 'inbox/planche.png', content: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]) }, { path: 'inbox/index.html', content: '<p>planche</p>' }];
});

afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

describe(`out/042 crashed at every step of its swap (seed ${SEED}, ${RUNS} cases)`, () => {
  test('is always a complete version, recoverable, and nothing of the user is touched', () => {
    const A = reference((outDir) => publishIssueFolder(outDir, '042', versionA));
    const B = reference((outDir) => publishIssueFolder(outDir, '042', versionB));
    const AWithInbox = reference((outDir) => {
      publishIssueFolder(outDir, '042', versionA);
      addToIssueFolder(outDir, '042', 'inbox', inbox);
    });
    const legacy = { 'index.html': createHash('sha256').update('ancienne version').digest('hex') };
    let crashedRuns = 0;
    let absentBeforeRecovery = 0;
    let maxSteps = 0;

    fc.assert(fc.property(
      fc.constantFrom<Start>('none', 'built', 'legacy-link'),
      fc.constantFrom<StaleLock>('none', 'dead-pid', 'this-thread', 'garbage', 'guard'),
      fc.constantFrom('publish', 'add-inbox'),
      fc.nat({ max: 40 }),
      fc.option(fc.nat({ max: 20 }), { nil: undefined }),
      (start, lock, operation, crashAt, recoveryCrashAt) => {
        const outDir = join(temporaryFolder(), 'out');
        prepare(outDir, start, lock);
        const target = join(outDir, '042');
        const before = start === 'built' ? A : start === 'legacy-link' ? legacy : undefined;
        const complete = operation === 'publish' ? B : AWithInbox;
        if (operation === 'add-inbox' && start !== 'built') {
          // Nothing to add to: refused, with out/042 as it was.
          expect(() => addToIssueFolder(outDir, '042', 'inbox', inbox)).toThrow(/run "npx pvd build 42" first/);
          expect(tree(target) === undefined ? undefined : start === 'legacy-link' ? legacy : tree(target)).toEqual(before);
          return;
        }
        const run = runCrashing(crashAt, () => (operation === 'publish' ? publishIssueFolder(outDir, '042', versionB) : addToIssueFolder(outDir, '042', 'inbox', inbox)));
        maxSteps = Math.max(maxSteps, run.steps);
        const seen = start === 'legacy-link' && fs.existsSync(target) && fs.lstatSync(target).isSymbolicLink() ? legacy : tree(target);
        if (!run.crashed) {
          expect(seen).toEqual(complete);
        } else {
          crashedRuns++;
          if (seen === undefined && before !== undefined) {
            // Killed between the two renames: a complete version waits in out/.pvd/.
            expect(fs.readdirSync(join(outDir, '.pvd')).filter((name) => /^042\.(ready|old)-/.test(name)), `crashed at step ${crashAt}: out/042 absent with nothing to put back`).not.toEqual([]);
            absentBeforeRecovery++;
          } else {
            expect([before, complete], `crashed at step ${crashAt}: out/042 is neither version\n${JSON.stringify(seen, null, 1)}`).toContainEqual(seen);
          }
          // pvd starts again; its recovery may be killed too, then it starts once more.
          if (recoveryCrashAt !== undefined) runCrashing(recoveryCrashAt, () => recoverOutputs(outDir));
          recoverOutputs(outDir);
          const recovered = start === 'legacy-link' && fs.existsSync(target) && fs.lstatSync(target).isSymbolicLink() ? legacy : tree(target);
          expect([before, complete], `after recovery: out/042 is neither version`).toContainEqual(recovered);
          if (before !== undefined) expect(recovered, 'a previous version is never lost').toBeDefined();
        }
        // A complete run always ends in the new version, out/.pvd/ empty.
        if (operation === 'publish') publishIssueFolder(outDir, '042', versionB);
        else addToIssueFolder(outDir, '042', 'inbox', inbox);
        expect(tree(target)).toEqual(complete);
        expect(fs.lstatSync(target).isDirectory()).toBe(true);
        expect(fs.readdirSync(join(outDir, '.pvd'))).toEqual([]);
        expect(fs.readdirSync(outDir).sort()).toEqual(['.pvd', '042', '043', 'notes.txt']);
        expect(fs.readFileSync(join(outDir, 'notes.txt'), 'utf8')).toBe('mes notes');
        expect(tree(join(outDir, '043'))).toEqual({ 'brouillon.txt': createHash('sha256').update('à moi').digest('hex') });
      },
    ), { seed: SEED, numRuns: RUNS });
    console.log(`swap: ${crashedRuns}/${RUNS} runs crashed (a complete run takes up to ${maxSteps} steps), ${absentBeforeRecovery} left out/042 absent until recovery`);
    expect(crashedRuns).toBeGreaterThan(RUNS / 3);
    expect(absentBeforeRecovery).toBeGreaterThan(0);
  });
});

describe('out/index.html crashed at every step of its rewrite', () => {
  test('is always the previous archive or the new one, still recognised as pvd\'s', () => {
    for (let crashAt = 0; crashAt < 30; crashAt++) {
      const outDir = join(temporaryFolder(), 'out');
      writeOwnedFile(outDir, 'index.html', 'archive 1');
      const run = runCrashing(crashAt, () => writeOwnedFile(outDir, 'index.html', 'archive 2'));
      expect(['archive 1', 'archive 2'], `crashed at step ${crashAt}`).toContain(fs.readFileSync(join(outDir, 'index.html'), 'utf8'));
      // The next run takes the file as its own and finishes.
      writeOwnedFile(outDir, 'index.html', 'archive 3');
      expect(fs.readFileSync(join(outDir, 'index.html'), 'utf8')).toBe('archive 3');
      expect(fs.readdirSync(join(outDir, '.pvd'))).toEqual([]);
      if (!run.crashed) break;
    }
  });
});
