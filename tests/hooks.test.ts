import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { editIssue, ISSUE_042, lineOf, makeProject, REPO, runPvd } from './helpers.js';

// No global or system git configuration (a global core.hooksPath would change everything).
const HOME = mkdtempSync(join(tmpdir(), 'pvd-test-home-'));
const ENV = { ...process.env, HOME, XDG_CONFIG_HOME: join(HOME, '.config'), GIT_CONFIG_NOSYSTEM: '1', NO_COLOR: '1', PVD_LANG: '', PVD_ROOT: '', PRE_COMMIT_HOME: join(HOME, 'pre-commit'), npm_config_update_notifier: 'false' };
/** Folders made here beside makeProject()'s copies (git tops, worktrees): removed after the file. */
const made: string[] = [HOME];
afterAll(() => {
  for (const folder of made) rmSync(folder, { recursive: true, force: true });
});
const scratch = (name: string) => {
  const folder = mkdtempSync(join(tmpdir(), `pvd-test-${name}-`));
  made.push(folder);
  return folder;
};

function run(cwd: string, command: string, args: string[], env: NodeJS.ProcessEnv = {}) {
  const result = spawnSync(command, args, { cwd, env: { ...ENV, ...env }, encoding: 'utf8', timeout: 120_000 });
  return { code: result.status, stderr: result.stderr, output: `${result.stdout}${result.stderr}` };
}
const git = (cwd: string, ...args: string[]) => run(cwd, 'git', args);

/** A project copy made a git repository with one commit; `sub` puts the project in a subfolder. */
function gitProject(options: { sub?: string; before?: (top: string) => void } = {}): { top: string; root: string } {
  const project = makeProject();
  const top = options.sub ? scratch('git') : project;
  const root = options.sub ? join(top, options.sub) : project;
  if (options.sub) {
    mkdirSync(dirname(root), { recursive: true });
    renameSync(project, root);
  }
  git(top, 'init', '-q', '-b', 'main');
  git(top, 'config', 'user.name', 'Équipe PVD');
  git(top, 'config', 'user.email', 'pvd@example.org');
  git(top, 'config', 'commit.gpgsign', 'false');
  options.before?.(top);
  git(top, 'add', '-A');
  expect(git(top, 'commit', '-q', '-m', 'Numéro 42').code).toBe(0);
  return { top, root };
}

const breakIssue = (source: string) => source.replace('## Voir aussi', '## Voir ausi');
/** The section's name put right, and another change, so that there is something to commit. */
const mendIssue = (source: string) => source.replace('## Voir ausi', '## Voir aussi').replace('Directrice du programme PVD', 'Directrice du programme Petites villes de demain');
const commit = (top: string, message: string, env?: NodeJS.ProcessEnv) => run(top, 'git', ['commit', '-q', '-m', message], env);
/** What pvd lint says of the broken « Voir aussi » of #42, as the hook shows it. */
const VOIR_AUSI = `issues/042/issue.md:${lineOf(ISSUE_042, '## Voir aussi')}:1  erreur  unknown-section  Rubrique inconnue « Voir ausi » : vouliez-vous dire « Voir aussi » ?`;
const lastLine = (text: string) => text.trimEnd().split('\n').at(-1);

/** The hook's last words when it stops a commit (issue 10 point 5). */
const REFUSED = {
  errors: {
    fr: 'Commit refusé : les numéros ci-dessus ont des erreurs. Corrigez-les (« npx pvd lint --fix » corrige la typographie et les espaces), ajoutez-les (git add) puis recommencez ; ou, en connaissance de cause, passez la vérification avec « git commit --no-verify ».',
    en: 'Commit refused: the issues above have errors. Fix them ("npx pvd lint --fix" fixes typography and spacing), add them (git add) and commit again; or, knowingly, skip the check with "git commit --no-verify".',
  },
  partial: {
    fr: 'Commit refusé : ajoutez ces modifications au commit (git add) ou mettez-les de côté (git stash --keep-index), puis recommencez.',
    en: 'Commit refused: add these changes to the commit (git add) or set them aside (git stash --keep-index), then commit again.',
  },
  failed: {
    fr: "Commit refusé : pvd n'a pas pu vérifier les numéros (message ci-dessus). Réglez ce problème puis recommencez ; ou, en connaissance de cause, passez la vérification avec « git commit --no-verify ».",
    en: 'Commit refused: pvd could not check the issues (message above). Solve that problem and commit again; or, knowingly, skip the check with "git commit --no-verify".',
  },
};

