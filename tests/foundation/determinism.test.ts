import { copyFileSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { editIssue, ISSUE_042, lineOf, makeProject, runPvd } from '../helpers.js';

function snapshot(folder: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (current: string) => {
    for (const name of readdirSync(current)) {
      const path = join(current, name);
      if (statSync(path).isDirectory()) walk(path);
      else files[relative(folder, path)] = readFileSync(path).toString('base64');
    }
  };
  walk(folder);
  return files;
}

describe('pvd build outputs', () => {
  it('are byte-identical from one build to the next', () => {
    const root = makeProject();
    expect(runPvd(['build', '42'], { cwd: root }).code).toBe(0);
    const first = snapshot(join(root, 'out', '042'));
    rmSync(join(root, 'out'), { recursive: true });
    expect(runPvd(['build', '42'], { cwd: root }).code).toBe(0);
    expect(snapshot(join(root, 'out', '042'))).toEqual(first);
    expect(Object.keys(first)).toEqual(expect.arrayContaining(['index.html', 'index.txt', 'images/manosque.jpg', 'images/logo-pvd.png']));
  });

  it('follow an image replaced in the issue, though images are copied without being hashed', () => {
    const root = makeProject();
    expect(runPvd(['build', '42'], { cwd: root }).code).toBe(0);
    const images = join(root, 'issues', '042', 'images');
    copyFileSync(join(images, 'attigny.jpg'), join(images, 'toul.jpg'));
    const rebuilt = runPvd(['build', '42'], { cwd: root });
    expect(rebuilt.stdout).not.toContain('inchangé');
    expect(readFileSync(join(root, 'out', '042', 'images', 'toul.jpg'))).toEqual(readFileSync(join(images, 'attigny.jpg')));
    expect(runPvd(['build', '42'], { cwd: root }).stdout).toContain('inchangé');
  });

  it('are left intact when a later build fails half-way', () => {
    const root = makeProject();
    expect(runPvd(['build', '42'], { cwd: root }).code).toBe(0);
    const before = snapshot(join(root, 'out', '042'));
    // A folder where an image should be: lint finds the path, the render then fails reading it.
    rmSync(join(root, 'issues', '042', 'images', 'toul.jpg'));
    mkdirSync(join(root, 'issues', '042', 'images', 'toul.jpg'));
    const failed = runPvd(['build', '42'], { cwd: root });
    expect(failed.code).not.toBe(0);
    expect(failed.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(snapshot(join(root, 'out', '042'))).toEqual(before);
  });

  it('are left intact when the new version of the issue has errors', () => {
    const root = makeProject();
    expect(runPvd(['build', '42'], { cwd: root }).code).toBe(0);
    const before = snapshot(join(root, 'out', '042'));
    editIssue(root, '042', (source) => source.replace('## Le chiffre du mois', '## Le chifre du mois'));
    const refused = runPvd(['build', '42'], { cwd: root });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`issues/042/issue.md:${lineOf(ISSUE_042, '## Le chiffre du mois')}:1  erreur  unknown-section  Rubrique inconnue « Le chifre du mois » : vouliez-vous dire « Le chiffre du mois » ?`);
    expect(snapshot(join(root, 'out', '042'))).toEqual(before);
  });
});
