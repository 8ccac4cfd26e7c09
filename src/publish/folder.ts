import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Message } from '../i18n/lang.js';
import { folderPath } from './destination.js';
import { DestinationError, temporaryName, type Transport } from './transport.js';

/**
 * A folder destination: a web root, a mounted share, a forge's Pages folder. The folder
 * itself is made when its parent exists; a missing parent is more likely an unmounted share
 * than a folder to create.
 */
export async function openFolder(root: string): Promise<Transport> {
  try {
    await mkdir(root);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      throw new DestinationError({
        fr: `Impossible de publier dans ${root} : son dossier parent ${dirname(root)} n'existe pas. Si c'est un partage réseau, montez-le (ou reconnectez le lecteur) ; sinon vérifiez le chemin donné à --to ou à publish.to (templates/pvd/template.yaml).`,
        en: `Cannot publish into ${root}: its parent folder ${dirname(root)} does not exist. If it is a network share, mount it (or reconnect the drive); otherwise check the path given to --to or publish.to (templates/pvd/template.yaml).`,
      });
    }
    if (code !== 'EEXIST') throw new DestinationError(folderProblem(root, undefined, code));
  }
  const stats = await stat(root).catch((error: NodeJS.ErrnoException) => {
    throw new DestinationError(folderProblem(root, undefined, error.code));
  });
  if (!stats.isDirectory()) {
    throw new DestinationError({
      fr: `Impossible de publier dans ${root} : c'est un fichier, pas un dossier. Choisissez un dossier avec --to.`,
      en: `Cannot publish into ${root}: it is a file, not a folder. Choose a folder with --to.`,
    });
  }
  const at = (path: string) => folderPath(root, path);
  const guarded = async <T>(path: string, work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      throw new DestinationError(folderProblem(root, path, (error as NodeJS.ErrnoException).code));
    }
  };
  return {
    async size(path) {
      try {
        const found = await stat(at(path));
        return found.isFile() ? found.size : undefined;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw new DestinationError(folderProblem(root, path, (error as NodeJS.ErrnoException).code));
      }
    },
    read: (path) => guarded(path, () => readFile(at(path))),
    write: (path, bytes) => guarded(path, async () => {
      const target = at(path);
      await mkdir(dirname(target), { recursive: true });
      const temporary = join(dirname(target), temporaryName(basename(target), randomBytes(4).toString('hex')));
      try {
        await writeFile(temporary, bytes);
        // On Windows too, rename replaces an existing file (MoveFileEx with REPLACE_EXISTING).
        await rename(temporary, target);
      } catch (error) {
        await rm(temporary, { force: true });
        throw error;
      }
    }),
    close: async () => {},
  };
}

/** What went wrong writing `path` (relative, or the folder itself) under the destination `root`. */
function folderProblem(root: string, path: string | undefined, code: string | undefined): Message {
  const what = path === undefined ? { fr: `dans ${root}`, en: `to ${root}` } : { fr: `${path} dans ${root}`, en: `${path} to ${root}` };
  const why = { fr: code ?? 'erreur inconnue', en: code ?? 'unknown error' };
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return {
        fr: `Impossible d'écrire ${what.fr} (${why.fr}) : vous n'avez pas le droit d'écrire dans ce dossier. Demandez ce droit, ou publiez ailleurs avec --to.`,
        en: `Cannot write ${what.en} (${why.en}): you are not allowed to write in that folder. Ask for that right, or publish elsewhere with --to.`,
      };
    case 'EROFS':
      return {
        fr: `Impossible d'écrire ${what.fr} : le disque ou le partage est en lecture seule. Montez-le en écriture, ou publiez ailleurs avec --to.`,
        en: `Cannot write ${what.en}: the disk or share is read-only. Mount it writable, or publish elsewhere with --to.`,
      };
    case 'ENOSPC':
    case 'EDQUOT':
      return {
        fr: `Impossible d'écrire ${what.fr} : le disque est plein. Libérez de la place puis relancez.`,
        en: `Cannot write ${what.en}: the disk is full. Free some space, then run again.`,
      };
    case 'ENOTDIR':
    case 'EISDIR':
      return {
        fr: `Impossible d'écrire ${what.fr} : un fichier ou un dossier du même nom est en travers (${why.fr}). Déplacez-le, puis relancez.`,
        en: `Cannot write ${what.en}: a file or folder of that name is in the way (${why.en}). Move it, then run again.`,
      };
    default:
      return {
        fr: `Impossible d'écrire ${what.fr} (${why.fr}) : vérifiez que le dossier est accessible (partage réseau connecté), puis relancez.`,
        en: `Cannot write ${what.en} (${why.en}): check the folder can be reached (network share connected), then run again.`,
      };
  }
}
