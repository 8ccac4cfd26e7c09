import type Handlebars from 'handlebars';
import type { Block, Section } from '../issue/model.js';
import type { RenderContext } from './context.js';
import { inlinesToText, linkToText } from './inline.js';
import { frenchTypography } from './typography.js';

export const TEXT_WIDTH = 72;

/** The plaintext part: every word, headings underlined, links as `label (url)`, 72 columns. */
export function renderText(context: RenderContext, layout: Handlebars.TemplateDelegate): string {
  const { frontMatter, template, mergeTags } = context;
  const config = template.config;
  const text = layout({
    name: config.name,
    number: frontMatter.number,
    dateLabel: context.dateLabel,
    mergeTags,
    intro: context.issue.intro.flatMap((block) => blockText(block, context)),
    sections: context.issue.sections.filter((section) => section.id !== undefined).map((section) => sectionText(section, context)),
    footer: context.footer,
  });
  return wrapText(text.replace(/\n{3,}/g, '\n\n').trim()) + '\n';
}

function sectionText(section: Section, context: RenderContext): { heading: string; blocks: string[] } {
  const entry = context.template.config.sections.find((candidate) => candidate.id === section.id)!;
  const blocks: string[] = [];
  if (section.figure) blocks.push(frenchTypography(section.figure.value, context.typography));
  blocks.push(...section.blocks.flatMap((block) => blockText(block, context)));
  for (const item of section.items) {
    blocks.push(underline(inlinesToText(item.title, context.inline), '-'));
    blocks.push(...item.blocks.flatMap((block) => blockText(block, context)));
  }
  return { heading: underline(frenchTypography(entry.title, context.typography), '='), blocks };
}

function blockText(block: Block, context: RenderContext): string[] {
  const options = context.inline;
  switch (block.type) {
    case 'paragraph':
      return [inlinesToText(block.children, options)];
    case 'code':
      return [block.value];
    case 'list':
      return [block.items.map((item, index) => `${block.ordered ? `${block.start + index}.` : '-'} ${inlinesToText(item.children, options)}`).join('\n')];
    case 'image': {
      const { image } = block;
      const credit = image.credit?.trim();
      const lines = [`[Image : ${image.alt}]${image.href ? ` (${linkToText('', image.href, options)})` : ''}`];
      if (credit) lines.push(frenchTypography(credit.startsWith('©') ? credit : `© ${credit}`, context.typography));
      return [lines.join('\n')];
    }
    case 'button':
      return [`→ ${linkToText(frenchTypography(block.label, context.typography), block.href, options)}`];
    case 'quote':
      return [block.children.flatMap((child) => blockText(child, context)).join('\n\n').split('\n').map((line) => `> ${line}`).join('\n')];
    case 'html':
      return context.template.config.allowRawHtml ? [block.value] : [];
  }
}

/** A heading, wrapped if long and underlined to its longest line. */
function underline(title: string, character: '=' | '-'): string {
  const wrapped = wrapLine(title.replace(/\n/g, ' '), TEXT_WIDTH);
  const width = Math.max(...wrapped.split('\n').map((line) => [...line].length));
  return `${wrapped}\n${character.repeat(Math.min(width, TEXT_WIDTH))}`;
}

// Merge tags such as `{{ unsubscribe }}` hold spaces that wrapping must not break at.
const MERGE_TAG_IN_TEXT = /\{\{[^{}\n]*\}\}/g;
const KEEP_TOGETHER = '\u0001';

/** Wraps each line at 72 columns without breaking words, URLs or merge tags. */
export function wrapText(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      const marker = /^(- |\d+\. |> )/.exec(line)?.[1] ?? '';
      return wrapLine(line, TEXT_WIDTH, marker.startsWith('>') ? marker : ' '.repeat(marker.length));
    })
    .join('\n');
}

/**
 * Greedy wrapping at plain spaces only: a no-break space (U+00A0) holds `84 %` together,
 * and a word longer than the line (a URL) stands alone on its line, never cut. Widths are
 * counted in code points — what a plaintext mail client shows — which spares the cost of
 * a full Unicode width library on every build.
 */
function wrapLine(line: string, width: number, continuation = ''): string {
  if ([...line].length <= width) return line;
  const words = line.replace(MERGE_TAG_IN_TEXT, (tag) => tag.replaceAll(' ', KEEP_TOGETHER)).split(' ').filter((word) => word !== '');
  const lines: string[] = [];
  let current = '';
  let currentLength = 0;
  for (const word of words) {
    const length = [...word].length;
    const limit = lines.length === 0 ? width : width - continuation.length;
    if (current !== '' && currentLength + 1 + length > limit) {
      lines.push(current);
      current = word;
      currentLength = length;
    } else {
      current = current === '' ? word : `${current} ${word}`;
      currentLength += (currentLength === 0 ? 0 : 1) + length;
    }
  }
  if (current !== '') lines.push(current);
  // The first line may use the full width; the rest hang under the list marker.
  return lines.map((part, index) => (index === 0 ? part : continuation + part)).join('\n').replaceAll(KEEP_TOGETHER, ' ');
}
