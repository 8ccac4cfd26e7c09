import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeProject, runPvd, spellingStores, forgetSpellingVerdict } from '../helpers.js';


// A word no dictionary and no other test has, unknown to the spelling rule.
const WORD = `vrombi${Array.from({ length: 8 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('')}`;

/** #42 and nine copies: enough issues for pvd build --all to start a thread per core. */
function archive(): string {
  const root = makeProject();
  const path = join(root, 'issues', '042', 'issue.md');
  writeFileSync(path, readFileSync(path, 'utf8').replace('**Chaque', `${WORD} **Chaque`));
  for (let number = 101; number <= 109; number++) {
    const folder = join(root, 'issues', String(number));
    cpSync(join(root, 'issues', '042'), folder, { recursive: true });
    writeFileSync(join(folder, 'issue.md'), readFileSync(path, 'utf8').replace(/^number: .*$/m, `number: ${number}`));
  }
  return root;
}

// The store is pvd's own cache, shared by every test: the word this test taught it goes away.
afterAll(() => {
  forgetSpellingVerdict(WORD);
});

describe.skipIf(availableParallelism() < 2)('pvd build --all on several threads', () => {
  it('keeps what the threads learnt: the spelling verdicts are saved when each thread ends', () => {
    const root = archive();
    expect(spellingStores().some((file) => readFileSync(file, 'utf8').includes(WORD))).toBe(false);
    const run = runPvd(['build', '--all'], { cwd: root });
    expect(run.code).toBe(0);
    // Every issue was built and warned about the word, by the threads (ten issues: two or more of them).
    expect(run.stderr.match(new RegExp(`« ${WORD} » n'est pas dans le dictionnaire`, 'g'))).toHaveLength(10);
    expect(readdirSync(join(root, 'out')).filter((name) => /^\d+$/.test(name)).sort()).toEqual(['042', '101', '102', '103', '104', '105', '106', '107', '108', '109']);
    // Remembered for the next run: a thread stopped without saving it would leave it out.
    expect(spellingStores().some((file) => readFileSync(file, 'utf8').includes(`"${WORD}"`))).toBe(true);
  });

  it('builds on this thread too: one worker thread fewer than the threads it builds on', () => {
    const root = archive();
    const folder = mkdtempSync(join(tmpdir(), 'pvd-test-workers-'));
    try {
      // Counts the worker threads pvd starts, from inside the process it runs in.
      const hook = join(folder, 'count-workers.cjs');
      const count = join(folder, 'count.txt');
      writeFileSync(hook, `const threads = require('node:worker_threads');
if (threads.isMainThread) {
  let started = 0;
  const Original = threads.Worker;
  threads.Worker = class extends Original { constructor(...args) { super(...args); started++; } };
  process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(count)}, String(started)));
}`);
      const run = runPvd(['build', '--all'], { cwd: root, env: { NODE_OPTIONS: `--require ${hook}` } });
      expect(run.code, run.stderr).toBe(0);
      // Ten issues: on two threads or more (one per eight issues, at most one per core), this one included.
      const threads = Math.min(availableParallelism(), Math.ceil(10 / 8));
      expect(Number(readFileSync(count, 'utf8'))).toBe(threads - 1);
      expect(readdirSync(join(root, 'out')).filter((name) => /^\d+$/.test(name))).toHaveLength(10);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('stops every thread at a refusal met by any of them, reported once, and touches nothing of the user\'s', () => {
    const root = archive();
    // Someone's own file where issue 105's folder would go: pvd writes nothing over it.
    mkdirSync(join(root, 'out'));
    writeFileSync(join(root, 'out', '105'), 'à moi');
    const run = runPvd(['build', '--all'], { cwd: root });
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr.match(/out\/105 est un fichier que pvd n'a pas écrit/g)).toHaveLength(1);
    expect(readFileSync(join(root, 'out', '105'), 'utf8')).toBe('à moi');
    expect(run.stderr).not.toMatch(/erreur inattendue|at .*\.cjs/);
  });
});
