import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ISSUE_042, PVD, editIssue, lineOf, makeProject, runPvd } from '../helpers.js';

const STACK_TRACE = /\n\s+at .+:\d+:\d+/;

describe('pvd build refuses an issue it cannot render', () => {
  it.each([
    ['malformed YAML', (source: string) => source.replace('status: ready', 'status: - ready'), /issues\/042\/issue\.md:6:\d+ +erreur +parse +YAML mal formé dans l'en-tête, sur cette ligne/],
    ['a « : » left unquoted', (source: string) => source.replace('status: ready', 'status: ready: oui'), /issues\/042\/issue\.md:6:1 +erreur +parse +« : » dans une valeur sans guillemets : le YAML y voit une nouvelle clé\. Mettez la valeur entre guillemets/],
    ['an unclosed front matter', (source: string) => source.replace('---\n\n**Chaque', '\n**Chaque'), /issues\/042\/issue\.md:1:1 +erreur +parse +L'en-tête YAML ouvert ligne 1/],
    ['a wrong type', (source: string) => source.replace('number: 42', 'number: quarante-deux'), /issues\/042\/issue\.md:2:9 +erreur +front-matter +« number » doit être un nombre entier/],
    ['an unknown section', (source: string) => source.replace('## Voir aussi', '## Voir ausi'), new RegExp(`issues/042/issue\\.md:${lineOf(ISSUE_042, '## Voir aussi')}:1 +erreur +unknown-section +Rubrique inconnue « Voir ausi » : vouliez-vous dire « Voir aussi » \\?`)],
    ['a missing image', (source: string) => source.replace('images/toul.jpg', 'images/Toul.JPG'), new RegExp(`issues/042/issue\\.md:${lineOf(ISSUE_042, 'images/toul.jpg')}:1 +erreur +image-missing +Image introuvable : images/Toul\\.JPG`)],
    ['an image outside the issue folder', (source: string) => source.replace('images/toul.jpg', '../../package.json'), new RegExp(`issues/042/issue\\.md:${lineOf(ISSUE_042, 'images/toul.jpg')}:1 +erreur +image-outside +L'image « \\.\\./\\.\\./package\\.json » est hors du dossier du numéro`)],
    ['a javascript: link', (source: string) => source.replace('https://www.cerema.fr/', 'JavaScript:alert(1)'), new RegExp(`issues/042/issue\\.md:${lineOf(ISSUE_042, 'https://www.cerema.fr/')}:1 +erreur +link-scheme +Lien dangereux refusé \\(JavaScript:alert\\(1\\)\\)`)],
  ])('with %s: exit 1, a located French message, no stack trace, no output', (_, edit, expected) => {
    const root = makeProject();
    editIssue(root, '042', edit);
    const result = runPvd(['build', '42'], { cwd: root });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(expected);
    expect(result.stderr).not.toMatch(STACK_TRACE);
    expect(result.stdout).toBe('');
  });

  it('says the same in English with --lang en', () => {
    const root = makeProject();
    editIssue(root, '042', (source) => source.replace('## Voir aussi', '## Voir ausi'));
    const result = runPvd(['build', '42', '--lang', 'en'], { cwd: root });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/error +unknown-section +Unknown section "Voir ausi": did you mean "Voir aussi"\?/);
  });

  it('reads bytes that are not text as a located problem', () => {
    const root = makeProject();
    writeFileSync(join(root, 'issues', '042', 'issue.md'), Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0x00, 0xff, 0xfe]));
    const result = runPvd(['build', '42'], { cwd: root });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/issues\/042\/issue\.md:2:1 +erreur +parse +Le fichier contient des données binaires/);
  });

  it.each([
    [['build', '43'], /Le numéro 43 n'existe pas \(issues\/043\/issue\.md est introuvable\) : numéros présents : 42\. Créez-le avec « npx pvd new »\./],
    [['build', 'quarante'], /« quarante » n'existe pas : vérifiez le chemin, ou donnez un numéro \(par exemple 42\)\./],
    [['build', '1000'], /« 1000 » n'est pas un numéro de lettre : donnez un nombre entre 1 et 999/],
    [['build', '0'], /« 0 » n'est pas un numéro de lettre/],
    [['build'], /Quel numéro produire \?/],
    [['build', '42', '--target', 'outlook'], /^pvd : « outlook » n'est pas une valeur permise pour --target : choisissez parmi generic, brevo, mailchimp, mailjet, listmonk, sendy\.\n$/],
    [['build', '42', '--frobnicate'], /^pvd : option inconnue « --frobnicate »\. Lancez « npx pvd --help » pour l’aide\.\n$/],
  ])('exits 2 on a usage error: pvd %j', (args, expected) => {
    const result = runPvd(args, { cwd: makeProject() });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(expected);
    expect(result.stderr).not.toMatch(STACK_TRACE);
  });
});

describe('a mistake in template.yaml', () => {
  it('stops pvd with its line, exit 2, in French or in English', () => {
    const root = makeProject();
    const path = join(root, 'templates', 'pvd', 'template.yaml');
    const source = readFileSync(path, 'utf8');
    writeFileSync(path, source.replace('primary: "#000091"', 'primary: bleu'));
    const line = source.split('\n').findIndex((text) => text.includes('primary: "#000091"')) + 1;
    const french = runPvd(['build', '42'], { cwd: root });
    expect(french.code).toBe(2);
    expect(french.stderr).toBe(`templates/pvd/template.yaml:${line}:12  colors.primary : couleur au format #RRGGBB attendue (par exemple "#000091", entre guillemets).\n`);
    const english = runPvd(['lint', '--lang', 'en'], { cwd: root });
    expect(english.code).toBe(2);
    expect(english.stderr).toContain(`template.yaml:${line}:12  colors.primary: colour expected as #RRGGBB (for instance "#000091", quoted).`);
  });
});

describe('pvd build --stdout into a pipe closed early (| head)', () => {
  it('ends quietly with its own exit code', async () => {
    const child = spawn(process.execPath, [PVD, 'build', '42', '--stdout', 'html'], { cwd: makeProject(), env: { ...process.env, NO_COLOR: '1' } });
    // The reader is gone before pvd writes a byte: its write fails with EPIPE.
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });
});
