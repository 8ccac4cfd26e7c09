import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, posix } from 'node:path';
import type SftpClient from 'ssh2-sftp-client';
import type { Message } from '../i18n/lang.js';
import { algorithmsForTypes, fingerprint, knownHostName, lookUpKnownHost } from './known-hosts.js';
import { gatherCredentials } from './sftp-auth.js';
import { DestinationError, parentFolders, temporaryName, type Transport } from './transport.js';

export interface SftpTarget {
  username: string;
  host: string;
  port: number;
  /** The folder on the server: absolute, or relative to the user's home. */
  path: string;
  label: string;
}

export interface SftpSettings {
  /** `publish.hostKey` of template.yaml: the server's SHA256 fingerprint, trusted instead of known_hosts. */
  hostKey?: string;
  env?: NodeJS.ProcessEnv;
  home?: string;
  /** How long to wait for the server to answer and accept a login. */
  timeoutMs?: number;
}

type HostVerdict = { kind: 'unknown' | 'changed' | 'revoked'; fingerprint: string };

/** Opens an SFTP session, the server's key checked before any password or key is sent. */
export async function openSftp(target: SftpTarget, settings: SftpSettings = {}): Promise<Transport> {
  const env = settings.env ?? process.env;
  const home = settings.home ?? homedir();
  const [{ default: Client }, { default: ssh2 }] = await Promise.all([import('ssh2-sftp-client'), import('ssh2')]);
  const credentials = gatherCredentials(target.username, { env, home, platform: process.platform, parseKey: ssh2.utils.parseKey });
  const known = lookUpKnownHost(knownHostsTexts(home), target.host, target.port);
  const preferred = algorithmsForTypes(known.types);
  const pinned = settings.hostKey?.replace(/=+$/, '');
  let refused: HostVerdict | undefined;
  const client = new Client('pvd');
  try {
    await client.connect({
      host: target.host,
      port: target.port,
      username: target.username,
      authHandler: credentials.methods,
      readyTimeout: settings.timeoutMs ?? 20_000,
      // Ask first for a key of a type known_hosts has, so a server with several keys is recognised.
      ...(preferred.length > 0 && !pinned ? { algorithms: { serverHostKey: { prepend: preferred, append: [], remove: [] } } } : {}),
      hostVerifier: (key: Buffer) => {
        const seen = fingerprint(key);
        if (pinned) {
          if (seen === pinned) return true;
          refused = { kind: 'changed', fingerprint: seen };
        } else if (known.revoked.some((revoked) => revoked.equals(key))) {
          refused = { kind: 'revoked', fingerprint: seen };
        } else if (known.keys.some((trusted) => trusted.equals(key))) {
          return true;
        } else {
          refused = { kind: known.keys.length > 0 ? 'changed' : 'unknown', fingerprint: seen };
        }
        return false;
      },
    });
  } catch (error) {
    await client.end().catch(() => {});
    if (refused) throw new DestinationError(hostKeyProblem(target, refused, pinned !== undefined));
    throw new DestinationError(connectionProblem(target, error as Error & { code?: string; level?: string }, credentials.tried));
  }
  try {
    return await sftpTransport(client, target);
  } catch (error) {
    await client.end().catch(() => {});
    throw error;
  }
}

function knownHostsTexts(home: string): string[] {
  const texts: string[] = [];
  // The system-wide list: where OpenSSH keeps it on Unix, and on Windows.
  const systemWide = process.platform === 'win32' ? join(process.env.PROGRAMDATA ?? 'C:\\ProgramData', 'ssh', 'ssh_known_hosts') : '/etc/ssh/ssh_known_hosts';
  for (const path of [join(home, '.ssh', 'known_hosts'), systemWide]) {
    try {
      texts.push(readFileSync(path, 'utf8'));
    } catch {
      // Absent or unreadable: it trusts nobody.
    }
  }
  return texts;
}

