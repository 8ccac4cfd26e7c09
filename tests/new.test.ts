import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { sameWeekdayFrom, sameWeekdayNextMonth } from '../src/scaffold/dates.js';
import { ISSUE_042, makeProject, runPvd as runPvdAnyDay } from './helpers.js';

/**
 * `pvd new` reads today's date (defaults, « est passée »): every run here sees the same day,
 * 2025-01-10, before the date that follows #42 (2025-01-20); a test needing another says so.
 */
const TODAY = '2025-01-10';
const runPvd: typeof runPvdAnyDay = (args, options = {}) => runPvdAnyDay(args, { today: TODAY, ...options });

const REQUIRED = ["## L'actu", '## Le chiffre du mois', '## La projetothèque'];

function frontMatterOf(path: string): Record<string, unknown> {
  const source = readFileSync(path, 'utf8');
  const match = /^---\n([\s\S]*?)\n---\n/.exec(source);
  if (!match) throw new Error(`no front matter in ${path}`);
  return parse(match[1]!) as Record<string, unknown>;
}

function headingsOf(path: string): string[] {
  return readFileSync(path, 'utf8').split('\n').filter((line) => line.startsWith('## '));
}

/** A project whose issues are the given numbers, each with its date and only the required sections. */
function projectWithIssues(issues: Record<string, string>): string {
  const root = makeProject({ issues: false });
  for (const [folder, date] of Object.entries(issues)) {
    mkdirSync(join(root, 'issues', folder, 'images'), { recursive: true });
    writeFileSync(join(root, 'issues', folder, 'issue.md'), [
      '---', `number: ${Number(folder)}`, `date: ${date}`, 'subject: Objet', 'preheader: Aperçu', 'status: ready', 'credits: []', '---', '',
      "## L'actu", '', '### Une nouvelle', '', 'Texte.', '', '## Le chiffre du mois', '', '84 %', '', 'Légende.', '',
      '## La projetothèque', '', '### Un projet', '', 'Texte.', '',
    ].join('\n'));
  }
  return root;
}

const issueFolders = (root: string) => readdirSync(join(root, 'issues')).sort();

/** The text of a `##` section of #42, up to the next `##`, as written. */
function sectionOf042(title: string): string {
  const source = readFileSync(ISSUE_042, 'utf8');
  const start = source.indexOf(`## ${title}\n`);
  const next = source.indexOf('\n## ', start + 1);
  return source.slice(start, next === -1 ? undefined : next).trimEnd();
}

describe('weekday-of-month dates', () => {
  it('gives the 3rd Monday of January after the 3rd Monday of December (#42 → 2025-01-20)', () => {
    expect(sameWeekdayNextMonth('2024-12-16')).toBe('2025-01-20');
  });
  it('falls back to the last such weekday when the next month has no 5th one', () => {
    expect(sameWeekdayNextMonth('2024-12-30')).toBe('2025-01-27'); // 5th Monday → last Monday
    expect(sameWeekdayNextMonth('2025-01-31')).toBe('2025-02-28'); // 5th Friday → last Friday
  });
  it('crosses years and leap days', () => {
    expect(sameWeekdayNextMonth('2023-12-05')).toBe('2024-01-02');
    expect(sameWeekdayNextMonth('2024-01-29')).toBe('2024-02-26');
  });
  it('finds the next date of the same rhythm from a given day', () => {
    expect(sameWeekdayFrom('2025-01-20', '2026-11-25')).toBe('2026-12-21');
    expect(sameWeekdayFrom('2025-01-20', '2026-11-16')).toBe('2026-11-16');
  });
});

