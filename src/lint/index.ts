import { accessSync, constants, lstatSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, relative, sep } from 'node:path';
import type { Diagnostic } from '../diagnostics/index.js';
import { sortDiagnostics } from '../diagnostics/index.js';
import type { Message } from '../i18n/lang.js';
import { writeFileAtomic } from '../io/atomic.js';
import { loadIssue, loadIssueSource, type LoadedIssue } from '../issue/load.js';
import { decodeIssueBytes } from '../issue/read.js';
import type { IssueFile, Project } from '../project.js';
import type { IssueNumbers } from './issue-numbers.js';
import type { Template } from '../template/model.js';
import { runRules, type ConfiguredRule } from './engine.js';
import { applyFixes } from './fix.js';

export { configureRule, levelOf, type ConfiguredRule } from './engine.js';

/** What linting needs: the template, the project, and the rules as template.yaml configures them. */
export interface Linter {
  template: Template;
  project: Project;
  rules: readonly ConfiguredRule[];
  numbers?: IssueNumbers;
}

/** The lint stage on a loaded issue: its parse problems first, then every rule's. */
export function lintIssue(loaded: LoadedIssue, linter: Linter): Diagnostic[] {
  const { issue, problems } = loaded;
  // An unreadable file, or one whose header swallows the body, has nothing for rules to read.
  if (!issue?.body) return sortDiagnostics([...problems]);
  return sortDiagnostics([...problems, ...runRules(issue, linter.rules, linter)]);
}

export interface LintedFile {
  loaded: LoadedIssue;
  diagnostics: Diagnostic[];
  /** How many fixes --fix applied. */
  fixed: number;
  /** Why --fix left the file as it was, when it had fixes to apply. */
  refused?: Message;
}

/** Read → parse → lint, for one file. Unreadable paths throw UsageError. */
export function lintFile(target: IssueFile, linter: Linter): LintedFile {
  const loaded = loadIssue(target, linter.template);
  return { loaded, diagnostics: lintIssue(loaded, linter), fixed: 0 };
}

/** Passes of fixing; a fix can reveal or unblock another, as in eslint. */
const MAX_FIX_PASSES = 10;

/**
 * Lints, applies every fix, lints again until nothing is left to fix, and writes the file
 * once, atomically. The fixes are applied to the text as written, so each line keeps its
 * own ending (LF, CRLF or CR), the BOM and the mode stay; a file changed meanwhile, read-only,
 * reached through a symbolic link or hard-linked elsewhere is left untouched, with the reason.
 */
export function fixFile(target: IssueFile, linter: Linter): LintedFile {
  const linted = lintFile(target, linter);
  // As eslint, no fix on a file that does not parse: without its header, YAML would be read as prose.
  const parses = !linted.diagnostics.some((diagnostic) => diagnostic.rule === 'parse');
  if (!parses || !linted.diagnostics.some((diagnostic) => diagnostic.fix)) return linted;

  const original = readFileSync(target.path);
  const decoded = decodeIssueBytes(original, target.file, { normalize: false });
  if (!decoded.ok) return linted;
  const bom = decoded.bom ? '\ufeff' : '';
  let raw = decoded.source;
  let current = linted;
  let fixed = 0;
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const toRaw = rawOffsets(raw);
    const fixes = current.diagnostics.flatMap((diagnostic) => (diagnostic.fix ? [{ ...diagnostic, fix: { ...diagnostic.fix, start: toRaw(diagnostic.fix.start), end: toRaw(diagnostic.fix.end) } }] : []));
    const { output, applied } = applyFixes(raw, fixes);
    if (applied === 0 || output === raw) break;
    fixed += applied;
    raw = output;
    const loaded = loadIssueSource(raw.replace(/\r\n?/g, '\n'), target, linter.template);
    current = { loaded, diagnostics: lintIssue(loaded, linter), fixed };
  }
  if (fixed === 0) return linted;
  const refused = writeRefusal(target.path, original, linter.project);
  if (refused) return { ...linted, refused };
  const { mode } = statSync(target.path);
  // Checked again last before the rename: an edit saved while the fixed text was written wins too.
  const changedMeanwhile = new Error('changed');
  try {
    writeFileAtomic(target.path, bom + raw, { mode: mode & 0o7777, beforeRename: () => {
      if (!readFileSync(target.path).equals(original)) throw changedMeanwhile;
    } });
  } catch (error) {
    if (error === changedMeanwhile) return { ...linted, refused: CHANGED_MEANWHILE };
    throw error;
  }
  return { ...current, fixed };
}

