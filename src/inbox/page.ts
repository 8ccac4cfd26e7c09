import { Parser } from 'htmlparser2';
import { LineIndex } from '../text/positions.js';

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

/**
 * Reads the HTML juice wrote with htmlparser2 — the parser juice's cheerio already loaded, so
 * it costs nothing more — keeping each element's offset for located diagnostics. Comments are
 * skipped, Outlook's `<!--[if mso]>` blocks with them, as the inboxes that are not Outlook do.
 */
export function parsePage(html: string, file: string): Page {
  const elements: PageElement[] = [];
  const styleSheets: Page['styleSheets'] = [];
  const stack: PageElement[] = [];
  // The parser may hand a text over in several pieces: a style sheet's are joined.
  let lastStyle: PageElement | undefined;
  const parser = new Parser({
    onopentag(name, attributes) {
      const parent = stack.at(-1);
      const element: PageElement = { name, attributes: { ...attributes }, style: parseStyle(attributes.style ?? ''), offset: parser.startIndex, parent, children: [], text: '' };
      parent?.children.push(element);
      elements.push(element);
      stack.push(element);
    },
    ontext(text) {
      const current = stack.at(-1);
      if (!current) return;
      if (current.name !== 'style') current.text += text;
      else if (lastStyle === current) styleSheets.at(-1)!.css += text;
      else {
        styleSheets.push({ offset: parser.startIndex, css: text });
        lastStyle = current;
      }
    },
    onclosetag() {
      stack.pop();
    },
  }, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true });
  parser.end(html);
  const lines = new LineIndex(html);
  return { file, html, elements, styleSheets, position: (offset) => lines.positionAt(offset) };
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
