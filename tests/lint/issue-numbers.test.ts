import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { issueNumbers } from '../../src/lint/issue-numbers.js';
import { findProject } from '../../src/project.js';
import { makeProject } from '../helpers.js';

describe('the numbers the issues declare, read once per session', () => {
  it('finds every file declaring a number, and reads the headers once however many issues ask', () => {
    const root = makeProject();
    const copy = join(root, 'issues', '043');
    cpSync(join(root, 'issues', '042'), copy, { recursive: true });
    const project = findProject(root);
    const numbers = issueNumbers(project);
    expect(numbers.filesDeclaring(42)).toEqual([join(root, 'issues', '042', 'issue.md'), join(copy, 'issue.md')]);
    expect(numbers.filesDeclaring(43)).toEqual([]);

    // Renumbered meanwhile: this session keeps what it read, the next one sees the edit.
    const path = join(copy, 'issue.md');
    writeFileSync(path, readFileSync(path, 'utf8').replace('number: 42', 'number: 43'));
    expect(numbers.filesDeclaring(43)).toEqual([]);
    const next = issueNumbers(project);
    expect(next.filesDeclaring(42)).toEqual([join(root, 'issues', '042', 'issue.md')]);
    expect(next.filesDeclaring(43)).toEqual([path]);
  });
});
