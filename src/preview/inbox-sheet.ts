import { closeSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { digestOf } from '../io/file-bytes.js';
import { readManifest } from '../io/manifest.js';
import { openAsset, type OpenAsset } from './assets.js';

/** Where the preview serves the contact sheet of `pvd check`: out/NNN/inbox/ as it is on disk. */
export const SHEET_PREFIX = '/inbox/';

/** The sheet `pvd check` wrote for the issue, as the page announces it. */
export interface InboxSheetState {
  /** When it was written (ms since 1970): the page says so, and reloads it when it changes. */
  at: number;
}

/** A file of the sheet, ready to send: the page itself (read whole) or a screenshot (open, streamed). */
export type SheetFile = { kind: 'page'; html: string } | { kind: 'picture'; opened: OpenAsset };

const NAME = /^[a-z0-9-]+\.(?:png|html)$/;

/** The sheet of out/NNN/, when `pvd check` wrote one there. */
export function inboxSheetOf(outFolder: string): InboxSheetState | undefined {
  const manifest = safely(() => readManifest(outFolder));
  if (!manifest || manifest === 'invalid' || !manifest.files.has('inbox/index.html')) return undefined;
  const at = safely(() => statSync(join(outFolder, 'inbox', 'index.html')).mtimeMs);
  return at === undefined ? undefined : { at: Math.round(at) };
}

/**
 * A file of out/NNN/inbox/, only if it is what `pvd check` wrote: listed in the folder's
 * manifest, the page with the very bytes listed (it is served as HTML), each screenshot a
 * PNG by its bytes, of one name, inside the folder. Anything else put there is not served.
 */
export function openSheetFile(outFolder: string, name: string): SheetFile | undefined {
  if (!NAME.test(name)) return undefined;
  const manifest = safely(() => readManifest(outFolder));
  const listed = manifest && manifest !== 'invalid' ? manifest.files.get(`inbox/${name}`) : undefined;
  if (!listed) return undefined;
  const path = join(outFolder, 'inbox', name);
  if (name.endsWith('.png')) {
    const opened = openAsset({ path, root: join(outFolder, 'inbox') });
    if (opened && opened.type === 'image/png' && opened.size === listed.bytes) return { kind: 'picture', opened };
    if (opened) closeSync(opened.fd);
    return undefined;
  }
  const bytes = safely(() => readFileSync(path));
  return bytes && digestOf(bytes).sha256 === listed.sha256 ? { kind: 'page', html: bytes.toString('utf8') } : undefined;
}

function safely<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}
