import { MERGE_TAG } from './merge-tags.js';

export type UrlKind = 'web' | 'mailto' | 'tel' | 'merge-tag' | 'dangerous' | 'relative' | 'other-scheme';

/** Browsers ignore tabs, newlines and other control characters inside a scheme (`java\tscript:`). */
const IGNORED = /[\u0000-\u0020\u007f-\u009f\u00ad\u200b-\u200f\u2028\u2029\ufeff]/g;
const DANGEROUS_SCHEMES = new Set(['javascript', 'data', 'vbscript', 'file']);
const DANGEROUS_INSIDE = /(?:javascript|data|vbscript|file):/;

/** What kind of address a link holds. */
export function classifyUrl(href: string): UrlKind {
  const trimmed = href.trim();
  const compact = trimmed.replace(IGNORED, '').toLowerCase();
  if (MERGE_TAG.test(trimmed)) {
    // The tool puts a tag's fallback or default in the link when it has no value:
    // `[ville,fallback=javascript:…]` or `{{ x | default: "javascript:…" }}` is a dangerous link.
    return DANGEROUS_INSIDE.test(compact) ? 'dangerous' : 'merge-tag';
  }
  const scheme = /^([a-z][a-z0-9+.-]*):/.exec(compact)?.[1];
  if (scheme === undefined) return 'relative';
  if (DANGEROUS_SCHEMES.has(scheme)) return 'dangerous';
  if (scheme === 'https' || scheme === 'http') return 'web';
  if (scheme === 'mailto') return 'mailto';
  if (scheme === 'tel') return 'tel';
  return 'other-scheme';
}

export function isRemoteImage(src: string): boolean {
  return /^https?:\/\//i.test(src.trim());
}
