import type { Message } from '../i18n/lang.js';
import { mapWithLimit } from './concurrency.js';

/** Whether one address answers, as a reader's browser or mail client would ask for it. */
export type OnlineStatus =
  | { url: string; online: true; status: number }
  | { url: string; online: false; problem: 'status'; status: number }
  | { url: string; online: false; problem: 'timeout' | 'unreachable' | 'redirects'; detail?: string };

export interface OnlineOptions {
  /** Requests under way at once: a small web server is not to be flooded. */
  concurrency?: number;
  /** For each address, redirects included. */
  timeoutMs?: number;
  maxRedirects?: number;
}

export const ONLINE_DEFAULTS = { concurrency: 6, timeoutMs: 10_000, maxRedirects: 5 } as const;

/**
 * Asks each address with HEAD (GET where the server does not take HEAD), following a few
 * redirects; in the order given. Never throws: an address that cannot be had is a status.
 */
export async function checkOnline(urls: readonly string[], options: OnlineOptions = {}): Promise<OnlineStatus[]> {
  const { concurrency, timeoutMs, maxRedirects } = { ...ONLINE_DEFAULTS, ...options };
  return mapWithLimit(urls, concurrency, (url) => checkOne(url, timeoutMs, maxRedirects));
}

async function checkOne(url: string, timeoutMs: number, maxRedirects: number): Promise<OnlineStatus> {
  const signal = AbortSignal.timeout(timeoutMs);
  let current = url;
  try {
    for (let redirects = 0; ; redirects++) {
      let response = await fetch(current, { method: 'HEAD', redirect: 'manual', signal });
      if (response.status === 405 || response.status === 501) {
        response = await fetch(current, { method: 'GET', redirect: 'manual', signal });
        // Only the status is wanted: a picture is not downloaded.
        await response.body?.cancel();
      }
      const location = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && location) {
        if (redirects === maxRedirects) return { url, online: false, problem: 'redirects' };
        current = new URL(location, current).href;
        continue;
      }
      if (response.status >= 200 && response.status < 300) return { url, online: true, status: response.status };
      return { url, online: false, problem: 'status', status: response.status };
    }
  } catch (error) {
    if (signal.aborted) return { url, online: false, problem: 'timeout' };
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    return { url, online: false, problem: 'unreachable', detail: cause?.code ?? cause?.message ?? (error as Error).message };
  }
}

/** Why an address is not online, in a few words: « réponse 404 », « pas de réponse en 10 s ». */
export function offlineReason(status: Extract<OnlineStatus, { online: false }>, timeoutMs: number = ONLINE_DEFAULTS.timeoutMs): Message {
  switch (status.problem) {
    case 'status':
      return status.status === 404
        ? { fr: 'réponse 404 : le fichier n’y est pas', en: 'answer 404: the file is not there' }
        : status.status >= 500
          ? { fr: `réponse ${status.status} : le serveur est en erreur`, en: `answer ${status.status}: the server is failing` }
          : { fr: `réponse ${status.status}`, en: `answer ${status.status}` };
    case 'timeout':
      return { fr: `pas de réponse en ${String(timeoutMs / 1000).replace('.', ',')} s`, en: `no answer within ${timeoutMs / 1000} s` };
    case 'redirects':
      return { fr: 'trop de redirections', en: 'too many redirects' };
    case 'unreachable':
      return { fr: `serveur injoignable (${status.detail})`, en: `server unreachable (${status.detail})` };
  }
}
