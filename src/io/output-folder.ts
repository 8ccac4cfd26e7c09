import { randomBytes } from 'node:crypto';
import { lstatSync, mkdirSync, readdirSync, readlinkSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { UsageError } from '../errors.js';
import { copyOwnedFile, digestOf, readPublishableImage, type FileDigest } from './file-bytes.js';
import { attempt, errorCode, ioError, renameRetrying } from './fs-errors.js';
import { shownPath } from './paths.js';
import { withLock, type LockOptions } from './lock.js';
import { ensureFolder } from './out-dir.js';
import { folded, MANIFEST_NAME, notMadeByPvd, serializeManifest, verifyOwnedFolder, type Manifest, type VerifiedManifest } from './manifest.js';

/** A file to publish: its content, or an image to copy (checked by its bytes as it is copied). */
export type OutputFile =
  | { /** Path inside the output folder, with forward slashes. */ path: string; content: string | Uint8Array }
  | { path: string; source: string };

/** A file already published in the folder, carried into its next version. */
type CarriedFile = { path: string; carried: string; digest: FileDigest };
type StagedFile = OutputFile | CarriedFile;

/**
 * out/.pvd/: pvd's work in progress, beside what it publishes and on the same disk, so
 * that a rename moves a whole folder at once. For out/042: the lock `042.lock`, the
 * folder being written `042.staging-<id>`, the complete new version `042.ready-<id>`, and
 * the version it replaces, `042.old-<id>`, for the instant of the swap.
 */
export const WORK_FOLDER = '.pvd';
const LEFTOVER = /^(.+)\.(staging|ready|old)-[0-9a-f]{16}$/;
const newId = () => randomBytes(8).toString('hex');

export function workFolder(outDir: string): string {
  ensureFolder(outDir);
  const work = join(outDir, WORK_FOLDER);
  try {
    mkdirSync(work);
  } catch (error) {
    if (errorCode(error) !== 'EEXIST') throw ioError(error, work, 'create-folder');
  }
  if (!attempt(work, 'read', () => lstatSync(work)).isDirectory()) {
    throw notMadeByPvd(work, { fr: "est un fichier, là où pvd range son travail en cours", en: 'is a file where pvd keeps its work in progress' });
  }
  return work;
}

/**
 * Publishes `files` as the real folder `<outDir>/<name>`: written in full beside it, then
 * swapped in by two renames, all under the folder's lock. Whenever the process stops,
 * the folder is the previous complete version or the new one; only between the two
 * renames is it briefly absent, and the next pvd to take the lock completes the swap
 * (`recoverFolder`). A folder or file pvd did not make is never replaced.
 * Returns false when the folder already holds exactly these files.
 */
export function publishIssueFolder(outDir: string, name: string, files: readonly OutputFile[], options: LockOptions = {}): boolean {
  const target = join(outDir, name);
  checkPaths(target, files);
  const work = workFolder(outDir);
  return withLock(work, name, target, () => {
    recoverFolder(outDir, work, name);
    const existing = inspect(outDir, name);
    // Version folders of pvd before 0.2, once out/NNN no longer links to one.
    if (existing.kind !== 'legacy-link') removeLegacyVersions(outDir, name);
    if (existing.kind === 'owned' && existing.manifest.missing.length === 0 && isUnchanged(existing.manifest, files)) return false;
    install(outDir, work, name, existing, stage(work, target, name, files, []));
    return true;
  }, options);
}

/**
 * For a pvd command that adds its own results to a built issue (`pvd check` writes
 * out/NNN/inbox/): replaces `subfolder` of the existing `<outDir>/<name>` with `files`
 * (paths start with `subfolder/`), under the same lock, manifest and swap as a build. The
 * subfolder stays while the issue is rebuilt unchanged; a build that changes the issue
 * drops it, since it described the previous version.
 */
export function addToIssueFolder(outDir: string, name: string, subfolder: string, files: readonly OutputFile[], options: LockOptions = {}): void {
  const target = join(outDir, name);
  if (!/^[a-z0-9][a-z0-9-]*$/.test(subfolder) || files.some((file) => !file.path.startsWith(`${subfolder}/`))) {
    throw new Error(`addToIssueFolder: files must lie under one subfolder of plain name, not ${subfolder}`);
  }
  checkPaths(target, files);
  const work = workFolder(outDir);
  withLock(work, name, target, () => {
    recoverFolder(outDir, work, name);
    const existing = inspect(outDir, name);
    if (existing.kind !== 'owned') {
      throw new UsageError({
        fr: `${shownPath(target)} n'est pas encore produit par cette version de pvd : lancez d'abord « npx pvd build ${Number(name)} ».`,
        en: `${shownPath(target)} has not been built by this version of pvd yet: run "npx pvd build ${Number(name)}" first.`,
      });
    }
    const kept: CarriedFile[] = [...existing.manifest.files]
      // A file removed by hand is not carried: the next build of the issue writes it again.
      .filter(([path]) => !path.startsWith(`${subfolder}/`) && !existing.manifest.missing.includes(path))
      .map(([path, digest]) => ({ path, carried: join(target, path), digest }));
    const added = [...new Set([...existing.manifest.added, subfolder])];
    install(outDir, work, name, existing, stage(work, target, name, [...kept, ...files], added));
  }, options);
}

/**
 * Completes or rolls back a swap a killed pvd left half-done, and removes its leftovers.
 * Call it under the folder's lock.
 */
export function recoverFolder(outDir: string, work: string, name: string): void {
  const leftovers = leftoversOf(work, name);
  if (leftovers.length === 0) return;
  const target = join(outDir, name);
  if (!exists(target)) {
    // Killed between the two renames: the new version is complete, else the old one is.
    const newest = (kind: string) => leftovers.filter((leftover) => leftover.kind === kind).sort((a, b) => b.mtimeMs - a.mtimeMs)[0];
    const back = newest('ready') ?? newest('old');
    if (back) attempt(target, 'replace', () => renameRetrying(back.path, target));
  }
  sweepLeftovers(work, name);
}

/** Completes every swap a killed pvd left half-done, in every out/NNN: `pvd build` runs it first, whichever issues it builds. */
export function recoverOutputs(outDir: string): void {
  const work = join(outDir, WORK_FOLDER);
  let names: string[];
  try {
    names = readdirSync(work);
  } catch {
    return;
  }
  const folders = new Set(names.map((entry) => LEFTOVER.exec(entry)?.[1]).filter((name): name is string => name !== undefined));
  for (const name of folders) withLock(work, name, join(outDir, name), () => recoverFolder(outDir, work, name));
}

type Existing = { kind: 'none' } | { kind: 'legacy-link' } | { kind: 'owned'; manifest: VerifiedManifest };

function inspect(outDir: string, name: string): Existing {
  const target = join(outDir, name);
  let stat;
  try {
    stat = lstatSync(target);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return { kind: 'none' };
    throw ioError(error, target, 'read');
  }
  if (stat.isSymbolicLink()) {
    if (isLegacyLink(outDir, name)) return { kind: 'legacy-link' };
    throw notMadeByPvd(target, { fr: "est un lien symbolique que pvd n'a pas créé", en: 'is a symbolic link pvd did not create' });
  }
  if (!stat.isDirectory()) throw notMadeByPvd(target, { fr: "est un fichier que pvd n'a pas écrit", en: 'is a file pvd did not write' });
  return { kind: 'owned', manifest: verifyOwnedFolder(target) };
}

/**
 * pvd before 0.2 published out/NNN as a link to a hidden version folder `.NNN.<hash>`
 * (a junction on Windows): such a link is pvd's, and replaced by a real folder.
 */
function isLegacyLink(outDir: string, name: string): boolean {
  let link: string;
  try {
    link = readlinkSync(join(outDir, name)).replace(/^\\\\\?\\/, '');
  } catch {
    return false;
  }
  return LEGACY_VERSION(name).test(basename(link)) && folded(resolve(outDir, dirname(link))) === folded(resolve(outDir));
}

const escapeName = (name: string) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const LEGACY_VERSION = (name: string) => new RegExp(`^\\.${escapeName(name)}\\.[0-9a-f]{16}$`);
const LEGACY_LEFTOVER = (name: string) => new RegExp(`^\\.${escapeName(name)}\\.([0-9a-f]{16}|staging-\\d+-[0-9a-f]{8}|link-\\d+-[0-9a-f]{8})$`);

function removeLegacyVersions(outDir: string, name: string): void {
  const pattern = LEGACY_LEFTOVER(name);
  for (const entry of readdirSync(outDir)) if (pattern.test(entry)) removeQuietly(join(outDir, entry));
}

function isUnchanged(manifest: Manifest, files: readonly OutputFile[]): boolean {
  const own = [...manifest.files.keys()].filter((path) => !manifest.added.some((folder) => path.startsWith(`${folder}/`)));
  if (own.length !== files.length) return false;
  return files.every((file) => {
    const entry = manifest.files.get(file.path);
    const digest = 'content' in file ? digestOf(file.content) : readPublishableImage(file.source, file.path);
    return entry !== undefined && entry.sha256 === digest.sha256;
  });
}

const SEGMENT = /^(?!\.\.?$)[^/\\\0]+$/;

/** Paths stay inside the folder, and two files never share a name (as a case-insensitive disk sees it). */
function checkPaths(target: string, files: readonly StagedFile[]): void {
  const seen = new Map<string, string>();
  for (const file of files) {
    if (file.path === MANIFEST_NAME || !file.path.split('/').every((segment) => SEGMENT.test(segment))) {
      throw new UsageError({
        fr: `Le nom ${JSON.stringify(file.path)} ne peut pas être publié dans ${shownPath(target)} (il sortirait du dossier, ou contient « \\ ») : renommez le fichier, puis relancez la commande.`,
        en: `The name ${JSON.stringify(file.path)} cannot be published in ${shownPath(target)} (it would leave the folder, or holds "\\"): rename the file, then run the command again.`,
      });
    }
    const other = seen.get(folded(file.path));
    if (other !== undefined) {
      throw new UsageError({
        fr: `Deux fichiers seraient publiés sous le même nom dans ${shownPath(target)} : ${other} et ${file.path}. Renommez l'une des images, puis relancez la commande.`,
        en: `Two files would be published under the same name in ${shownPath(target)}: ${other} and ${file.path}. Rename one of the pictures, then run the command again.`,
      });
    }
    seen.set(folded(file.path), file.path);
  }
}

/** Writes every file into a new folder of the work area; returns it once complete (renamed `ready`). */
function stage(work: string, target: string, name: string, files: readonly StagedFile[], added: string[]): string {
  const id = newId();
  const staging = join(work, `${name}.staging-${id}`);
  attempt(target, 'write', () => mkdirSync(staging));
  try {
    const manifest: Manifest = { files: new Map(), added };
    const folders = [...new Set(files.map((file) => dirname(file.path)).filter((folder) => folder !== '.'))].sort();
    for (const folder of folders) attempt(join(target, folder), 'create-folder', () => mkdirSync(join(staging, folder), { recursive: true }));
    for (const file of files) {
      const destination = join(staging, file.path);
      manifest.files.set(file.path, attempt(join(target, file.path), 'write', () => {
        if ('content' in file) {
          writeFileSync(destination, file.content, { flag: 'wx' });
          return digestOf(file.content);
        }
        if ('source' in file) return readPublishableImage(file.source, file.path, destination);
        copyOwnedFile(file.carried, destination, file.digest);
        return file.digest;
      }));
    }
    attempt(target, 'write', () => writeFileSync(join(staging, MANIFEST_NAME), serializeManifest(manifest), { flag: 'wx' }));
    const ready = join(work, `${name}.ready-${id}`);
    attempt(target, 'write', () => renameRetrying(staging, ready));
    return ready;
  } catch (error) {
    removeQuietly(staging);
    throw error;
  }
}

/** The swap: the current version aside, the new one in its place, then the old one removed. */
function install(outDir: string, work: string, name: string, existing: Existing, ready: string): void {
  const target = join(outDir, name);
  let retired: string | undefined;
  if (existing.kind === 'owned') {
    retired = join(work, `${name}.old-${newId()}`);
    attempt(target, 'replace', () => renameRetrying(target, retired!));
  } else if (existing.kind === 'legacy-link') {
    attempt(target, 'replace', () => unlinkSync(target));
  }
  try {
    renameRetrying(ready, target);
  } catch (error) {
    if (retired) {
      try {
        renameRetrying(retired, target);
      } catch {
        // The next pvd to take the lock puts a version back (recoverFolder).
      }
    }
    throw ioError(error, target, 'replace');
  }
  sweepLeftovers(work, name);
  if (existing.kind === 'legacy-link') removeLegacyVersions(outDir, name);
}

interface Leftover {
  path: string;
  kind: string;
  mtimeMs: number;
}

function leftoversOf(work: string, name: string): Leftover[] {
  return attempt(work, 'read', () => readdirSync(work)).flatMap((entry) => {
    const match = LEFTOVER.exec(entry);
    if (!match || match[1] !== name) return [];
    const path = join(work, entry);
    try {
      return [{ path, kind: match[2]!, mtimeMs: statSync(path).mtimeMs }];
    } catch {
      return [];
    }
  });
}

/** Removes what killed runs left in the work area for `name`. Call it under the lock. */
function sweepLeftovers(work: string, name: string): void {
  for (const leftover of leftoversOf(work, name)) removeQuietly(leftover.path);
}

function exists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return false;
    throw ioError(error, path, 'read');
  }
}

/** A leftover that cannot be removed now (Windows: a file held open) is removed by a later pvd. */
function removeQuietly(path: string): void {
  try {
    rmSync(path, { recursive: true, force: true, maxRetries: 3 });
  } catch {
    // Hidden in out/.pvd/, swept again next time.
  }
}
