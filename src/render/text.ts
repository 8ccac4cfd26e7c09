import type Handlebars from 'handlebars';
import type { Block, Section } from '../issue/model.js';
import type { RenderContext } from './context.js';
import { createReferences, inlinesToText, linkToText, type References } from './inline.js';
import { frenchTypography, NBSP } from './typography.js';
import { creditLine } from '../text/credits.js';

export const TEXT_WIDTH = 72;

/**
 * The plaintext part: every word, headings underlined, 72 columns. Links read as
 * `label [n]`, and the addresses are listed as `[n] address` after the part of the message
 * that cites them (the intro, each section, the sharing box, the footer): a sentence is
 * never cut by a 100-character tracked address, and an address cited five times is given
 * once per part, under one number for the whole message. The web version and the
 * unsubscribe links keep the `Label : address` line mailing tools and readers look for.
 */
export function renderText(context: RenderContext, layout: Handlebars.TemplateDelegate): string {
  const { frontMatter, template, mergeTags } = context;
  const config = template.config;
  const references = createReferences();
  const intro = context.issue.intro.flatMap((block) => blockText(block, context, references));
  const introReferences = references.list();
  const sections = context.issue.sections.flatMap((section) => (section.entry ? [sectionText(section, section.entry.title, context, references)] : []));
  const share = { marker: `${NBSP}${references.cite(config.urls.share)}`, references: references.list() };
  const subscribe = { marker: `${NBSP}${references.cite(context.footer.subscribeUrl)}`, references: references.list() };
  const text = layout({
    name: config.name,
    number: frontMatter.number,
    dateLabel: context.dateLabel,
    mergeTags,
    intro,
    introReferences,
    sections,
    share,
    subscribe,
    footer: context.footer,
  });
  return wrapText(text.replace(/\n{3,}/g, '\n\n').trim()) + '\n';
}

function sectionText(section: Section, title: string, context: RenderContext, references: References): { heading: string; blocks: string[]; references: string[] } {
  const blocks: string[] = [];
  if (section.figure) blocks.push(frenchTypography(section.figure.value, context.typography));
  blocks.push(...section.blocks.flatMap((block) => blockText(block, context, references)));
  for (const item of section.items) {
    blocks.push(underline(inlinesToText(item.title, context.inline, references), '-'));
    if (item.picture) blocks.push(...blockText(item.picture, context, references));
    blocks.push(...item.blocks.flatMap((block) => blockText(block, context, references)));
  }
  return { heading: underline(frenchTypography(title, context.typography), '='), blocks, references: references.list() };
}

function blockText(block: Block, context: RenderContext, references: References): string[] {
  const options = context.inline;
  switch (block.type) {
    case 'paragraph':
      return [inlinesToText(block.children, options, references)];
    case 'code':
      return [block.value];
    case 'list':
      return [block.items.map((item, index) => `${block.ordered ? `${block.start + index}.` : '-'} ${inlinesToText(item.children, options, references)}`).join('\n')];
    case 'image': {
      const { image } = block;
      const credit = creditLine(image.credit);
      const picture = `[Image : ${image.alt}]`;
      const lines = [image.href === undefined ? picture : linkToText(picture, image.href, options, references)];
      if (credit) lines.push(frenchTypography(credit, context.typography));
      return [lines.join('\n')];
    }
    case 'button':
      return [`→ ${linkToText(frenchTypography(block.label, context.typography), block.href, options, references)}`];
    case 'quote':
      return [block.children.flatMap((child) => blockText(child, context, references)).join('\n\n').split('\n').map((line) => `> ${line}`).join('\n')];
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

/** A line of a reference list, `[n] address`: an address is never cut, nor parted from its number. */
const REFERENCE_LINE = /^\[\d+\] \S+$/;

/** Wraps each line at 72 columns without breaking words, URLs or merge tags. */
export function wrapText(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      if (REFERENCE_LINE.test(line)) return line;
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
