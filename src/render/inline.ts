import type { Inline } from '../issue/model.js';
import { isHtmlComment } from '../lint/rules/raw-html.js';
import { escapeHtml, escapeText } from './escape.js';
import { outgoingHref, type LinkOptions } from './links.js';
import { frenchTypography, type TypographyOptions } from './typography.js';

/** What rendering text needs: links, and the kind of no-break space. */
export interface TextOptions extends LinkOptions {
  typography: TypographyOptions;
}

export interface InlineOptions extends TextOptions {
  allowRawHtml: boolean;
  /** The address of an image inside running text (rare: images usually stand alone). */
  imageUrl(src: string): string;
}

/** Inline content → escaped HTML. Every text node is escaped; nothing is evaluated. */
export function inlinesToHtml(inlines: readonly Inline[], options: InlineOptions): string {
  let html = '';
  for (const inline of inlines) {
    switch (inline.type) {
      case 'text':
        html += escapeText(frenchTypography(inline.value, options.typography));
        break;
      case 'strong':
        html += `<strong>${inlinesToHtml(inline.children, options)}</strong>`;
        break;
      case 'emphasis':
        html += `<em>${inlinesToHtml(inline.children, options)}</em>`;
        break;
      case 'link':
        html += `<a href="${escapeHtml(outgoingHref(inline.href, options))}">${inlinesToHtml(inline.children, options)}</a>`;
        break;
      case 'break':
        html += '<br>';
        break;
      case 'code':
        html += `<code>${escapeHtml(inline.value)}</code>`;
        break;
      case 'html':
        if (!isHtmlComment(inline.value)) html += options.allowRawHtml ? inline.value : escapeHtml(inline.value);
        break;
      case 'image':
        html += `<img src="${escapeHtml(options.imageUrl(inline.image.src))}" alt="${escapeHtml(inline.image.alt)}" style="height:auto;max-width:100%;">`;
        break;
    }
  }
  return html;
}

/** Inline content → plaintext, each link as `label (url)`. */
export function inlinesToText(inlines: readonly Inline[], options: TextOptions): string {
  let text = '';
  for (const inline of inlines) {
    switch (inline.type) {
      case 'text':
        text += frenchTypography(inline.value, options.typography);
        break;
      case 'code':
        text += inline.value;
        break;
      case 'strong':
      case 'emphasis':
        text += inlinesToText(inline.children, options);
        break;
      case 'link':
        text += linkToText(inlinesToText(inline.children, options), inline.href, options);
        break;
      case 'break':
        text += '\n';
        break;
      case 'image':
        text += `[${inline.image.alt}]`;
        break;
      case 'html':
        if (!isHtmlComment(inline.value)) text += inline.value;
        break;
    }
  }
  return text;
}

export function linkToText(label: string, href: string, options: LinkOptions): string {
  const url = outgoingHref(href, options);
  const shown = label.trim();
  // A label that already is the address (a bare URL, an email address) is not repeated.
  if (shown === '' || shown === url || `mailto:${shown}` === url) return shown || url;
  return `${label} (${url})`;
}

