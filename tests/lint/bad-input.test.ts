import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeProject, runPvd } from '../helpers.js';
import { SOURCE_042 } from './support.js';

const STACK_TRACE = /\n\s+at .+:\d+:\d+/;

/** Writes issues/042/issue.md of a fresh project copy and lints it in French and in English. */
function lintBytes(content: string | Buffer) {
  const root = makeProject();
  writeFileSync(join(root, 'issues', '042', 'issue.md'), content);
  return { fr: runPvd(['lint', '42'], { cwd: root }), en: runPvd(['lint', '42', '--lang', 'en'], { cwd: root }) };
}

describe('bad input is a located diagnostic (exit 1), never a crash', () => {
  it.each([
    ['broken YAML, at its line', SOURCE_042.replace('status: ready', 'status: - ready'),
      /^issues\/042\/issue\.md:6:\d+ {2}erreur {2}parse {2}YAML mal formé dans l'en-tête, sur cette ligne : chaque ligne est « clé: valeur »/m, /error {2}parse {2}Malformed YAML in the header, on this line/],
    ['a subject with an unquoted « : »', SOURCE_042.replace(/^subject: .*$/m, 'subject: Rencontres nationales : 1 645 communes'),
      /^issues\/042\/issue\.md:4:1 {2}erreur {2}parse {2}« : » dans une valeur sans guillemets/m, /error {2}parse {2}": " inside an unquoted value/],
    ['a credit with an unquoted « : »', SOURCE_042.replace('  - DDT 54', '  - Photo : Marie Durand'),
      /^issues\/042\/issue\.md:10:1 {2}erreur {2}front-matter {2}« : » dans une valeur sans guillemets/m, /error {2}front-matter {2}": " inside an unquoted value/],
    ['a subject cut by an unquoted « # »', SOURCE_042.replace(/^subject: .*$/m, 'subject: Rencontres PACA #12 et #13'),
      /^issues\/042\/issue\.md:4:26 {2}erreur {2}parse {2}Dans « subject », tout ce qui suit « # » est lu comme un commentaire et n'apparaîtrait pas dans la lettre \(« 12 et #13 »\) : mettez la valeur entre guillemets/m, /error {2}parse {2}In "subject", everything after "#" is read as a comment/],
    ['a credit cut by an unquoted « # »', SOURCE_042.replace('  - DDT 54', '  - DDT 54 # photo de Toul'),
      /^issues\/042\/issue\.md:10:12 {2}erreur {2}parse {2}Dans « credits », tout ce qui suit « # »/m, /error {2}parse {2}In "credits", everything after "#"/],
    ['an unclosed front matter', SOURCE_042.replace(/\n---\n/, '\n\n'),
      /^issues\/042\/issue\.md:1:1 {2}erreur {2}parse {2}L'en-tête YAML ouvert ligne 1 par « --- » n'est jamais fermé/m, /The YAML header opened by "---" on line 1 is never closed/],
    ['no front matter at all', SOURCE_042.replace(/^---[\s\S]*?\n---\n/, ''),
      /^issues\/042\/issue\.md:1:1 {2}erreur {2}parse {2}Le fichier doit commencer par un en-tête YAML/m, /The file must start with a YAML header/],
    ['an empty file', '  \n\n',
      /^issues\/042\/issue\.md:1:1 {2}erreur {2}parse {2}Le fichier est vide/m, /The file is empty/],
    ['a binary file', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]),
      /^issues\/042\/issue\.md:3:1 {2}erreur {2}parse {2}Le fichier contient des données binaires/m, /The file contains binary data/],
    ['a non-UTF-8 file', Buffer.from(SOURCE_042.replace('Rencontres PACA', 'Rencontres PACA ét'), 'latin1'),
      /^issues\/042\/issue\.md:4:27 {2}erreur {2}parse {2}Le fichier n'est pas encodé en UTF-8/m, /The file is not UTF-8 encoded/],
    ['a 5 MB file', SOURCE_042 + 'x'.repeat(5 * 1024 * 1024),
      /^issues\/042\/issue\.md:1:1 {2}erreur {2}parse {2}Le fichier fait 5,0 Mo, bien plus qu'un numéro/m, /The file is 5\.0 MB/],
    ['a __proto__ key', SOURCE_042.replace('status: ready', 'status: ready\n__proto__: { polluted: true }'),
      /^issues\/042\/issue\.md:7:1 {2}erreur {2}front-matter {2}La clé « __proto__ » est interdite dans l'en-tête : supprimez-la\./m, /The key "__proto__" is not allowed in the header/],
    ['a constructor key', SOURCE_042.replace('status: ready', 'status: ready\nconstructor: x'),
      /^issues\/042\/issue\.md:7:1 {2}erreur {2}front-matter {2}La clé « constructor » est interdite/m, /The key "constructor" is not allowed/],
  ])('%s', (_, content, french, english) => {
    const { fr, en } = lintBytes(content);
    expect(fr.code).toBe(1);
    expect(fr.stdout).toMatch(french);
    expect(en.stdout).toMatch(english);
    for (const result of [fr, en]) expect(result.stdout + result.stderr).not.toMatch(STACK_TRACE);
    // The problem is said once: no cascade of "missing key" or "missing section".
    if (_ !== 'a __proto__ key' && _ !== 'a constructor key') expect(fr.stdout.trimEnd().split('\n').at(-1)).toBe('✖ 1 problème (1 erreur, 0 avertissement)');
  });

  it('keeps a __proto__ key inert: its values do not leak into the real keys', () => {
    // Were `status: draft` to leak through the prototype, the TODO would only be a warning.
    const { fr } = lintBytes(SOURCE_042.replace('status: ready\n', '__proto__: { status: draft }\n').replace('Directrice du programme PVD', 'TODO'));
    expect(fr.stdout).toMatch(/erreur {2}front-matter {2}La clé « __proto__ » est interdite/);
    expect(fr.stdout).toMatch(/erreur {2}front-matter {2}Il manque la clé « status »/);
    expect(fr.stdout).toMatch(/erreur {2}placeholder-text {2}Texte provisoire « TODO »/);
  });
});

describe('a date with an implausible year (issue 12 item 16)', () => {
  it.each(['0099-03-15', '2204-01-01'])('date: %s is refused at the value, by lint and by build, in French and English', (date) => {
    const root = makeProject();
    writeFileSync(join(root, 'issues', '042', 'issue.md'), SOURCE_042.replace('date: 2024-12-16', `date: ${date}`));
    const french = "issues/042/issue.md:3:7  erreur  front-matter  « date » : l'année n'est pas plausible pour un numéro de la lettre (entre 2000 et 2099) : écrivez l'année en entier, par exemple « date: 2025-01-20 ».";
    const lint = runPvd(['lint', '42'], { cwd: root });
    expect(lint.code).toBe(1);
    expect(lint.stdout).toBe(`${french}\n\n✖ 1 problème (1 erreur, 0 avertissement)\n`);
    const build = runPvd(['build', '42'], { cwd: root });
    expect(build.code).toBe(1);
    expect(build.stderr.split('\n')[0]).toBe(french);
    expect(existsSync(join(root, 'out', '042'))).toBe(false);
    const english = runPvd(['lint', '42', '--lang', 'en', '--format', 'json'], { cwd: root });
    expect(JSON.parse(english.stdout)[0].messages).toEqual([{
      line: 3, column: 7, severity: 'error', rule: 'front-matter', messageId: 'invalid-date', fixable: false,
      message: '"date": the year is not plausible for a newsletter issue (2000 to 2099): write the full year, for instance "date: 2025-01-20".',
    }]);
  });
});

describe('an empty issue folder (issues/043/ without issue.md) is not an issue, for every command alike', () => {
  it.each([['an empty folder', []], ['a folder with only images/', ['images']]] as const)('%s: pvd lint and pvd build --all both pass over it, exit 0', (_what, inside) => {
    const root = makeProject();
    mkdirSync(join(root, 'issues', '043'));
    for (const folder of inside) mkdirSync(join(root, 'issues', '043', folder));
    const lint = runPvd(['lint'], { cwd: root });
    expect([lint.code, lint.stdout, lint.stderr]).toEqual([0, '✔ 1 numéro vérifié, aucun problème\n', '']);
    const build = runPvd(['build', '--all'], { cwd: root });
    expect(build.code, build.stderr).toBe(0);
    expect(build.stderr).toBe('');
    const [built, archive] = build.stdout.split('\n');
    expect(built).toMatch(/^✔ out\/042\/ : index\.html \(\d+,\d Ko\), index\.txt, issue\.eml, 10 image\(s\)$/);
    expect(archive).toBe('✔ out/index.html : archive web de 1 numéro(s)');
    expect(readdirSync(join(root, 'out')).filter((name) => !name.startsWith('.')).sort()).toEqual(['042', 'index.html']);
    // Named, it is refused alike: a number with no issue.md does not exist yet.
    const message = "pvd : Le numéro 43 n'existe pas (issues/043/issue.md est introuvable) : numéros présents : 42. Créez-le avec « npx pvd new ».\n";
    expect([runPvd(['lint', '43'], { cwd: root }).stderr, runPvd(['build', '43'], { cwd: root }).stderr]).toEqual([message, message]);
  });
});

describe('paths that cannot be linted are usage errors (exit 2), in French', () => {
  it.each([
    ['a path that does not exist', ['issues/099/issue.md'], /^pvd : « issues\/099\/issue\.md » n'existe pas : vérifiez le chemin, ou donnez un numéro/, /"issues\/099\/issue\.md" does not exist/],
    ['a number that does not exist', ['99'], /^pvd : Le numéro 99 n'existe pas \(issues\/099\/issue\.md est introuvable\) : numéros présents : 42\./, /Issue 99 does not exist/],
    ['a folder instead of a file', ['templates'], /^pvd : « templates » est un dossier sans issue\.md : donnez le fichier issue\.md d'un numéro/, /"templates" is a folder without issue\.md/],
    ['an issue folder without issue.md', ['issues/050'], /^pvd : « issues\/050 » est un dossier sans issue\.md/, /"issues\/050" is a folder without issue\.md/],
  ])('%s', (_, args, french, english) => {
    const root = makeProject();
    mkdirSync(join(root, 'issues', '050'));
    const fr = runPvd(['lint', ...args], { cwd: root });
    const en = runPvd(['lint', ...args, '--lang', 'en'], { cwd: root });
    expect(fr.code).toBe(2);
    expect(en.code).toBe(2);
    expect(fr.stderr).toMatch(french);
    expect(en.stderr).toMatch(english);
    expect(fr.stdout).toBe('');
    expect(fr.stderr + en.stderr).not.toMatch(STACK_TRACE);
  });

  it('checks every path before printing anything', () => {
    const root = makeProject();
    const result = runPvd(['lint', '42', 'absent.md'], { cwd: root });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
  });
});
