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

/**
 * Appends the campaign parameters as text, before any `#fragment`: re-serialising the
 * address through URL would re-encode the rest of it, and turn a merge tag inside it
 * (`?email=*|EMAIL|*`, `{{ contact.EMAIL }}`) into something the mailing tool no longer sees.
 */
function withUtm(href: string, utm: NonNullable<LinkOptions['utm']>): string {
  const hash = href.indexOf('#');
  let address = hash === -1 ? href : href.slice(0, hash);
  const fragment = hash === -1 ? '' : href.slice(hash);
  // A link that already carries campaign parameters keeps its own.
  if (/[?&]utm_[a-z]+=/i.test(address)) return href;
  if (/^https?:\/\/[^/?]+$/i.test(address)) address += '/';
  const parameters = [['utm_source', utm.source], ['utm_medium', utm.medium], ['utm_campaign', utm.campaign]]
    .map(([key, value]) => `${key}=${encodeURIComponent(value!)}`)
    .join('&');
  const separator = !address.includes('?') ? '?' : /[?&]$/.test(address) ? '' : '&';
  return `${address}${separator}${parameters}${fragment}`;
}
