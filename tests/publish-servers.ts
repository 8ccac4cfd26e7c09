import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTcpServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, normalize, sep } from 'node:path';
import { PVD, REPO, type PvdRun } from './helpers.js';

export const SSHD = '/usr/sbin/sshd';

/** Said once per suite that needs sshd, so a skipped run is never silent. */
export function sshdSkipReason(): string | undefined {
  return existsSync(SSHD) ? undefined : `OpenSSH absent (${SSHD}) : tests SFTP ignorés — installez le paquet Debian « openssh-server ».`;
}

/** A loopback port nothing listens on (the moment it is returned). */
export async function freePort(): Promise<number> {
  const server = createTcpServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  server.close();
  await once(server, 'close');
  return port;
}

export interface TestSshd {
  port: number;
  /** Temporary folder holding the keys, the config and the files the server writes. */
  dir: string;
  /** `[127.0.0.1]:port ssh-ed25519 AAAA…`, a known_hosts line trusting this server. */
  knownHostsLine: string;
  /** The host key's fingerprint as `ssh-keygen -l` prints it. */
  fingerprint: string;
  /** A private key the server accepts for root. */
  userKey: string;
  /** sshd's log: connections, logins. */
  log(): string;
  /** With `logSftp`, the SFTP server's log: one line per operation (open, rename…), in order. */
  sftpLog(): string;
  stop(): Promise<void>;
}

/**
 * Debian's OpenSSH server on a free loopback port, with its own throwaway host key, an
 * accepted user key, no PAM. internal-sftp logs only to syslog: `logSftp` runs OpenSSH's
 * sftp-server instead, its log written to a file.
 */
export async function startSshd(options: { logSftp?: boolean } = {}): Promise<TestSshd> {
  const dir = mkdtempSync(join(tmpdir(), 'pvd-test-sshd-'));
  const keygen = (name: string) => execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', name, '-f', join(dir, name)]);
  keygen('host');
  keygen('user');
  writeFileSync(join(dir, 'authorized_keys'), readFileSync(join(dir, 'user.pub')));
  // sshd's privilege separation needs this empty folder; made only if missing, removed after.
  const madePrivsep = !existsSync('/run/sshd');
  if (madePrivsep) mkdirSync('/run/sshd', { mode: 0o755 });
  const port = await freePort();
  const sftpLog = join(dir, 'sftp.log');
  let subsystem = 'internal-sftp';
  if (options.logSftp) {
    subsystem = join(dir, 'sftp-server');
    writeFileSync(subsystem, `#!/bin/sh\nexec /usr/lib/openssh/sftp-server -e -l INFO 2>>'${sftpLog}'\n`, { mode: 0o755 });
  }
  writeFileSync(join(dir, 'sshd_config'), [
    `Port ${port}`,
    'ListenAddress 127.0.0.1',
    `HostKey ${join(dir, 'host')}`,
    `PidFile ${join(dir, 'sshd.pid')}`,
    `AuthorizedKeysFile ${join(dir, 'authorized_keys')}`,
    'StrictModes no',
    'UsePAM no',
    'PermitRootLogin yes',
    'PasswordAuthentication yes',
    'KbdInteractiveAuthentication no',
    'LogLevel VERBOSE',
    `Subsystem sftp ${subsystem}`,
    '',
  ].join('\n'));
  let log = '';
  const server: ChildProcess = spawn(SSHD, ['-D', '-e', '-f', join(dir, 'sshd_config')], { stdio: ['ignore', 'ignore', 'pipe'] });
  server.stderr!.setEncoding('utf8');
  const listening = new Promise<void>((resolve, reject) => {
    server.stderr!.on('data', (chunk: string) => {
      log += chunk;
      if (log.includes(`Server listening on 127.0.0.1 port ${port}`)) resolve();
    });
    server.once('exit', (code) => reject(new Error(`sshd exited (${code}) before listening:\n${log}`)));
  });
  await listening;
  const hostPublic = readFileSync(join(dir, 'host.pub'), 'utf8').trim().split(' ').slice(0, 2).join(' ');
  const fingerprint = execFileSync('ssh-keygen', ['-l', '-f', join(dir, 'host.pub')], { encoding: 'utf8' }).split(' ')[1]!;
  return {
    port,
    dir,
    knownHostsLine: `[127.0.0.1]:${port} ${hostPublic}`,
    fingerprint,
    userKey: join(dir, 'user'),
    log: () => log,
    sftpLog: () => (existsSync(sftpLog) ? readFileSync(sftpLog, 'utf8') : ''),
    async stop() {
      if (server.exitCode === null) {
        const exited = once(server, 'exit');
        server.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
      if (madePrivsep) rmdirSync('/run/sshd');
    },
  };
}

/** An ssh-agent on a socket in `dir`, holding `key`. */
export async function startAgent(dir: string, key: string): Promise<{ socket: string; stop(): Promise<void> }> {
  const socket = join(dir, 'agent.sock');
  const agent = spawn('ssh-agent', ['-D', '-a', socket], { stdio: ['ignore', 'pipe', 'pipe'] });
  // -D prints the variables to set once the socket listens.
  await new Promise<void>((resolve, reject) => {
    agent.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('SSH_AUTH_SOCK')) resolve();
    });
    agent.once('exit', (code) => reject(new Error(`ssh-agent exited (${code})`)));
  });
  execFileSync('ssh-add', ['-q', key], { env: { ...process.env, SSH_AUTH_SOCK: socket }, stdio: 'ignore' });
  return {
    socket,
    async stop() {
      const exited = once(agent, 'exit');
      agent.kill('SIGTERM');
      await exited;
    },
  };
}

