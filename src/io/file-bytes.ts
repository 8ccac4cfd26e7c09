import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync, writeSync } from 'node:fs';
import { extname } from 'node:path';
import { UsageError } from '../errors.js';
import { attempt } from './fs-errors.js';
import { shownPath } from './paths.js';
import { formatOf, openRegularFile } from './image-facts.js';
import { isWellFormed, MAX_CHECKED_BYTES } from './image-structure.js';

export interface FileDigest {
  sha256: string;
  bytes: number;
}

const CHUNK = 256 * 1024;
/** One buffer per thread, reused: every read and copy here is synchronous. */
const buffer = Buffer.alloc(CHUNK);

export function digestOf(content: string | Uint8Array): FileDigest {
  const bytes = typeof content === 'string' ? Buffer.from(content) : content;
  return { sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length };
}

/** Extensions a web server serves as an image: a JPEG named x.html would be served, and run, as a page. */
export const IMAGE_EXTENSION = /^\.(jpe?g|png|gif)$/i;

/** Streams a file through a hash, and to `destination` when given, in bounded memory. */
function stream(fd: number, destination: string | undefined): FileDigest {
  const hash = createHash('sha256');
  let out: number | undefined;
  let bytes = 0;
  try {
    for (;;) {
      const read = readSync(fd, buffer, 0, CHUNK, bytes);
      if (bytes === 0 && destination !== undefined) out = openSync(destination, 'wx');
      if (read === 0) break;
      hash.update(buffer.subarray(0, read));
      for (let written = 0; out !== undefined && written < read;) written += writeSync(out, buffer, written, read - written);
      bytes += read;
    }
  } finally {
    if (out !== undefined) closeSync(out);
  }
  return { sha256: hash.digest('hex'), bytes };
}

export function hashFile(path: string): FileDigest {
  const fd = openSync(path, 'r');
  try {
    return stream(fd, undefined);
  } finally {
    closeSync(fd);
  }
}

/**
 * The last line of defence, whatever lint's settings: what is copied into out/ is a
 * regular file with one name, whose own bytes (read from the same open file as the copy,
 * so nothing can be swapped in between) say JPEG, PNG or GIF, published under an image
 * extension. Hashes (and copies, with `destination`) it; refuses anything else.
 */
export function readPublishableImage(source: string, publishedAs: string, destination?: string): FileDigest {
  const refuse = (fr: string, en: string) => new UsageError({
    fr: `${shownPath(source)} ${fr} : pvd ne le publie pas. Enregistrez l'image en JPEG, PNG ou GIF dans le dossier images/ du numéro, puis relancez la commande.`,
    en: `${shownPath(source)} ${en}: pvd does not publish it. Save the picture as JPEG, PNG or GIF in the issue's images/ folder, then run the command again.`,
  });
  if (!IMAGE_EXTENSION.test(extname(publishedAs))) throw refuse(`serait publié sous le nom ${publishedAs}, qui n'est pas celui d'une image`, `would be published as ${publishedAs}, which is not an image's name`);
  const opened = attempt(source, 'read', () => openRegularFile(source));
  if ('problem' in opened) throw refuse("n'est pas un fichier", 'is not a file');
  try {
    if (opened.stat.nlink > 1) throw refuse('a plusieurs noms (lien physique) et pourrait être un fichier pris hors du numéro', 'has several names (a hard link) and could be a file from outside the issue');
    if (opened.stat.size > MAX_CHECKED_BYTES) throw refuse('est trop lourd pour être vérifié (plus de 32 Mo)', 'is too large to be checked (over 32 MB)');
    const whole = Buffer.alloc(opened.stat.size);
    const read = readSync(opened.fd, whole, 0, whole.length, 0);
    const format = formatOf(whole);
    if (!format) throw refuse("n'est pas une image JPEG, PNG ou GIF (d'après son contenu)", 'is not a JPEG, PNG or GIF picture (by its content)');
    if (read !== whole.length || !isWellFormed(whole, format)) throw refuse("commence comme une image mais n'en est pas une jusqu'au bout (tronquée, abîmée ou déguisée)", 'starts as a picture but is not one to the end (truncated, damaged or disguised)');
    // What was checked is what is published: written from these very bytes.
    if (destination !== undefined) writeNew(destination, whole);
    return digestOf(whole);
  } finally {
    closeSync(opened.fd);
  }
}

/** Writes `bytes` to a file that must not exist yet. */
function writeNew(path: string, bytes: Uint8Array): void {
  const out = openSync(path, 'wx');
  try {
    for (let written = 0; written < bytes.length;) written += writeSync(out, bytes, written, bytes.length - written);
  } finally {
    closeSync(out);
  }
}

/** Copies a file pvd published before, checking on the way that it is still what its manifest says. */
export function copyOwnedFile(source: string, destination: string, expected: FileDigest): void {
  const fd = openSync(source, 'r');
  let copied: FileDigest;
  try {
    copied = stream(fd, destination);
  } finally {
    closeSync(fd);
  }
  if (copied.sha256 !== expected.sha256) {
    throw new UsageError({
      fr: `${shownPath(source)} a été modifié pendant que pvd le recopiait : relancez la commande.`,
      en: `${shownPath(source)} changed while pvd was copying it: run the command again.`,
    });
  }
}
