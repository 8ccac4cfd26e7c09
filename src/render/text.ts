import Handlebars from 'handlebars';
import wrapAnsi from 'wrap-ansi';
import type { Block, Section } from '../issue/model.js';
import type { RenderContext } from './context.js';
import { inlinesToText, linkToText } from './inline.js';
import { frenchTypography } from './typography.js';

export const TEXT_WIDTH = 72;

/** The plaintext part: every word, headings underlined, links as `label (url)`, 72 columns. */
export function renderText(context: RenderContext, layoutSource: string): string {
  const { frontMatter, template, mergeTags } = context;
  const config = template.config;
  const layout = Handlebars.create().compile(layoutSource, { noEscape: true, strict: false });
  const text = layout({
    name: config.name,
    number: frontMatter.number,
    dateLabel: context.dateLabel,
    mergeTags,
    intro: context.issue.intro.flatMap((block) => blockText(block, context)),
    sections: context.issue.sections.filter((section) => section.id !== undefined).map((section) => sectionText(section, context)),
    footer: {
      organisation: config.organisation,
      contactEmail: config.contactEmail,
      masthead: config.masthead.map(({ role, name }) => ({ role: frenchTypography(role), name })),
      credits: frontMatter.credits.join(', '),
      subscribeUrl: config.urls.subscribe,
      legalNotice: frenchTypography(config.legalNotice),
      address: config.address,
      privacyEmail: config.privacyEmail,
      year: context.year,
    },
  });
  return wrapText(text.replace(/\n{3,}/g, '\n\n').trim()) + '\n';
}

function sectionText(section: Section, context: RenderContext): { heading: string; blocks: string[] } {
  const entry = context.template.config.sections.find((candidate) => candidate.id === section.id)!;
  const blocks: string[] = [];
  if (section.figure) blocks.push(frenchTypography(section.figure.value));
  blocks.push(...section.blocks.flatMap((block) => blockText(block, context)));
  for (const item of section.items) {
    blocks.push(underline(inlinesToText(item.title, context.inline), '-'));
    blocks.push(...item.blocks.flatMap((block) => blockText(block, context)));
  }
  return { heading: underline(frenchTypography(entry.title), '='), blocks };
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
      if (credit) lines.push(frenchTypography(credit.startsWith('©') ? credit : `© ${credit}`));
      return [lines.join('\n')];
    }
    case 'button':
      return [`→ ${linkToText(frenchTypography(block.label), block.href, options)}`];
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

function wrapLine(line: string, width: number, continuation = ''): string {
  if ([...line].length <= width) return line;
  const protectedLine = line.replace(MERGE_TAG_IN_TEXT, (tag) => tag.replaceAll(' ', KEEP_TOGETHER));
  const wrapped = wrapAnsi(protectedLine, width - continuation.length, { hard: false, trim: true, wordWrap: true });
  const [first = '', ...rest] = wrapped.split('\n');
  // The first line may use the full width; the rest hang under the list marker.
  return [first, ...rest.map((part) => continuation + part)].join('\n').replaceAll(KEEP_TOGETHER, ' ');
}