describe('pvd hooks install', () => {
  it('writes a pre-commit hook that refuses a staged issue with errors, and accepts it once fixed', () => {
    const { top, root } = gitProject();
    const install = runPvd(['hooks', 'install'], { cwd: root });
    expect(install.code).toBe(0);
    expect(install.stdout).toMatch(/^Hook pre-commit installé : \.git\/hooks\/pre-commit\.$/m);
    const hook = join(top, '.git', 'hooks', 'pre-commit');
    expect(statSync(hook).mode & 0o777).toBe(0o755);
    expect(readFileSync(hook, 'utf8')).toContain(join(REPO, 'bin', 'pvd.js'));

    editIssue(root, '042', breakIssue);
    git(top, 'add', 'issues/042/issue.md');
    const refused = commit(top, 'Rubrique mal nommée');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe(`${VOIR_AUSI}\n\n✖ 1 problème (1 erreur, 0 avertissement)\n${REFUSED.errors.fr}\n`);
    expect(git(top, 'log', '--oneline').output.trim().split('\n')).toHaveLength(1);

    editIssue(root, '042', mendIssue);
    git(top, 'add', 'issues/042/issue.md');
    const accepted = commit(top, 'Rubrique corrigée');
    expect(accepted.code, accepted.output).toBe(0);
    expect(git(top, 'log', '--oneline').output.trim().split('\n')).toHaveLength(2);
  });

  it('lints only the staged issues: a broken issue left out of the commit does not block it', () => {
    const { top, root } = gitProject();
    expect(runPvd(['hooks', 'install'], { cwd: root }).code).toBe(0);
    editIssue(root, '042', breakIssue);
    writeFileSync(join(root, 'NOTES.md'), 'Notes de la rédaction\n');
    git(top, 'add', 'NOTES.md');
    expect(commit(top, 'Notes').code).toBe(0);
    // A new issue with errors, staged, is refused.
    mkdirSync(join(root, 'issues', '043'));
    writeFileSync(join(root, 'issues', '043', 'issue.md'), '---\nnumber: 43\n---\n');
    git(top, 'add', 'issues/043/issue.md');
    const refused = commit(top, 'Numéro 43');
    expect(refused.code).toBe(1);
    expect(refused.output).toContain('issues/043/issue.md');
    expect(refused.output).not.toContain('issues/042/issue.md');
  });

  it('checks the issue of a picture staged alone: a page renamed .jpg is refused, a real picture passes', () => {
    const { top, root } = gitProject();
    expect(runPvd(['hooks', 'install'], { cwd: root }).code).toBe(0);
    const picture = join(root, 'issues', '042', 'images', 'toul.jpg');
    const real = readFileSync(picture);
    writeFileSync(picture, '<html><body><script>alert(1)</script></body></html>');
    git(top, 'add', 'issues/042/images/toul.jpg');
    const refused = commit(top, 'Nouvelle photo de Toul');
    expect(refused.code).toBe(1);
    expect(refused.output).toMatch(/issues\/042\/issue\.md:\d+:\d+ {2}erreur {2}image-format /);
    expect(lastLine(refused.stderr)).toBe(REFUSED.errors.fr);
    // The same picture with a pixel changed: checked, and accepted.
    writeFileSync(picture, Buffer.concat([real.subarray(0, real.length - 3), Buffer.from([real[real.length - 3]! ^ 1]), real.subarray(real.length - 2)]));
    git(top, 'add', 'issues/042/images/toul.jpg');
    expect(commit(top, 'Nouvelle photo de Toul').code).toBe(0);
  });

  it('checks the issue of a picture removed while the issue still shows it', () => {
    const { top, root } = gitProject();
    expect(runPvd(['hooks', 'install'], { cwd: root }).code).toBe(0);
    git(top, 'rm', '-q', 'issues/042/images/toul.jpg');
    const refused = commit(top, 'Photo retirée');
    expect(refused.code).toBe(1);
    expect(refused.output).toMatch(/issues\/042\/issue\.md:\d+:\d+ {2}erreur {2}image-missing /);
  });

  it('refuses a commit whose staged issue differs from the file on disk, since it checks the file', () => {
    const { top, root } = gitProject();
    expect(runPvd(['hooks', 'install'], { cwd: root }).code).toBe(0);
    editIssue(root, '042', breakIssue);
    git(top, 'add', 'issues/042/issue.md');
    editIssue(root, '042', mendIssue); // fixed on disk, but the broken version is staged
    const refused = commit(top, 'Rubrique mal nommée');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe([
      'pvd : ces numéros ont des modifications non ajoutées au commit : issues/042/issue.md',
      'La vérification lit les fichiers sur le disque, pas ce qui est ajouté au commit.',
      REFUSED.partial.fr,
      '',
    ].join('\n'));
    expect(lastLine(commit(top, 'Rubrique mal nommée', { PVD_LANG: 'en' }).stderr)).toBe(REFUSED.partial.en);
    git(top, 'add', 'issues/042/issue.md');
    expect(commit(top, 'Rubrique corrigée').code).toBe(0);
  });

  it('refuses to replace a hook it did not write, unless --force, and keeps the old one', () => {
    const { top, root } = gitProject();
    const hook = join(top, '.git', 'hooks', 'pre-commit');
    writeFileSync(hook, '#!/bin/sh\necho "hook maison"\n', { mode: 0o755 });
    const refused = runPvd(['hooks', 'install'], { cwd: root });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/Un hook pre-commit existe déjà \(\.git\/hooks\/pre-commit\) et pvd ne l'a pas écrit : relancez avec --force/);
    expect(readFileSync(hook, 'utf8')).toContain('hook maison');

    const forced = runPvd(['hooks', 'install', '--force'], { cwd: root });
    expect(forced.code).toBe(0);
    expect(forced.stdout).toContain("L'ancien hook est gardé dans .git/hooks/pre-commit.avant-pvd.");
    expect(readFileSync(`${hook}.avant-pvd`, 'utf8')).toContain('hook maison');
    // Its own hook, it rewrites without --force.
    const again = runPvd(['hooks', 'install', '--lang', 'en'], { cwd: root });
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^Pre-commit hook updated: \.git\/hooks\/pre-commit\.$/m);
  });

  it('respects core.hooksPath', () => {
    const { top, root } = gitProject();
    git(top, 'config', 'core.hooksPath', 'outils/hooks');
    expect(runPvd(['hooks', 'install'], { cwd: root }).stdout).toMatch(/installé : outils\/hooks\/pre-commit\./);
    expect(existsSync(join(top, '.git', 'hooks', 'pre-commit'))).toBe(false);
    editIssue(root, '042', breakIssue);
    git(top, 'add', 'issues/042/issue.md');
    expect(lastLine(commit(top, 'Rubrique mal nommée').stderr)).toBe(REFUSED.errors.fr);
  });

  it('works when the newsletter is a subfolder of the git repository, its path with spaces and accents', () => {
    const { top, root } = gitProject({ sub: join('communication', 'lettre d’information') });
    expect(runPvd(['hooks', 'install'], { cwd: root }).code).toBe(0);
    editIssue(root, '042', breakIssue);
    git(top, 'add', '-A');
    const refused = commit(top, 'Rubrique mal nommée');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe(`${VOIR_AUSI}\n\n✖ 1 problème (1 erreur, 0 avertissement)\n${REFUSED.errors.fr}\n`);
    editIssue(root, '042', mendIssue);
    git(top, 'add', '-A');
    const mended = commit(top, 'Rubrique corrigée');
    expect(mended.code, mended.output).toBe(0);
  });

  it('works in a linked worktree (git add worktree) with the newsletter in a subfolder, where git sets GIT_DIR', () => {
    const { top } = gitProject({ sub: 'lettre' });
    const worktree = join(scratch('worktree'), 'copie');
    expect(git(top, 'worktree', 'add', '-q', '-b', 'brouillon', worktree).code).toBe(0);
    const root = join(worktree, 'lettre');
    const install = runPvd(['hooks', 'install'], { cwd: root, env: ENV });
    expect(install.code, install.stderr).toBe(0);
    // Worktrees share the repository's hooks.
    expect(existsSync(join(top, '.git', 'hooks', 'pre-commit'))).toBe(true);
    editIssue(root, '042', breakIssue);
    git(worktree, 'add', '-A');
    const refused = commit(worktree, 'Rubrique mal nommée');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe(`${VOIR_AUSI}\n\n✖ 1 problème (1 erreur, 0 avertissement)\n${REFUSED.errors.fr}\n`);
    // From a subfolder of the worktree as well: git runs the hook at the top.
    expect(commit(join(root, 'issues'), 'Rubrique mal nommée').code).toBe(1);
    // A staged issue that differs from the file on disk is seen there too.
    editIssue(root, '042', mendIssue);
    expect(lastLine(commit(worktree, 'Rubrique mal nommée').stderr)).toBe(REFUSED.partial.fr);
    git(worktree, 'add', '-A');
    const mended = commit(worktree, 'Rubrique corrigée');
    expect(mended.code, mended.output).toBe(0);
    expect(git(worktree, 'log', '--oneline').output.trim().split('\n')).toHaveLength(2);
  });

  it('ends a refusal with one plain line saying what to do next, in French or in English (PVD_LANG=en)', () => {
    const { top, root } = gitProject();
    expect(runPvd(['hooks', 'install'], { cwd: root }).code).toBe(0);
    editIssue(root, '042', breakIssue);
    git(top, 'add', 'issues/042/issue.md');
    expect(lastLine(commit(top, 'Rubrique mal nommée').stderr)).toBe(REFUSED.errors.fr);
    const english = commit(top, 'Rubrique mal nommée', { PVD_LANG: 'en' });
    expect(english.code).toBe(1);
    expect(english.stderr).toContain('error  unknown-section  Unknown section "Voir ausi"');
    expect(lastLine(english.stderr)).toBe(REFUSED.errors.en);
    // The way out it names works: the commit goes through, unchecked.
    expect(git(top, 'commit', '-q', '--no-verify', '-m', 'Rubrique mal nommée, sciemment').code).toBe(0);
  });

  it('says pvd could not check when lint itself fails (exit 2), and refuses the commit', () => {
    const { top, root } = gitProject();
    expect(runPvd(['hooks', 'install'], { cwd: root }).code).toBe(0);
    const yaml = join(root, 'templates', 'pvd', 'template.yaml');
    writeFileSync(yaml, readFileSync(yaml, 'utf8').replace('rules: {}', 'rules:\n  typographie-fr: off'));
    editIssue(root, '042', mendIssue);
    git(top, 'add', 'issues/042/issue.md');
    const refused = commit(top, 'Modèle cassé');
    // git says 1 whatever the hook's code.
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('rules — règle inconnue « typographie-fr »');
    expect(lastLine(refused.stderr)).toBe(REFUSED.failed.fr);
    expect(lastLine(commit(top, 'Modèle cassé', { PVD_LANG: 'en' }).stderr)).toBe(REFUSED.failed.en);
  });

  it('says what to do outside a git repository, or when husky manages the hooks (exit 2)', () => {
    const outside = runPvd(['hooks', 'install'], { cwd: makeProject(), env: { GIT_CEILING_DIRECTORIES: tmpdir() } });
    expect(outside.code).toBe(2);
    expect(outside.stderr).toMatch(/Ce dossier n'est pas dans un dépôt git : lancez « git init »/);

    const { top, root } = gitProject();
    git(top, 'config', 'core.hooksPath', '.husky/_');
    const husky = runPvd(['hooks', 'install'], { cwd: root });
    expect(husky.code).toBe(2);
    expect(husky.stderr).toMatch(/gérés par husky/);
  });
});

