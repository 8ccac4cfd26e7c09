import type { Message } from '../i18n/lang.js';
import { featuresOf } from '../inbox/checks/css-support.js';
import { INBOX_CLIENTS } from '../inbox/clients.js';
import { parsePage, parseStyle, type Declaration } from '../inbox/page.js';

/** The screen widths every profile is shown at: two phones, a narrow desktop pane, a tablet. */
export const WIDTHS = [320, 375, 600, 1024] as const;
/** Below this width the layout is a phone's: pictures and headings one above the other. */
export const PHONE_WIDTH = 480;

/** What the page does once loaded, in the browser (see page-script.ts). */
export type InPageStep = 'detectData' | 'invertColours';

/** A family of inboxes: how it receives the HTML, and at which widths it is read. */
export interface Profile {
  id: string;
  label: Message;
  /** Who reads the email this way. */
  clients: Message;
  widths: readonly number[];
  colorScheme: 'light' | 'dark';
  transform(html: string): string;
  inPage?: InPageStep;
}

const unchanged = (html: string) => html;

export const PROFILES: readonly Profile[] = [
  {
    id: 'all-css',
    label: { fr: 'Toutes les CSS', en: 'All CSS' },
    clients: { fr: 'Apple Mail macOS, Gmail avec un compte Google, Thunderbird', en: 'Apple Mail macOS, Gmail with a Google account, Thunderbird' },
    widths: WIDTHS,
    colorScheme: 'light',
    transform: unchanged,
  },
  {
    id: 'no-style',
    label: { fr: 'Sans <style> ni class', en: 'No <style>, no class' },
    clients: { fr: 'Gmail avec un compte non Google, plusieurs webmails', en: 'Gmail with a non-Google account, several webmails' },
    widths: WIDTHS,
    colorScheme: 'light',
    transform: (html) => withoutClasses(withoutStyleSheets(html)),
  },
  {
    id: 'outlook-windows',
    label: { fr: 'Outlook pour Windows', en: 'Outlook for Windows' },
    clients: { fr: 'Outlook 2016 à 2021 et Microsoft 365 sous Windows (moteur de Word)', en: 'Outlook 2016 to 2021 and Microsoft 365 on Windows (Word’s engine)' },
    // A desktop application: its reading pane is not a phone, and it sees the 600 px ghost tables.
    widths: WIDTHS.filter((width) => width >= 600),
    colorScheme: 'light',
    transform: asOutlookForWindows,
  },
  {
    id: 'apple-mail-ios',
    label: { fr: 'Apple Mail iOS', en: 'Apple Mail iOS' },
    clients: { fr: 'iPhone et iPad : max-width ignoré sur les tableaux, dates et adresses transformées en liens', en: 'iPhone and iPad: max-width ignored on tables, dates and addresses turned into links' },
    widths: WIDTHS,
    colorScheme: 'light',
    transform: (html) => rewriteStyles(html, (tag, declarations) => (tag === 'table' ? declarations.filter((declaration) => declaration.property !== 'max-width') : declarations)),
    inPage: 'detectData',
  },
  {
    id: 'dark',
    label: { fr: 'Mode sombre', en: 'Dark mode' },
    clients: { fr: 'Apple Mail, Outlook macOS et les messageries qui suivent prefers-color-scheme', en: 'Apple Mail, Outlook macOS and the inboxes that follow prefers-color-scheme' },
    widths: WIDTHS,
    colorScheme: 'dark',
    transform: unchanged,
  },
  {
    id: 'inverted',
    label: { fr: 'Couleurs inversées', en: 'Inverted colours' },
    clients: { fr: 'Gmail (applications) et Outlook.com en mode sombre : couleurs inversées d’office', en: 'Gmail (apps) and Outlook.com in dark mode: colours inverted regardless' },
    widths: WIDTHS,
    colorScheme: 'light',
    transform: (html) => mapStyleSheets(html, (css) => withoutAtMedia(css, (condition) => condition.includes('prefers-color-scheme'))),
    inPage: 'invertColours',
  },
];

/**
 * Marks every element of the built HTML with its index among parsePage's elements, so that
 * what the browser finds is located back in index.html (elements inside Outlook's
 * comments have none: they are found through their nearest marked ancestor).
 */
export function markElements(html: string): string {
  const { elements } = parsePage(html, '');
  let marked = '';
  let from = 0;
  elements.forEach((element, index) => {
    const at = element.offset + 1 + element.name.length;
    marked += `${html.slice(from, at)} data-pvd="${index}"`;
    from = at;
  });
  return marked + html.slice(from);
}

