import { isIP } from 'node:net';
import { hostname, networkInterfaces } from 'node:os';
import { UsageError } from '../errors.js';

export function parsePort(value: string): number {
  const port = Number(value);
  if (!/^\d{1,5}$/.test(value) || port > 65535) {
    throw new UsageError({
      fr: `--port ${value} : donnez un numéro de port entre 1 et 65535 (par exemple --port 4200).`,
      en: `--port ${value}: give a port number from 1 to 65535 (for instance --port 4200).`,
    });
  }
  return port;
}

/** An address as written in a URL or on the command line, bare and lower-case: `[::1]` → `::1`. */
function bare(host: string): string {
  return host.replace(/^\[|\]$/g, '').toLowerCase();
}

/** Only this machine can reach a server listening on one of these. */
export function isLoopback(host: string): boolean {
  const name = bare(host);
  if (name === 'localhost' || name === '::1') return true;
  if (isIP(name) === 4) return name.startsWith('127.');
  return name.startsWith('::ffff:127.');
}

export function urlOf(host: string, port: number): string {
  const name = host.replace(/^\[|\]$/g, '');
  return `http://${isIP(name) === 6 ? `[${name}]` : name}:${port}/`;
}

/** The Host header's name, without the port: `127.0.0.1:4200` → `127.0.0.1`, `[::1]:4200` → `::1`. */
export function hostnameOf(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const match = /^(?:\[([^\]]+)\]|([^:]+))(?::\d+)?$/.exec(header.trim());
  return (match?.[1] ?? match?.[2])?.toLowerCase();
}

/**
 * The names a request may carry in its Host header, whatever address the preview listens on:
 * a web page the user visits could point a DNS name of its own at this machine (DNS rebinding)
 * and read the preview; its requests carry that name. Accepted: loopback and `*.localhost`
 * names, this machine's own addresses and name, and the `--host` value.
 */
export function hostAllowList(listenHost: string, interfaces: () => string[] = machineAddresses): (name: string | undefined) => boolean {
  const fixed = new Set([bare(listenHost), hostname().toLowerCase(), `${hostname().toLowerCase()}.local`]);
  let known = new Set(interfaces());
  return (name) => {
    if (name === undefined || name === '') return false;
    if (isLoopback(name) || name.endsWith('.localhost') || fixed.has(name) || known.has(name)) return true;
    // Addresses change (Wi-Fi, VPN): read them again before refusing.
    known = new Set(interfaces());
    return known.has(name);
  };
}

/** Every address of this machine's interfaces, without an IPv6 zone (`fe80::1%eth0` is written `[fe80::1]`). */
function machineAddresses(): string[] {
  return Object.values(networkInterfaces()).flatMap((entries) => (entries ?? []).map((entry) => entry.address.replace(/%.*$/, '').toLowerCase()));
}
