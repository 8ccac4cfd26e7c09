import Handlebars from 'handlebars';
import type { Block, Image, Inline, Item, Section } from '../issue/model.js';
import type { CatalogSection } from '../template/model.js';
import { escapeHtml } from './escape.js';
import { displaySize } from './images.js';
import { inlinesToHtml } from './inline.js';
import { outgoingHref } from './links.js';
import type { RenderContext } from './context.js';
import { SLOT_WIDTH } from '../template/layout.js';
import { creditLine } from '../text/credits.js';
import { frenchTypography } from './typography.js';

type SafeHtml = Handlebars.SafeString;
const safe = (html: string): SafeHtml => new Handlebars.SafeString(html);
/** An address for an attribute: escaped, but its `=` left as is (Handlebars would write `&#x3D;` in every query string). */
const attribute = (url: string): SafeHtml => safe(escapeHtml(url));

/** The partials pvd asks for by name for the blocks of an issue (sections use their kind's). */
export const BLOCK_PARTIALS = ['block-paragraph', 'block-list', 'block-image', 'block-button', 'block-quote'] as const;

export type BlockView =
  | { partial: 'block-paragraph'; html: SafeHtml }
  | { partial: 'block-list'; ordered: boolean; start: number; items: SafeHtml[] }
  | { partial: 'block-image'; src: string; alt: string; width: number; height: number | undefined; credit: string | undefined; href: SafeHtml | undefined; hrefRepeated?: boolean }
  | { partial: 'block-button'; label: string; href: SafeHtml }
  | { partial: 'block-quote'; blocks: BlockView[] };

type ImageView = Extract<BlockView, { partial: 'block-image' }>;

export interface ItemView {
  titleHtml: SafeHtml;
  /** A card's title links where its picture does: a link a screen reader names by its text. */
  titleHref: SafeHtml | undefined;
  image: ImageView | undefined;
  blocks: BlockView[];
}

export interface SectionView {
  id: string;
  title: string;
  kind: string;
  partial: string;
  figure: string | undefined;
  blocks: BlockView[];
  items: ItemView[];
}

/** The data layout.hbs is rendered with. Strings are escaped by Handlebars; SafeHtml was escaped here. */
export function buildHtmlView(context: RenderContext, css: string) {
  const { frontMatter, template, images, mergeTags } = context;
  const config = template.config;
  const logo = displaySize(images.logo, config.logo.width);
  return {
    lang: 'fr',
    subject: frontMatter.subject,
    preheader: frenchTypography(frontMatter.preheader, context.typography),
    // Invisible characters after the preheader keep the inbox from showing the body's first words.
    preheaderPadding: safe('&#847;&zwnj;&nbsp;'.repeat(90)),
    css: safe(css),
    colors: config.colors,
    name: config.name,
    number: frontMatter.number,
    dateLabel: context.dateLabel,
    mergeTags,
    logo: { src: images.logo.url, alt: config.logo.alt, width: logo.width, height: logo.height },
    intro: context.issue.intro.map((block) => blockView(block, context)).filter(isPresent),
    sections: context.issue.sections.flatMap((section) => (section.entry ? [sectionView(section, section.entry, context)] : [])),
    footer: { ...context.footer, share: attribute(config.urls.share) },
  };
}

function sectionView(section: Section, entry: CatalogSection, context: RenderContext): SectionView {
  return {
    id: entry.id,
    title: frenchTypography(entry.title, context.typography),
    kind: entry.kind,
    partial: entry.kind,
    figure: section.figure && frenchTypography(section.figure.value, context.typography),
    blocks: section.blocks.map((block) => blockView(block, context)).filter(isPresent),
    items: section.items.map((item) => itemView(item, context)),
  };
}

function itemView(item: Item, context: RenderContext): ItemView {
  const href = item.picture?.image.href;
  // A title that holds a link of its own keeps it: links cannot nest.
  const titleHref = href === undefined || item.title.some(holdsLink) ? undefined : attribute(outgoingHref(href, context.inline));
  return {
    titleHtml: safe(inlinesToHtml(item.title, context.inline)),
    titleHref,
    // A card's picture, beside its text (the parser set it apart). When its title carries the same link,
    // the picture's is left out of the keyboard's path and of what a screen reader reads: one stop per card.
    image: item.picture ? { ...imageView(item.picture.image, context), hrefRepeated: titleHref !== undefined } : undefined,
    blocks: item.blocks.map((block) => blockView(block, context)).filter(isPresent),
  };
}

function blockView(block: Block, context: RenderContext): BlockView | undefined {
  switch (block.type) {
    case 'paragraph':
      return { partial: 'block-paragraph', html: safe(inlinesToHtml(block.children, context.inline)) };
    case 'code':
      return { partial: 'block-paragraph', html: safe(`<code>${Handlebars.escapeExpression(block.value)}</code>`) };
    case 'list':
      return { partial: 'block-list', ordered: block.ordered, start: block.start, items: block.items.map((item) => safe(inlinesToHtml(item.children, context.inline))) };
    case 'image':
      return imageView(block.image, context);
    case 'button':
      return { partial: 'block-button', label: frenchTypography(block.label, context.typography), href: attribute(outgoingHref(block.href, context.inline)) };
    case 'quote':
      return { partial: 'block-quote', blocks: block.children.map((child) => blockView(child, context)).filter(isPresent) };
    case 'html':
      return context.template.config.allowRawHtml ? { partial: 'block-paragraph', html: safe(block.value) } : undefined;
  }
}

function imageView(image: Image, context: RenderContext): ImageView {
  const asset = context.images.bySource.get(image.src);
  const size = displaySize(asset ?? { width: 0, height: 0 }, SLOT_WIDTH[image.slot]);
  const credit = creditLine(image.credit);
  return {
    partial: 'block-image',
    src: context.inline.imageUrl(image.src),
    alt: image.alt,
    width: size.width,
    height: size.height,
    credit: credit && frenchTypography(credit, context.typography),
    href: image.href === undefined ? undefined : attribute(outgoingHref(image.href, context.inline)),
  };
}

function holdsLink(inline: Inline): boolean {
  return inline.type === 'link' || ('children' in inline && inline.children.some(holdsLink));
}

function isPresent<T>(value: T | undefined): value is T {
  return value !== undefined;
}
