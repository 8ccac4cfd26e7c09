import { closeSync, createReadStream } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { pipeline } from 'node:stream';
import { UsageError } from '../errors.js';
import { t } from '../i18n/lang.js';
import type { OnlineOptions } from '../publish/online.js';
import type { TargetName } from '../template/model.js';
import { TARGETS } from '../template/schema.js';
import { hostAllowList, hostnameOf, urlOf } from './address.js';
import { openAsset, type OpenAsset } from './assets.js';
import { CLIENT_SCRIPT } from './client.js';
import { inboxSheetOf, openSheetFile, SHEET_PREFIX } from './inbox-sheet.js';
import { onlineRows, type OnlineRow } from './online.js';
import type { PreviewRenders } from './renders.js';
import type { PreviewSnapshot } from './snapshot.js';

export interface PreviewServer {
  url: string;
  port: number;
  /** The files changed: renders every target an open page shows, and sends each page its own if it changed. */
  refresh(): void;
  /** out/ changed (`pvd check` wrote its sheet): sends each page what changed, without rendering again. */
  resend(): void;
  close(): Promise<void>;
}

export interface PreviewServerOptions {
  host: string;
  port: number;
  /** The page shell: static, the data arrives by server-sent events. */
  page: string;
  renders: PreviewRenders;
  /** For the « images en ligne » check; publish's defaults otherwise. */
  online?: OnlineOptions;
  /** out/NNN/, where `pvd check` writes the contact sheet the page shows. */
  sheetFolder: string;
}

/** How many ports after the one asked for are tried when it is taken. */
const PORT_ATTEMPTS = 10;
const KEEPALIVE_MS = 15_000;

// The email frames are srcdoc documents, which inherit this policy: inline styles are the email's own,
// images come from this server (or https for remote ones), and no script but the page's own runs.
const PAGE_POLICY = [
  "default-src 'none'", "script-src 'self'", "style-src 'unsafe-inline'", "img-src 'self' data: https:",
  "connect-src 'self'", "frame-src 'self'", "base-uri 'self'", "form-action 'none'", "frame-ancestors 'none'",
].join('; ');

