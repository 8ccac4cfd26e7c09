import { cpSync, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { issueNumbers } from '../../src/lint/issue-numbers.js';
import { findProject } from '../../src/project.js';
import { makeProject, REPO } from '../helpers.js';

const CACHE = join(REPO, 'node_modules', '.cache', 'pvd');
/** The entries remembering the headers of the project at `root`: named by a hash, found by the paths they hold. */
const remembered = (root: string) => (existsSync(CACHE) ? readdirSync(CACHE) : []).filter((name) => name.startsWith('numbers-') && readFileSync(join(CACHE, name), 'utf8').includes(JSON.stringify(join(root, 'issues')).slice(1, -1))).map((name) => join(CACHE, name));
let roots: string[] = [];
afterEach(() => {
  for (const root of roots) for (const entry of remembered(root)) rmSync(entry, { force: true });
  roots = [];
});

/** A project with #42 and a copy of it as issues/043, both declaring 42. */
function twoIssues(): { root: string; copy: string } {
  const root = makeProject();
  roots.push(root);
  const copy = join(root, 'issues', '043', 'issue.md');
  cpSync(join(root, 'issues', '042'), join(root, 'issues', '043'), { recursive: true });
  return { root, copy };
}

describe('the numbers the issues declare, read once per session', () => {
  it('finds every file declaring a number, and reads the headers once however many issues ask', () => {
    const root = makeProject();
    roots.push(root);
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

  it('remembers each header between runs, and reads again only the files that changed', () => {
    const { root, copy } = twoIssues();
    const project = findProject(root);
    expect(issueNumbers(project).filesDeclaring(42)).toHaveLength(2);
    const [entry] = remembered(root);
    expect(entry).toBeDefined();
    // The next run believes what was remembered while the file is the same one…
    const stored = JSON.parse(readFileSync(entry!, 'utf8')) as { key: string; value: Record<string, [number, number, number, number | null]> };
    stored.value[copy]![3] = 7;
    writeFileSync(entry!, JSON.stringify(stored));
    expect(issueNumbers(project).filesDeclaring(7)).toEqual([copy]);
    // …and reads it again once it changed, even rewritten at the same size.
    const size = statSync(copy).size;
    writeFileSync(copy, readFileSync(copy, 'utf8').replace('number: 42', 'number: 44'));
    expect(statSync(copy).size).toBe(size);
    const next = issueNumbers(project);
    expect(next.filesDeclaring(7)).toEqual([]);
    expect(next.filesDeclaring(44)).toEqual([copy]);
  });

  it('forgets an issue whose folder is gone', () => {
    const { root, copy } = twoIssues();
    const project = findProject(root);
    expect(issueNumbers(project).filesDeclaring(42)).toHaveLength(2);
    rmSync(join(root, 'issues', '043'), { recursive: true });
    expect(issueNumbers(project).filesDeclaring(42)).toEqual([join(root, 'issues', '042', 'issue.md')]);
    expect(readFileSync(remembered(root)[0]!, 'utf8')).not.toContain(JSON.stringify(copy).slice(1, -1));
  });
});
