import type { Inline } from '../issue/model.js';
import { isHtmlComment } from '../issue/markdown.js';
import { escapeHtml, escapeText } from './escape.js';
import { outgoingHref, type LinkOptions } from './links.js';
import { frenchTypography, NBSP, type TypographyOptions } from './typography.js';

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

/**
 * The links of the plaintext, each address numbered once for the whole message: the text
 * says `label [n]`, and the list after each part of the message gives `[n] address`.
 */
export interface References {
  /** The marker of an address, `[n]`: its number from its first citation. */
  cite(url: string): string;
  /** The `[n] address` lines of what was cited since the last call, in number order. */
  list(): string[];
}

export function createReferences(): References {
  const numbers = new Map<string, number>();
  let cited = new Set<number>();
  const addresses: string[] = [];
  return {
    cite(url) {
      let number = numbers.get(url);
      if (number === undefined) {
        addresses.push(url);
        numbers.set(url, (number = addresses.length));
      }
      cited.add(number);
      return `[${number}]`;
    },
    list() {
      const lines = [...cited].sort((a, b) => a - b).map((number) => `[${number}] ${addresses[number - 1]}`);
      cited = new Set();
      return lines;
    },
  };
}

/** Inline content → plaintext, each link as its label and a reference marker. */
export function inlinesToText(inlines: readonly Inline[], options: TextOptions, references: References): string {
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
        text += inlinesToText(inline.children, options, references);
        break;
      case 'link':
        text += linkToText(inlinesToText(inline.children, options, references), inline.href, options, references);
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

/**
 * A link in plaintext: `label [n]`, the marker held to the label's last word by a no-break
 * space so that wrapping never leaves it alone at the start of a line.
 */
export function linkToText(label: string, href: string, options: LinkOptions, references: References): string {
  const url = outgoingHref(href, options);
  const shown = label.trim();
  // A label that already is the address (a bare URL, an email address) is followable as it is.
  if (shown === url || `mailto:${shown}` === url) return shown;
  const marker = references.cite(url);
  return shown === '' ? marker : `${label.trimEnd()}${NBSP}${marker}`;
}
