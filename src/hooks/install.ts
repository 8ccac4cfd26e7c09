import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, realpathSync, renameSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { UsageError } from '../errors.js';
import { shownPath } from '../io/paths.js';
import { writeFileAtomic } from '../io/atomic.js';
import { HOOK_MARKER, preCommitScript } from './pre-commit.js';

export interface InstallOptions {
  /** The newsletter repository (holds templates/ and issues/). */
  projectRoot: string;
  pvd: string;
  node: string;
  force: boolean;
}

export interface InstallResult {
  path: string;
  /** What was there before: nothing, an older pvd hook, or another hook moved aside. */
  previous: 'none' | 'pvd' | { backup: string };
}

function git(cwd: string, args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

/** Writes the pre-commit hook where git will run it: .git/hooks, or core.hooksPath when set. */
export function installPreCommitHook(options: InstallOptions): InstallResult {
  let top: string;
  let hooksDir: string;
  try {
    top = git(options.projectRoot, ['rev-parse', '--show-toplevel']);
    // --git-path follows core.hooksPath and worktrees; it answers relative to the cwd.
    hooksDir = resolve(options.projectRoot, git(options.projectRoot, ['rev-parse', '--git-path', 'hooks']));
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new UsageError(missing
      ? { fr: "git est introuvable : installez-le (https://git-scm.com) puis relancez « npx pvd hooks install ».", en: 'git was not found: install it (https://git-scm.com), then run "npx pvd hooks install" again.' }
      : { fr: "Ce dossier n'est pas dans un dépôt git : lancez « git init » (ou clonez le dépôt de la lettre) puis « npx pvd hooks install ».", en: 'This folder is not in a git repository: run "git init" (or clone the newsletter repository), then "npx pvd hooks install".' });
  }
  if (hooksDir.split(sep).includes('.husky')) {
    throw new UsageError({
      fr: `Les hooks de ce dépôt sont gérés par husky (${relative(top, hooksDir)}) : ajoutez « npx lint-staged » à .husky/pre-commit (recette dans le README) plutôt que « npx pvd hooks install ».`,
      en: `This repository's hooks are managed by husky (${relative(top, hooksDir)}): add "npx lint-staged" to .husky/pre-commit (recipe in the README) instead of "npx pvd hooks install".`,
    });
  }
  const projectRoot = realpathSync(options.projectRoot);
  const prefix = relative(realpathSync(top), projectRoot).split(sep).join('/');
  if (prefix.startsWith('..') || isAbsolute(prefix)) {
    throw new UsageError({ fr: 'Le dépôt de la lettre doit être dans le dépôt git.', en: 'The newsletter repository must be inside the git repository.' });
  }
  const path = join(hooksDir, 'pre-commit');
  const shown = shownPath(path, { outside: 'relative' });
  let previous: InstallResult['previous'] = 'none';
  if (existsSync(path)) {
    const current = readFileSync(path, 'utf8');
    if (current.includes(HOOK_MARKER)) previous = 'pvd';
    else if (!options.force) {
      throw new UsageError({
        fr: `Un hook pre-commit existe déjà (${shown}) et pvd ne l'a pas écrit : relancez avec --force pour le remplacer (il sera gardé dans pre-commit.avant-pvd), ou appelez « npx pvd lint » depuis ce hook.`,
        en: `A pre-commit hook already exists (${shown}) and pvd did not write it: run again with --force to replace it (it is kept as pre-commit.avant-pvd), or call "npx pvd lint" from that hook.`,
      });
    } else {
      let backup = `${path}.avant-pvd`;
      for (let n = 2; existsSync(backup); n++) backup = `${path}.avant-pvd-${n}`;
      renameSync(path, backup);
      previous = { backup };
    }
  }
  mkdirSync(hooksDir, { recursive: true });
  writeFileAtomic(path, preCommitScript({ pvd: options.pvd, node: options.node, prefix }));
  chmodSync(path, 0o755);
  return { path, previous };
}
