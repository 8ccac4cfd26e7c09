import { createHash, randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, lstatSync, mkdirSync, readdirSync, readlinkSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

/** A file to publish: its content, or a file to copy as it is (an image). */
export type OutputFile =
  | { /** Path inside the output folder, with forward slashes. */ path: string; content: string | Uint8Array }
  | { path: string; source: string; bytes: number; mtimeMs: number };

/** Writes one file through a temporary sibling and a rename: readers never see half of it. */
export function writeFileAtomic(path: string, content: string | Uint8Array): void {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    writeFileSync(temporary, content);
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

/**
 * Publishes a complete set of files as `<outDir>/<name>`, all at once. Each build is
 * written to its own hidden folder named by its content hash, and `<name>` is a
 * symbolic link switched over by a single rename: whenever the process stops, the link
 * points at the previous complete build or at the new one, never at a mix.
 * Returns false when the files are identical to what is already published.
 */
export function publishFolder(outDir: string, name: string, files: readonly OutputFile[]): boolean {
  mkdirSync(outDir, { recursive: true });
  const hash = createHash('sha256');
  for (const file of [...files].sort((a, b) => a.path.localeCompare(b.path))) {
    hash.update(file.path).update('\0');
    // A copied file counts by where it is, its size and its date, as rsync's quick check:
    // its bytes are neither read nor hashed, and change whenever those do.
    if ('content' in file) hash.update(file.content);
    else hash.update(`${file.source}\0${file.bytes}\0${file.mtimeMs}`);
    hash.update('\0');
  }
  const versionName = `.${name}.${hash.digest('hex').slice(0, 16)}`;
  const versionDir = join(outDir, versionName);
  const link = join(outDir, name);
  if (currentTarget(link) === versionName && existsSync(versionDir)) return false;

  if (!existsSync(versionDir)) {
    const staging = join(outDir, `.${name}.staging-${process.pid}-${randomBytes(4).toString('hex')}`);
    try {
      const folders = new Set(files.map((file) => dirname(join(staging, file.path))));
      for (const folder of folders) mkdirSync(folder, { recursive: true });
      for (const file of files) {
        if ('content' in file) writeFileSync(join(staging, file.path), file.content);
        else copyFileSync(file.source, join(staging, file.path));
      }
      renameSync(staging, versionDir);
    } catch (error) {
      rmSync(staging, { recursive: true, force: true });
      throw error;
    }
  }
  switchLink(outDir, link, versionName);
  removeStaleBuilds(outDir, name, versionName);
  return true;
}

function currentTarget(link: string): string | undefined {
  try {
    return lstatSync(link).isSymbolicLink() ? readlinkSync(link) : undefined;
  } catch {
    return undefined;
  }
}

function switchLink(outDir: string, link: string, versionName: string): void {
  const nextLink = join(outDir, `.${basename(link)}.link-${process.pid}-${randomBytes(4).toString('hex')}`);
  // Windows makes directory links without privileges only as absolute junctions.
  if (process.platform === 'win32') symlinkSync(resolve(outDir, versionName), nextLink, 'junction');
  else symlinkSync(versionName, nextLink, 'dir');
  let stat;
  try {
    stat = lstatSync(link);
  } catch {
    stat = undefined;
  }
  if (stat && !stat.isSymbolicLink()) {
    // An out/NNN folder from a plain copy: moved aside once, then replaced by the link.
    renameSync(link, join(outDir, `.${basename(link)}.previous-${randomBytes(4).toString('hex')}`));
  }
  renameSync(nextLink, link);
}

function removeStaleBuilds(outDir: string, name: string, keep: string): void {
  for (const entry of readdirSync(outDir)) {
    if (entry.startsWith(`.${name}.`) && entry !== keep) rmSync(join(outDir, entry), { recursive: true, force: true });
  }
}
