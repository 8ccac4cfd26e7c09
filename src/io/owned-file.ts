import { randomBytes } from 'node:crypto';
import { lstatSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { digestOf, hashFile } from './file-bytes.js';
import { attempt, errorCode, ioError, renameRetrying } from './fs-errors.js';
import { withLock, type LockOptions } from './lock.js';
import { MANIFEST_NAME, notMadeByPvd, readManifest, serializeManifest, type Manifest } from './manifest.js';
import { workFolder } from './output-folder.js';

const TOP_LEVEL_LOCK = 'top-level';

/**
 * Writes a file directly in `outDir` (the archive, out/index.html), listed in
 * `<outDir>/.pvd-manifest.json`. A file of that name that pvd did not write, or that was
 * changed since, is refused. `adopt` recognises a file written by an older pvd, from
 * before the manifest. Returns false when the file already holds `content`.
 */
export function writeOwnedFile(outDir: string, name: string, content: string, adopt: (text: string) => boolean = () => false, options: LockOptions = {}): boolean {
  const work = workFolder(outDir);
  const target = join(outDir, name);
  // One lock for every file directly in outDir: they share one manifest.
  return withLock(work, TOP_LEVEL_LOCK, target, () => {
    sweepWrites(work);
    const found = readManifest(outDir);
    if (found === 'invalid') throw notMadeByPvd(join(outDir, MANIFEST_NAME), { fr: "n'est pas un manifeste lisible écrit par pvd", en: 'is not a readable manifest written by pvd' });
    const manifest: Manifest = found ?? { files: new Map(), added: [] };
    const entry = manifest.files.get(name);
    const current = currentDigest(target);
    if (current !== undefined) {
      const listed = entry !== undefined && (current.sha256 === entry.sha256 || current.sha256 === entry.replacing);
      if (!listed && !(entry === undefined && adopt(readFileSync(target, 'utf8')))) {
        throw notMadeByPvd(target, entry ? { fr: "a été modifié depuis que pvd l'a écrit", en: 'was changed since pvd wrote it' } : { fr: "n'a pas été écrit par pvd", en: 'was not written by pvd' });
      }
    }
    const next = digestOf(content);
    if (current?.sha256 === next.sha256 && entry?.sha256 === next.sha256 && entry.replacing === undefined) return false;
    const writeManifest = () => {
      const temporary = join(work, `${MANIFEST_NAME}.writing-${randomBytes(8).toString('hex')}`);
      attempt(target, 'write', () => {
        writeFileSync(temporary, serializeManifest(manifest));
        renameRetrying(temporary, join(outDir, MANIFEST_NAME));
      });
    };
    // The manifest accepts both versions while the file is switched, so a crash at any
    // point leaves a file pvd still recognises as its own.
    manifest.files.set(name, { ...next, ...(current ? { replacing: current.sha256 } : {}) });
    writeManifest();
    const temporary = join(work, `${name}.writing-${randomBytes(8).toString('hex')}`);
    attempt(target, 'write', () => {
      writeFileSync(temporary, content);
      renameRetrying(temporary, target);
    });
    manifest.files.set(name, next);
    writeManifest();
    return true;
  }, options);
}

function currentDigest(path: string) {
  let stat;
  try {
    stat = lstatSync(path);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return undefined;
    throw ioError(error, path, 'read');
  }
  if (!stat.isFile()) throw notMadeByPvd(path, { fr: "n'est pas un fichier écrit par pvd", en: 'is not a file written by pvd' });
  return attempt(path, 'read', () => hashFile(path));
}

/** Temporary files of a killed run (taken under the same lock, so none is in use). */
function sweepWrites(work: string): void {
  for (const entry of attempt(work, 'read', () => readdirSync(work))) {
    if (/\.writing-[0-9a-f]{16}$/.test(entry)) rmSync(join(work, entry), { force: true });
  }
}