export interface TestHttp {
  /** `http://127.0.0.1:port/lettre/`: what publicBaseUrl points at. */
  base: string;
  /** Every path asked for, with its method, in order. */
  requests: string[];
  close(): Promise<void>;
}

async function listen(handler: (request: IncomingMessage, response: ServerResponse) => void, requests: string[]): Promise<TestHttp> {
  const server: Server = createServer((request, response) => {
    requests.push(`${request.method} ${request.url}`);
    handler(request, response);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}/lettre/`,
    requests,
    async close() {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}

/** A web server serving `root` under /lettre/, as a web host serves its web root: a folder answers with its index.html. */
export function serveFolder(root: string): Promise<TestHttp> {
  return listen((request, response) => {
    const path = decodeURIComponent(new URL(request.url!, 'http://x').pathname);
    if (!path.startsWith('/lettre/')) return void response.writeHead(404).end();
    let file = normalize(join(root, path.slice('/lettre/'.length)));
    if (file !== root && !file.startsWith(root + sep)) return void response.writeHead(404).end();
    if (path.endsWith('/')) file = join(file, 'index.html');
    let body: Buffer;
    try {
      if (!statSync(file).isFile()) throw new Error('not a file');
      body = readFileSync(file);
    } catch {
      return void response.writeHead(404).end();
    }
    response.writeHead(200, { 'content-length': body.length });
    response.end(request.method === 'HEAD' ? undefined : body);
  }, []);
}

/** A web server answering every request with `status` (404, 500…). */
export function serveStatus(status: number): Promise<TestHttp> {
  return listen((_request, response) => void response.writeHead(status).end(), []);
}

/** A web server that takes every request and never answers. */
export function serveNothing(): Promise<TestHttp> {
  return listen(() => {}, []);
}

const TEST_BLOCK = '# publish block of the test';

/** Points publicBaseUrl of a project copy's template at `base`, and sets (or removes) a `publish:` block. */
export function setPublicBaseUrl(root: string, base: string, publishBlock = ''): void {
  const path = join(root, 'templates', 'pvd', 'template.yaml');
  const source = readFileSync(path, 'utf8').split(`\n${TEST_BLOCK}\n`)[0]!.replace(/^publicBaseUrl: .*$/m, `publicBaseUrl: "${base}"`);
  writeFileSync(path, publishBlock ? `${source}\n${TEST_BLOCK}\n${publishBlock}\n` : source);
}

export function tempFolder(name: string): string {
  return mkdtempSync(join(tmpdir(), `pvd-test-${name}-`));
}

/**
 * Runs the compiled CLI without blocking this process: the web servers these tests start
 * live here and must answer pvd's online check while it runs.
 */
export async function runPvdAsync(args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; uid?: number; gid?: number } = {}): Promise<PvdRun> {
  const child = spawn(process.execPath, [PVD, ...args], {
    cwd: options.cwd ?? REPO,
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', PVD_LANG: '', PVD_ROOT: '', SSH_AUTH_SOCK: '', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
    ...(options.uid === undefined ? {} : { uid: options.uid, gid: options.gid }),
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const [code, signal] = (await once(child, 'close')) as [number | null, NodeJS.Signals | null];
  return { code, signal, stdout, stderr };
}
