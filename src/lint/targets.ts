import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { UsageError } from '../errors.js';
import { displayPath, ISSUE_FILE, issueRef, listIssues, type Project } from '../project.js';

/**
 * The issue.md files a `pvd lint` run checks: all of issues/ with no path; otherwise each
 * argument as a number (42), an issue folder (issues/042), a folder of issues (issues/)
 * or a file. Anything that does not exist is refused before linting starts (exit 2).
 */
export function resolveLintTargets(project: Project, args: readonly string[]): string[] {
  const files = args.length === 0 ? listIssues(project).filter((ref) => existsSync(ref.path)).map((ref) => ref.path) : args.flatMap((arg) => resolveOne(project, arg));
  return [...new Set(files)];
}

function resolveOne(project: Project, arg: string): string[] {
  if (/^\d{1,3}$/.test(arg)) {
    const ref = issueRef(project, Number(arg));
    if (Number(arg) >= 1 && existsSync(ref.path)) return [ref.path];
    const known = listIssues(project).filter((candidate) => existsSync(candidate.path)).map((candidate) => candidate.number);
    throw new UsageError({
      fr: `Le numéro ${arg} n'existe pas (${displayPath(ref.path)} est introuvable)${known.length ? ` : numéros présents : ${known.join(', ')}` : ''}.`,
      en: `Issue ${arg} does not exist (${displayPath(ref.path)} not found)${known.length ? `: existing issues are ${known.join(', ')}` : ''}.`,
    });
  }
  const path = resolve(arg);
  let isFolder: boolean;
  try {
    isFolder = statSync(path).isDirectory();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(code === 'ENOENT' || code === 'ENOTDIR'
      ? { fr: `« ${arg} » n'existe pas : vérifiez le chemin, ou donnez un numéro (par exemple « pvd lint 42 »).`, en: `"${arg}" does not exist: check the path, or give an issue number (for instance "pvd lint 42").` }
      : { fr: `Impossible de lire « ${arg} » (${code ?? 'erreur inconnue'}) : vérifiez ses droits d'accès.`, en: `Cannot read "${arg}" (${code ?? 'unknown error'}): check its permissions.` });
  }
  if (!isFolder) return [path];
  if (existsSync(join(path, ISSUE_FILE))) return [join(path, ISSUE_FILE)];
  const inside = readdirSync(path).filter((name) => /^\d{3}$/.test(name) && existsSync(join(path, name, ISSUE_FILE))).sort();
  if (inside.length > 0) return inside.map((name) => join(path, name, ISSUE_FILE));
  throw new UsageError({
    fr: `« ${arg} » est un dossier sans issue.md : donnez le fichier issue.md d'un numéro, son dossier (issues/042) ou son numéro (42).`,
    en: `"${arg}" is a folder without issue.md: give an issue's issue.md, its folder (issues/042) or its number (42).`,
  });
}
