import { classifyUrl } from '../text/urls.js';

export interface LinkOptions {
  /** Campaign tracking parameters for outgoing web links, if the template asks for them. */
  utm: { source: string; medium: string; campaign: string } | undefined;
}

/**
 * The address a reader's click goes to: only web, mailto, tel links and merge tags
 * survive (lint refuses the others before a build; this is the last line of defence).
 */
export function outgoingHref(href: string, options: LinkOptions): string {
  const trimmed = href.trim();
  const kind = classifyUrl(trimmed);
  if (kind === 'mailto' || kind === 'tel' || kind === 'merge-tag') return trimmed;
  if (kind !== 'web') return '#';
  return options.utm ? withUtm(trimmed, options.utm) : trimmed;
}

function withUtm(href: string, utm: NonNullable<LinkOptions['utm']>): string {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return href;
  }
  // A link that already carries campaign parameters keeps its own.
  if ([...url.searchParams.keys()].some((key) => key.startsWith('utm_'))) return href;
  url.searchParams.append('utm_source', utm.source);
  url.searchParams.append('utm_medium', utm.medium);
  url.searchParams.append('utm_campaign', utm.campaign);
  return url.toString();
}
