import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { editIssue, makeProject, REPO, runPvd } from './helpers.js';

// No global or system git configuration (a global core.hooksPath would change everything).
const HOME = mkdtempSync(join(tmpdir(), 'pvd-home-'));
const ENV = { ...process.env, HOME, XDG_CONFIG_HOME: join(HOME, '.config'), GIT_CONFIG_NOSYSTEM: '1', NO_COLOR: '1', PVD_LANG: '', PVD_ROOT: '', PRE_COMMIT_HOME: join(HOME, 'pre-commit'), npm_config_update_notifier: 'false' };

function run(cwd: string, command: string, ...args: string[]) {
  const result = spawnSync(command, args, { cwd, env: ENV, encoding: 'utf8', timeout: 120_000 });
  return { code: result.status, output: `${result.stdout}${result.stderr}` };
}
const git = (cwd: string, ...args: string[]) => run(cwd, 'git', ...args);

/** A project copy made a git repository with one commit; `sub` puts the project in a subfolder. */
function gitProject(options: { sub?: string; before?: (top: string) => void } = {}): { top: string; root: string } {
  const project = makeProject();
  const top = options.sub ? mkdtempSync(join(tmpdir(), 'pvd-git-')) : project;
  const root = options.sub ? join(top, options.sub) : project;
  if (options.sub) renameSync(project, root);
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
const commit = (top: string, message: string) => git(top, 'commit', '-q', '-m', message);

describe('pvd hooks install', () => {
  it('writes a pre-commit hook that refuses a staged issue with errors, and accepts it once fixed', () => {
    const { top, root } = gitProject();
    const install = runPvd(['hooks', 'install'], { cwd: root });
    expect(install.code).toBe(0);
    expect(install.stdout).toMatch(/^Hook pre-commit installé : \.git\/hooks\/pre-commit\.$/m);
    const hook = join(top, '.git', 'hooks', 'pre-commit');
    expect(statSync(hook).mode & 0o111).not.toBe(0);
    expect(readFileSync(hook, 'utf8')).toContain(join(REPO, 'bin', 'pvd.js'));

    editIssue(root, '042', breakIssue);
    git(top, 'add', 'issues/042/issue.md');
    const refused = commit(top, 'Rubrique mal nommée');
    expect(refused.code).not.toBe(0);
    expect(refused.output).toMatch(/issues\/042\/issue\.md:\d+:1 {2}erreur {2}unknown-section {2}Rubrique inconnue « Voir ausi »/);
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
    expect(refused.code).not.toBe(0);
    expect(refused.output).toContain('issues/043/issue.md');
    expect(refused.output).not.toContain('issues/042/issue.md');
  });

  it('refuses a commit whose staged issue differs from the file on disk, since it checks the file', () => {
    const { top, root } = gitProject();
    expect(runPvd(['hooks', 'install'], { cwd: root }).code).toBe(0);
    editIssue(root, '042', breakIssue);
    git(top, 'add', 'issues/042/issue.md');
    editIssue(root, '042', mendIssue); // fixed on disk, but the broken version is staged
    const refused = commit(top, 'Rubrique mal nommée');
    expect(refused.code).not.toBe(0);
    expect(refused.output).toContain('pvd : ces numéros ont des modifications non ajoutées au commit : issues/042/issue.md');
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
    expect(commit(top, 'Rubrique mal nommée').code).not.toBe(0);
  });

  it('works when the newsletter is a subfolder of the git repository', () => {
    const { top, root } = gitProject({ sub: 'lettre' });
    expect(runPvd(['hooks', 'install'], { cwd: root }).code).toBe(0);
    editIssue(root, '042', breakIssue);
    git(top, 'add', '-A');
    const refused = commit(top, 'Rubrique mal nommée');
    expect(refused.code).not.toBe(0);
    expect(refused.output).toMatch(/issues\/042\/issue\.md:\d+:1 {2}erreur {2}unknown-section/);
    editIssue(root, '042', mendIssue);
    git(top, 'add', '-A');
    const mended = commit(top, 'Rubrique corrigée');
    expect(mended.code, mended.output).toBe(0);
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
    const installed = run(top, 'pre-commit', 'install');
    expect(installed.code, installed.output).toBe(0);

    editIssue(root, '042', breakIssue);
    git(top, 'add', 'issues/042/issue.md');
    const refused = commit(top, 'Rubrique mal nommée');
    expect(refused.code).not.toBe(0);
    expect(refused.output).toMatch(/issues\/042\/issue\.md:\d+:1 {2}erreur {2}unknown-section/);

    editIssue(root, '042', mendIssue);
    git(top, 'add', 'issues/042/issue.md');
    const accepted = commit(top, 'Rubrique corrigée');
    expect(accepted.code, accepted.output).toBe(0);
  });
});
