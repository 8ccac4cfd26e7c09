import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { editIssue, ISSUE_042, lineOf, makeProject, runPvd } from './helpers.js';

describe('pvd build --stdout', () => {
  let written: { html: string; text: string };

  beforeAll(() => {
    const root = makeProject();
    const result = runPvd(['build', '42', '--target', 'brevo'], { cwd: root });
    expect(result.code, result.stderr).toBe(0);
    written = {
      html: readFileSync(join(root, 'out', '042', 'index.html'), 'utf8'),
      text: readFileSync(join(root, 'out', '042', 'index.txt'), 'utf8'),
    };
  });

  for (const part of ['html', 'text'] as const) {
    it(`${part}: prints exactly what build writes, and writes nothing`, () => {
      const root = makeProject();
      const result = runPvd(['build', '42', '--target', 'brevo', '--stdout', part], { cwd: root });
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toBe(written[part]);
      expect(result.stderr).not.toMatch(/✔|out\//);
      expect(existsSync(join(root, 'out'))).toBe(false);
    });
  }

  it('prints nothing on stdout for an issue with errors, and says why on stderr', () => {
    const root = makeProject();
    editIssue(root, '042', (source) => source.replace('## Le chiffre du mois', '## Le chifre du mois'));
    const result = runPvd(['build', '42', '--stdout', 'html'], { cwd: root });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(`issues/042/issue.md:${lineOf(ISSUE_042, '## Le chiffre du mois')}:1  erreur  unknown-section  Rubrique inconnue « Le chifre du mois »`);
  });

  it('refuses more than one issue (exit 2)', () => {
    const root = makeProject();
    const result = runPvd(['build', '42', '43', '--stdout', 'text'], { cwd: root });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('--stdout ne produit qu’un seul numéro à la fois.');
  });
});
