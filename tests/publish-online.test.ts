import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { checkOnline, offlineReason } from '../src/publish/online.js';
import { freePort, serveNothing } from './publish-servers.js';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

/** A loopback web server whose answers the test writes; returns its origin and the requests it saw. */
async function serve(handler: (request: IncomingMessage, response: ServerResponse) => void) {
  const requests: string[] = [];
  const server = createServer((request, response) => {
    requests.push(`${request.method} ${request.url}`);
    handler(request, response);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  closers.push(async () => {
    server.closeAllConnections();
    server.close();
    await once(server, 'close');
  });
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests };
}

describe('checkOnline (src/publish/online.ts)', () => {
  it('asks with HEAD and gives each address its status, in the order given', async () => {
    const { origin, requests } = await serve((request, response) => void response.writeHead(request.url === '/absente.jpg' ? 404 : 200).end());
    const statuses = await checkOnline([`${origin}/a.jpg`, `${origin}/absente.jpg`, `${origin}/`]);
    expect(statuses).toEqual([
      { url: `${origin}/a.jpg`, online: true, status: 200 },
      { url: `${origin}/absente.jpg`, online: false, problem: 'status', status: 404 },
      { url: `${origin}/`, online: true, status: 200 },
    ]);
    expect(requests.sort()).toEqual(['HEAD /', 'HEAD /a.jpg', 'HEAD /absente.jpg']);
  });

  it('falls back to GET where the server refuses HEAD', async () => {
    const { origin, requests } = await serve((request, response) => void response.writeHead(request.method === 'HEAD' ? 405 : 200).end('image'));
    expect(await checkOnline([`${origin}/a.jpg`])).toEqual([{ url: `${origin}/a.jpg`, online: true, status: 200 }]);
    expect(requests).toEqual(['HEAD /a.jpg', 'GET /a.jpg']);
  });

  it('follows a few redirects, and no more', async () => {
    const { origin } = await serve((request, response) => {
      const hop = Number(/^\/hop(\d+)$/.exec(request.url!)?.[1] ?? -1);
      if (request.url === '/lettre/042/images/a.jpg') return void response.writeHead(301, { location: '/hop1' }).end();
      if (hop >= 1 && hop < 3) return void response.writeHead(302, { location: `/hop${hop + 1}` }).end();
      if (hop === 3) return void response.writeHead(200).end();
      if (request.url === '/boucle') return void response.writeHead(302, { location: '/boucle' }).end();
      response.writeHead(404).end();
    });
    expect(await checkOnline([`${origin}/lettre/042/images/a.jpg`])).toEqual([{ url: `${origin}/lettre/042/images/a.jpg`, online: true, status: 200 }]);
    expect(await checkOnline([`${origin}/lettre/042/images/a.jpg`], { maxRedirects: 2 })).toEqual([{ url: `${origin}/lettre/042/images/a.jpg`, online: false, problem: 'redirects' }]);
    expect(await checkOnline([`${origin}/boucle`])).toEqual([{ url: `${origin}/boucle`, online: false, problem: 'redirects' }]);
  });

  it('has at most `concurrency` requests under way at once', async () => {
    const total = 10;
    let received = 0;
    let most = 0;
    const held: ServerResponse[] = [];
    // Answers lag a turn behind, so that an unbounded client piles requests up here.
    const { origin } = await serve((_request, response) => {
      received++;
      held.push(response);
      most = Math.max(most, held.length);
      if (held.length >= 2 || received === total) {
        setImmediate(() => {
          for (const answer of held.splice(0, received === total ? held.length : 1)) answer.writeHead(200).end();
        });
      }
    });
    const urls = Array.from({ length: total }, (_, index) => `${origin}/${index}.jpg`);
    const statuses = await checkOnline(urls, { concurrency: 2 });
    expect(statuses.filter((status) => status.online)).toHaveLength(total);
    expect(most).toBeLessThanOrEqual(2);
  });

  it('gives up on a server that never answers, and on one nothing listens for', async () => {
    const silent = await serveNothing();
    closers.push(() => silent.close());
    const closed = `http://127.0.0.1:${await freePort()}/lettre/`;
    expect(await checkOnline([silent.base, closed], { timeoutMs: 300 })).toEqual([
      { url: silent.base, online: false, problem: 'timeout' },
      { url: closed, online: false, problem: 'unreachable', detail: 'ECONNREFUSED' },
    ]);
  });

  it('says why in a few words, in French and English', () => {
    const url = 'https://exemple.fr/042/';
    expect(offlineReason({ url, online: false, problem: 'status', status: 404 })).toEqual({ fr: 'réponse 404 : le fichier n’y est pas', en: 'answer 404: the file is not there' });
    expect(offlineReason({ url, online: false, problem: 'status', status: 503 })).toEqual({ fr: 'réponse 503 : le serveur est en erreur', en: 'answer 503: the server is failing' });
    expect(offlineReason({ url, online: false, problem: 'status', status: 403 })).toEqual({ fr: 'réponse 403', en: 'answer 403' });
    expect(offlineReason({ url, online: false, problem: 'timeout' }, 2500)).toEqual({ fr: 'pas de réponse en 2,5 s', en: 'no answer within 2.5 s' });
    expect(offlineReason({ url, online: false, problem: 'redirects' })).toEqual({ fr: 'trop de redirections', en: 'too many redirects' });
    expect(offlineReason({ url, online: false, problem: 'unreachable', detail: 'ENOTFOUND' })).toEqual({ fr: 'serveur injoignable (ENOTFOUND)', en: 'server unreachable (ENOTFOUND)' });
  });
});