const COMMON_HEADERS = { 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer', 'Cache-Control': 'no-store' };

/** Listens on `host`, from `port` on: the next free port is taken if it is busy, and the caller says which. */
export async function startPreviewServer(options: PreviewServerOptions): Promise<PreviewServer> {
  const { renders } = options;
  /**
   * Each open page: the mailing tool it asked for (undefined: template.yaml's, whatever it
   * becomes) and what it was last sent, so a save that changes nothing shown sends nothing.
   */
  const clients = new Map<ServerResponse, { asked: TargetName | undefined; last: string }>();
  const hostAllowed = hostAllowList(options.host);
  let checking: Promise<OnlineRow[]> | undefined;

  const server = createServer((request, response) => {
    handle(request, response).catch(() => {
      if (!response.headersSent) send(response, 500, 'text/plain', `${t({ fr: 'Erreur interne', en: 'Internal error' })}\n`);
      else response.destroy();
    });
  });

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.setHeader('Allow', 'GET, HEAD');
      return send(response, 405, 'text/plain', `${t({ fr: 'Méthode non autorisée : cet aperçu est en lecture seule.', en: 'Method not allowed: this preview is read-only.' })}\n`);
    }
    // On every address, 0.0.0.0 included: a page the user visits could point a DNS name of its own here and read the preview.
    if (!hostAllowed(hostnameOf(request.headers.host))) return send(response, 403, 'text/plain', `${t({ fr: 'Interdit : ouvrez l’aperçu à l’adresse que pvd affiche.', en: 'Forbidden: open the preview at the address pvd prints.' })}\n`);
    const path = safePath(request.url ?? '');
    if (path === undefined) return send(response, 400, 'text/plain', `${t({ fr: 'Adresse refusée.', en: 'Bad request.' })}\n`);
    // Node sends no body in answer to HEAD, but keeps the headers, Content-Length included.
    const head = request.method === 'HEAD';

    if (path === '/') return send(response, 200, 'text/html; charset=utf-8', options.page, { 'Content-Security-Policy': PAGE_POLICY });
    if (path === '/app.js') return send(response, 200, 'text/javascript; charset=utf-8', CLIENT_SCRIPT);
    if (path === '/events') {
      const target = targetOf(request.url ?? '');
      if (target === null) return send(response, 400, 'text/plain', `Outil d’envoi inconnu : ${TARGETS.join(', ')}. / Unknown mailing tool.\n`);
      return openEvents(request, response, target, head);
    }
    if (path === '/online') return checkImages(request, response, head);
    if (path.startsWith(SHEET_PREFIX)) return sendSheetFile(response, path.slice(SHEET_PREFIX.length) || 'index.html', head);
    const asset = path.startsWith('/assets/') ? renders.asset(path) : undefined;
    const opened = asset && openAsset(asset);
    if (opened) return sendAsset(response, opened, head);
    return send(response, 404, 'text/plain', 'Introuvable / Not found\n');
  };

  const snapshotFor = (target: TargetName): PreviewSnapshot => {
    const inboxSheet = inboxSheetOf(options.sheetFolder);
    return inboxSheet ? { ...renders.get(target).snapshot, inboxSheet } : renders.get(target).snapshot;
  };

  const sendSheetFile = (response: ServerResponse, name: string, head: boolean): void => {
    const file = openSheetFile(options.sheetFolder, name);
    if (!file) return send(response, 404, 'text/plain', `${t({ fr: 'Introuvable : lancez « npx pvd check » pour écrire la planche.', en: 'Not found: run "npx pvd check" to write the sheet.' })}\n`);
    if (file.kind === 'picture') return sendAsset(response, file.opened, head);
    // pvd's own page, shown framed in the preview: no script, pictures from here only.
    send(response, 200, 'text/html; charset=utf-8', file.html, {
      'Content-Security-Policy': "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'self'",
    });
  };

  const openEvents = (request: IncomingMessage, response: ServerResponse, target: TargetName | undefined, head: boolean): void => {
    response.writeHead(200, { ...COMMON_HEADERS, 'Content-Type': 'text/event-stream; charset=utf-8', Connection: 'keep-alive' });
    if (head) return void response.end();
    response.write('retry: 1000\n\n');
    const message = event(snapshotFor(target ?? renders.defaultTarget()));
    response.write(message);
    clients.set(response, { asked: target, last: message });
    const keepalive = setInterval(() => response.write(': ping\n\n'), KEEPALIVE_MS);
    request.on('close', () => {
      clearInterval(keepalive);
      clients.delete(response);
    });
  };

  const checkImages = async (request: IncomingMessage, response: ServerResponse, head: boolean): Promise<void> => {
    // It makes requests to the public site: only this page may ask, not another site's (browsers say which).
    const site = request.headers['sec-fetch-site'];
    if (site !== undefined && site !== 'same-origin') return send(response, 403, 'text/plain', 'Interdit / Forbidden\n');
    if (head) return send(response, 200, 'application/json; charset=utf-8', '');
    const urls = renders.onlineUrls();
    if (!urls) {
      const problem = t({ fr: 'Le numéro ne se construit pas encore : corrigez les erreurs, puis vérifiez à nouveau.', en: 'The issue does not build yet: fix the errors, then check again.' });
      return send(response, 409, 'application/json; charset=utf-8', JSON.stringify({ problem }));
    }
    // One check at a time: a second click while one runs gets its answer.
    checking ??= onlineRows(urls, options.online).finally(() => (checking = undefined));
    send(response, 200, 'application/json; charset=utf-8', JSON.stringify({ rows: await checking }));
  };

  const resend = (): void => {
    const defaultTarget = renders.defaultTarget();
    const messages = new Map<TargetName, string>();
    for (const [client, state] of clients) {
      const target = state.asked ?? defaultTarget;
      let message = messages.get(target);
      if (message === undefined) messages.set(target, (message = event(snapshotFor(target))));
      if (message === state.last) continue;
      state.last = message;
      client.write(message);
    }
  };

  const port = await listen(server, options.host, options.port);
  return {
    url: urlOf(options.host, port),
    port,
    refresh() {
      renders.invalidate();
      resend();
    },
    resend,
    close() {
      for (const client of clients.keys()) client.end();
      clients.clear();
      return new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

/** `?target=brevo` → brevo; no target → undefined (template.yaml's); anything else → null. */
function targetOf(url: string): TargetName | undefined | null {
  const asked = new URLSearchParams(url.split('?')[1]?.split('#')[0] ?? '').get('target');
  if (asked === null) return undefined;
  return (TARGETS as readonly string[]).includes(asked) ? (asked as TargetName) : null;
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

function sendAsset(response: ServerResponse, asset: OpenAsset, head: boolean): void {
  response.writeHead(200, { ...COMMON_HEADERS, 'Content-Type': asset.type, 'Content-Length': asset.size });
  if (head) {
    closeSync(asset.fd);
    return void response.end();
  }
  // Either side failing or closing early ends both, and closes the file.
  pipeline(createReadStream('', { fd: asset.fd, start: 0 }), response, () => {});
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
