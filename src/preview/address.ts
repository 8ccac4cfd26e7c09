import { isIP } from 'node:net';
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

/** Only this machine can reach a server listening on one of these. */
export function isLoopback(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (bare === 'localhost' || bare === '::1') return true;
  if (isIP(bare) === 4) return bare.startsWith('127.');
  return bare.startsWith('::ffff:127.');
}

export function urlOf(host: string, port: number): string {
  const bare = host.replace(/^\[|\]$/g, '');
  return `http://${isIP(bare) === 6 ? `[${bare}]` : bare}:${port}/`;
}

/** The Host header's name, without the port: `127.0.0.1:4200` → `127.0.0.1`, `[::1]:4200` → `::1`. */
export function hostnameOf(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const match = /^(?:\[([^\]]+)\]|([^:]+))(?::\d+)?$/.exec(header.trim());
  return (match?.[1] ?? match?.[2])?.toLowerCase();
}
