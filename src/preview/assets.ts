import { closeSync, readSync, realpathSync, statSync, type Stats } from 'node:fs';
import { isAbsolute, relative, sep } from 'node:path';
import { formatOf, openRegularFile, SIGNATURE_BYTES, type ImageFormat } from '../io/image-facts.js';

/** A picture the rendered email shows, and the folder it must stay inside (the issue's, or the template's for the logo). */
export interface AssetFile {
  path: string;
  root: string;
}

/** An asset checked and open, ready to stream: the caller closes `fd`. */
export interface OpenAsset {
  fd: number;
  size: number;
  type: string;
}

const TYPES: Record<ImageFormat, string> = { jpeg: 'image/jpeg', png: 'image/png', gif: 'image/gif' };

/**
 * Opens an asset only if it is, now, what `pvd build` would publish: a regular file with one
 * name, whose real path (symlinks resolved after it was opened, so nothing swapped in between
 * escapes) is inside its folder, and whose bytes say JPEG, PNG or GIF. The files changed since
 * the last render — a symlink put in place of a photo, an SVG renamed .jpg — are refused here,
 * whatever the rendered page still points at.
 */
export function openAsset(asset: AssetFile): OpenAsset | undefined {
  let opened;
  try {
    opened = openRegularFile(asset.path);
  } catch {
    return undefined;
  }
  if ('problem' in opened) return undefined;
  const { fd, stat } = opened;
  let format: ImageFormat | undefined;
  try {
    format = stat.nlink === 1 && isConfined(asset, stat) ? formatOfOpenFile(fd) : undefined;
  } catch {
    format = undefined;
  }
  if (!format) {
    closeSync(fd);
    return undefined;
  }
  return { fd, size: stat.size, type: TYPES[format] };
}

/** The opened file is the one at its real path, and that path is inside the asset's folder. */
function isConfined(asset: AssetFile, opened: Stats): boolean {
  const real = realpathSync.native(asset.path);
  const atReal = statSync(real);
  return atReal.ino === opened.ino && atReal.dev === opened.dev && isWithin(realpathSync.native(asset.root), real);
}

function formatOfOpenFile(fd: number): ImageFormat | undefined {
  const head = Buffer.alloc(SIGNATURE_BYTES);
  return formatOf(head.subarray(0, readSync(fd, head, 0, SIGNATURE_BYTES, 0)));
}

function isWithin(folder: string, path: string): boolean {
  const fromFolder = relative(folder, path);
  return fromFolder !== '' && fromFolder !== '..' && !fromFolder.startsWith(`..${sep}`) && !isAbsolute(fromFolder);
}
