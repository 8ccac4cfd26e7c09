import type { Message } from '../i18n/lang.js';

/**
 * What publishing needs of a destination. Paths are relative to it, with forward slashes
 * (`042/images/attigny.jpg`), whatever the system on either side.
 */
export interface Transport {
  /** The file's size in bytes, or undefined when there is none. */
  size(path: string): Promise<number | undefined>;
  read(path: string): Promise<Buffer>;
  /** Writes under a temporary name beside the file, then renames it over: a reader sees the old file or the new one. */
  write(path: string, bytes: Uint8Array): Promise<void>;
  close(): Promise<void>;
}

/** The destination cannot be read or written: nothing more is sent (exit 2). The message names it and says what to do. */
export class DestinationError extends Error {
  constructor(readonly text: Message) {
    super(text.en);
  }
}

/** A temporary name beside `name`, hidden and recognisably pvd's. */
export function temporaryName(name: string, random: string): string {
  return `.${name}.pvd-${random}.tmp`;
}

/** The folders a path needs, outermost first: `042/images/a.jpg` → `042`, `042/images`. */
export function parentFolders(path: string): string[] {
  const parts = path.split('/').slice(0, -1);
  return parts.map((_, index) => parts.slice(0, index + 1).join('/'));
}
