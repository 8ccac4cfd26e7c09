import { fromMarkdown } from 'mdast-util-from-markdown';
import type * as Mdast from 'mdast';
import type { CatalogSection } from '../template/model.js';
import { findCatalogSection } from '../template/catalog.js';
import { slotOfSection, type Slot } from '../template/layout.js';
import type { Block, Dropped, Heading, Image, Inline, Item, Link, ListItem, Position, Section, Verbatim } from './model.js';

export interface Body {
  intro: Block[];
  sections: Section[];
  images: Image[];
  links: Link[];
  headings: Heading[];
  dropped: Dropped[];
  verbatim: Verbatim[];
}

/** Markdown to mdast: micromark's, or one that reuses the trees of unchanged stretches (issue/markdown-chunks.ts). */
export type MarkdownParser = (markdown: string) => Mdast.Root;

/** Where the Markdown body starts in issue.md: every position is made absolute with it. */
export interface Origin {
  line: number;
  offset: number;
}

const EXPLICIT_ID = /\s*\{#([A-Za-z0-9_-]+)\}\s*$/;

function linksAndPictures(inlines: readonly Inline[]): Position[] {
  return inlines.flatMap((inline) => {
    if (inline.type === 'image') return [inline.image.position];
    if (inline.type === 'link') return [inline.position];
    return 'children' in inline ? linksAndPictures(inline.children) : [];
  });
}

/**
 * Turns the Markdown body into the structure: text before the first `##` is the
 * intro, `##` opens a section, `###` an item. Every node keeps its position in issue.md.
 */
export function parseBody(markdown: string, origin: Origin, catalog: readonly CatalogSection[], parseTree: MarkdownParser = fromMarkdown): Body {
  const tree = parseTree(markdown);
  const converter = new Converter(markdown, origin, tree);
  const body: Body = { intro: [], sections: [], images: converter.images, links: converter.links, headings: converter.headings, dropped: converter.dropped, verbatim: converter.verbatim };
  let section: Section | undefined;
  let item: Item | undefined;

  for (const node of tree.children) {
    if (node.type === 'heading') {
      converter.recordHeading(node);
      const title = converter.inlines(node.children, section ? slotOfSection(section.entry?.kind) : 'full');
      if (node.depth <= 2) {
        section = converter.section(node, title, catalog);
        body.sections.push(section);
        item = undefined;
      } else if (section) {
        item = { title, titleText: plainText(title), depth: node.depth, position: converter.at(node), picture: undefined, blocks: [] };
        section.items.push(item);
      } else {
        // A `###` before any section: kept as intro text; lint's heading-level reports it.
        body.intro.push({ type: 'paragraph', children: [{ type: 'strong', children: title, position: converter.at(node) }], position: converter.at(node) });
      }
      continue;
    }
    const kind = section?.entry?.kind;
    // A card shows its first picture beside its text, in the card slot.
    if (item && kind === 'cards' && !item.picture && isPictureParagraph(node)) {
      item.picture = converter.block(node, 'card') as Item['picture'];
      continue;
    }
    const block = converter.block(node, slotOfSection(kind));
    if (!block) continue;
    if (section && kind === 'figure' && !item && !section.figure && section.blocks.length === 0 && block.type === 'paragraph') {
      section.figure = { value: plainText(block.children).trim(), position: block.position };
      // The figure is shown as its words alone: a link or a picture there would vanish.
      for (const lost of linksAndPictures(block.children)) body.dropped.push({ kind: 'link-in-figure', position: lost });
      continue;
    }
    (item?.blocks ?? section?.blocks ?? body.intro).push(block);
  }
  converter.reportUnusedDefinitions();
  return body;
}

/** Converts mdast nodes into the blocks and inlines, collecting images, links and headings as it goes. */
class Converter {
  readonly images: Image[] = [];
  readonly links: Link[] = [];
  readonly headings: Heading[] = [];
  readonly dropped: Dropped[] = [];
  readonly verbatim: Verbatim[] = [];
  private readonly definitions = new Map<string, Mdast.Definition>();
  private readonly usedDefinitions = new Set<string>();

  constructor(private readonly markdown: string, private readonly origin: Origin, tree: Mdast.Root) {
    for (const node of tree.children) if (node.type === 'definition') this.definitions.set(node.identifier, node);
  }

  at(node: Mdast.Node): Position {
    return { line: (node.position?.start.line ?? 1) + this.origin.line - 1, column: node.position?.start.column ?? 1 };
  }

  offsetOf(node: Mdast.Node): number {
    return (node.position?.start.offset ?? 0) + this.origin.offset;
  }

  section(node: Mdast.Heading, title: Inline[], catalog: readonly CatalogSection[]): Section {
    const text = plainText(title);
    const explicitId = EXPLICIT_ID.exec(text)?.[1];
    const cleanTitle = text.replace(EXPLICIT_ID, '').trim();
    return {
      title: cleanTitle,
      explicitId,
      entry: findCatalogSection(catalog, cleanTitle, explicitId),
      depth: node.depth,
      position: this.at(node),
      figure: undefined,
      blocks: [],
      items: [],
    };
  }

  recordHeading(node: Mdast.Heading): void {
    const start = node.position?.start.offset ?? 0;
    const end = node.position?.end.offset ?? start;
    const setext = !/^[ \t]*#/.test(this.markdown.slice(start, end));
    this.headings.push({
      depth: node.depth,
      setext,
      position: this.at(node),
      offset: start + this.origin.offset + (setext ? 0 : /^[ \t]*/.exec(this.markdown.slice(start))![0].length),
      text: plainText(this.inlines(node.children, 'full', false)).replace(/\s*\n\s*/g, ' ').trim(),
      end: end + this.origin.offset,
    });
  }

  block(node: Mdast.RootContent, slot: Slot): Block | undefined {
    switch (node.type) {
      case 'paragraph':
        return this.paragraph(node, slot);
      case 'list':
        return { type: 'list', ordered: node.ordered ?? false, start: node.start ?? 1, items: this.listItems(node, slot), position: this.at(node) };
      case 'blockquote':
        return { type: 'quote', children: this.quoteChildren(node, slot), position: this.at(node) };
      case 'code':
        this.recordVerbatim('code', node);
        return { type: 'code', value: node.value, position: this.at(node) };
      case 'html':
        this.recordVerbatim('html', node);
        return { type: 'html', value: node.value, position: this.at(node) };
      case 'thematicBreak':
        this.dropped.push({ kind: 'thematic-break', position: this.at(node) });
        return undefined;
      default:
        // Definitions are not content: their links are resolved where they are used.
        return undefined;
    }
  }

  private quoteChildren(quote: Mdast.Blockquote, slot: Slot): Block[] {
    const blocks: Block[] = [];
    for (const child of quote.children) {
      if (child.type === 'heading') {
        this.dropped.push({ kind: 'heading-in-quote', position: this.at(child) });
        continue;
      }
      const block = this.block(child, slot);
      if (block) blocks.push(block);
    }
    return blocks;
  }

  private paragraph(node: Mdast.Paragraph, slot: Slot): Block {
    const only = onlyChild(node.children);
    if (only?.type === 'image' || only?.type === 'imageReference') {
      return { type: 'image', image: this.image(only, slot, undefined), position: this.at(node) };
    }
    if (only?.type === 'link' || only?.type === 'linkReference') {
      const href = this.hrefOf(only);
      const linked = onlyChild(only.children);
      if (href !== undefined && (linked?.type === 'image' || linked?.type === 'imageReference')) {
        const image = this.image(linked, slot, href);
        this.links.push({ href, text: image.alt, position: this.at(only), kind: 'image' });
        return { type: 'image', image, position: this.at(node) };
      }
      if (href !== undefined) {
        // A paragraph made of a single link is a call-to-action button.
        const label = plainText(this.inlines(only.children, slot, false));
        this.links.push({ href, text: label, position: this.at(only), kind: 'button' });
        const labelOffset = only.children[0] ? this.offsetOf(only.children[0]) : this.offsetOf(only) + 1;
        return { type: 'button', label, labelOffset, href, position: this.at(node) };
      }
    }
    return { type: 'paragraph', children: this.inlines(node.children, slot), position: this.at(node) };
  }

  private listItems(list: Mdast.List, slot: Slot, items: ListItem[] = []): ListItem[] {
    for (const listItem of list.children) {
      const children: Inline[] = [];
      for (const child of listItem.children) {
        if (child.type === 'paragraph') {
          if (children.length > 0) children.push({ type: 'break', position: this.at(child) });
          children.push(...this.inlines(child.children, slot));
        } else if (child.type === 'html' && isHtmlComment(child.value)) {
          this.recordVerbatim('html', child);
        } else if (child.type !== 'list') {
          this.dropped.push({ kind: 'block-in-list', position: this.at(child) });
        }
      }
      items.push({ children, position: this.at(listItem) });
      // A nested list goes on as items of its own, after its parent.
      for (const child of listItem.children) if (child.type === 'list') this.listItems(child, slot, items);
    }
    return items;
  }

  /** `collect` is false when the same nodes are converted a second time, for their text only. */
  inlines(nodes: readonly Mdast.PhrasingContent[], slot: Slot, collect = true): Inline[] {
    const inlines: Inline[] = [];
    for (const node of nodes) {
      switch (node.type) {
        case 'text':
          inlines.push({ type: 'text', value: node.value, position: this.at(node), offset: this.offsetOf(node) });
          break;
        case 'strong':
        case 'emphasis':
          inlines.push({ type: node.type, children: this.inlines(node.children, slot, collect), position: this.at(node) });
          break;
        case 'link':
        case 'linkReference': {
          const href = this.hrefOf(node);
          const children = this.inlines(node.children, slot, collect);
          if (href === undefined) {
            // `[words]` with no definition is text, brackets and all.
            inlines.push({ type: 'text', value: `[${plainText(children)}]`, position: this.at(node), offset: this.offsetOf(node) });
          } else {
            inlines.push({ type: 'link', href, children, position: this.at(node) });
            if (collect) this.links.push({ href, text: plainText(children), position: this.at(node), kind: 'text' });
          }
          break;
        }
        case 'image':
        case 'imageReference':
          inlines.push({ type: 'image', image: collect ? this.image(node, slot, undefined) : this.imageOf(node, slot, undefined) });
          break;
        case 'break':
          inlines.push({ type: 'break', position: this.at(node) });
          break;
        case 'inlineCode':
          if (collect) this.recordVerbatim('code', node);
          inlines.push({ type: 'code', value: node.value, position: this.at(node) });
          break;
        case 'html':
          if (collect) this.recordVerbatim('html', node);
          inlines.push({ type: 'html', value: node.value, position: this.at(node) });
          break;
        default:
          break;
      }
    }
    return inlines;
  }

  private recordVerbatim(kind: Verbatim['kind'], node: Mdast.Node): void {
    this.verbatim.push({ kind, start: this.offsetOf(node), end: (node.position?.end.offset ?? 0) + this.origin.offset });
  }

  private image(node: Mdast.Image | Mdast.ImageReference, slot: Slot, href: string | undefined): Image {
    const image = this.imageOf(node, slot, href);
    this.images.push(image);
    return image;
  }

  private imageOf(node: Mdast.Image | Mdast.ImageReference, slot: Slot, href: string | undefined): Image {
    if (node.type === 'imageReference') this.usedDefinitions.add(node.identifier);
    const definition = node.type === 'imageReference' ? this.definitions.get(node.identifier) : undefined;
    return {
      src: node.type === 'image' ? node.url : definition?.url ?? '',
      alt: node.alt ?? '',
      credit: (node.type === 'image' ? node.title : definition?.title) ?? undefined,
      href,
      position: this.at(node),
      slot,
    };
  }

  private hrefOf(node: Mdast.Link | Mdast.LinkReference): string | undefined {
    const definition = node.type === 'link' ? undefined : this.definitions.get(node.identifier);
    if (node.type === 'linkReference') this.usedDefinitions.add(node.identifier);
    // A link's title (`[mots](adresse "titre")`) is a tooltip the email does not carry: said, not lost unseen.
    const title = node.type === 'link' ? node.title : definition?.title;
    if (title && !this.titlesReported.has(node)) {
      this.titlesReported.add(node);
      this.dropped.push({ kind: 'link-title', position: this.at(node), title });
    }
    return node.type === 'link' ? node.url : definition?.url;
  }

  private readonly titlesReported = new WeakSet<Mdast.Node>();

  /** `[Libellé]: https://…` that no `[Libellé]` uses shows nothing: its words and its link would be lost. */
  reportUnusedDefinitions(): void {
    for (const [identifier, definition] of this.definitions) {
      if (!this.usedDefinitions.has(identifier)) this.dropped.push({ kind: 'unused-definition', position: this.at(definition) });
    }
  }
}

/** The one meaningful child of a paragraph or link, if it has only one (spaces aside). */
function onlyChild(nodes: readonly Mdast.PhrasingContent[]): Mdast.PhrasingContent | undefined {
  const meaningful = nodes.filter((node) => !(node.type === 'text' && node.value.trim() === ''));
  return meaningful.length === 1 ? meaningful[0] : undefined;
}

/** A paragraph that is a picture alone, linked or not. */
function isPictureParagraph(node: Mdast.RootContent): boolean {
  if (node.type !== 'paragraph') return false;
  const only = onlyChild(node.children);
  if (only?.type === 'image' || only?.type === 'imageReference') return true;
  if (only?.type !== 'link' && only?.type !== 'linkReference') return false;
  const linked = onlyChild(only.children);
  return linked?.type === 'image' || linked?.type === 'imageReference';
}

/** Comments are harmless (and carry pvd-disable directives); the renderer drops them. */
export function isHtmlComment(value: string): boolean {
  return /^\s*<!--[\s\S]*-->\s*$/.test(value);
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