describe('pvd new from flags', () => {
  it('writes the issue the flags describe, as a draft with the required and chosen sections', () => {
    const root = makeProject();
    const run = runPvd(['new', '--number', '43', '--date', '2030-03-18', '--subject', 'Objet de mars', '--preheader', 'Ce mois-ci, les rencontres du printemps.', '--sections', 'club,presse', '--no-carry-over'], { cwd: root });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const path = join(root, 'issues', '043', 'issue.md');
    expect(frontMatterOf(path)).toEqual({
      number: 43, date: '2030-03-18', subject: 'Objet de mars', preheader: 'Ce mois-ci, les rencontres du printemps.', status: 'draft', credits: [],
    });
    expect(headingsOf(path)).toEqual(["## L'actu", '## Le chiffre du mois', '## Le Club', '## La projetothèque', '## On parle de vous']);
    expect(readFileSync(path, 'utf8')).toContain('À compléter — Le Club PVD : un ### par sujet.');
    expect(readdirSync(join(root, 'issues', '043', 'images'))).toEqual(['.gitkeep']);
    expect(run.stdout).toBe([
      '✔ Numéro 43 créé : issues/043/issue.md (brouillon, envoi prévu le lundi 18 mars 2030)',
      "    ## L'actu", '    ## Le chiffre du mois', '    ## Le Club', '    ## La projetothèque', '    ## On parle de vous',
      '',
      'Et maintenant :',
      '  1. Rédigez issues/043/issue.md : remplacez chaque « À compléter » et ajoutez les photos dans images/.',
      '  2. npx pvd preview 43   pour voir la lettre pendant que vous écrivez',
      '  3. npx pvd lint 43      pour vérifier ; passez « status: ready » quand tout est prêt',
      '  4. npx pvd build 43     pour produire le HTML, le texte et le .eml dans out/',
      '',
    ].join('\n'));
  });

  it('accepts section titles as well as ids, and no optional section at all', () => {
    const root = makeProject();
    const titles = runPvd(['new', '--yes', '--number', '50', '--sections', "l'image du mois, Voir aussi", '--no-carry-over'], { cwd: root });
    expect(titles.code).toBe(0);
    expect(headingsOf(join(root, 'issues', '050', 'issue.md'))).toEqual(["## L'actu", '## Le chiffre du mois', "## L'image du mois", '## La projetothèque', '## Voir aussi']);
    const none = runPvd(['new', '--yes', '--number', '51', '--sections', '', '--no-carry-over'], { cwd: root });
    expect(none.code).toBe(0);
    expect(headingsOf(join(root, 'issues', '051', 'issue.md'))).toEqual(REQUIRED);
  });

  it('keeps any subject valid YAML and the Markdown intact: quotes, colons, {{, #, newlines', () => {
    const root = makeProject();
    const subject = 'Édito : "PACA" {{ unsubscribe }} #42 \'été\' - [x] *|UNSUB|*\nsuite';
    const preheader = '- @ce mois-ci: &ancre *alias ? | > % `code` \\ fin';
    const run = runPvd(['new', '--yes', '--subject', subject, '--preheader', preheader, '--sections', '', '--no-carry-over'], { cwd: root });
    expect(run.code).toBe(0);
    const path = join(root, 'issues', '043', 'issue.md');
    const data = frontMatterOf(path);
    // A subject is one line in every inbox: the newline becomes a space.
    expect(data.subject).toBe(subject.replace('\n', ' '));
    expect(data.preheader).toBe(preheader);
    expect(headingsOf(path)).toEqual(REQUIRED);
    const lint = runPvd(['lint', '43'], { cwd: root });
    expect(lint.stdout).not.toMatch(/\b(parse|front-matter)\b/);
  });

  it('uses the defaults with --yes: next number, same weekday-of-month, sections and recurring blocks of #42', () => {
    const root = makeProject();
    const run = runPvd(['new', '--yes'], { cwd: root });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const path = join(root, 'issues', '043', 'issue.md');
    const data = frontMatterOf(path);
    expect(data).toMatchObject({ number: 43, date: '2025-01-20', status: 'draft', subject: 'À compléter', preheader: 'À compléter' });
    expect(headingsOf(path)).toEqual(headingsOf(ISSUE_042));
  });

  it('keeps a default date already past with --yes, and says so', () => {
    const root = makeProject();
    const run = runPvd(['new', '--yes'], { cwd: root, today: '2025-03-05' });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('⚠ La date choisie, le lundi 20 janvier 2025, est passée.\n');
    expect(frontMatterOf(join(root, 'issues', '043', 'issue.md'))).toMatchObject({ date: '2025-01-20' });
  });

  it('counts from the highest number, leaving gaps alone (1, 2, 7 → 8), and takes the date from the issue before', () => {
    const root = projectWithIssues({ '001': '2030-01-07', '002': '2030-02-12', '007': '2030-07-17' });
    const run = runPvd(['new', '--yes'], { cwd: root });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(frontMatterOf(join(root, 'issues', '008', 'issue.md'))).toMatchObject({ number: 8, date: '2030-08-21' }); // 3rd Wednesday
    // Filling a gap: the issue before 5 is 2, sent on the 2nd Tuesday.
    const gap = runPvd(['new', '--yes', '--number', '5'], { cwd: root });
    expect(gap.code).toBe(0);
    expect(frontMatterOf(join(root, 'issues', '005', 'issue.md'))).toMatchObject({ number: 5, date: '2030-03-12' });
    expect(issueFolders(root)).toEqual(['001', '002', '005', '007', '008']);
  });

  it('starts at issue 1 when there is none yet, on the same weekday-of-month as today, next month', () => {
    const root = makeProject({ issues: false });
    // Thursday 14 March 2030, the 2nd Thursday: the 2nd Thursday of April is the 11th.
    const run = runPvd(['new', '--yes'], { cwd: root, today: '2030-03-14' });
    expect(run.code).toBe(0);
    const data = frontMatterOf(join(root, 'issues', '001', 'issue.md'));
    expect(data).toEqual({ number: 1, date: '2030-04-11', subject: 'À compléter', preheader: 'À compléter', status: 'draft', credits: [] });
    expect(headingsOf(join(root, 'issues', '001', 'issue.md'))).toEqual(REQUIRED);
  });
});