const CHANGED_MEANWHILE: Message = {
  fr: "--fix n'a rien écrit : le fichier a été modifié pendant la correction (enregistré depuis un éditeur ?). Relancez « npx pvd lint --fix ».",
  en: '--fix wrote nothing: the file changed while it was being fixed (saved from an editor?). Run "npx pvd lint --fix" again.',
};

/** Offsets in the text with `\n` line ends → offsets in the text as written, whatever its line ends. */
function rawOffsets(raw: string): (offset: number) => number {
  const shifts: number[] = [];
  let removed = 0;
  for (let index = 0; index < raw.length; index++) {
    if (raw[index] === '\r' && raw[index + 1] === '\n') {
      removed++;
      shifts.push(index - removed + 1);
    }
  }
  return (offset) => {
    let before = 0;
    while (before < shifts.length && shifts[before]! < offset) before++;
    return offset + before;
  };
}

function writeRefusal(path: string, original: Buffer, project: Project): Message | undefined {
  // A link anywhere on the way (issues/042 → a folder elsewhere) leads out as surely as a linked file.
  const fromRoot = relative(realpathSync.native(project.root), realpathSync.native(dirname(path)));
  if (fromRoot === '..' || fromRoot.startsWith(`..${sep}`) || isAbsolute(fromRoot)) {
    return { fr: "--fix ne réécrit pas ce fichier : son dossier est, par un lien symbolique, hors du dépôt de la lettre. Corrigez le fichier lui-même, ou remplacez le lien par une copie du dossier.", en: "--fix does not rewrite this file: through a symbolic link, its folder is outside the newsletter's repository. Fix the file itself, or replace the link with a copy of the folder." };
  }
  const link = lstatSync(path);
  if (link.isSymbolicLink()) {
    return { fr: "--fix ne réécrit pas ce fichier : c'est un lien symbolique, et le fichier qu'il désigne peut être hors du dépôt. Corrigez le fichier lui-même, ou remplacez le lien par une copie.", en: '--fix does not rewrite this file: it is a symbolic link, and the file it points at may be outside the repository. Fix the file itself, or replace the link with a copy.' };
  }
  if (link.nlink > 1) {
    return { fr: `--fix ne réécrit pas ce fichier : il a ${link.nlink} liens physiques, et le réécrire romprait les autres. Corrigez-le à la main, ou faites-en une copie indépendante.`, en: `--fix does not rewrite this file: it has ${link.nlink} hard links, and rewriting it would break the others. Fix it by hand, or make it an independent copy.` };
  }
  try {
    accessSync(path, constants.W_OK);
    if ((link.mode & 0o222) === 0) throw new Error('read-only');
  } catch {
    return { fr: "--fix ne réécrit pas ce fichier : il est en lecture seule. Rendez-le modifiable (ou ouvrez-le dans votre éditeur), puis relancez « npx pvd lint --fix ».", en: '--fix does not rewrite this file: it is read-only. Make it writable (or open it in your editor), then run "npx pvd lint --fix" again.' };
  }
  // Saved from an editor while the fixes were computed: the edit wins, nothing is overwritten.
  if (!readFileSync(path).equals(original)) return CHANGED_MEANWHILE;
  return undefined;
}
