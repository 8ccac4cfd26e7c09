import { crc32 } from 'node:zlib';

/** The only formats pvd publishes: every mail client shows them, and none can hold a script a browser runs. */
export type ImageFormat = 'jpeg' | 'png' | 'gif';

/**
 * Whether the whole file follows its format, from the signature to the end marker, with
 * nothing after it. The signature alone is eight bytes anyone can put before a page or a
 * script (`\x89PNG…<html>`, `GIF89a/*…*\/=1;alert(1)`): such a file shows no picture in any
 * mail client, and once on the agency's site it is a page or a script under its name.
 * The walk reads the structure, not the pixels: a few milliseconds for a photo.
 */
export function isWellFormed(bytes: Uint8Array, format: ImageFormat): boolean {
  if (format === 'png') return isPng(bytes);
  if (format === 'jpeg') return isJpeg(bytes);
  return isGif(bytes);
}

/** Images larger than this are not walked, and not published: no picture of a letter comes near. */
export const MAX_CHECKED_BYTES = 32 * 1024 * 1024;

const view = (bytes: Uint8Array) => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/** Chunks from IHDR to IEND, each of the length it says and with its CRC. */
function isPng(bytes: Uint8Array): boolean {
  const data = view(bytes);
  let position = 8;
  let first = true;
  while (position + 12 <= bytes.length) {
    const length = data.getUint32(position);
    if (length > bytes.length - position - 12) return false;
    const type = String.fromCharCode(...bytes.subarray(position + 4, position + 8));
    if (!/^[A-Za-z]{4}$/.test(type) || (first && (type !== 'IHDR' || length !== 13))) return false;
    if (crc32(bytes.subarray(position + 4, position + 8 + length)) !== data.getUint32(position + 8 + length)) return false;
    position += 12 + length;
    if (type === 'IEND') return position === bytes.length;
    first = false;
  }
  return false;
}

/** Segments of the lengths they say, a frame before the first scan, and the end-of-image marker last. */
function isJpeg(bytes: Uint8Array): boolean {
  const data = view(bytes);
  let position = 2;
  let frame = false;
  for (;;) {
    if (bytes[position] !== 0xff) return false;
    while (bytes[position] === 0xff) position++;
    const marker = bytes[position++];
    if (marker === undefined || marker === 0xd9) return false;
    if ((marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) continue;
    if (position + 2 > bytes.length) return false;
    const length = data.getUint16(position);
    if (length < 2 || position + length > bytes.length) return false;
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) frame = true;
    position += length;
    if (marker === 0xda) break;
  }
  // The compressed data runs to the end-of-image marker; some encoders pad with zeros after it.
  let end = bytes.length;
  while (end > position && bytes[end - 1] === 0x00) end--;
  return frame && end - position >= 2 && bytes[end - 2] === 0xff && bytes[end - 1] === 0xd9;
}

/** Blocks from the screen descriptor to the trailer, at least one image, nothing after. */
function isGif(bytes: Uint8Array): boolean {
  if (bytes.length < 14) return false;
  let position = 13 + colourTable(bytes[10]!);
  let images = 0;
  const subBlocks = (): boolean => {
    for (;;) {
      const size = bytes[position++];
      if (size === undefined) return false;
      if (size === 0) return true;
      position += size;
      if (position > bytes.length) return false;
    }
  };
  for (;;) {
    const block = bytes[position++];
    if (block === 0x3b) return images > 0 && position === bytes.length;
    if (block === 0x21) {
      position++; // the extension's label
      if (!subBlocks()) return false;
    } else if (block === 0x2c) {
      if (position + 10 > bytes.length) return false;
      position += 9 + colourTable(bytes[position + 8]!) + 1; // descriptor, local colours, LZW code size
      if (!subBlocks()) return false;
      images++;
    } else {
      return false;
    }
  }
}

/** The bytes of the colour table a GIF's flags announce. */
function colourTable(flags: number): number {
  return flags & 0x80 ? 3 * 2 ** ((flags & 7) + 1) : 0;
}
