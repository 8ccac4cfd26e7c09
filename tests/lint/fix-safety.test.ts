import { chmodSync, existsSync, linkSync, lstatSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fixFile } from '../../src/lint/index.js';
import { openSession } from '../../src/pipeline/session.js';
import { editIssue, makeProject, runPvd } from '../helpers.js';
import { interleave } from '../interleave.js';

// The in-process tests below change the file at a chosen moment of --fix, as an editor would.
vi.mock('node:fs', async (importOriginal) => (await import('../interleave.js')).interleavedFs(await importOriginal()));
const outsideFolders: string[] = [];
afterEach(() => {
  interleave.before = undefined;
  for (const folder of outsideFolders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** #42 with two things --fix mends, on two lines: a missing space before « ! », straight quotes. */
const withFixable = (source: string) => source.replace('Inscrivez-vous !', 'Inscrivez-vous!').replace('Directrice du programme PVD', 'Directrice du "programme" PVD');
const issuePath = (root: string) => join(root, 'issues', '042', 'issue.md');

/** The lines of an LF text given each their own ending, in turn LF, CRLF, CR (never CR then an empty LF line, which would read as one CRLF). */
function mixEndings(lfText: string): string {
  const endings = ['\n', '\r\n', '\r'];
  const lines = lfText.split('\n');
  let previous = '\n';
  return lines.map((line, index) => {
    if (index === lines.length - 1) return line;
    let ending = endings[index % 3]!;
    if (line === '' && previous === '\r' && ending === '\n') ending = '\r\n';
    previous = ending;
    return line + ending;
  }).join('');
}

describe('npx pvd lint --fix keeps the file as it was written', () => {
  it('keeps each line its own ending (LF, CRLF or CR), the byte-order mark and the mode', () => {
    // What --fix makes of the LF text: each of its lines, with the ending it had, is the expected result.
    const reference = makeProject();
    editIssue(reference, '042', withFixable);
    expect(runPvd(['lint', '--fix'], { cwd: reference }).code).toBe(0);
    const fixedLf = readFileSync(issuePath(reference), 'utf8');

    const root = makeProject();
    const source = mixEndings(withFixable(readFileSync(issuePath(root), 'utf8')));
    expect(source).toMatch(/[^\r]\n/);
    expect(source).toContain('\r\n');
    expect(source).toMatch(/\r[^\n]/);
    writeFileSync(issuePath(root), `\ufeff${source}`);
    chmodSync(issuePath(root), 0o640);
    const run = runPvd(['lint', '--fix'], { cwd: root });
    expect(run.stdout).toBe('issues/042/issue.md : 2 corrections appliquées\n✔ 1 numéro vérifié, aucun problème\n');
    expect(run.code).toBe(0);
    expect(fixedLf).not.toBe(withFixable(readFileSync(issuePath(reference), 'utf8')));
    expect(readFileSync(issuePath(root), 'utf8')).toBe(`\ufeff${mixEndings(fixedLf)}`);
    expect(statSync(issuePath(root)).mode & 0o777).toBe(0o640);
  });

  it('never touches a merge tag or a URL, quotes and all, while fixing the rest', () => {
    const root = makeProject();
    const untouched = 'Bonjour {{ contact.PRENOM | default: "ami" }} : voir https://x.fr/?q="a" et <https://x.fr/?r="b">.';
    const path = editIssue(root, '042', (source) => source.replace('Inscrivez-vous !', 'Inscrivez-vous!').replace('Directrice du programme PVD', untouched));
    const run = runPvd(['lint', '--fix'], { cwd: root });
    expect(run.stdout).toMatch(/^issues\/042\/issue\.md : 1 correction appliquée$/m);
    const fixed = readFileSync(path, 'utf8');
    expect(fixed).toContain('[Inscrivez-vous !]');
    expect(fixed).toContain(`\n${untouched}\n`);
  });
});

describe('npx pvd lint --fix leaves alone a file it must not rewrite: exit 2, a French message, the file untouched', () => {
  const cases: [what: string, setUp: (root: string) => string, message: string][] = [
    ['a read-only issue.md', (root) => {
      chmodSync(issuePath(root), 0o444);
      return issuePath(root);
    }, "--fix ne réécrit pas ce fichier : il est en lecture seule. Rendez-le modifiable (ou ouvrez-le dans votre éditeur), puis relancez « npx pvd lint --fix »."],
    ['an issue.md that is a symbolic link to a file elsewhere', (root) => {
      const elsewhere = join(root, 'ailleurs.md');
      renameSync(issuePath(root), elsewhere);
      symlinkSync(join('..', '..', 'ailleurs.md'), issuePath(root));
      return elsewhere;
    }, "--fix ne réécrit pas ce fichier : c'est un lien symbolique, et le fichier qu'il désigne peut être hors du dépôt. Corrigez le fichier lui-même, ou remplacez le lien par une copie."],
    ['an issue folder that is a symbolic link to a folder outside the repository', (root) => {
      const outside = mkdtempSync(join(tmpdir(), 'pvd-test-outside-'));
      outsideFolders.push(outside);
      renameSync(join(root, 'issues', '042'), join(outside, '042'));
      symlinkSync(join(outside, '042'), join(root, 'issues', '042'));
      return join(outside, '042', 'issue.md');
    }, "--fix ne réécrit pas ce fichier : son dossier est, par un lien symbolique, hors du dépôt de la lettre. Corrigez le fichier lui-même, ou remplacez le lien par une copie du dossier."],
    ['an issue.md hard-linked elsewhere', (root) => {
      linkSync(issuePath(root), join(root, 'copie.md'));
      return issuePath(root);
    }, '--fix ne réécrit pas ce fichier : il a 2 liens physiques, et le réécrire romprait les autres. Corrigez-le à la main, ou faites-en une copie indépendante.'],
  ];
  it.each(cases)('%s', (_what, setUp, message) => {
    const root = makeProject();
    editIssue(root, '042', withFixable);
    const file = setUp(root);
    const before = { bytes: readFileSync(file), stat: lstatSync(issuePath(root)) };
    const run = runPvd(['lint', '--fix'], { cwd: root });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`issues/042/issue.md : ${message}\n`);
    // Still reported, so the author can fix them by hand.
    expect(run.stdout).toContain('typography-fr');
    expect(readFileSync(file).equals(before.bytes)).toBe(true);
    const after = lstatSync(issuePath(root));
    expect([after.ino, after.mode, after.nlink, after.isSymbolicLink()]).toEqual([before.stat.ino, before.stat.mode, before.stat.nlink, before.stat.isSymbolicLink()]);
    expect(readdirSync(join(root, 'issues', '042')).sort()).toEqual(['images', 'issue.md']);
  });

  it('says it in English with --lang en', () => {
    const root = makeProject();
    editIssue(root, '042', withFixable);
    chmodSync(issuePath(root), 0o444);
    expect(runPvd(['lint', '--fix', '--lang', 'en'], { cwd: root }).stderr).toBe('issues/042/issue.md: --fix does not rewrite this file: it is read-only. Make it writable (or open it in your editor), then run "npx pvd lint --fix" again.\n');
  });
});

describe('--fix writes nothing when the file changes while it fixes it (an editor saving meanwhile)', () => {
  const CHANGED = { fr: "--fix n'a rien écrit : le fichier a été modifié pendant la correction (enregistré depuis un éditeur ?). Relancez « npx pvd lint --fix ».", en: '--fix wrote nothing: the file changed while it was being fixed (saved from an editor?). Run "npx pvd lint --fix" again.' };
  const fixing = (root: string) => fixFile({ path: issuePath(root), folder: join(root, 'issues', '042'), file: 'issues/042/issue.md' }, openSession({ root, issuesDir: join(root, 'issues') }));

  it.each([
    // Before pvd checks it may write: the fixes were computed from the old text.
    ['saved while the fixes are computed', (call: string, args: unknown[], path: string) => call === 'lstatSync' && args[0] === path],
    // After that check, while the fixed text goes to the temporary file that is then renamed over it.
    ['saved while the fixed text is being written', (call: string, args: unknown[], path: string) => call === 'writeFileSync' && String(args[0]).startsWith(join(path, '..', '.issue.md.'))],
  ])('%s: the edit is kept, nothing else is left', (_when, moment) => {
    const root = makeProject();
    editIssue(root, '042', withFixable);
    const path = issuePath(root);
    const edited = `${readFileSync(path, 'utf8')}\nUne phrase ajoutée dans l'éditeur.\n`;
    let saved = false;
    interleave.before = (call, args) => {
      if (!saved && moment(call, args, path)) {
        writeFileSync(path, edited);
        saved = true;
      }
    };
    const result = fixing(root);
    expect(saved).toBe(true);
    expect(result.refused).toEqual(CHANGED);
    expect(result.fixed).toBe(0);
    expect(readFileSync(path, 'utf8')).toBe(edited);
    expect(readdirSync(join(root, 'issues', '042')).sort()).toEqual(['images', 'issue.md']);
  });

  it('writes when nothing changed meanwhile (the checks above are not refusals of every write)', () => {
    const root = makeProject();
    editIssue(root, '042', withFixable);
    const result = fixing(root);
    expect(result.refused).toBeUndefined();
    expect(result.fixed).toBe(2);
    expect(readFileSync(issuePath(root), 'utf8')).toContain('[Inscrivez-vous !]');
    expect(existsSync(issuePath(root))).toBe(true);
  });
});
