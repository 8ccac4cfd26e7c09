import { t } from '../i18n/lang.js';
import { checkOnline, offlineReason, ONLINE_DEFAULTS, type OnlineOptions } from '../publish/online.js';

/** One address as the panel lists it: what it is, whether it answers, and why not, in the reader's language. */
export interface OnlineRow {
  url: string;
  online: boolean;
  says: string;
}

/** The check `npx pvd publish` makes after publishing, on demand: it never throws, an address that cannot be had is a row. */
export async function onlineRows(urls: readonly string[], options: OnlineOptions = {}): Promise<OnlineRow[]> {
  const statuses = await checkOnline(urls, options);
  return statuses.map((status) => ({
    url: status.url,
    online: status.online,
    says: t(status.online ? { fr: `en ligne (réponse ${status.status})`, en: `online (answer ${status.status})` } : offlineReason(status, options.timeoutMs ?? ONLINE_DEFAULTS.timeoutMs)),
  }));
}
