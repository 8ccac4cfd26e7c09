import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { UsageError } from './errors.js';

/** The newsletter repository: templates/ and issues/ side by side. */
export interface Project {
  root: string;
  issuesDir: string;
}

export interface IssueRef {
  number: number;
  /** Three digits: the folder's name. */
  folderName: string;
  folder: string;
  path: string;
}

export const ISSUE_FILE = 'issue.md';
const ISSUE_FOLDER = /^\d{3}$/;

/** The nearest folder at or above `from` that holds templates/ (PVD_ROOT overrides). */
export function findProject(from = process.cwd()): Project {
  let folder = resolve(process.env.PVD_ROOT ?? from);
  for (;;) {
    if (existsSync(join(folder, 'templates'))) return { root: folder, issuesDir: join(folder, 'issues') };
    const parent = dirname(folder);
    if (parent === folder) {
      throw new UsageError({
        fr: "Aucun dépôt de lettre trouvé ici ni au-dessus (il faut un dossier templates/) : placez-vous dans le dépôt de la lettre.",
        en: 'No newsletter repository found here or above (a templates/ folder is needed): run pvd from the newsletter repository.',
      });
    }
    folder = parent;
  }
}

export function folderNameOf(number: number): string {
  return String(number).padStart(3, '0');
}

export function issueRef(project: Project, number: number): IssueRef {
  const folderName = folderNameOf(number);
  const folder = join(project.issuesDir, folderName);
  return { number, folderName, folder, path: join(folder, ISSUE_FILE) };
}

/** Every issues/NNN/ folder, in number order. */
export function listIssues(project: Project): IssueRef[] {
  let names: string[];
  try {
    names = readdirSync(project.issuesDir);
  } catch {
    return [];
  }
  return names
    .filter((name) => ISSUE_FOLDER.test(name))
    .map((name) => issueRef(project, Number(name)))
    .sort((a, b) => a.number - b.number);
}

export function parseIssueNumber(argument: string): number {
  if (!/^\d{1,3}$/.test(argument) || Number(argument) < 1) throw invalidNumber(argument);
  return Number(argument);
}

function invalidNumber(argument: string): UsageError {
  return new UsageError({
    fr: `« ${argument} » n'est pas un numéro de lettre : donnez un nombre entre 1 et 999 (par exemple 42).`,
    en: `"${argument}" is not an issue number: give a number from 1 to 999 (for instance 42).`,
  });
}

/** Paths shown to users are relative to where they are. */
export function displayPath(path: string): string {
  return relative(process.cwd(), path) || path;
}
