import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AgentAuthMethod, PasswordAuthMethod, PublicKeyAuthMethod } from 'ssh2';
import type { Message } from '../i18n/lang.js';
import { DestinationError } from './transport.js';

/** Where pvd looks for credentials: the environment, the user's home, the platform. */
export interface CredentialSources {
  env: NodeJS.ProcessEnv;
  home: string;
  platform: NodeJS.Platform;
  /** ssh2's key parser: tells a usable private key from a locked or broken one. */
  parseKey: (data: Buffer | string, passphrase?: string) => { isPrivateKey(): boolean } | Error;
}

export type LoginMethod = PublicKeyAuthMethod | AgentAuthMethod | PasswordAuthMethod;

export interface Credentials {
  methods: LoginMethod[];
  /** What each method is, for the message when the server refuses them all. */
  tried: Message[];
}

/** OpenSSH's default identities, in the order ssh tries them. */
const DEFAULT_KEYS = ['id_ed25519', 'id_ecdsa', 'id_rsa'];
/** The agent of Windows' own OpenSSH, where SSH_AUTH_SOCK is usually unset. */
const WINDOWS_AGENT = '\\\\.\\pipe\\openssh-ssh-agent';

/**
 * The ways to log in that this computer offers, in the order tried: the key given in
 * PVD_SFTP_KEY (a file, or the key itself for a CI secret), the SSH agent, the keys of
 * ~/.ssh, then PVD_SFTP_PASSWORD.
 */
export function gatherCredentials(username: string, sources: CredentialSources): Credentials {
  const { env } = sources;
  const methods: LoginMethod[] = [];
  const tried: Message[] = [];
  const passphrase = env.PVD_SFTP_KEY_PASSPHRASE || undefined;
  if (env.PVD_SFTP_KEY) {
    const inline = env.PVD_SFTP_KEY.includes('-----BEGIN');
    const key = inline ? env.PVD_SFTP_KEY : readKeyFile(env.PVD_SFTP_KEY);
    const parsed = sources.parseKey(key, passphrase);
    if (parsed instanceof Error || !parsed.isPrivateKey()) {
      const where = inline ? 'PVD_SFTP_KEY' : `PVD_SFTP_KEY (${env.PVD_SFTP_KEY})`;
      throw new DestinationError(passphrase || !/encrypted|passphrase/i.test(String(parsed))
        ? { fr: `La clé ${where} n'est pas une clé privée SSH utilisable (ou sa phrase de passe PVD_SFTP_KEY_PASSPHRASE est fausse) : donnez le fichier de la clé privée (par exemple ~/.ssh/id_ed25519), pas le .pub.`, en: `The key ${where} is not a usable SSH private key (or its passphrase PVD_SFTP_KEY_PASSPHRASE is wrong): give the private key file (for instance ~/.ssh/id_ed25519), not the .pub.` }
        : { fr: `La clé ${where} est protégée par une phrase de passe : donnez-la dans PVD_SFTP_KEY_PASSPHRASE, ou chargez la clé dans l'agent SSH (ssh-add).`, en: `The key ${where} is protected by a passphrase: give it in PVD_SFTP_KEY_PASSPHRASE, or load the key into the SSH agent (ssh-add).` });
    }
    methods.push({ type: 'publickey', username, key, ...(passphrase ? { passphrase } : {}) });
    tried.push(inline ? { fr: 'la clé PVD_SFTP_KEY', en: 'the key PVD_SFTP_KEY' } : { fr: `la clé ${env.PVD_SFTP_KEY} (PVD_SFTP_KEY)`, en: `the key ${env.PVD_SFTP_KEY} (PVD_SFTP_KEY)` });
  }
  const agent = env.SSH_AUTH_SOCK || (sources.platform === 'win32' ? WINDOWS_AGENT : undefined);
  if (agent) {
    methods.push({ type: 'agent', username, agent });
    tried.push({ fr: "les clés de l'agent SSH", en: 'the SSH agent’s keys' });
  }
  for (const name of DEFAULT_KEYS) {
    const path = join(sources.home, '.ssh', name);
    let key: Buffer;
    try {
      key = readFileSync(path);
    } catch {
      continue;
    }
    // A key locked by a passphrase is left to the agent, as ssh does without a terminal.
    const parsed = sources.parseKey(key, passphrase);
    if (parsed instanceof Error || !parsed.isPrivateKey()) continue;
    methods.push({ type: 'publickey', username, key, ...(passphrase ? { passphrase } : {}) });
    tried.push({ fr: `la clé ${path}`, en: `the key ${path}` });
  }
  if (env.PVD_SFTP_PASSWORD) {
    methods.push({ type: 'password', username, password: env.PVD_SFTP_PASSWORD });
    tried.push({ fr: 'le mot de passe PVD_SFTP_PASSWORD', en: 'the password PVD_SFTP_PASSWORD' });
  }
  if (methods.length === 0) {
    throw new DestinationError({
      fr: `Aucun moyen de se connecter en SFTP n'est disponible : ni agent SSH (SSH_AUTH_SOCK), ni clé dans ${join(sources.home, '.ssh')} (id_ed25519, id_ecdsa, id_rsa), ni PVD_SFTP_KEY, ni PVD_SFTP_PASSWORD. Donnez le chemin de votre clé privée dans PVD_SFTP_KEY (ou le mot de passe dans PVD_SFTP_PASSWORD), puis relancez.`,
      en: `No way to log in over SFTP is available: no SSH agent (SSH_AUTH_SOCK), no key in ${join(sources.home, '.ssh')} (id_ed25519, id_ecdsa, id_rsa), no PVD_SFTP_KEY, no PVD_SFTP_PASSWORD. Give the path of your private key in PVD_SFTP_KEY (or the password in PVD_SFTP_PASSWORD), then run again.`,
    });
  }
  return { methods, tried };
}

function readKeyFile(path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new DestinationError({
      fr: `Impossible de lire la clé ${path} (${code ?? 'erreur inconnue'}) : vérifiez le chemin donné dans PVD_SFTP_KEY.`,
      en: `Cannot read the key ${path} (${code ?? 'unknown error'}): check the path given in PVD_SFTP_KEY.`,
    });
  }
}
