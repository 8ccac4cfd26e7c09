import { spawnSync } from 'node:child_process';
import { chmodSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { editIssue, ISSUE_042, lineOf, makeProject, PVD, runPvd } from '../helpers.js';

/** #42 with one error (an unknown section) and one warning (a missing space). */
const withProblems = (source: string) => source.replace('## Voir aussi', '## Voir ausi').replace('Inscrivez-vous !', 'Inscrivez-vous!');
/** Where the `!` of "Inscrivez-vous!" lands: the lead still edits #42, so it is computed. */
function bangPosition(root: string): { line: number; column: number } {
  const lines = readFileSync(join(root, 'issues', '042', 'issue.md'), 'utf8').split('\n');
  const line = lines.findIndex((text) => text.includes('Inscrivez-vous!'));
  return { line: line + 1, column: lines[line]!.indexOf('Inscrivez-vous!') + 'Inscrivez-vous'.length + 1 };
}
/** The line of « ## Voir aussi » in #42, where the unknown section is reported. */
const VOIR_AUSSI = lineOf(ISSUE_042, '## Voir aussi');

describe('pvd lint: output and exit codes', () => {
  it('passes issue #42 as shipped: exit 0, a one-line verdict', () => {
    const result = runPvd(['lint']);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('✔ 1 numéro vérifié, aucun problème\n');
    expect(result.code).toBe(0);
  });

  it('prints one clickable problem a line, then a summary, and exits 1 on an error', () => {
    const root = makeProject();
    editIssue(root, '042', withProblems);
    const result = runPvd(['lint', 'issues/042/issue.md'], { cwd: root });
    expect(result.code).toBe(1);
    const lines = result.stdout.trimEnd().split('\n');
    const bang = bangPosition(root);
    expect(lines).toEqual([
      `issues/042/issue.md:${bang.line}:${bang.column}  avertissement  typography-fr  Il manque une espace avant « ! » : en français, on écrit « Bravo ! » (--fix l'ajoute).`,
      `issues/042/issue.md:${VOIR_AUSSI}:1  erreur  unknown-section  Rubrique inconnue « Voir ausi » : vouliez-vous dire « Voir aussi » ?`,
      '',
      '✖ 2 problèmes (1 erreur, 1 avertissement)',
    ]);
    expect(result.stderr).toBe('');
  });

  it('speaks English with --lang en or PVD_LANG=en', () => {
    const root = makeProject();
    editIssue(root, '042', withProblems);
    for (const result of [runPvd(['lint', '--lang', 'en'], { cwd: root }), runPvd(['lint'], { cwd: root, env: { PVD_LANG: 'en' } })]) {
      expect(result.stdout).toMatch(/ {2}error {2}unknown-section {2}Unknown section "Voir ausi": did you mean "Voir aussi"\?/);
      expect(result.stdout).toMatch(/✖ 2 problems \(1 error, 1 warning\)/);
    }
  });

  it('accepts a number, an issue folder, the issues folder or a file, each issue once', () => {
    const root = makeProject();
    // A file of an issue's folder stands for its issue: a hook passes the pictures a commit changes.
    for (const args of [['42'], ['042'], ['issues/042'], ['issues'], ['issues/042/issue.md', '42'], ['issues/042/images/toul.jpg', 'issues/042/images/attigny.jpg']]) {
      const result = runPvd(['lint', ...args], { cwd: root });
      expect(result.stdout).toBe('✔ 1 numéro vérifié, aucun problème\n');
      expect(result.code).toBe(0);
    }
  });

  it('finds the repository from a subfolder', () => {
    const root = makeProject();
    const result = runPvd(['lint', 'issue.md'], { cwd: join(root, 'issues', '042') });
    expect(result.stdout).toBe('✔ 1 numéro vérifié, aucun problème\n');
  });

  it('--quiet shows errors only', () => {
    const root = makeProject();
    editIssue(root, '042', withProblems);
    const result = runPvd(['lint', '--quiet'], { cwd: root });
    expect(result.code).toBe(1);
    expect(result.stdout).not.toContain('typography-fr');
    expect(result.stdout).toContain('unknown-section');
    // Warnings only: the verdict says they were hidden rather than "no problem".
    editIssue(root, '042', (source) => source.replace('## Voir ausi', '## Voir aussi'));
    const clean = runPvd(['lint', '--quiet'], { cwd: root });
    expect(clean.stdout).toBe('✔ 1 numéro vérifié, aucune erreur (1 avertissement masqué par --quiet)\n');
    expect(clean.code).toBe(0);
  });

  it('stops quietly, with its verdict, when the reader of its output goes away (pvd lint | head)', () => {
    const root = makeProject();
    editIssue(root, '042', (source) => withProblems(source).replace(/Inscrivez-vous!/g, 'Inscrivez-vous!'.repeat(2000)));
    const result = spawnSync('bash', ['-c', `"${process.execPath}" "${PVD}" lint | head -c 1 >/dev/null; echo "exit=\${PIPESTATUS[0]}"`], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('exit=1\n');
  });

  it('--max-warnings N fails above N warnings, and refuses what is not a number', () => {
    const root = makeProject();
    editIssue(root, '042', (source) => source.replace('Inscrivez-vous !', 'Inscrivez-vous!'));
    expect(runPvd(['lint'], { cwd: root }).code).toBe(0);
    expect(runPvd(['lint', '--max-warnings', '1'], { cwd: root }).code).toBe(0);
    const over = runPvd(['lint', '--max-warnings', '0'], { cwd: root });
    expect(over.code).toBe(1);
    expect(over.stderr).toContain('1 avertissements, plus que les 0 permis par --max-warnings');
    for (const value of ['abc', '-1', '1.5', '']) {
      const bad = runPvd(['lint', '--max-warnings', value], { cwd: root });
      expect(bad.code).toBe(2);
      expect(bad.stderr).toMatch(/--max-warnings attend un nombre entier positif ou nul/);
    }
  });

  it('--format json: one object per file, messages in the chosen language', () => {
    const root = makeProject();
    editIssue(root, '042', withProblems);
    const result = runPvd(['lint', '--format', 'json', '--lang', 'en'], { cwd: root });
    expect(result.code).toBe(1);
    const [report] = JSON.parse(result.stdout);
    expect(report).toMatchObject({ file: 'issues/042/issue.md', errorCount: 1, warningCount: 1, fixed: 0 });
    expect(report.messages[0]).toEqual({ ...bangPosition(root), severity: 'warning', rule: 'typography-fr', messageId: 'spaceBefore', message: 'A space is missing before "!": French writes "Bravo !" (--fix adds it).', fixable: true });
  });

  it('--format github: workflow annotations, with their special characters escaped', () => {
    const root = makeProject();
    editIssue(root, '042', withProblems);
    const lines = runPvd(['lint', '--format', 'github'], { cwd: root }).stdout.trimEnd().split('\n');
    const bang = bangPosition(root);
    expect(lines).toEqual([
      `::warning file=issues/042/issue.md,line=${bang.line},col=${bang.column},title=typography-fr::Il manque une espace avant « ! » : en français, on écrit « Bravo ! » (--fix l'ajoute).`,
      `::error file=issues/042/issue.md,line=${VOIR_AUSSI},col=1,title=unknown-section::Rubrique inconnue « Voir ausi » : vouliez-vous dire « Voir aussi » ?`,
    ]);
  });

  it('refuses an unknown --format (exit 2), naming those there are', () => {
    const result = runPvd(['lint', '--format', 'xml']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe("pvd : « xml » n'est pas une valeur permise pour --format : choisissez parmi stylish, json, github.\n");
    expect(result.stdout).toBe('');
  });
});

describe('pvd lint --fix', () => {
  it('fixes typography, trailing spaces and heading levels atomically, then reports what remains', () => {
    const root = makeProject();
    const path = editIssue(root, '042', (source) => withProblems(source)
      .replace("## L'actu", "# L'actu")
      .replace('### Mobiliscope', '#### Mobiliscope')
      .replace('**Dominique Consille**\\', '**Dominique Consille**  ')
      .replace('Directrice du programme PVD', 'Directrice du "programme" PVD\t'));
    chmodSync(path, 0o640);
    const result = runPvd(['lint', '--fix'], { cwd: root });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^issues\/042\/issue\.md : 6 corrections appliquées$/m);
    expect(result.stdout).toMatch(/erreur {2}unknown-section/);
    expect(result.stdout).toMatch(/✖ 1 problème \(1 erreur, 0 avertissement\)/);
    const fixed = readFileSync(path, 'utf8');
    expect(fixed).toContain("\n## L'actu\n");
    expect(fixed).toContain('\n### Mobiliscope\n');
    expect(fixed).toContain('[Inscrivez-vous !]');
    expect(fixed).toContain('**Dominique Consille**\\\nDirectrice du « programme » PVD\n');
    expect(statSync(path).mode & 0o777).toBe(0o640);
    // Nothing is left to fix: a second run changes nothing.
    const again = runPvd(['lint', '--fix'], { cwd: root });
    expect(again.stdout).not.toContain('corrections appliquées');
    expect(readFileSync(path, 'utf8')).toBe(fixed);
  });

  it('keeps Windows line endings and a byte-order mark', () => {
    const root = makeProject();
    const path = join(root, 'issues', '042', 'issue.md');
    const source = readFileSync(path, 'utf8').replace('Inscrivez-vous !', 'Inscrivez-vous!');
    writeFileSync(path, `\ufeff${source.replace(/\n/g, '\r\n')}`);
    expect(runPvd(['lint', '--fix'], { cwd: root }).code).toBe(0);
    const fixed = readFileSync(path, 'utf8');
    expect(fixed.startsWith('\ufeff---\r\nnumber: 42\r\n')).toBe(true);
    expect(fixed).toContain('[Inscrivez-vous !]');
    expect(fixed.replace(/\r\n/g, '')).not.toContain('\n');
  });

  it('fixes nothing in a file that does not parse: a header without its opening --- stays as written', () => {
    const root = makeProject();
    const path = editIssue(root, '042', (source) => source.replace(/^---\n/, '').replace('## Voir aussi', '## Voir aussi\n\nDes "guillemets droits" ici !'));
    const before = readFileSync(path, 'utf8');
    const result = runPvd(['lint', '--fix'], { cwd: root });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/issue\.md:1:1 +erreur +parse/);
    expect(readFileSync(path, 'utf8')).toBe(before);
  });

  it('writes nothing when there is nothing to fix', () => {
    const root = makeProject();
    const path = join(root, 'issues', '042', 'issue.md');
    const before = statSync(path);
    expect(runPvd(['lint', '--fix'], { cwd: root }).stdout).toBe('✔ 1 numéro vérifié, aucun problème\n');
    expect(statSync(path).ino).toBe(before.ino);
  });
});

describe('rule levels and silencing', () => {
  it('switches a rule off or re-levels it in template.yaml', () => {
    const root = makeProject();
    editIssue(root, '042', withProblems);
    const yaml = join(root, 'templates', 'pvd', 'template.yaml');
    const original = readFileSync(yaml, 'utf8');
    writeFileSync(yaml, original.replace('rules: {}', 'rules:\n  unknown-section: warning\n  typography-fr: off'));
    const result = runPvd(['lint'], { cwd: root });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/avertissement {2}unknown-section/);
    expect(result.stdout).not.toContain('typography-fr');
  });

  it('refuses an unknown rule id in template.yaml (exit 2), suggesting the nearest', () => {
    const root = makeProject();
    const yaml = join(root, 'templates', 'pvd', 'template.yaml');
    writeFileSync(yaml, readFileSync(yaml, 'utf8').replace('rules: {}', 'rules:\n  typographie-fr: off'));
    const result = runPvd(['lint'], { cwd: root });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`templates/pvd/template.yaml:${lineOf(yaml, 'typographie-fr')}:3  rules — règle inconnue « typographie-fr » : vouliez-vous dire « typography-fr » ?\n`);
  });

  it('<!-- pvd-disable-next-line rule-id --> silences that rule on the next line only', () => {
    const root = makeProject();
    editIssue(root, '042', (source) => withProblems(source).replace('## Voir ausi', '<!-- pvd-disable-next-line unknown-section -->\n## Voir ausi'));
    const result = runPvd(['lint'], { cwd: root });
    expect(result.stdout).not.toContain('unknown-section');
    expect(result.stdout).toContain('typography-fr');
    expect(result.code).toBe(0);
  });

  it('--fix --format json: what it fixed and what remains, as JSON alone on stdout', () => {
    const root = makeProject();
    editIssue(root, '042', withProblems);
    const result = runPvd(['lint', '--fix', '--format', 'json'], { cwd: root });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual([{
      file: 'issues/042/issue.md', errorCount: 1, warningCount: 0, fixed: 1,
      messages: [{ line: VOIR_AUSSI, column: 1, severity: 'error', rule: 'unknown-section', messageId: 'didYouMean', message: 'Rubrique inconnue « Voir ausi » : vouliez-vous dire « Voir aussi » ?', fixable: false }],
    }]);
  });
});
