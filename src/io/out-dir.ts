import { lstatSync, mkdirSync, readlinkSync, realpathSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { UsageError } from '../errors.js';
import type { Message } from '../i18n/lang.js';
import { errorCode, ioError } from './fs-errors.js';
import { shownPath } from './paths.js';

/** What an output folder must never be, contain or sit inside: the newsletter's sources. */
const SOURCES: readonly { folder: string; what: Message }[] = [
  { folder: 'issues', what: { fr: 'dossier des numéros (issues/)', en: 'issues folder (issues/)' } },
  { folder: 'templates', what: { fr: 'dossier du gabarit (templates/)', en: 'template folder (templates/)' } },
  { folder: '.git', what: { fr: "dossier de l'historique git (.git/)", en: 'git history folder (.git/)' } },
];

/**
 * Resolves `--out-dir` against the project, refuses a folder that is, holds or sits
 * inside its sources, and creates it. Folders are compared by identity (device and
 * inode), not by spelling: `out/../issues`, a symlink, `ISSUES` on a case-insensitive
 * disk and a Windows short name all lead to the same folder and are all refused.
 */
export function prepareOutDir(root: string, outDirOption: string): string {
  const outDir = resolve(root, outDirOption);
  const written = shownPath(outDir);
  refuseSources(root, outDir, written);
  ensureFolder(outDir, written);
  refuseSources(root, outDir, written); // a link along the path may have led elsewhere once created
  return outDir;
}

function refuseSources(root: string, outDir: string, written: string): void {
  const refuse = (problem: Message) => new UsageError({
    fr: `--out-dir ${written} : ${problem.fr}. pvd n'y écrit pas ses sorties, pour ne rien effacer des sources. Choisissez un autre dossier, par exemple « --out-dir out ».`,
    en: `--out-dir ${written}: ${problem.en}. pvd does not write its outputs there, so that nothing of the sources is lost. Choose another folder, for instance "--out-dir out".`,
  });
  const out = existingAncestor(outDir);
  const outIdentity = out.path === outDir ? identity(outDir) : undefined;
  const outChain = ancestry(out.path);
  const rootChain = ancestry(root);
  if (outIdentity !== undefined && rootChain.includes(outIdentity)) {
    throw refuse(outIdentity === rootChain[0]
      ? { fr: "c'est le dossier de la lettre lui-même", en: "it is the newsletter's own folder" }
      : { fr: 'ce dossier contient le dossier de la lettre', en: "this folder holds the newsletter's folder" });
  }
  for (const source of SOURCES) {
    const folder = join(root, source.folder);
    const sourceIdentity = identity(folder);
    if (sourceIdentity === undefined) continue;
    if (outChain.includes(sourceIdentity)) {
      throw refuse(outIdentity === sourceIdentity
        ? { fr: `c'est le ${source.what.fr}`, en: `it is the ${source.what.en}` }
        : { fr: `ce dossier est à l'intérieur du ${source.what.fr}`, en: `this folder is inside the ${source.what.en}` });
    }
    if (outIdentity !== undefined && ancestry(folder).includes(outIdentity)) {
      throw refuse({ fr: `ce dossier contient le ${source.what.fr}`, en: `this folder holds the ${source.what.en}` });
    }
  }
}

/**
 * A folder's identity: device and inode, or where a file system reports no inodes (some
 * network shares), its real path as a case-insensitive system compares it.
 */
function identity(path: string): string | undefined {
  try {
    const { dev, ino } = statSync(path, { bigint: true });
    if (ino !== 0n) return `${dev}:${ino}`;
    const real = realpathSync.native(path);
    return `path:${process.platform === 'win32' || process.platform === 'darwin' ? real.normalize('NFC').toLowerCase() : real}`;
  } catch {
    return undefined;
  }
}

/** Identities of `path` (which exists) and of every folder above it, nearest first. */
function ancestry(path: string): string[] {
  const chain: string[] = [];
  let current: string;
  try {
    current = realpathSync.native(path);
  } catch {
    return chain;
  }
  for (;;) {
    const id = identity(current);
    if (id !== undefined) chain.push(id);
    const parent = dirname(current);
    if (parent === current) return chain;
    current = parent;
  }
}

function existingAncestor(path: string): { path: string } {
  let current = path;
  while (identity(current) === undefined) {
    const parent = dirname(current);
    if (parent === current) break;
    current = parent;
  }
  return { path: current };
}

/**
 * Creates the folder and those above it one at a time: Node's recursive mkdir loops for
 * ever where the system answers "no such file" to creating in an existing folder (/proc).
 */
export function ensureFolder(outDir: string, written = shownPath(outDir)): void {
  const missing: string[] = [];
  for (let current = outDir; ; current = dirname(current)) {
    let stat;
    try {
      stat = statSync(current);
    } catch (error) {
      const code = errorCode(error);
      if (code === 'ENOENT' && isLink(current)) throw danglingLink(current, written);
      if (code !== 'ENOENT') throw ioError(error, current, 'create-folder');
      if (dirname(current) === current) throw ioError(error, current, 'create-folder');
      missing.unshift(current);
      continue;
    }
    if (!stat.isDirectory()) {
      throw new UsageError({
        fr: `--out-dir ${written} : ${shownPath(current)} n'est pas un dossier. Choisissez un dossier, par exemple « --out-dir out ».`,
        en: `--out-dir ${written}: ${shownPath(current)} is not a folder. Choose a folder, for instance "--out-dir out".`,
      });
    }
    break;
  }
  for (const folder of missing) {
    try {
      mkdirSync(folder);
    } catch (error) {
      if (errorCode(error) === 'EEXIST' && statSync(folder).isDirectory()) continue; // made by another pvd meanwhile
      throw ioError(error, folder, 'create-folder');
    }
  }
}

function isLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

function danglingLink(path: string, written: string): UsageError {
  let target = '?';
  try {
    target = readlinkSync(path);
  } catch {
    // Shown as "?".
  }
  return new UsageError({
    fr: `--out-dir ${written} : ${shownPath(path)} est un lien symbolique vers ${target}, qui n'existe pas. Recréez ce dossier, ou supprimez le lien pour que pvd crée un vrai dossier.`,
    en: `--out-dir ${written}: ${shownPath(path)} is a symbolic link to ${target}, which does not exist. Create that folder again, or delete the link so that pvd makes a real folder.`,
  });
}