describe('pvd new refuses', () => {
  it('a number already used, with exit 1 and the existing issue untouched', () => {
    const root = makeProject();
    const path = join(root, 'issues', '042', 'issue.md');
    const before = readFileSync(path);
    const run = runPvd(['new', '--yes', '--number', '42'], { cwd: root });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Le numéro 42 existe déjà');
    expect(run.stderr).toContain("Rien n'a été modifié");
    expect(readFileSync(path).equals(before)).toBe(true);
    expect(issueFolders(root)).toEqual(['042']);
  });

  it('an existing folder even without issue.md, and says nothing was changed', () => {
    const root = makeProject();
    mkdirSync(join(root, 'issues', '043'));
    writeFileSync(join(root, 'issues', '043', 'notes.txt'), 'mes notes');
    const run = runPvd(['new', '--yes', '--number', '043'], { cwd: root });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("Rien n'a été modifié");
    expect(readdirSync(join(root, 'issues', '043'))).toEqual(['notes.txt']);
  });

  it.each(['0', '1000', 'abc', '4.2', '-1', '../../etc', '42/../043', ''])('the number %j, with exit 2', (number) => {
    const root = makeProject();
    const run = runPvd(['new', '--yes', `--number=${number}`], { cwd: root });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--number');
    expect(run.stderr).toContain('entre 1 et 999');
    expect(issueFolders(root)).toEqual(['042']);
  });

  it.each(['2025-02-30', '20/01/2025', 'demain', '2025-1-5'])('the date %j, with exit 2', (date) => {
    const root = makeProject();
    const run = runPvd(['new', '--yes', '--date', date], { cwd: root });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('AAAA-MM-JJ');
    expect(issueFolders(root)).toEqual(['042']);
  });

  it('an unknown section, listing the ones there are', () => {
    const root = makeProject();
    const run = runPvd(['new', '--yes', '--sections', 'club,agenda'], { cwd: root });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('« agenda »');
    expect(run.stderr).toContain("voir-aussi (Voir aussi)");
    expect(issueFolders(root)).toEqual(['042']);
  });

  it('to wait for answers without a terminal: exit 2 at once, naming the flags to pass', () => {
    const root = makeProject();
    const run = runPvd(['new'], { cwd: root, timeout: 10_000 });
    expect(run.signal).toBeNull(); // it did not hang until the guard killed it
    expect(run.code).toBe(2);
    for (const flag of ['--number', '--date', '--subject', '--preheader', '--sections', '--carry-over', '--yes']) expect(run.stderr).toContain(flag);
    expect(issueFolders(root)).toEqual(['042']);
  });

  it('without a terminal, names only the flags still missing', () => {
    const root = makeProject();
    const run = runPvd(['new', '--number', '43', '--date', '2030-01-21', '--subject', 'Objet'], { cwd: root, timeout: 10_000 });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('pvd : pas de terminal pour poser les questions. Donnez les réponses en options (--preheader, --sections, --carry-over / --no-carry-over) ou ajoutez --yes pour prendre les valeurs par défaut, par exemple : npx pvd new --yes --subject "Objet de la lettre"\n');
  });

  it('a past date without --yes when there is no terminal to confirm it', () => {
    const root = makeProject();
    const run = runPvd(['new', '--number', '43', '--date', '2020-01-20', '--subject', 'Objet', '--preheader', 'Aperçu', '--sections', '', '--no-carry-over'], { cwd: root, timeout: 10_000 });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('pvd : la date 2020-01-20 (lundi 20 janvier 2020) est passée : ajoutez --yes pour la garder, ou donnez une autre --date.\n');
    expect(issueFolders(root)).toEqual(['042']);
  });

  it('in English too', () => {
    const root = makeProject();
    const run = runPvd(['new', '--lang', 'en'], { cwd: root, timeout: 10_000 });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('pvd: no terminal to ask questions on. Give the answers as options (--number, --date, --subject, --preheader, --sections, --carry-over / --no-carry-over) or add --yes to take the defaults, for instance: npx pvd new --yes --subject "Newsletter subject"\n');
  });
});

