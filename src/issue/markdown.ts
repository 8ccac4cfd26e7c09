import { fromMarkdown } from 'mdast-util-from-markdown';
import type * as Mdast from 'mdast';
import type { CatalogSection } from '../template/model.js';
import { findCatalogSection } from '../template/catalog.js';
import type { Block, Image, Inline, Item, Link, ListItem, Position, Section } from './model.js';

export interface Body {
  intro: Block[];
  sections: Section[];
  images: Image[];
  links: Link[];
}

const EXPLICIT_ID = /\s*\{#([A-Za-z0-9_-]+)\}\s*$/;

/** Quotes nested deeper than this are no newsletter's content; every later step recurses on them. */
export const MAX_QUOTE_DEPTH = 20;

/** Thrown by parseBody on content nested past MAX_QUOTE_DEPTH, where it starts. */
export class NestingError extends Error {
  constructor(readonly position: Position) {
    super('nesting too deep');
  }
}

/**
 * Turns the Markdown body into the structure: text before the first `##` is the
 * intro, `##` opens a section, `###` an item. Positions are made absolute with the
 * body's first line and offset, so every node points into issue.md itself.
 */
export function parseBody(markdown: string, firstLine: number, firstOffset: number, catalog: readonly CatalogSection[]): Body {
  const tree = fromMarkdown(markdown);
  const definitions = new Map<string, Mdast.Definition>();
  for (const node of tree.children) if (node.type === 'definition') definitions.set(node.identifier, node);

  const body: Body = { intro: [], sections: [], images: [], links: [] };
  const at = (node: Mdast.Node): Position => ({
    line: (node.position?.start.line ?? 1) + firstLine - 1,
    column: node.position?.start.column ?? 1,
  });
  const offsetOf = (node: Mdast.Node): number => (node.position?.start.offset ?? 0) + firstOffset;

  let section: Section | undefined;
  let item: Item | undefined;
  const currentBlocks = (): Block[] => item?.blocks ?? section?.blocks ?? body.intro;

  function convertInlines(nodes: readonly Mdast.PhrasingContent[]): Inline[] {
    const inlines: Inline[] = [];
    for (const node of nodes) {
      switch (node.type) {
        case 'text':
          inlines.push({ type: 'text', value: node.value, position: at(node), offset: offsetOf(node) });
          break;
        case 'strong':
        case 'emphasis':
          inlines.push({ type: node.type, children: convertInlines(node.children), position: at(node) });
          break;
        case 'delete':
          inlines.push(...convertInlines(node.children));
          break;
        case 'link':
        case 'linkReference': {
          const href = node.type === 'link' ? node.url : definitions.get(node.identifier)?.url;
          const children = convertInlines(node.children);
          if (href === undefined) {
            inlines.push({ type: 'text', value: `[${plainText(children)}]`, position: at(node), offset: offsetOf(node) });
          } else {
            inlines.push({ type: 'link', href, children, position: at(node) });
            body.links.push({ href, text: plainText(children), position: at(node), isButton: false });
          }
          break;
        }
        case 'image':
        case 'imageReference': {
          const definition = node.type === 'imageReference' ? definitions.get(node.identifier) : undefined;
          const image: Image = {
            src: node.type === 'image' ? node.url : definition?.url ?? '',
            alt: node.alt ?? '',
            credit: (node.type === 'image' ? node.title : definition?.title) ?? undefined,
            href: undefined,
            position: at(node),
          };
          body.images.push(image);
          inlines.push({ type: 'image', image });
          break;
        }
        case 'break':
          inlines.push({ type: 'break', position: at(node) });
          break;
        case 'inlineCode':
          inlines.push({ type: 'code', value: node.value, position: at(node) });
          break;
        case 'html':
          inlines.push({ type: 'html', value: node.value, position: at(node) });
          break;
        default:
          break;
      }
    }
    return inlines;
  }

  function convertParagraph(node: Mdast.Paragraph): Block {
    const children = convertInlines(node.children);
    const meaningful = children.filter((child) => !(child.type === 'text' && child.value.trim() === ''));
    const only = meaningful.length === 1 ? meaningful[0] : undefined;
    if (only?.type === 'image') return { type: 'image', image: only.image, position: at(node) };
    if (only?.type === 'link') {
      const linked = only.children.filter((child) => !(child.type === 'text' && child.value.trim() === ''));
      const [first] = linked;
      if (linked.length === 1 && first?.type === 'image') {
        const image = first.image;
        image.href = only.href;
        return { type: 'image', image, position: at(node) };
      }
      // A paragraph made of a single link is a call-to-action button.
      const link = body.links.findLast((candidate) => candidate.href === only.href);
      if (link) link.isButton = true;
      return { type: 'button', label: plainText(only.children), href: only.href, position: at(node) };
    }
    return { type: 'paragraph', children, position: at(node) };
  }

  function convertBlock(node: Mdast.RootContent, depth = 0): Block | undefined {
    switch (node.type) {
      case 'paragraph':
        return convertParagraph(node);
      case 'list': {
        const items: ListItem[] = [];
        collectListItems(node, items);
        return { type: 'list', ordered: node.ordered ?? false, start: node.start ?? 1, items, position: at(node) };
      }
      case 'blockquote':
        if (depth >= MAX_QUOTE_DEPTH) throw new NestingError(at(node));
        return { type: 'quote', children: node.children.map((child) => convertBlock(child, depth + 1)).filter((block) => block !== undefined), position: at(node) };
      case 'code':
        return { type: 'code', value: node.value, position: at(node) };
      case 'html':
        return { type: 'html', value: node.value, position: at(node) };
      default:
        return undefined;
    }
  }

  function collectListItems(list: Mdast.List, items: ListItem[]): void {
    for (const listItem of list.children) {
      const children: Inline[] = [];
      for (const child of listItem.children) {
        if (child.type === 'paragraph') {
          if (children.length > 0) children.push({ type: 'break', position: at(child) });
          children.push(...convertInlines(child.children));
        }
      }
      items.push({ children, position: at(listItem) });
      for (const child of listItem.children) if (child.type === 'list') collectListItems(child, items);
    }
  }

  for (const node of tree.children) {
    if (node.type === 'heading') {
      const title = convertInlines(node.children);
      if (node.depth <= 2) {
        const text = plainText(title);
        const explicitId = EXPLICIT_ID.exec(text)?.[1];
        const cleanTitle = text.replace(EXPLICIT_ID, '').trim();
        section = {
          title: cleanTitle,
          explicitId,
          id: findCatalogSection(catalog, cleanTitle, explicitId)?.id,
          depth: node.depth,
          position: at(node),
          figure: undefined,
          blocks: [],
          items: [],
        };
        body.sections.push(section);
        item = undefined;
      } else if (section) {
        item = { title, titleText: plainText(title), depth: node.depth, position: at(node), blocks: [] };
        section.items.push(item);
      } else {
        // A `###` before any section: kept as intro text; lint's heading-level reports it.
        body.intro.push({ type: 'paragraph', children: [{ type: 'strong', children: title, position: at(node) }], position: at(node) });
      }
      continue;
    }
    const block = convertBlock(node);
    if (!block) continue;
    const kind = section?.id ? catalog.find((entry) => entry.id === section!.id)?.kind : undefined;
    if (kind === 'figure' && section && !item && !section.figure && section.blocks.length === 0 && block.type === 'paragraph') {
      section.figure = { value: plainText(block.children).trim(), position: block.position };
      continue;
    }
    currentBlocks().push(block);
  }
  return body;
}

/** The words of some inline content, without markup. */
export function plainText(inlines: readonly Inline[]): string {
  let text = '';
  for (const inline of inlines) {
    switch (inline.type) {
      case 'text':
      case 'code':
        text += inline.value;
        break;
      case 'strong':
      case 'emphasis':
      case 'link':
        text += plainText(inline.children);
        break;
      case 'break':
        text += '\n';
        break;
      case 'image':
        text += inline.image.alt;
        break;
      case 'html':
        break;
    }
  }
  return text;
}
