import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { editIssue, PVD } from '../../helpers.js';
import { projectCopies } from './support.js';

const makeProject = projectCopies();

/** Runs `pvd lint 42` in a project, logging every module it requires from node_modules. */
function lintLoading(root: string): { code: number | null; stdout: string; required: string[] } {
  const log = join(root, 'required.log');
  const hook = join(root, 'hook.cjs');
  writeFileSync(log, '');
  writeFileSync(hook, `
const Module = require('node:module');
const { appendFileSync } = require('node:fs');
const load = Module._load;
Module._load = function (request, ...rest) { appendFileSync(${JSON.stringify(log)}, request + '\\n'); return load.call(this, request, ...rest); };
`);
  const run = spawnSync(process.execPath, ['--require', hook, PVD, 'lint', '42'], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', PVD_LANG: '', PVD_ROOT: '' } });
  return { code: run.status, stdout: run.stdout, required: readFileSync(log, 'utf8').split('\n').filter((request) => request.includes('hunspell-asm')).map((request) => request.replace(/^.*node_modules[\\/]/, '')) };
}

describe('the spelling engine', () => {
  it('loads for a word it has never judged, and not again once the verdict is remembered', () => {
    const root = makeProject();
    // A word no earlier run can have judged.
    const word = `zorg${[...randomBytes(6)].map((byte) => String.fromCharCode(97 + (byte % 26))).join('')}`;
    editIssue(root, '042', (source) => source.replace('Directrice du programme PVD', `Directrice du programme PVD, ${word}`));
    const cold = lintLoading(root);
    expect(cold.code).toBe(0);
    expect(cold.required).toEqual(['hunspell-asm/dist/cjs/lib/node/hunspell.js', 'hunspell-asm/dist/cjs/hunspellLoader.js']);
    expect(cold.stdout).toContain(`« ${word} » n'est pas dans le dictionnaire`);
    const warm = lintLoading(root);
    expect(warm.required).toEqual([]);
    expect(warm.stdout).toBe(cold.stdout);
  });

  it('does not load for the pre-commit lint when pvd build judged the word: every command reads the same verdicts', () => {
    const root = makeProject();
    const word = `zorg${[...randomBytes(6)].map((byte) => String.fromCharCode(97 + (byte % 26))).join('')}`;
    editIssue(root, '042', (source) => source.replace('Directrice du programme PVD', `Directrice du programme PVD, ${word}`));
    const build = spawnSync(process.execPath, [PVD, 'build', '42'], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', PVD_LANG: '', PVD_ROOT: '' } });
    expect(build.status, build.stderr).toBe(0);
    expect(build.stdout + build.stderr).toContain(word);
    const lint = lintLoading(root);
    expect(lint.required).toEqual([]);
    expect(lint.stdout).toContain(`« ${word} » n'est pas dans le dictionnaire`);
  });
});
