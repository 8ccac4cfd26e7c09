import { createHash } from 'node:crypto';
import type { ArchiveEntry } from '../render/archive.js';
import type { Message } from '../i18n/lang.js';

/** Beside what pvd published at a destination: which files are its own, with their content hashes. */
export const MANIFEST = '.pvd-publication.json';

export interface PublishedFile {
  sha256: string;
  bytes: number;
}

export interface Manifest {
  /** Keyed by path at the destination (`042/images/attigny.jpg`). */
  files: Record<string, PublishedFile>;
  /** Every issue published there, as the archive lists it; keyed by folder name. */
  issues: Record<string, ArchiveEntry>;
}

const ABOUT = 'Written by « npx pvd publish »: the files it published here and their SHA-256, so that it sends only what changed and replaces only its own files. Do not edit.';

export function emptyManifest(): Manifest {
  return { files: Object.create(null) as Record<string, PublishedFile>, issues: Object.create(null) as Record<string, ArchiveEntry> };
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Reads the manifest found at a destination; one that is not pvd's is a problem, never silently replaced. */
export function parseManifest(bytes: Buffer, where: string): Manifest | Message {
  const problem: Message = {
    fr: `${where} est illisible : ce n'est pas le registre qu'écrit pvd (modifié à la main ?). Rien n'a été publié. Restaurez-le, ou supprimez-le : pvd le récrira, en refusant de remplacer les fichiers qu'il ne reconnaît pas.`,
    en: `${where} cannot be read: it is not the record pvd writes (edited by hand?). Nothing was published. Restore it, or delete it: pvd will write it again, refusing to replace files it does not recognise.`,
  };
  let data: unknown;
  try {
    data = JSON.parse(bytes.toString('utf8'));
  } catch {
    return problem;
  }
  if (!isRecord(data) || data.pvd !== 1 || !isRecord(data.files) || !isRecord(data.issues)) return problem;
  const manifest = emptyManifest();
  for (const [path, file] of Object.entries(data.files)) {
    if (!isRecord(file) || typeof file.sha256 !== 'string' || typeof file.bytes !== 'number') return problem;
    manifest.files[path] = { sha256: file.sha256, bytes: file.bytes };
  }
  for (const [folderName, issue] of Object.entries(data.issues)) {
    if (!isRecord(issue) || typeof issue.number !== 'number' || typeof issue.date !== 'string' || typeof issue.subject !== 'string') return problem;
    manifest.issues[folderName] = { number: issue.number, date: issue.date, subject: issue.subject, folderName };
  }
  return manifest;
}

/** Stable text: keys sorted, so the manifest changes only when what was published changes. */
export function serializeManifest(manifest: Manifest): string {
  const sorted = <T>(record: Record<string, T>) => Object.fromEntries(Object.keys(record).sort().map((key) => [key, record[key]!]));
  const issues = Object.fromEntries(Object.entries(sorted(manifest.issues)).map(([key, { number, date, subject }]) => [key, { number, date, subject }]));
  return `${JSON.stringify({ pvd: 1, about: ABOUT, files: sorted(manifest.files), issues }, null, 2)}\n`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
