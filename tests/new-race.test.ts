import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createIssueFolder, IssueExistsError } from '../src/scaffold/create.js';
import { makeProject } from './helpers.js';
import { interleave } from './interleave.js';

vi.mock('node:fs', async (importOriginal) => (await import('./interleave.js')).interleavedFs(await importOriginal()));

afterEach(() => {
  interleave.before = undefined;
});

/** `pvd new` creating issues/044 while another program makes that folder: the race, run. */
describe('pvd new never replaces a folder that appears while it writes', () => {
  const issuesOf = (root: string) => join(root, 'issues');
  const writing = (call: string, args: unknown[], file: string) => call === 'writeFileSync' && String(args[0]).endsWith(file);

  it('an empty folder made while issue.md is written: refused, left as it was, nothing hidden left', () => {
    const issues = issuesOf(makeProject());
    const folder = join(issues, '044');
    let made = false;
    interleave.before = (call, args) => {
      if (!made && writing(call, args, join('.044.tmp-' + process.pid, 'issue.md'))) {
        mkdirSync(folder);
        made = true;
      }
    };
    expect(() => createIssueFolder(issues, '044', { issueText: 'x', images: [] })).toThrow(IssueExistsError);
    expect(made).toBe(true);
    expect(readdirSync(folder)).toEqual([]);
    expect(readdirSync(issues).sort()).toEqual(['042', '044']);
  });

  it('a folder with a file made just before the rename: refused, the file kept', () => {
    const issues = issuesOf(makeProject());
    const folder = join(issues, '044');
    let made = false;
    interleave.before = (call, args) => {
      if (!made && call === 'renameSync' && String(args[1]) === folder) {
        mkdirSync(folder);
        writeFileSync(join(folder, 'notes.txt'), 'mes notes');
        made = true;
      }
    };
    expect(() => createIssueFolder(issues, '044', { issueText: 'x', images: [] })).toThrow(IssueExistsError);
    expect(made).toBe(true);
    expect(readdirSync(folder)).toEqual(['notes.txt']);
    expect(readdirSync(issues).sort()).toEqual(['042', '044']);
  });
});
