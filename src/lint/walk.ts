import type { Block, Image, Inline, Issue } from '../issue/model.js';
import type { CatalogSection } from '../template/model.js';
import { SLOT_WIDTH } from '../render/slots.js';
import { sourceIndex } from './source.js';

/** A text node of the issue's prose with its offset in issue.md (code is not prose). */
export interface TextNode {
  value: string;
  offset: number;
  position: { line: number; column: number };
}

/** Every text node of the body: intro, section blocks, item titles and blocks, lists, quotes, link and button labels. */
export function textNodes(issue: Issue): TextNode[] {
  const nodes: TextNode[] = [];
  const visitInlines = (inlines: readonly Inline[]) => {
    for (const inline of inlines) {
      if (inline.type === 'text') nodes.push({ value: inline.value, offset: inline.offset, position: inline.position });
      else if ('children' in inline) visitInlines(inline.children);
    }
  };
  const visitButton = (block: Block) => {
    if (block.type !== 'button') return;
    // A button is a paragraph made of `[label](href)`: its label starts after the bracket.
    const offset = sourceIndex(issue).lineStart(block.position.line) + block.position.column;
    nodes.push({ value: block.label, offset, position: { line: block.position.line, column: block.position.column + 1 } });
  };
  visitBlocks(issue, { inlines: visitInlines, block: visitButton });
  return nodes;
}

interface Visitor {
  inlines?(inlines: readonly Inline[], slot: number): void;
  block?(block: Block, slot: number): void;
}

/** Walks the blocks of the issue in order, with the width (px) an image would be shown at there. */
export function visitBlocks(issue: Issue, visitor: Visitor, catalog: readonly CatalogSection[] = []): void {
  const visit = (blocks: readonly Block[], slot: number) => {
    for (const block of blocks) {
      visitor.block?.(block, slot);
      if (block.type === 'paragraph') visitor.inlines?.(block.children, slot);
      else if (block.type === 'list') for (const item of block.items) visitor.inlines?.(item.children, slot);
      else if (block.type === 'quote') visit(block.children, slot);
    }
  };
  visit(issue.intro, SLOT_WIDTH.full);
  for (const section of issue.sections) {
    const kind = catalog.find((entry) => entry.id === section.id)?.kind;
    const slot = kind === 'feature' ? SLOT_WIDTH.feature : SLOT_WIDTH.full;
    visit(section.blocks, slot);
    for (const item of section.items) {
      visitor.inlines?.(item.title, slot);
      // A card shows its item's first picture beside the text, as the renderer does.
      const pictureIndex = kind === 'cards' ? item.blocks.findIndex((block) => block.type === 'image') : -1;
      item.blocks.forEach((block, index) => visit([block], index === pictureIndex ? SLOT_WIDTH.card : slot));
    }
  }
}

/** Each image with the width it is displayed at in the email. */
export function imageSlots(issue: Issue, catalog: readonly CatalogSection[]): Map<Image, number> {
  const slots = new Map<Image, number>();
  const fromInlines = (inlines: readonly Inline[], slot: number) => {
    for (const inline of inlines) {
      if (inline.type === 'image') slots.set(inline.image, slot);
      else if ('children' in inline) fromInlines(inline.children, slot);
    }
  };
  visitBlocks(issue, { block: (block, slot) => block.type === 'image' && slots.set(block.image, slot), inlines: fromInlines }, catalog);
  for (const image of issue.images) if (!slots.has(image)) slots.set(image, SLOT_WIDTH.full);
  return slots;
}

/**
 * Maps each character of a text node's value to its offset in the source, through
 * backslash escapes, line indentation and blockquote markers. Undefined when the
 * value cannot be aligned (an entity such as `&amp;`): such text is reported, not fixed.
 */
export function alignText(source: string, node: TextNode): number[] | undefined {
  const map: number[] = [];
  let j = node.offset;
  for (let i = 0; i < node.value.length; i++) {
    const wanted = node.value[i];
    while (j < source.length && source[j] !== wanted) {
      const skip = source[j];
      if (skip !== '\\' && skip !== ' ' && skip !== '\t' && skip !== '>') return undefined;
      j++;
    }
    if (j >= source.length) return undefined;
    map.push(j++);
  }
  return map;
}
