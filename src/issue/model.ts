import type { CatalogSection } from '../template/model.js';
import type { Slot } from '../template/layout.js';
import type { Position } from '../text/positions.js';
import type { FrontMatter } from './front-matter-schema.js';
import type { FrontMatterEntry } from './front-matter.js';

export type { FrontMatter, FrontMatterEntry, Position };

export type Status = FrontMatter['status'];

export type Inline =
  | { type: 'text'; value: string; position: Position; offset: number }
  | { type: 'strong' | 'emphasis'; children: Inline[]; position: Position }
  | { type: 'link'; href: string; children: Inline[]; position: Position }
  | { type: 'break'; position: Position }
  | { type: 'code'; value: string; position: Position }
  | { type: 'html'; value: string; position: Position }
  | { type: 'image'; image: Image };

/** `![alt](src "credit")`, optionally wrapped in a link. */
export interface Image {
  src: string;
  alt: string;
  credit: string | undefined;
  href: string | undefined;
  position: Position;
  /** Where the email shows it, which decides its display width (template/layout.ts). */
  slot: Slot;
}

/** A link destination written in the issue: a link in the text, a button, or a linked picture. */
export interface Link {
  href: string;
  /** The words that carry it (a linked picture's alt text). */
  text: string;
  position: Position;
  kind: 'text' | 'button' | 'image';
}

export interface ListItem {
  children: Inline[];
  position: Position;
}

export type Block =
  | { type: 'paragraph'; children: Inline[]; position: Position }
  | { type: 'list'; ordered: boolean; start: number; items: ListItem[]; position: Position }
  | { type: 'image'; image: Image; position: Position }
  | { type: 'button'; label: string; labelOffset: number; href: string; position: Position }
  | { type: 'quote'; children: Block[]; position: Position }
  | { type: 'code'; value: string; position: Position }
  | { type: 'html'; value: string; position: Position };

/** A `###` heading and what follows it up to the next heading. */
export interface Item {
  title: Inline[];
  titleText: string;
  depth: number;
  position: Position;
  /** A card's picture, shown beside its text: the item's first image. */
  picture: Extract<Block, { type: 'image' }> | undefined;
  blocks: Block[];
}

/** A `##` heading, matched against the template's section catalog. */
export interface Section {
  title: string;
  /** The `{#id}` suffix, when the author wrote one. */
  explicitId: string | undefined;
  /** The catalog entry this section resolved to, if any. */
  entry: CatalogSection | undefined;
  depth: number;
  position: Position;
  /** For a `figure` section: its first paragraph, the figure itself. */
  figure: { value: string; position: Position } | undefined;
  blocks: Block[];
  items: Item[];
}

/** Every heading of the body as written, for the rules on heading levels. */
export interface Heading {
  depth: number;
  /** Underlined with `===` or `---` rather than opened with `#`. */
  setext: boolean;
  position: Position;
  /** Offset of the `#` marks (atx) or of the title's first character (setext). */
  offset: number;
  /** The title's text, for a setext heading's fix. */
  text: string;
  /** Offsets of the whole heading, underline included. */
  end: number;
}

/** Markdown the parser reads but the newsletter has no place for: reported, never silently dropped. */
export interface Dropped {
  kind: 'heading-in-quote' | 'block-in-list' | 'thematic-break' | 'unused-definition' | 'link-in-figure' | 'link-title';
  position: Position;
  /** What the message quotes: a link's title. */
  title?: string;
}

/** A stretch of issue.md that is not prose: code (blocks and inline) or HTML (comments included). */
export interface Verbatim {
  kind: 'code' | 'html';
  start: number;
  end: number;
}


export interface Issue {
  /** The path as the user should see it (relative to the working directory). */
  file: string;
  /** Absolute path of issue.md. */
  path: string;
  /** Absolute path of the issue's folder. */
  folder: string;
  /** The text, line endings normalised to `\n`. */
  source: string;
  /** The raw front matter as parsed, before validation; empty when it could not be read. */
  data: Record<string, unknown>;
  /** Where each top-level front-matter key sits in the file. */
  keys: FrontMatterEntry[];
  /** The validated front matter, or undefined when it has errors. */
  frontMatter: FrontMatter | undefined;
  /** Where the Markdown body starts; undefined when the header never closes and swallows it. */
  body: { offset: number; line: number } | undefined;
  intro: Block[];
  sections: Section[];
  images: Image[];
  links: Link[];
  headings: Heading[];
  dropped: Dropped[];
  verbatim: Verbatim[];
}
