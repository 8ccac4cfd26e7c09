import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { imageSize } from 'image-size';

export interface ImageFacts {
  /** Size of the file in bytes. */
  bytes: number;
  /** Modification time: with the size, tells whether a published copy is still current. */
  mtimeMs: number;
  /** Undefined when the file is no image pvd can read. */
  size: { width: number; height: number; type: string | undefined } | undefined;
}

/** Enough for the header of a PNG, a GIF and most JPEGs; a JPEG whose EXIF pushes its size further is read whole. */
const HEAD_BYTES = 16 * 1024;

/** Reads an image's size and dimensions from as few bytes as its format needs. */
export function readImageFacts(path: string): ImageFacts {
  const fd = openSync(path, 'r');
  try {
    const { size: bytes, mtimeMs } = fstatSync(fd);
    const tryLength = (length: number) => {
      const buffer = Buffer.alloc(length);
      const read = readSync(fd, buffer, 0, length, 0);
      try {
        const { width, height, type } = imageSize(buffer.subarray(0, read));
        return width && height ? { width, height, type } : undefined;
      } catch {
        return undefined;
      }
    };
    return { bytes, mtimeMs, size: tryLength(Math.min(bytes, HEAD_BYTES)) ?? (bytes > HEAD_BYTES ? tryLength(bytes) : undefined) };
  } finally {
    closeSync(fd);
  }
}