const preCommitVersion = spawnSync('pre-commit', ['--version'], { encoding: 'utf8' });
const hasPreCommit = preCommitVersion.status === 0;
if (!hasPreCommit) console.warn('pre-commit absent : test du framework pre-commit ignoré — installez le paquet Debian « pre-commit ».');

describe.skipIf(!hasPreCommit)('.pre-commit-hooks.yaml with the pre-commit framework', () => {
  it('refuses a commit while a staged issue has errors, and accepts it once fixed', () => {
    const [hook] = parse(readFileSync(join(REPO, '.pre-commit-hooks.yaml'), 'utf8')) as Record<string, unknown>[];
    expect(hook).toMatchObject({ id: 'pvd-lint', language: 'system', pass_filenames: true });
    const { top, root } = gitProject({
      before: (top) => {
        // The newsletter repository with pvd installed, as `npm install` leaves it.
        writeFileSync(join(top, 'package.json'), '{ "name": "lettre-pvd", "private": true }\n');
        writeFileSync(join(top, '.gitignore'), 'node_modules/\n');
        mkdirSync(join(top, 'node_modules', '.bin'), { recursive: true });
        symlinkSync(REPO, join(top, 'node_modules', 'pvd'));
        symlinkSync(join('..', 'pvd', 'bin', 'pvd.js'), join(top, 'node_modules', '.bin', 'pvd'));
        // The shipped hook, as a local repository (pre-commit would otherwise clone pvd's).
        const config = { repos: [{ repo: 'local', hooks: [hook] }] };
        writeFileSync(join(top, '.pre-commit-config.yaml'), JSON.stringify(config, null, 2));
      },
    });
    const installed = run(top, 'pre-commit', ['install']);
    expect(installed.code, installed.output).toBe(0);

    editIssue(root, '042', breakIssue);
    git(top, 'add', 'issues/042/issue.md');
    const refused = commit(top, 'Rubrique mal nommée');
    expect(refused.code).toBe(1);
    expect(refused.output).toContain(VOIR_AUSI);

    editIssue(root, '042', mendIssue);
    git(top, 'add', 'issues/042/issue.md');
    const accepted = commit(top, 'Rubrique corrigée');
    expect(accepted.code, accepted.output).toBe(0);

    // A picture staged alone is checked with its issue.
    writeFileSync(join(root, 'issues', '042', 'images', 'toul.jpg'), '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    git(top, 'add', 'issues/042/images/toul.jpg');
    const picture = commit(top, 'Nouvelle photo de Toul');
    expect(picture.code).toBe(1);
    expect(picture.output).toMatch(/issues\/042\/issue\.md:\d+:\d+ {2}erreur {2}image-format /);
  });
});