describe('a fresh scaffold', () => {
  it('passes pvd lint with warnings only while draft, and fails with placeholder errors once ready', () => {
    const root = makeProject();
    expect(runPvd(['new', '--yes', '--no-carry-over'], { cwd: root }).code).toBe(0);
    const draft = runPvd(['lint', '43'], { cwd: root });
    expect(draft.code).toBe(0);
    // The subject (4:10), the preheader (5:12) and each section's « À compléter »: warnings, nothing else.
    const problems = (stdout: string) => stdout.split('\n').filter((line) => line.startsWith('issues/'));
    expect(problems(draft.stdout)).toHaveLength(21);
    expect(problems(draft.stdout)[0]).toBe("issues/043/issue.md:4:10  avertissement  placeholder-text  Texte provisoire « À compléter » : remplacez-le par le texte définitif avant l'envoi.");
    expect(problems(draft.stdout).every((line) => /^issues\/043\/issue\.md:\d+:\d+ {2}avertissement {2}placeholder-text /.test(line))).toBe(true);

    const path = join(root, 'issues', '043', 'issue.md');
    writeFileSync(path, readFileSync(path, 'utf8').replace('status: draft', 'status: ready'));
    const ready = runPvd(['lint', '43'], { cwd: root });
    expect(ready.code).toBe(1);
    // Once ready, the same places, as errors.
    expect(problems(ready.stdout)).toEqual(problems(draft.stdout).map((line) => line.replace('  avertissement  ', '  erreur  ')));
  });

  it('is rendered by pvd build, carried-over images included', () => {
    const root = makeProject();
    expect(runPvd(['new', '--yes'], { cwd: root }).code).toBe(0);
    const build = runPvd(['build', '43'], { cwd: root });
    expect(build.stderr).not.toMatch(/:\d+:\d+\s+erreur\s/);
    expect(build.code).toBe(0);
    const html = readFileSync(join(root, 'out', '043', 'index.html'), 'utf8');
    expect(html).toContain('À compléter');
    expect(html).toContain('Mobiliscope');
    expect(existsSync(join(root, 'out', '043', 'images', 'mobiliscope.jpg'))).toBe(true);
  });
});