async function sftpTransport(client: SftpClient, target: SftpTarget): Promise<Transport> {
  const at = (path: string) => posix.join(target.path, path);
  const guarded = async <T>(path: string, work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      throw new DestinationError(transferProblem(target, at(path), error as Error & { code?: string | number }));
    }
  };
  await guarded('', () => ensureBaseFolder(client, target));
  const folders = new Set<string>();
  let posixRename = true;
  return {
    size: (path) => guarded(path, async () => {
      try {
        const stats = await client.stat(at(path));
        return stats.isFile ? stats.size : undefined;
      } catch (error) {
        if ((error as { code?: string }).code === 'ENOENT') return undefined;
        throw error;
      }
    }),
    read: (path) => guarded(path, async () => (await client.get(at(path))) as Buffer),
    write: (path, bytes) => guarded(path, async () => {
      for (const folder of parentFolders(path)) {
        if (folders.has(folder)) continue;
        await client.mkdir(at(folder), true);
        folders.add(folder);
      }
      const final = at(path);
      const temporary = posix.join(posix.dirname(final), temporaryName(posix.basename(final), randomBytes(4).toString('hex')));
      // Readable by the web server, writable by the account only (the library's default is 0666).
      await client.put(Buffer.from(bytes), temporary, { writeStreamOptions: { mode: 0o644 } });
      posixRename = await replaceFile(client, temporary, final, posixRename);
    }),
    close: async () => {
      await client.end().catch(() => {});
    },
  };
}

/** What replacing a file needs of an SFTP session. */
export interface RenameOperations {
  posixRename(from: string, to: string): Promise<unknown>;
  rename(from: string, to: string): Promise<unknown>;
  exists(path: string): Promise<false | string>;
  delete(path: string): Promise<unknown>;
}

/**
 * Puts `temporary` in place of `final`. OpenSSH's posix-rename replaces it in one step; a
 * server without it refuses to rename over a file (SFTP v3), so the old file is moved aside
 * first and removed after: the page is missing only between two renames, never half written.
 * Returns whether posix-rename is still worth trying.
 */
export async function replaceFile(sftp: RenameOperations, temporary: string, final: string, tryPosixRename: boolean): Promise<boolean> {
  if (tryPosixRename) {
    try {
      await sftp.posixRename(temporary, final);
      return true;
    } catch (error) {
      if (!/does not support/i.test((error as Error).message)) throw error;
    }
  }
  if (!(await sftp.exists(final))) {
    await sftp.rename(temporary, final);
    return false;
  }
  const aside = `${temporary}.old`;
  await sftp.rename(final, aside);
  await sftp.rename(temporary, final);
  await sftp.delete(aside);
  return false;
}

async function ensureBaseFolder(client: SftpClient, target: SftpTarget): Promise<void> {
  const kind = await client.exists(target.path);
  if (kind === 'd') return;
  if (kind) {
    throw new DestinationError({
      fr: `Impossible de publier vers ${target.label} : ${target.path} est un fichier sur le serveur, pas un dossier. Corrigez le chemin de l'adresse.`,
      en: `Cannot publish to ${target.label}: ${target.path} is a file on the server, not a folder. Fix the path in the address.`,
    });
  }
  const parent = posix.dirname(target.path);
  if (parent !== '.' && (await client.exists(parent)) !== 'd') {
    throw new DestinationError({
      fr: `Impossible de publier vers ${target.label} : le dossier ${parent} n'existe pas sur le serveur. Vérifiez le chemin de l'adresse (il est absolu : « /~/dossier » pour un dossier de votre compte).`,
      en: `Cannot publish to ${target.label}: the folder ${parent} does not exist on the server. Check the path in the address (it is absolute: "/~/folder" for a folder in your account).`,
    });
  }
  await client.mkdir(target.path, false);
}

function hostKeyProblem(target: SftpTarget, verdict: HostVerdict, pinned: boolean): Message {
  const server = knownHostName(target.host, target.port);
  const sshCommand = `ssh ${target.port === 22 ? '' : `-p ${target.port} `}${target.username}@${target.host}`;
  if (verdict.kind === 'unknown') {
    return {
      fr: `Le serveur ${server} n'est pas encore connu de cet ordinateur : son empreinte est ${verdict.fingerprint}. Vérifiez-la auprès de l'administrateur du serveur, puis faites-lui confiance : soit en ajoutant « hostKey: "${verdict.fingerprint}" » sous « publish: » dans templates/pvd/template.yaml, soit en vous connectant une fois avec « ${sshCommand} » et en répondant « yes » (ssh l'ajoute à ~/.ssh/known_hosts). Rien n'a été envoyé.`,
      en: `The server ${server} is not known to this computer yet: its fingerprint is ${verdict.fingerprint}. Check it with the server's administrator, then trust it: either add 'hostKey: "${verdict.fingerprint}"' under "publish:" in templates/pvd/template.yaml, or connect once with "${sshCommand}" and answer "yes" (ssh adds it to ~/.ssh/known_hosts). Nothing was sent.`,
    };
  }
  const where = pinned ? 'publish.hostKey (templates/pvd/template.yaml)' : '~/.ssh/known_hosts';
  return {
    fr: `Le serveur ${server} présente une clé ${verdict.kind === 'revoked' ? 'révoquée' : 'différente de celle attendue'} (${verdict.fingerprint}, attendue dans ${where}) : ce n'est peut-être pas le bon serveur. Rien n'a été envoyé. Demandez à son administrateur si sa clé a changé ; seulement alors, mettez à jour ${where}.`,
    en: `The server ${server} presents a ${verdict.kind === 'revoked' ? 'revoked key' : 'key other than the expected one'} (${verdict.fingerprint}, expected in ${where}): it may not be the right server. Nothing was sent. Ask its administrator whether its key changed; only then update ${where}.`,
  };
}

