import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, utimesSync, writeFileSync, mkdirSync, lstatSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { ISSUE_042, makeProject, PVD } from '../helpers.js';
import { publishedFiles } from './support.js';

/**
 * Issue 12 item 5: four `pvd build 42` at once once left out/042 pointing at a deleted
 * folder, and identical builds failed with ENOTEMPTY. Builds of one output take its lock
 * in turn: whatever the interleaving, every run succeeds and out/042 is one complete build.
 */
const PARALLEL = Number(process.env.PVD_PARALLEL ?? 4);
const ROUNDS = Number(process.env.PVD_ROUNDS ?? 5);
const ORIGINAL = readFileSync(ISSUE_042, 'utf8');
const VERSIONS = [ORIGINAL, ORIGINAL.replace('Chaque mois, retrouvez', 'Chaque mois, découvrez')];

interface Run {
  code: number | null;
  stderr: string;
}

function pvd(args: readonly string[], cwd: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [PVD, ...args], { cwd, env: { ...process.env, NO_COLOR: '1', PVD_LANG: '', PVD_ROOT: '' }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

const projects: string[] = [];
const project = () => {
  const root = makeProject();
  projects.push(root);
  return root;
};
afterAll(() => {
  for (const root of projects) rmSync(root, { recursive: true, force: true });
});

/** out/042 as each version builds it, alone. */
async function references(root: string): Promise<Record<string, string>[]> {
  const known: Record<string, string>[] = [];
  for (const version of VERSIONS) {
    writeFileSync(join(root, 'issues', '042', 'issue.md'), version);
    expect((await pvd(['build', '42'], root)).code).toBe(0);
    known.push(publishedFiles(join(root, 'out', '042'))!);
  }
  rmSync(join(root, 'out'), { recursive: true });
  expect(known[0]).not.toEqual(known[1]);
  return known;
}

describe(`${PARALLEL} pvd build 42 at once, ${ROUNDS} rounds`, () => {
  test('identical builds all succeed, and out/042 is always complete and byte-identical', async () => {
    const root = project();
    const known = await references(root);
    for (let round = 0; round < ROUNDS; round++) {
      // Each round changes the issue, so that every round swaps a new version in.
      const version = round % 2;
      writeFileSync(join(root, 'issues', '042', 'issue.md'), VERSIONS[version]!);
      const runs = await Promise.all(Array.from({ length: PARALLEL }, () => pvd(['build', '42'], root)));
      for (const run of runs) {
        expect(run.stderr).toBe('');
        expect(run.code).toBe(0);
      }
      expect(lstatSync(join(root, 'out', '042')).isDirectory()).toBe(true);
      expect(publishedFiles(join(root, 'out', '042')), `round ${round}`).toEqual(known[version]);
      expect(readdirSync(join(root, 'out', '.pvd')), `round ${round}: leftovers`).toEqual([]);
    }
  }, 180_000);

  test('different versions at once: every run succeeds, out/042 ends as one complete version', async () => {
    const root = project();
    const known = await references(root);
    // Two project copies sharing one output folder, each with its own version of #42.
    const other = project();
    writeFileSync(join(other, 'issues', '042', 'issue.md'), VERSIONS[1]!);
    writeFileSync(join(root, 'issues', '042', 'issue.md'), VERSIONS[0]!);
    const out = join(root, 'out');
    for (let round = 0; round < ROUNDS; round++) {
      const runs = await Promise.all(Array.from({ length: PARALLEL }, (_, index) => pvd(['build', '42', '--out-dir', out], index % 2 === 0 ? root : other)));
      for (const run of runs) expect([run.code, run.stderr]).toEqual([0, '']);
      expect(known, `round ${round}: out/042 is neither complete version`).toContainEqual(publishedFiles(join(out, '042')));
      expect(readdirSync(join(out, '.pvd'))).toEqual([]);
    }
  }, 180_000);
});

describe('a lock left by a pvd that is gone', () => {
  const owner = (pid: number) => JSON.stringify({ pid, thread: 0, host: hostname(), token: '0123456789abcdef' });

  test.each([
    ['of a dead process', (lock: string) => writeFileSync(lock, owner(Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout)))],
    ['older than ten minutes, of a process that may live (another machine)', (lock: string) => {
      writeFileSync(lock, JSON.stringify({ pid: 1, thread: 0, host: 'autre-poste', token: '0123456789abcdef' }));
      utimesSync(lock, new Date(Date.now() - 11 * 60_000), new Date(Date.now() - 11 * 60_000));
    }],
    ['cut short (empty) a minute ago', (lock: string) => {
      writeFileSync(lock, '');
      utimesSync(lock, new Date(Date.now() - 60_000), new Date(Date.now() - 60_000));
    }],
  ])('%s is taken over by the next build', async (_what, leave) => {
    const root = project();
    mkdirSync(join(root, 'out', '.pvd'), { recursive: true });
    leave(join(root, 'out', '.pvd', '042.lock'));
    // Four at once: exactly one takes the stale lock over, the others wait their turn.
    const runs = await Promise.all(Array.from({ length: PARALLEL }, () => pvd(['build', '42'], root)));
    for (const run of runs) expect([run.code, run.stderr]).toEqual([0, '']);
    expect(Object.keys(publishedFiles(join(root, 'out', '042'))!)).toContain('index.html');
    expect(readdirSync(join(root, 'out', '.pvd'))).toEqual([]);
  }, 60_000);

  test('a live one is waited for, then named with what to do', async () => {
    const root = project();
    mkdirSync(join(root, 'out', '.pvd'), { recursive: true });
    // This test's own process holds it, for a different thread than any pvd's.
    writeFileSync(join(root, 'out', '.pvd', '042.lock'), JSON.stringify({ pid: process.pid, thread: 7, host: hostname(), token: '0123456789abcdef' }));
    const { withLock } = await import('../../src/io/lock.js');
    expect(() => withLock(join(root, 'out', '.pvd'), '042', join(root, 'out', '042'), () => 'jamais', { waitMs: 1_000 })).toThrow(
      expect.objectContaining({ text: expect.objectContaining({ fr: expect.stringMatching(new RegExp(`^Un autre pvd \\(processus ${process.pid}\\) écrit .*out/042 depuis plus de 1 s : attendez qu'il finisse\\. S'il est arrêté, supprimez .*out/\\.pvd/042\\.lock et relancez la commande\\.$`)) }) }),
    );
  });
});
