import type { Block, Inline, Issue } from '../issue/model.js';
import type { TextNode } from './prose.js';
import type { Visitors } from './rule.js';

type Dispatch = { [K in keyof Visitors]-?: (...args: Parameters<NonNullable<Visitors[K]>>) => void };

/** One dispatcher for many rules' visitors: each node is visited once for all of them. */
function dispatcher(all: readonly Visitors[]): Dispatch {
  const dispatch = {} as Record<string, (...args: unknown[]) => void>;
  for (const name of ['issue', 'section', 'item', 'block', 'inline', 'text', 'image', 'link', 'heading', 'issue:exit'] as const) {
    const handlers = all.map((visitors) => visitors[name] as ((...args: unknown[]) => void) | undefined).filter((handler) => handler !== undefined);
    dispatch[name] = (...args) => {
      for (const handler of handlers) handler(...args);
    };
  }
  return dispatch as unknown as Dispatch;
}

/** Walks the issue in document order: intro, then each section with its blocks and items. */
export function traverse(issue: Issue, all: readonly Visitors[]): void {
  const visit = dispatcher(all);
  const inlines = (nodes: readonly Inline[]) => {
    for (const inline of nodes) {
      visit.inline(inline);
      if (inline.type === 'text') visit.text(inline satisfies TextNode);
      else if ('children' in inline) inlines(inline.children);
    }
  };
  const blocks = (nodes: readonly Block[]) => {
    for (const block of nodes) {
      visit.block(block);
      if (block.type === 'paragraph') inlines(block.children);
      else if (block.type === 'list') for (const item of block.items) inlines(item.children);
      else if (block.type === 'quote') blocks(block.children);
      // A button is a paragraph made of `[label](href)`: its label is prose.
      else if (block.type === 'button') visit.text({ value: block.label, offset: block.labelOffset, position: { line: block.position.line, column: block.position.column + 1 } });
    }
  };
  visit.issue(issue);
  blocks(issue.intro);
  for (const section of issue.sections) {
    visit.section(section);
    blocks(section.blocks);
    for (const item of section.items) {
      visit.item(item, section);
      inlines(item.title);
      if (item.picture) blocks([item.picture]);
      blocks(item.blocks);
    }
  }
  for (const heading of issue.headings) visit.heading(heading);
  for (const image of issue.images) visit.image(image);
  for (const link of issue.links) visit.link(link);
  visit['issue:exit'](issue);
}
