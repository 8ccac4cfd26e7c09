/** Merge tags of the mailing tools: `{{ x }}`, `*|X|*`, `[[X]]`, Sendy's `[x]`. */
export const MERGE_TAG = /^(\{\{.*\}\}|\*\|[A-Z0-9_:]+\|\*|\[\[[A-Za-z0-9_]+\]\]|\[[a-z_]+(,[^\]]*)?\])$/;

export type UrlKind = 'web' | 'mailto' | 'tel' | 'merge-tag' | 'dangerous' | 'relative' | 'other-scheme';

/**
 * What kind of address a link holds. Browsers ignore tabs, newlines and other control
 * characters inside a scheme (`java\tscript:`), so they are removed before looking.
 */
export function classifyUrl(href: string): UrlKind {
  const trimmed = href.trim();
  if (MERGE_TAG.test(trimmed)) return 'merge-tag';
  const compact = trimmed.replace(/[\u0000-\u0020\u007f-\u009f\u00ad\u200b-\u200f\u2028\u2029\ufeff]/g, '').toLowerCase();
  const scheme = /^([a-z][a-z0-9+.-]*):/.exec(compact)?.[1];
  if (scheme === undefined) return 'relative';
  if (scheme === 'javascript' || scheme === 'data' || scheme === 'vbscript' || scheme === 'file') return 'dangerous';
  if (scheme === 'https' || scheme === 'http') return 'web';
  if (scheme === 'mailto') return 'mailto';
  if (scheme === 'tel') return 'tel';
  return 'other-scheme';
}

export function isRemoteImage(src: string): boolean {
  return /^https?:\/\//i.test(src.trim());
}
