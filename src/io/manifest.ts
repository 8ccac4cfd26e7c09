import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from '../errors.js';
import { attempt, errorCode, ioError } from './fs-errors.js';
import { shownPath } from './paths.js';
import { hashFile, type FileDigest } from './file-bytes.js';

/**
 * Written by pvd into every folder it publishes: the files it wrote there, with their
 * hashes. pvd replaces a folder only when everything in it is listed here, unchanged;
 * anything else is someone's, and pvd refuses rather than lose it. Deterministic (no
 * dates), so two builds of the same issue stay byte-identical.
 */
export const MANIFEST_NAME = '.pvd-manifest.json';
const FORMAT = 'pvd-output-1';

export interface Manifest {
  /** Path inside the folder (forward slashes) → what pvd wrote there. */
  files: Map<string, FileDigest & { replacing?: string }>;
  /** Subfolders added later by another pvd command (`pvd check`'s inbox/), kept by an unchanged rebuild. */
  added: string[];
}

export function serializeManifest(manifest: Manifest): string {
  const files = Object.fromEntries([...manifest.files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([path, entry]) => [path, entry.replacing ? { bytes: entry.bytes, sha256: entry.sha256, replacing: entry.replacing } : { bytes: entry.bytes, sha256: entry.sha256 }]));
  return `${JSON.stringify({ format: FORMAT, about: 'Written by pvd: the files it made here. pvd replaces only these.', added: [...manifest.added].sort(), files }, null, 1)}\n`;
}

/** The manifest of `folder`: undefined when there is none, 'invalid' when it is not one pvd wrote. */
export function readManifest(folder: string): Manifest | undefined | 'invalid' {
  const path = join(folder, MANIFEST_NAME);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return undefined;
    throw ioError(error, path, 'read');
  }
  try {
    const value = JSON.parse(text) as { format?: unknown; files?: unknown; added?: unknown };
    if (value.format !== FORMAT || typeof value.files !== 'object' || value.files === null || !Array.isArray(value.added)) return 'invalid';
    const files = new Map<string, FileDigest & { replacing?: string }>();
    for (const [name, entry] of Object.entries(value.files as Record<string, { sha256?: unknown; bytes?: unknown; replacing?: unknown }>)) {
      if (typeof entry?.sha256 !== 'string' || typeof entry.bytes !== 'number') return 'invalid';
      files.set(name, { sha256: entry.sha256, bytes: entry.bytes, ...(typeof entry.replacing === 'string' ? { replacing: entry.replacing } : {}) });
    }
    return { files, added: value.added.filter((name): name is string => typeof name === 'string') };
  } catch {
    return 'invalid';
  }
}

/** The refusal to touch what pvd did not make: exit 2, naming the path and what to do. */
export function notMadeByPvd(path: string, why: { fr: string; en: string }): UsageError {
  const shown = shownPath(path);
  return new UsageError({
    fr: `${shown} ${why.fr} : pvd ne remplace ni n'efface ce qu'il n'a pas créé. Déplacez ou renommez ${shown}, puis relancez la commande (ou choisissez un autre dossier avec --out-dir).`,
    en: `${shown} ${why.en}: pvd never replaces or deletes what it did not create. Move or rename ${shown}, then run the command again (or choose another folder with --out-dir).`,
  });
}

/** Names are compared as macOS and Windows do: case and Unicode composition aside. */
export const folded = (path: string) => path.normalize('NFC').toLowerCase();

/** A manifest checked against its folder: and the files it lists that are no longer there (removed by hand). */
export interface VerifiedManifest extends Manifest {
  missing: string[];
}

/**
 * Checks that everything in `folder` is what its manifest lists, byte for byte; throws
 * the refusal naming the first thing that is not. A listed file that is gone is no one's
 * to keep: it is said in `missing`, and the next build writes it again.
 */
export function verifyOwnedFolder(folder: string): VerifiedManifest {
  const manifest = readManifest(folder);
  if (manifest === undefined) throw notMadeByPvd(folder, { fr: `n'a pas été produit par pvd (il n'a pas de fichier ${MANIFEST_NAME})`, en: `was not made by pvd (it has no ${MANIFEST_NAME} file)` });
  if (manifest === 'invalid') throw notMadeByPvd(join(folder, MANIFEST_NAME), { fr: "n'est pas un manifeste lisible écrit par pvd", en: 'is not a readable manifest written by pvd' });
  const listed = new Map([...manifest.files].map(([path, entry]) => [folded(path), entry]));
  const folders = new Set<string>();
  for (const path of listed.keys()) {
    for (let index = path.indexOf('/'); index !== -1; index = path.indexOf('/', index + 1)) folders.add(path.slice(0, index));
  }
  const seen = new Set<string>();
  const walk = (relative: string): void => {
    const here = relative === '' ? folder : join(folder, relative);
    for (const name of attempt(here, 'read', () => readdirSync(here)).sort()) {
      const path = relative === '' ? name : `${relative}/${name}`;
      const absolute = join(folder, path);
      if (path === MANIFEST_NAME) continue;
      const stat = attempt(absolute, 'read', () => lstatSync(absolute));
      if (stat.isDirectory() && folders.has(folded(path))) {
        walk(path);
        continue;
      }
      const entry = listed.get(folded(path));
      seen.add(folded(path));
      if (!stat.isFile() || !entry) {
        throw notMadeByPvd(absolute, stat.isDirectory()
          ? { fr: "est un dossier que pvd n'a pas créé", en: 'is a folder pvd did not create' }
          : { fr: "n'a pas été écrit par pvd", en: 'was not written by pvd' });
      }
      const digest = stat.size === entry.bytes ? attempt(absolute, 'read', () => hashFile(absolute)) : undefined;
      if (digest?.sha256 !== entry.sha256) {
        throw notMadeByPvd(absolute, { fr: "a été modifié depuis que pvd l'a écrit", en: 'was changed since pvd wrote it' });
      }
    }
  };
  walk('');
  return { ...manifest, missing: [...manifest.files.keys()].filter((path) => !seen.has(folded(path))) };
}
