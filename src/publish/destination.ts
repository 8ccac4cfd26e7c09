import { realpathSync } from 'node:fs';
import nodePath, { type PlatformPath } from 'node:path';
import { UsageError } from '../errors.js';

/** Where `pvd publish` writes: a folder of this computer (or a mounted share), or an SFTP server. */
export type Destination =
  | { kind: 'folder'; path: string; label: string }
  | { kind: 'sftp'; username: string; host: string; port: number; path: string; label: string };

const SFTP_FORM = 'sftp://utilisateur@serveur[:port]/chemin';
const SFTP_FORM_EN = 'sftp://user@server[:port]/path';

/**
 * Reads `--to` or `publish.to`. Anything that is not an `sftp://` address is a folder,
 * resolved against the repository: `public`, `/var/www/lettre`, `C:\www\lettre`,
 * `\\serveur\partage\lettre`. `paths` is node:path; tests pass path.win32 to read a Windows path.
 */
export function parseDestination(written: string, root: string, paths: PlatformPath = nodePath): Destination {
  const text = written.trim();
  if (text === '') {
    throw new UsageError({
      fr: `Destination vide : donnez un dossier ou une adresse ${SFTP_FORM} (--to, ou publish.to dans templates/pvd/template.yaml).`,
      en: `Empty destination: give a folder or an ${SFTP_FORM_EN} address (--to, or publish.to in templates/pvd/template.yaml).`,
    });
  }
  // Two letters at least: `C://…` and `C:\…` are Windows drives, not URL schemes.
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]+):\/\//.exec(text)?.[1]?.toLowerCase();
  if (scheme === undefined) return folderDestination(paths.resolve(root, text), root, paths);
  if (scheme !== 'sftp') {
    throw new UsageError({
      fr: `« ${text} » : pvd ne publie pas en ${scheme}://. Donnez un dossier (le dossier du site, un partage réseau monté, public/ pour une forge) ou une adresse ${SFTP_FORM}.`,
      en: `"${text}": pvd does not publish over ${scheme}://. Give a folder (the web root, a mounted network share, public/ for a forge) or an ${SFTP_FORM_EN} address.`,
    });
  }
  return sftpDestination(text);
}

function sftpDestination(text: string): Destination {
  const invalid = (fr: string, en: string): never => {
    throw new UsageError({ fr: `« ${text} » : ${fr} La forme attendue est ${SFTP_FORM}.`, en: `"${text}": ${en} The expected form is ${SFTP_FORM_EN}.` });
  };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return invalid("ce n'est pas une adresse valable.", 'this is not a valid address.');
  }
  // A password written here would end up in git: it comes from PVD_SFTP_PASSWORD instead.
  if (url.password) return invalid('ne mettez pas de mot de passe dans l’adresse : donnez-le dans la variable d’environnement PVD_SFTP_PASSWORD.', 'do not put a password in the address: give it in the PVD_SFTP_PASSWORD environment variable.');
  if (!url.username) return invalid("il manque l'utilisateur (avant « @ »).", 'the user (before "@") is missing.');
  if (!url.hostname) return invalid('il manque le serveur.', 'the server is missing.');
  const path = decodeURIComponent(url.pathname);
  if (path === '' || path === '/') return invalid('il manque le dossier du serveur où publier (après le serveur).', 'the folder on the server is missing (after the server).');
  const port = url.port ? Number(url.port) : 22;
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  const username = decodeURIComponent(url.username);
  return {
    kind: 'sftp',
    username,
    host,
    port,
    // As in curl and OpenSSH, `/~/www` is `www` in the user's home folder.
    path: path.startsWith('/~/') ? path.slice(3) : path,
    label: `sftp://${url.username}@${url.host}${url.pathname}`,
  };
}

/**
 * The repository's own folders, which a site published into would mix with or overwrite:
 * the sources, pvd's builds (out/: publish writes the generic web version, and would
 * replace a build made for Brevo there), git's, the installed packages and the tool itself.
 */
const RESERVED = ['issues', 'templates', 'out', '.git', 'node_modules', 'src', 'dist', 'bin', 'docs', 'tests', 'scripts'];

/**
 * A folder that is or holds the repository, or sits in one of its own folders, is refused,
 * as written and as the disk resolves it: a link to issues/ is issues/.
 */
function folderDestination(path: string, root: string, paths: PlatformPath): Destination {
  const refused = (candidate: string, base: string) => !isOutside(paths, candidate, base) || RESERVED.some((name) => !isOutside(paths, paths.join(base, name), candidate));
  if (refused(path, root) || (paths === nodePath && refused(realPath(path), realPath(root)))) {
    throw new UsageError({
      fr: `${path} est le dépôt de la lettre ou l'un de ses dossiers (issues/, templates/, out/, .git…) : publiez dans un dossier à part, par exemple « npx pvd publish --to public ».`,
      en: `${path} is the newsletter repository or one of its folders (issues/, templates/, out/, .git…): publish into a folder of its own, for instance "npx pvd publish --to public".`,
    });
  }
  return { kind: 'folder', path, label: path };
}

/** The path as the disk resolves it: its deepest existing folder's real path, and the rest as written. */
function realPath(path: string): string {
  let existing = path;
  const rest: string[] = [];
  for (;;) {
    try {
      return nodePath.join(realpathSync.native(existing), ...rest);
    } catch {
      const parent = nodePath.dirname(existing);
      if (parent === existing) return path;
      rest.unshift(nodePath.basename(existing));
      existing = parent;
    }
  }
}

/** True when `inner` is neither `outer` nor inside it. */
function isOutside(paths: PlatformPath, outer: string, inner: string): boolean {
  const fromOuter = paths.relative(outer, inner);
  return fromOuter === '..' || fromOuter.startsWith(`..${paths.sep}`) || paths.isAbsolute(fromOuter);
}

/** A published file's place under a folder destination; `key` has forward slashes (`042/images/a.jpg`). */
export function folderPath(root: string, key: string, paths: PlatformPath = nodePath): string {
  return paths.join(root, ...key.split('/'));
}
