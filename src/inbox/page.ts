/** One CSS declaration of a `style` attribute. */
export interface Declaration {
  property: string;
  value: string;
  important: boolean;
}

/** An element of the built HTML, as the inbox checks see it. */
export interface PageElement {
  name: string;
  attributes: Record<string, string>;
  style: Declaration[];
  /** Offset of `<` in the HTML. */
  offset: number;
  parent: PageElement | undefined;
  children: PageElement[];
  /** The element's own text, not its children's. */
  text: string;
}

/** The built HTML, parsed once for every check. */
export interface Page {
  file: string;
  html: string;
  elements: PageElement[];
  /** The text of each <style> element, with its offset. */
  styleSheets: { offset: number; css: string }[];
  position(offset: number): { line: number; column: number };
}

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
// Comments (Outlook's `<!--[if mso]>` blocks with them), the doctype, then tags with their attributes.
const TOKEN = /<!--[\s\S]*?-->|<![^>]*>|<(\/?)([a-zA-Z][\w:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g;
const ATTRIBUTE = /([^\s=>/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;

/**
 * Reads the HTML juice wrote — serialised by cheerio, so well formed with quoted
 * attributes — with a tokenizer of a few regular expressions: a full parser would cost
 * every build more than all the checks together. Comments are skipped, Outlook's
 * `<!--[if mso]>` blocks with them.
 */
export function parsePage(html: string, file: string): Page {
  const elements: PageElement[] = [];
  const styleSheets: Page['styleSheets'] = [];
  const stack: PageElement[] = [];
  let textStart = 0;
  const addText = (end: number) => {
    const current = stack.at(-1);
    if (current && end > textStart) {
      const text = html.slice(textStart, end);
      if (current.name === 'style') styleSheets.push({ offset: textStart, css: text });
      else current.text += decodeEntities(text);
    }
  };
  const tokens = new RegExp(TOKEN.source, 'g');
  for (let match = tokens.exec(html); match; match = tokens.exec(html)) {
    addText(match.index);
    textStart = match.index + match[0].length;
    const name = match[2]?.toLowerCase();
    if (!name) continue;
    if (match[1]) {
      const open = stack.findLastIndex((element) => element.name === name);
      if (open !== -1) stack.length = open;
      continue;
    }
    const attributes: Record<string, string> = {};
    for (const attribute of (match[3] ?? '').matchAll(ATTRIBUTE)) {
      attributes[attribute[1]!.toLowerCase()] = decodeEntities(attribute[2] ?? attribute[3] ?? attribute[4] ?? '');
    }
    const parent = stack.at(-1);
    const element: PageElement = { name, attributes, style: parseStyle(attributes.style ?? ''), offset: match.index, parent, children: [], text: '' };
    parent?.children.push(element);
    elements.push(element);
    if (!VOID.has(name) && !match[0].endsWith('/>')) stack.push(element);
    if (name === 'style' || name === 'script') {
      // Raw text up to the closing tag: a `<` inside CSS is not a tag.
      const close = html.indexOf(`</${name}`, textStart);
      if (close !== -1) {
        addText(close);
        tokens.lastIndex = close;
        textStart = close;
      }
    }
  }
  addText(html.length);

  const lineStarts = [0];
  for (let index = html.indexOf('\n'); index !== -1; index = html.indexOf('\n', index + 1)) lineStarts.push(index + 1);
  const position = (offset: number) => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (lineStarts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - lineStarts[low]! + 1 };
  };
  return { file, html, elements, styleSheets, position };
}

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', zwnj: '\u200c' };

/** The entities Handlebars and cheerio write: numeric ones and a few names. */
function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, body: string) => {
    if (body.startsWith('#')) {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
    }
    return NAMED_ENTITIES[body.toLowerCase()] ?? entity;
  });
}

/** `color: #000; font-family: Arial, sans-serif` → declarations, last one winning as in CSS. */
export function parseStyle(style: string): Declaration[] {
  const declarations: Declaration[] = [];
  for (const part of style.split(/;(?![^(]*\))/)) {
    const colon = part.indexOf(':');
    if (colon === -1) continue;
    const property = part.slice(0, colon).trim().toLowerCase();
    let value = part.slice(colon + 1).trim();
    const important = /!\s*important$/i.test(value);
    if (important) value = value.replace(/\s*!\s*important$/i, '');
    if (property) declarations.push({ property, value, important });
  }
  return declarations;
}

/** The value a property ends up with on the element itself (the last declaration wins). */
export function styleValue(element: PageElement, property: string): string | undefined {
  for (let index = element.style.length - 1; index >= 0; index--) {
    const declaration = element.style[index]!;
    if (declaration.property === property) return declaration.value;
  }
  return undefined;
}

/** Hidden from readers: the preheader and anything inside a `display:none`. */
export function isHidden(element: PageElement): boolean {
  for (let current: PageElement | undefined = element; current; current = current.parent) {
    if (styleValue(current, 'display') === 'none' || current.name === 'head' || current.name === 'title') return true;
  }
  return false;
}