function connectionProblem(target: SftpTarget, error: Error & { code?: string; level?: string }, tried: readonly Message[]): Message {
  const server = `${target.host}:${target.port}`;
  const text = `${error.code ?? ''} ${error.message}`;
  if (/authentication methods failed|ERR_BAD_AUTH/i.test(text)) {
    return {
      fr: `Le serveur ${server} a refusé la connexion de « ${target.username} » (pvd a essayé ${tried.map((method) => method.fr).join(', ')}). Vérifiez le nom d'utilisateur, que votre clé publique (.pub) est dans ~/.ssh/authorized_keys sur le serveur, ou le mot de passe. Rien n'a été envoyé.`,
      en: `The server ${server} refused to log in "${target.username}" (pvd tried ${tried.map((method) => method.en).join(', ')}). Check the user name, that your public key (.pub) is in ~/.ssh/authorized_keys on the server, or the password. Nothing was sent.`,
    };
  }
  if (/ECONNREFUSED/.test(text)) {
    return {
      fr: `Le serveur ${server} refuse la connexion (ECONNREFUSED) : aucun serveur SSH n'écoute sur ce port. Vérifiez le port de l'adresse ${target.label} (22 par défaut) et que le serveur est démarré. Rien n'a été envoyé.`,
      en: `The server ${server} refuses the connection (ECONNREFUSED): no SSH server listens on that port. Check the port in ${target.label} (22 by default) and that the server is running. Nothing was sent.`,
    };
  }
  if (/ENOTFOUND|EAI_AGAIN/.test(text)) {
    return {
      fr: `Serveur introuvable : ${target.host}. Vérifiez son nom dans l'adresse ${target.label} et votre connexion au réseau (VPN ?). Rien n'a été envoyé.`,
      en: `Server not found: ${target.host}. Check its name in ${target.label} and your network connection (VPN?). Nothing was sent.`,
    };
  }
  if (/timed out|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH/i.test(text)) {
    return {
      fr: `Le serveur ${server} ne répond pas (délai dépassé) : vérifiez votre connexion au réseau (VPN ?) et l'adresse ${target.label}. Rien n'a été envoyé.`,
      en: `The server ${server} does not answer (timed out): check your network connection (VPN?) and the address ${target.label}. Nothing was sent.`,
    };
  }
  return {
    fr: `Connexion SFTP à ${server} impossible (${error.message}) : vérifiez l'adresse ${target.label} et que le serveur accepte SFTP. Rien n'a été envoyé.`,
    en: `Cannot connect over SFTP to ${server} (${error.message}): check the address ${target.label} and that the server accepts SFTP. Nothing was sent.`,
  };
}

function transferProblem(target: SftpTarget, path: string, error: Error & { code?: string | number }): Message {
  if (error instanceof DestinationError) return error.text;
  // SFTP status 3 (and OpenSSH's text for it): the account may not write there.
  if (error.code === 3 || error.code === 'EACCES' || /permission denied/i.test(error.message)) {
    return {
      fr: `Le serveur refuse d'écrire ${path} (permission refusée) : l'utilisateur « ${target.username} » n'a pas le droit d'écrire dans ${target.path}. Demandez ce droit à l'administrateur du serveur, ou publiez ailleurs.`,
      en: `The server refuses to write ${path} (permission denied): the user "${target.username}" may not write in ${target.path}. Ask the server's administrator for that right, or publish elsewhere.`,
    };
  }
  return {
    fr: `Échec de l'envoi vers ${target.label} pour ${path} (${error.message}) : vérifiez la connexion et la place disponible sur le serveur, puis relancez (ce qui est déjà en ligne n'est pas renvoyé).`,
    en: `Sending to ${target.label} failed for ${path} (${error.message}): check the connection and the space left on the server, then run again (what is already online is not sent again).`,
  };
}
