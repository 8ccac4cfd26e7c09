import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { UsageError } from './errors.js';
import { shownPath } from './io/paths.js';

/** The newsletter repository: templates/ and issues/ side by side. */
export interface Project {
  root: string;
  issuesDir: string;
}

/** One issue.md to work on, wherever it was named from (a number, a folder, a file). */
export interface IssueFile {
  /** Absolute path of issue.md. */
  path: string;
  /** Absolute path of its folder, where its images are. */
  folder: string;
  /** The path as the user should see it. */
  file: string;
}

/** An issue of issues/: its folder is its number. */
export interface IssueRef extends IssueFile {
  number: number;
  /** Three digits: the folder's name. */
  folderName: string;
}

export const ISSUE_FILE = 'issue.md';

/** Issue numbers run from 1 to 999: three digits make the folder's name. */
export const FIRST_ISSUE_NUMBER = 1;
export const LAST_ISSUE_NUMBER = 999;
const ISSUE_FOLDER = /^\d{3}$/;
const TYPED_NUMBER = /^\d{1,3}$/;

/** The nearest folder at or above `from` that holds templates/ (PVD_ROOT overrides). */
export function findProject(from = process.cwd()): Project {
  let folder = resolve(process.env.PVD_ROOT || from);
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

export function isIssueNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= FIRST_ISSUE_NUMBER && value <= LAST_ISSUE_NUMBER;
}

/** A number as a user types it (42, 042), or undefined when it is no issue number. */
export function typedIssueNumber(text: string): number | undefined {
  return TYPED_NUMBER.test(text) && isIssueNumber(Number(text)) ? Number(text) : undefined;
}

export function folderNameOf(number: number): string {
  return String(number).padStart(3, '0');
}

export function isIssueFolderName(name: string): boolean {
  return ISSUE_FOLDER.test(name) && isIssueNumber(Number(name));
}

/** The three digits that end an issue's folder (issues/042 → 042), or '' for a folder named otherwise. */
export function folderDigitsOf(ref: IssueFile): string {
  return /(\d{3})$/.exec(ref.folder)?.[1] ?? '';
}

export function issueRef(project: Project, number: number): IssueRef {
  const folderName = folderNameOf(number);
  const folder = join(project.issuesDir, folderName);
  const path = join(folder, ISSUE_FILE);
  return { number, folderName, folder, path, file: shownPath(path, { outside: 'relative' }) };
}

/**
 * Every issue of issues/, in number order. What an issue is, for every command alike: a
 * folder named by three digits that holds an issue.md. A folder without one (being made,
 * or emptied) is no issue yet.
 */
export function listIssues(project: Project): IssueRef[] {
  let names: string[];
  try {
    names = readdirSync(project.issuesDir);
  } catch {
    return [];
  }
  return names
    .filter(isIssueFolderName)
    .map((name) => issueRef(project, Number(name)))
    .filter((ref) => isFile(ref.path))
    .sort((a, b) => a.number - b.number);
}

/** Every three-digit name under issues/, with an issue.md or not: the numbers a new issue cannot take. */
export function issueFolderNames(project: Project): string[] {
  try {
    return readdirSync(project.issuesDir).filter(isIssueFolderName).sort();
  } catch {
    return [];
  }
}

/** A number given on the command line: 42, 042. */
export function parseIssueNumber(argument: string): number {
  const number = typedIssueNumber(argument);
  if (number === undefined) {
    throw new UsageError({
      fr: `« ${argument} » n'est pas un numéro de lettre : donnez un nombre entre ${FIRST_ISSUE_NUMBER} et ${LAST_ISSUE_NUMBER} (par exemple 42).`,
      en: `"${argument}" is not an issue number: give a number from ${FIRST_ISSUE_NUMBER} to ${LAST_ISSUE_NUMBER} (for instance 42).`,
    });
  }
  return number;
}

/**
 * The issues a command works on, the same for every command: each argument is a number (42),
 * an issue's folder (issues/042), a folder of issues (issues/) or an issue.md file. With no
 * argument, `whenNone` decides: every issue, or a usage error. Anything that does not exist is
 * refused before any work starts (exit 2).
 */
export function resolveIssues(project: Project, args: readonly string[], whenNone: 'all' | UsageError = 'all'): IssueFile[] {
  if (args.length === 0) {
    if (whenNone !== 'all') throw whenNone;
    return listIssues(project);
  }
  const seen = new Set<string>();
  return args.flatMap((arg) => resolveArgument(project, arg)).filter((issue) => !seen.has(issue.path) && seen.add(issue.path));
}

function resolveArgument(project: Project, arg: string): IssueFile[] {
  if (/^\d+$/.test(arg)) {
    const ref = issueRef(project, parseIssueNumber(arg));
    if (isFile(ref.path)) return [ref];
    const known = listIssues(project).map((candidate) => candidate.number);
    throw new UsageError({
      fr: `Le numéro ${arg} n'existe pas (${ref.file} est introuvable)${known.length ? ` : numéros présents : ${known.join(', ')}` : ''}. Créez-le avec « npx pvd new ».`,
      en: `Issue ${arg} does not exist (${ref.file} not found)${known.length ? `: existing issues are ${known.join(', ')}` : ''}. Create it with "npx pvd new".`,
    });
  }
  const path = resolve(arg);
  let isFolder: boolean;
  try {
    isFolder = statSync(path).isDirectory();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(code === 'ENOENT' || code === 'ENOTDIR'
      ? { fr: `« ${arg} » n'existe pas : vérifiez le chemin, ou donnez un numéro (par exemple 42).`, en: `"${arg}" does not exist: check the path, or give an issue number (for instance 42).` }
      : { fr: `Impossible de lire « ${arg} » (${code ?? 'erreur inconnue'}) : vérifiez ses droits d'accès.`, en: `Cannot read "${arg}" (${code ?? 'unknown error'}): check its permissions.` });
  }
  if (!isFolder) return [issueFileAt(owningIssue(path) ?? path)];
  if (isFile(join(path, ISSUE_FILE))) return [issueFileAt(join(path, ISSUE_FILE))];
  const inside = readdirSync(path).filter((name) => isIssueFolderName(name) && isFile(join(path, name, ISSUE_FILE))).sort();
  if (inside.length > 0) return inside.map((name) => issueFileAt(join(path, name, ISSUE_FILE)));
  throw new UsageError({
    fr: `« ${arg} » est un dossier sans issue.md : donnez le fichier issue.md d'un numéro, son dossier (issues/042) ou son numéro (42).`,
    en: `"${arg}" is a folder without issue.md: give an issue's issue.md, its folder (issues/042) or its number (42).`,
  });
}

/**
 * The issue.md of the issue folder a file sits in (issues/042/images/toul.jpg → issues/042/issue.md):
 * a hook that passes the files a commit changes has a picture checked with the issue that shows it.
 */
function owningIssue(path: string): string | undefined {
  if (basename(path) === ISSUE_FILE) return undefined;
  for (let folder = dirname(path); dirname(folder) !== folder; folder = dirname(folder)) {
    if (isIssueFolderName(basename(folder)) && isFile(join(folder, ISSUE_FILE))) return join(folder, ISSUE_FILE);
  }
  return undefined;
}

function issueFileAt(path: string): IssueFile {
  return { path, folder: dirname(path), file: shownPath(path, { outside: 'relative' }) };
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
