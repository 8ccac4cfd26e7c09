import { renameSync } from 'node:fs';
import { UsageError } from '../errors.js';
import type { Message } from '../i18n/lang.js';
import { shownPath } from './paths.js';

/** What pvd was doing with a path when the system refused: the start of the message. */
export type IoAction = 'read' | 'write' | 'create-folder' | 'replace' | 'lock';

const ACTIONS: Record<IoAction, (path: string) => Message> = {
  read: (path) => ({ fr: `Impossible de lire ${path}`, en: `Cannot read ${path}` }),
  write: (path) => ({ fr: `Impossible d'écrire ${path}`, en: `Cannot write ${path}` }),
  'create-folder': (path) => ({ fr: `Impossible de créer le dossier ${path}`, en: `Cannot create the folder ${path}` }),
  replace: (path) => ({ fr: `Impossible de remplacer ${path}`, en: `Cannot replace ${path}` }),
  lock: (path) => ({ fr: `Impossible de réserver ${path} pour l'écrire`, en: `Cannot reserve ${path} for writing` }),
};

const PERMISSION: Message = {
  fr: "permission refusée. Vérifiez les droits sur ce dossier, ou choisissez-en un autre avec --out-dir",
  en: 'permission denied. Check the rights on this folder, or choose another one with --out-dir',
};

/** Why, and what to do, for each error code a user's machine can give. */
const REASONS: Record<string, Message> = {
  EACCES: PERMISSION,
  EPERM: PERMISSION,
  EROFS: { fr: 'le disque est en lecture seule. Choisissez un dossier sur un disque modifiable avec --out-dir', en: 'the disk is read-only. Choose a folder on a writable disk with --out-dir' },
  ENOSPC: { fr: "le disque est plein. Libérez de la place, puis relancez la commande", en: 'the disk is full. Free some space, then run the command again' },
  EDQUOT: { fr: "votre quota de disque est atteint. Libérez de la place, puis relancez la commande", en: 'your disk quota is reached. Free some space, then run the command again' },
  ENOTDIR: { fr: "un élément de ce chemin est un fichier, pas un dossier. Choisissez un autre dossier avec --out-dir", en: 'part of this path is a file, not a folder. Choose another folder with --out-dir' },
  ENOENT: { fr: "le système ne permet pas de créer de fichier ou de dossier à cet endroit. Choisissez un autre dossier avec --out-dir", en: 'the system does not allow files or folders there. Choose another folder with --out-dir' },
  ELOOP: { fr: 'ce chemin passe par des liens symboliques qui tournent en rond. Corrigez ces liens ou choisissez un autre dossier', en: 'this path goes through symbolic links that loop. Fix the links or choose another folder' },
  EISDIR: { fr: "c'est un dossier, là où un fichier est attendu", en: 'it is a folder where a file is expected' },
  ENAMETOOLONG: { fr: 'le chemin est trop long. Choisissez un dossier plus proche de la racine du disque', en: 'the path is too long. Choose a folder closer to the root of the disk' },
  EMFILE: { fr: "trop de fichiers sont ouverts. Fermez des programmes, puis relancez la commande", en: 'too many files are open. Close some programs, then run the command again' },
  ENFILE: { fr: "trop de fichiers sont ouverts. Fermez des programmes, puis relancez la commande", en: 'too many files are open. Close some programs, then run the command again' },
  EBUSY: { fr: "un autre programme l'utilise (un explorateur de fichiers, un antivirus, un serveur). Fermez-le, puis relancez la commande", en: 'another program is using it (a file explorer, an antivirus, a server). Close it, then run the command again' },
  ENOTEMPTY: { fr: "un dossier du même nom, qui n'est pas vide, est apparu pendant l'écriture. Déplacez-le, puis relancez la commande", en: 'a non-empty folder of that name appeared while writing. Move it, then run the command again' },
  EEXIST: { fr: "un fichier du même nom est apparu pendant l'écriture. Déplacez-le, puis relancez la commande", en: 'a file of that name appeared while writing. Move it, then run the command again' },
  EIO: { fr: "le disque a renvoyé une erreur matérielle. Vérifiez le disque (ou la connexion au partage réseau)", en: 'the disk reported a hardware error. Check the disk (or the connection to the network share)' },
  EXDEV: { fr: "ce dossier s'étend sur deux disques. Choisissez un dossier sur un seul disque avec --out-dir", en: 'this folder spans two disks. Choose a folder on a single disk with --out-dir' },
  EINVAL: { fr: "le système refuse ce nom à cet endroit. Choisissez un autre dossier avec --out-dir", en: 'the system refuses this name there. Choose another folder with --out-dir' },
};

export function errorCode(error: unknown): string | undefined {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * A refusal of the system as a message a comms officer can act on (exit 2). An error
 * without an errno code is pvd's own bug and goes on as it is.
 */
export function ioError(error: unknown, path: string, action: IoAction): Error {
  if (error instanceof UsageError) return error;
  const code = errorCode(error);
  if (code === undefined || !code.startsWith('E')) return error instanceof Error ? error : new Error(String(error));
  const start = ACTIONS[action](shownPath(path));
  // Windows refuses to move a folder while a program has one of its files open, and says "permission".
  const heldOpen = process.platform === 'win32' && action === 'replace' && (code === 'EPERM' || code === 'EACCES');
  const reason = REASONS[heldOpen ? 'EBUSY' : code] ?? { fr: `le système a refusé (code ${code})`, en: `the system refused (code ${code})` };
  return new UsageError({ fr: `${start.fr} : ${reason.fr}.`, en: `${start.en}: ${reason.en}.` });
}

/** Runs `operation`, turning a refusal of the system into a message about `path`. */
export function attempt<T>(path: string, action: IoAction, operation: () => T): T {
  try {
    return operation();
  } catch (error) {
    throw ioError(error, path, action);
  }
}

const sleeper = new Int32Array(new SharedArrayBuffer(4));

/** Waits without spinning: every writer call is synchronous, in the main thread as in the build workers. */
export function sleep(ms: number): void {
  Atomics.wait(sleeper, 0, 0, ms);
}

/**
 * Windows refuses to rename a folder while a program holds a file in it open (the
 * explorer's preview, an antivirus scan): EPERM, EACCES or EBUSY, gone a moment later.
 */
function isTransient(error: unknown): boolean {
  const code = errorCode(error);
  return code === 'EBUSY' || (process.platform === 'win32' && (code === 'EPERM' || code === 'EACCES'));
}

const RENAME_ATTEMPTS = 6;

export function renameRetrying(from: string, to: string): void {
  for (let attempt = 1; ; attempt++) {
    try {
      renameSync(from, to);
      return;
    } catch (error) {
      if (attempt >= RENAME_ATTEMPTS || !isTransient(error)) throw error;
      sleep(25 * 2 ** attempt); // 50 ms … 800 ms, about 1.5 s in all
    }
  }
}
