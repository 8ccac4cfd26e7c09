import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { imageSize } from 'image-size';
import { isWellFormed, MAX_CHECKED_BYTES, type ImageFormat } from './image-structure.js';

export type { ImageFormat };

export interface ImageFacts {
  /** Size of the file in bytes, from the file system (never from reading it). */
  bytes: number;
  /** Modification time: with the size, tells whether a published copy is still current. */
  mtimeMs: number;
  /** How many names the file has: more than one, and one of them may be outside the issue. */
  links: number;
  /** The format its first bytes announce; undefined for anything else (SVG, HTML, WebP, text…). */
  format: ImageFormat | undefined;
  /** Undefined when the dimensions cannot be read within the first few megabytes. */
  size: { width: number; height: number } | undefined;
  /** When `format` is undefined, what the file seems to be instead (svg, webp, html…), to say so. */
  detected: string | undefined;
  /** Whether the whole file follows its format, signature to end marker (io/image-structure.ts); false for anything else. */
  wellFormed: boolean;
}

export type ImageRead =
  | { ok: true; facts: ImageFacts }
  /** `not-a-file`: a folder, a pipe, a device named like an image. */
  | { ok: false; problem: 'not-a-file' }
  | { ok: false; problem: 'unreadable'; code: string };

/**
 * Magic numbers, checked here rather than by image-size's detector: that one knows twenty
 * formats (SVG among them, recognised by its text) and tries them in turn, where the
 * question is only "is this one of three", which their signatures answer exactly.
 */
export function formatOf(head: Uint8Array): ImageFormat | undefined {
  const starts = (...bytes: number[]) => bytes.every((byte, index) => head[index] === byte);
  if (starts(0xff, 0xd8, 0xff)) return 'jpeg';
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'png';
  if (starts(0x47, 0x49, 0x46, 0x38) && (head[4] === 0x37 || head[4] === 0x39) && head[5] === 0x61) return 'gif';
  return undefined;
}

/** Long enough for every signature above. */
export const SIGNATURE_BYTES = 8;
/**
 * Reads grow until the dimensions are found: a PNG's and a GIF's are in their first bytes,
 * a JPEG's follow its EXIF, thumbnail and colour profile, rarely past a few hundred KB.
 * Never more than the last step is read, whatever the size of the file.
 */
const READ_STEPS = [16 * 1024, 256 * 1024, 4 * 1024 * 1024];

/**
 * Opens without blocking (a named pipe named like an image would wait for a writer for
 * ever) and checks, on the open file, that it is a regular file: no race with a swap.
 */
export function openRegularFile(path: string): { fd: number; stat: Stats } | { problem: 'not-a-file' } {
  const fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  const stat = fstatSync(fd);
  if (stat.isFile()) return { fd, stat };
  closeSync(fd);
  return { problem: 'not-a-file' };
}

/** Reads an image's size, format and dimensions from as few bytes as its format needs. */
export function readImageFacts(path: string): ImageRead {
  let opened;
  try {
    opened = openRegularFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
    return code === 'EISDIR' ? { ok: false, problem: 'not-a-file' } : { ok: false, problem: 'unreadable', code };
  }
  if ('problem' in opened) return { ok: false, problem: opened.problem };
  const { fd, stat } = opened;
  try {
    const facts: ImageFacts = { bytes: stat.size, mtimeMs: stat.mtimeMs, links: stat.nlink, format: undefined, size: undefined, detected: undefined, wellFormed: false };
    if (stat.size <= MAX_CHECKED_BYTES) {
      // A picture of a letter is small: read whole, its structure walked, its size read from it.
      const whole = Buffer.alloc(stat.size);
      const read = readSync(fd, whole, 0, whole.length, 0);
      const bytes = whole.subarray(0, read);
      facts.format = formatOf(bytes);
      if (!facts.format) {
        facts.detected = detect(bytes);
        return { ok: true, facts };
      }
      facts.size = dimensions(bytes.subarray(0, READ_STEPS.at(-1)));
      facts.wellFormed = read === stat.size && isWellFormed(bytes, facts.format);
      return { ok: true, facts };
    }
    for (const step of READ_STEPS) {
      const buffer = Buffer.alloc(Math.min(step, stat.size));
      const read = readSync(fd, buffer, 0, buffer.length, 0);
      const head = buffer.subarray(0, read);
      facts.format = formatOf(head);
      if (!facts.format) {
        facts.detected = detect(head);
        break; // not an image pvd publishes: nothing more to read
      }
      facts.size = dimensions(head);
      if (facts.size || read < step) break;
    }
    return { ok: true, facts };
  } catch (error) {
    return { ok: false, problem: 'unreadable', code: (error as NodeJS.ErrnoException).code ?? 'EIO' };
  } finally {
    closeSync(fd);
  }
}

/** What a refused file most likely is, to say so in the message: a few common signatures. */
function detect(head: Uint8Array): string | undefined {
  if (head.length === 0) return 'empty';
  const text = Buffer.from(head.subarray(0, 1024)).toString('latin1').replace(/^\xef\xbb\xbf/, '');
  if (/^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*(<!doctype svg|<svg)/i.test(text)) return 'svg';
  if (/^\s*(<!doctype html|<html|<head|<body|<script|<meta|<iframe|<!--)/i.test(text)) return 'html';
  if (text.startsWith('RIFF') && text.slice(8, 12) === 'WEBP') return 'webp';
  if (text.slice(4, 8) === 'ftyp') return /^(avif|avis)/.test(text.slice(8, 12)) ? 'avif' : 'heic';
  if (text.startsWith('BM')) return 'bmp';
  if (text.startsWith('II*\0') || text.startsWith('MM\0*')) return 'tiff';
  if (text.startsWith('%PDF')) return 'pdf';
  return text.length > 0 && /^[\t\n\r\x20-\x7e\x80-\xff]*$/.test(text) ? 'text' : undefined;
}

function dimensions(head: Uint8Array): ImageFacts['size'] {
  try {
    const { width, height } = imageSize(head);
    return width && height ? { width, height } : undefined;
  } catch {
    return undefined;
  }
}