describe('carry-over of the recurring sections', () => {
  it('copies « L’offre de services » and « Voir aussi » of #42 verbatim, with their images and credits', () => {
    const root = makeProject();
    const run = runPvd(['new', '--yes', '--number', '43', '--sections', 'services,voir-aussi', '--carry-over'], { cwd: root });
    expect(run.code).toBe(0);
    const folder = join(root, 'issues', '043');
    const text = readFileSync(join(folder, 'issue.md'), 'utf8');
    expect(text).toContain(`${sectionOf042("L'offre de services")}\n\n## Voir aussi`);
    expect(text.trimEnd().endsWith(sectionOf042('Voir aussi'))).toBe(true);
    for (const image of ['mobiliscope.jpg', 'livret-banque-des-territoires.jpg']) {
      expect(readFileSync(join(folder, 'images', image)).equals(readFileSync(join(root, 'issues', '042', 'images', image)))).toBe(true);
    }
    expect(readdirSync(join(folder, 'images')).sort()).toEqual(['livret-banque-des-territoires.jpg', 'mobiliscope.jpg']);
    expect(frontMatterOf(join(folder, 'issue.md')).credits).toEqual(['ANCT', 'Banque des Territoires']);
    expect(run.stdout).toContain('reprise du n° 42');
    // The images resolve: lint finds none missing.
    expect(runPvd(['lint', '43'], { cwd: root }).stdout).not.toContain('image-missing');
  });

  it('--carry-over brings the recurring sections in even when --sections leaves them out', () => {
    const root = makeProject();
    expect(runPvd(['new', '--yes', '--sections', 'club', '--carry-over'], { cwd: root }).code).toBe(0);
    const path = join(root, 'issues', '043', 'issue.md');
    expect(headingsOf(path)).toEqual(["## L'actu", '## Le chiffre du mois', '## Le Club', '## La projetothèque', "## L'offre de services", '## Voir aussi']);
    expect(readFileSync(path, 'utf8')).toContain('### Mobiliscope');
  });

  it('--no-carry-over leaves the recurring sections as placeholders, with no image copied', () => {
    const root = makeProject();
    expect(runPvd(['new', '--yes', '--sections', 'services,voir-aussi', '--no-carry-over'], { cwd: root }).code).toBe(0);
    const text = readFileSync(join(root, 'issues', '043', 'issue.md'), 'utf8');
    expect(text).not.toContain('Mobiliscope');
    expect(text).toContain("## L'offre de services\n\n### À compléter");
    expect(readdirSync(join(root, 'issues', '043', 'images'))).toEqual(['.gitkeep']);
  });

  it('warns about an image the previous issue already lacked, and still creates the issue', () => {
    const root = makeProject();
    rmSync(join(root, 'issues', '042', 'images', 'mobiliscope.jpg'));
    const run = runPvd(['new', '--yes', '--sections', 'services', '--carry-over'], { cwd: root });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('images/mobiliscope.jpg manquait déjà dans le n° 42');
    expect(readdirSync(join(root, 'issues', '043', 'images')).sort()).toEqual(['livret-banque-des-territoires.jpg']);
  });
});

describe('atomic creation', () => {
  it('leaves no temporary folder behind, and clears one abandoned by a killed run', () => {
    const root = makeProject();
    // A run killed outright leaves its hidden folder; its process no longer exists.
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
    const abandoned = join(root, 'issues', `.043.tmp-${dead}`);
    mkdirSync(abandoned);
    writeFileSync(join(abandoned, 'issue.md'), 'à moitié');
    expect(runPvd(['new', '--yes'], { cwd: root }).code).toBe(0);
    expect(readdirSync(join(root, 'issues')).sort()).toEqual(['042', '043']);
  });
});
