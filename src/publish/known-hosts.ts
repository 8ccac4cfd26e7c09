import { createHash, createHmac } from 'node:crypto';

/** A server's keys as OpenSSH's known_hosts lists them (sshd(8), « SSH_KNOWN_HOSTS FILE FORMAT »). */
export interface KnownHost {
  /** Raw public key blobs trusted for the host. */
  keys: Buffer[];
  /** Their types (`ssh-ed25519`, `ssh-rsa`…), to ask the server for a key of a known type first. */
  types: string[];
  /** Keys marked @revoked: never accepted. */
  revoked: Buffer[];
}

/** `SHA256:…` as `ssh-keygen -l` and `ssh` print it. */
export function fingerprint(key: Uint8Array): string {
  return `SHA256:${createHash('sha256').update(key).digest('base64').replace(/=+$/, '')}`;
}

/** How known_hosts names a server: `host`, or `[host]:port` off port 22. */
export function knownHostName(host: string, port: number): string {
  return port === 22 ? host : `[${host}]:${port}`;
}

/** The entries of one or more known_hosts texts that apply to `host` on `port`. */
export function lookUpKnownHost(texts: readonly string[], host: string, port: number): KnownHost {
  const name = knownHostName(host, port).toLowerCase();
  const found: KnownHost = { keys: [], types: [], revoked: [] };
  for (const text of texts) {
    for (const rawLine of text.split(/\r?\n/)) {
      const fields = rawLine.trim().split(/\s+/);
      if (fields[0] === '' || fields[0]!.startsWith('#')) continue;
      const marker = fields[0]!.startsWith('@') ? fields.shift() : undefined;
      const [patterns, type, base64] = fields;
      // Certificate authorities sign host certificates, which pvd does not ask for.
      if (!patterns || !type || !base64 || marker === '@cert-authority') continue;
      if (!hostMatches(patterns, name)) continue;
      const key = Buffer.from(base64, 'base64');
      if (marker === '@revoked') {
        found.revoked.push(key);
      } else {
        found.keys.push(key);
        if (!found.types.includes(type)) found.types.push(type);
      }
    }
  }
  return found;
}

function hostMatches(patterns: string, name: string): boolean {
  let matched = false;
  for (const pattern of patterns.split(',')) {
    if (pattern.startsWith('|1|')) {
      // Hashed entry (HashKnownHosts yes): |1|base64(salt)|base64(HMAC-SHA1(salt, name)).
      const [, , salt, hash] = pattern.split('|');
      if (salt && hash && createHmac('sha1', Buffer.from(salt, 'base64')).update(name).digest('base64') === hash) matched = true;
    } else if (pattern.startsWith('!')) {
      if (globMatches(pattern.slice(1).toLowerCase(), name)) return false;
    } else if (globMatches(pattern.toLowerCase(), name)) {
      matched = true;
    }
  }
  return matched;
}

/** OpenSSH patterns: `*` any run of characters, `?` exactly one. */
function globMatches(pattern: string, name: string): boolean {
  const source = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${source}$`).test(name);
}

/** The host-key algorithms ssh2 offers; known_hosts may name others (security keys, certificates). */
const HOST_KEY_ALGORITHMS = ['ssh-ed25519', 'ecdsa-sha2-nistp256', 'ecdsa-sha2-nistp384', 'ecdsa-sha2-nistp521', 'rsa-sha2-512', 'rsa-sha2-256', 'ssh-rsa'] as const;
export type HostKeyAlgorithm = (typeof HOST_KEY_ALGORITHMS)[number];

/** The host-key algorithms that give a key of a known_hosts type (an `ssh-rsa` key signs with any of three). */
export function algorithmsForTypes(types: readonly string[]): HostKeyAlgorithm[] {
  const wanted = types.flatMap((type) => (type === 'ssh-rsa' ? ['rsa-sha2-512', 'rsa-sha2-256', 'ssh-rsa'] : [type]));
  return HOST_KEY_ALGORITHMS.filter((algorithm) => wanted.includes(algorithm)).sort((a, b) => wanted.indexOf(a) - wanted.indexOf(b));
}
