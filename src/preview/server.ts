import { createReadStream } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname } from 'node:path';
import { UsageError } from '../errors.js';
import { hostnameOf, isLoopback, urlOf } from './address.js';
import { CLIENT_SCRIPT } from './client.js';
import type { BuiltPreview, PreviewSnapshot } from './snapshot.js';

export interface PreviewServer {
  url: string;
  port: number;
  /** Pushes a new snapshot to every open page. */
  broadcast(snapshot: PreviewSnapshot): void;
  close(): Promise<void>;
}

export interface PreviewServerOptions {
  host: string;
  port: number;
  /** The page shell: static, the data arrives by server-sent events. */
  page: string;
  current(): BuiltPreview;
}

/** How many ports after the one asked for are tried when it is taken. */
const PORT_ATTEMPTS = 10;
const KEEPALIVE_MS = 15_000;

const IMAGE_TYPES: Record<string, string> = {
  '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.gif': 'image/gif', '.webp': 'image/webp', '.svg': 'image/svg+xml',
};

// The email frames are srcdoc documents, which inherit this policy: inline styles are the email's own,
// images come from this server (or https for remote ones), and no script but the page's own runs.
const PAGE_POLICY = [
  "default-src 'none'", "script-src 'self'", "style-src 'unsafe-inline'", "img-src 'self' data: https:",
  "connect-src 'self'", "frame-src 'self'", "base-uri 'self'", "form-action 'none'", "frame-ancestors 'none'",
].join('; ');

const COMMON_HEADERS = { 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer', 'Cache-Control': 'no-store' };

/** Listens on `host`, from `port` on: the next free port is taken if it is busy, and the caller says which. */
export async function startPreviewServer(options: PreviewServerOptions): Promise<PreviewServer> {
  const clients = new Set<ServerResponse>();
  const checkHost = isLoopback(options.host);
  const server = createServer((request, response) => {
    try {
      handle(request, response);
    } catch {
      if (!response.headersSent) send(response, 500, 'text/plain', 'Erreur interne / internal error\n');
      else response.destroy();
    }
  });

  const handle = (request: IncomingMessage, response: ServerResponse): void => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.setHeader('Allow', 'GET, HEAD');
      return send(response, 405, 'text/plain', 'Méthode non autorisée : cet aperçu est en lecture seule. / Method not allowed.\n');
    }
    // A web page the user visits could point a DNS name at 127.0.0.1 and read the preview: only loopback names are answered.
    if (checkHost && !isLoopback(hostnameOf(request.headers.host) ?? '')) return send(response, 403, 'text/plain', 'Interdit / Forbidden\n');
    const path = safePath(request.url ?? '');
    if (path === undefined) return send(response, 400, 'text/plain', 'Adresse refusée / Bad request\n');
    // Node sends no body in answer to HEAD, but keeps the headers, Content-Length included.
    const head = request.method === 'HEAD';

    if (path === '/') return send(response, 200, 'text/html; charset=utf-8', options.page, { 'Content-Security-Policy': PAGE_POLICY });
    if (path === '/app.js') return send(response, 200, 'text/javascript; charset=utf-8', CLIENT_SCRIPT);
    if (path === '/events') return openEvents(request, response, head);
    const image = options.current().assets.get(path);
    if (image && path.startsWith('/assets/')) return sendFile(response, image, head);
    return send(response, 404, 'text/plain', 'Introuvable / Not found\n');
  };

  const openEvents = (request: IncomingMessage, response: ServerResponse, head: boolean): void => {
    response.writeHead(200, { ...COMMON_HEADERS, 'Content-Type': 'text/event-stream; charset=utf-8', Connection: 'keep-alive' });
    if (head) return void response.end();
    response.write('retry: 1000\n\n');
    response.write(event(options.current().snapshot));
    clients.add(response);
    const keepalive = setInterval(() => response.write(': ping\n\n'), KEEPALIVE_MS);
    request.on('close', () => {
      clearInterval(keepalive);
      clients.delete(response);
    });
  };

  const port = await listen(server, options.host, options.port);
  return {
    url: urlOf(options.host, port),
    port,
    broadcast(snapshot) {
      const message = event(snapshot);
      for (const client of clients) client.write(message);
    },
    close() {
      for (const client of clients) client.end();
      clients.clear();
      return new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

function event(snapshot: PreviewSnapshot): string {
  // JSON.stringify escapes newlines, so the whole snapshot fits the one `data:` line SSE allows.
  return `event: snapshot\ndata: ${JSON.stringify(snapshot)}\n\n`;
}

/**
 * The request's path as written, or undefined for anything that tries to climb out or hide how:
 * backslashes, `.`/`..` segments (plain or percent-encoded), encoded slashes, NUL, malformed escapes.
 * Routes are then matched against this raw path exactly, so a double-encoded path simply finds nothing.
 */
export function safePath(url: string): string | undefined {
  if (!url.startsWith('/')) return undefined;
  const path = url.split(/[?#]/, 1)[0]!;
  if (path.includes('\\')) return undefined;
  for (const segment of path.split('/')) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      return undefined;
    }
    if (decoded === '.' || decoded === '..' || /[/\\\0]/.test(decoded)) return undefined;
  }
  return path;
}

function send(response: ServerResponse, status: number, type: string, body: string, headers: Record<string, string> = {}): void {
  response.writeHead(status, { ...COMMON_HEADERS, ...headers, 'Content-Type': type, 'Content-Length': Buffer.byteLength(body) });
  response.end(body);
}

function sendFile(response: ServerResponse, file: string, head: boolean): void {
  const type = IMAGE_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
  // An SVG opened on its own is a document: it gets no script and no access to the page.
  const headers = { ...COMMON_HEADERS, 'Content-Type': type, 'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; sandbox" };
  const stream = createReadStream(file);
  stream.on('error', () => {
    if (!response.headersSent) send(response, 404, 'text/plain', 'Introuvable / Not found\n');
    else response.destroy();
  });
  stream.on('open', () => {
    response.writeHead(200, headers);
    if (head) {
      stream.destroy();
      response.end();
    } else {
      stream.pipe(response);
    }
  });
}

async function listen(server: Server, host: string, first: number): Promise<number> {
  for (let port = first; ; port++) {
    try {
      return await new Promise<number>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          const address = server.address();
          resolve(typeof address === 'object' && address ? address.port : port);
        });
      });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EADDRINUSE' && first !== 0 && port < first + PORT_ATTEMPTS - 1 && port < 65535) continue;
      throw listenError(code, host, first, port);
    }
  }
}

function listenError(code: string | undefined, host: string, first: number, last: number): UsageError {
  if (code === 'EADDRINUSE') {
    return new UsageError({
      fr: `Les ports ${first} à ${last} sont tous occupés : arrêtez l’autre aperçu ou choisissez un port libre avec --port (par exemple --port 8080).`,
      en: `Ports ${first} to ${last} are all in use: stop the other preview or pick a free port with --port (for instance --port 8080).`,
    });
  }
  if (code === 'EACCES') {
    return new UsageError({
      fr: `Le port ${last} est réservé à l’administrateur : choisissez un port au-dessus de 1024 (par exemple --port 4200).`,
      en: `Port ${last} needs administrator rights: pick a port above 1024 (for instance --port 4200).`,
    });
  }
  return new UsageError({
    fr: `Impossible d’écouter sur ${host} (${code ?? 'erreur inconnue'}) : vérifiez --host (127.0.0.1 par défaut).`,
    en: `Cannot listen on ${host} (${code ?? 'unknown error'}): check --host (127.0.0.1 by default).`,
  });
}