const START_TAG = /<([a-zA-Z][\w:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g;
const STYLE_ELEMENT = /(<style[^>]*>)([\s\S]*?)(<\/style>)/g;

function withoutStyleSheets(html: string): string {
  return html.replace(STYLE_ELEMENT, '');
}

function withoutClasses(html: string): string {
  return html.replace(START_TAG, (tag: string, name: string, attributes: string) => `<${name}${attributes.replace(/\sclass="[^"]*"/g, '')}>`);
}

function mapStyleSheets(html: string, map: (css: string) => string): string {
  return html.replace(STYLE_ELEMENT, (_, open: string, css: string, close: string) => open + map(css) + close);
}

/** Each inline style rewritten by `map`, given the element's tag name. */
function rewriteStyles(html: string, map: (tag: string, declarations: Declaration[]) => Declaration[]): string {
  return html.replace(START_TAG, (tag: string, name: string, attributes: string) => {
    const style = /\sstyle="([^"]*)"/.exec(attributes);
    if (!style) return tag;
    const declarations = map(name.toLowerCase(), parseStyle(style[1]!.replaceAll('&quot;', '"')));
    const written = declarations.map(({ property, value, important }) => `${property}: ${value}${important ? ' !important' : ''};`).join(' ');
    return `<${name}${attributes.replace(style[0], ` style="${written.replaceAll('"', '&quot;')}"`)}>`;
  });
}

/** A stylesheet without the @media blocks whose condition `drop` says. */
export function withoutAtMedia(css: string, drop: (condition: string) => boolean): string {
  let kept = '';
  let index = 0;
  for (let at = css.indexOf('@media', index); at !== -1; at = css.indexOf('@media', index)) {
    const open = css.indexOf('{', at);
    if (open === -1) break;
    let depth = 1;
    let end = open + 1;
    for (; end < css.length && depth > 0; end++) depth += css[end] === '{' ? 1 : css[end] === '}' ? -1 : 0;
    kept += css.slice(index, at);
    if (!drop(css.slice(at + '@media'.length, open).trim())) kept += css.slice(at, end);
    index = end;
  }
  return kept + css.slice(index);
}

const OUTLOOK = INBOX_CLIENTS.findIndex((client) => client.id === 'outlook.windows');
const TABLE_CELLS = new Set(['td', 'th']);
const PARAGRAPHS = new Set(['p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const NO_WIDTH = new Set(['body', 'span', 'div', 'p', 'img']);

/**
 * The email as Word's engine lays it out, as far as Chromium can show it: the `<!--[if mso]>`
 * blocks in force; no @media; every property caniemail marks unsupported in Outlook for
 * Windows removed; and the limits caniemail's notes give for the rest — padding only on
 * table cells, borders lost on paragraphs and divs (Word makes headings paragraphs too),
 * width ignored on divs, paragraphs and images, max-width on anything but a table,
 * `margin: auto` — and pixel line heights taken as minimums unless the element says
 * `mso-line-height-rule: exactly`.
 */
function asOutlookForWindows(html: string): string {
  const mso = html
    .replace(/<!--\[if !mso\]><!-->[\s\S]*?<!--<!\[endif\]-->/g, '')
    .replace(/<!--\[if ([^\]]*)\]>([\s\S]*?)<!\[endif\]-->/g, (_, condition: string, content: string) => (/\bmso\b/.test(condition) && !condition.includes('!') ? content : ''));
  const styled = mapStyleSheets(mso, (css) => withoutAtMedia(css, () => true));
  return rewriteStyles(styled, (tag, declarations) => {
    const exact = declarations.some((declaration) => declaration.property === 'mso-line-height-rule' && declaration.value === 'exactly');
    return declarations
      .filter((declaration) => supportedInOutlook(tag, declaration))
      .map((declaration) => (declaration.property === 'line-height' && /^\d+(\.\d+)?px$/.test(declaration.value) && !exact
        ? { ...declaration, value: `max(${declaration.value}, 1.15em)` }
        : declaration));
  });
}

function supportedInOutlook(tag: string, declaration: Declaration): boolean {
  const { property, value } = declaration;
  if (featuresOf(declaration).some((feature) => feature.kind !== 'keyword' && feature.support[OUTLOOK] === 'n')) return false;
  if (/^padding/.test(property)) return TABLE_CELLS.has(tag);
  if (/^border/.test(property) && PARAGRAPHS.has(tag)) return false;
  if (property === 'width') return !NO_WIDTH.has(tag);
  if (property === 'max-width') return tag === 'table';
  if (/^margin/.test(property) && /\bauto\b/.test(value)) return false;
  return true;
}
