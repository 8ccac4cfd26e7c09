import { randomBytes } from 'node:crypto';
import { chmodSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { UsageError } from '../errors.js';
import type { Message } from '../i18n/lang.js';
import { errorCode, renameRetrying } from './fs-errors.js';
import { shownPath } from './paths.js';

export interface AtomicWriteOptions {
  /** Given to the new file before it takes the place of the old one. */
  mode?: number;
  /** Called last before the rename; what it throws cancels the write (the old file stays). */
  beforeRename?: () => void;
}

/** Writes one file through a temporary sibling and a rename: readers never see half of it. */
export function writeFileAtomic(path: string, content: string | Uint8Array, options: AtomicWriteOptions = {}): void {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    writeFileSync(temporary, content);
    if (options.mode !== undefined) chmodSync(temporary, options.mode);
    options.beforeRename?.();
    renameRetrying(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw writeRefused(error, path);
  }
}

/** The system's refusal, said about the file the user asked for (not the temporary beside it), in French or English. */
function writeRefused(error: unknown, path: string): unknown {
  const code = errorCode(error);
  if (error instanceof UsageError || code === undefined) return error;
  const shown = shownPath(path);
  const folder = shownPath(dirname(path));
  const reasons: Record<string, Message> = {
    EACCES: { fr: `vous n'avez pas le droit d'écrire dans le dossier ${folder}. Demandez ce droit (ou rendez le dossier modifiable), puis relancez la commande`, en: `you may not write in the folder ${folder}. Ask for that right (or make the folder writable), then run the command again` },
    EROFS: { fr: 'le disque est en lecture seule', en: 'the disk is read-only' },
    ENOSPC: { fr: 'le disque est plein. Libérez de la place, puis relancez la commande', en: 'the disk is full. Free some space, then run the command again' },
  };
  const reason = reasons[code === 'EPERM' ? 'EACCES' : code === 'EDQUOT' ? 'ENOSPC' : code] ?? { fr: `le système a refusé (code ${code})`, en: `the system refused (code ${code})` };
  return new UsageError({ fr: `Impossible d'écrire ${shown} : ${reason.fr}.`, en: `Cannot write ${shown}: ${reason.en}.` });
}
