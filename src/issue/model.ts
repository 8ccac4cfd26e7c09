import type { Position } from '../diagnostics.js';

export type { Position };

export type Status = 'draft' | 'ready';

/** The validated front matter of an issue. */
export interface FrontMatter {
  number: number;
  date: string; // YYYY-MM-DD
  subject: string;
  preheader: string;
  status: Status;
  credits: string[];
}

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
}

export interface Link {
  href: string;
  text: string;
  position: Position;
  isButton: boolean;
}

export interface ListItem {
  children: Inline[];
  position: Position;
}

export type Block =
  | { type: 'paragraph'; children: Inline[]; position: Position }
  | { type: 'list'; ordered: boolean; start: number; items: ListItem[]; position: Position }
  | { type: 'image'; image: Image; position: Position }
  | { type: 'button'; label: string; href: string; position: Position }
  | { type: 'quote'; children: Block[]; position: Position }
  | { type: 'code'; value: string; position: Position }
  | { type: 'html'; value: string; position: Position };

/** A `###` heading and what follows it up to the next heading. */
export interface Item {
  title: Inline[];
  titleText: string;
  depth: number;
  position: Position;
  blocks: Block[];
}

/** A `##` heading, matched against the template's section catalog. */
export interface Section {
  title: string;
  /** The `{#id}` suffix, when the author wrote one. */
  explicitId: string | undefined;
  /** The catalog id this section resolved to, if any. */
  id: string | undefined;
  depth: number;
  position: Position;
  /** For a `figure` section: its first paragraph, the figure itself. */
  figure: { value: string; position: Position } | undefined;
  blocks: Block[];
  items: Item[];
}

export interface FrontMatterEntry {
  key: string;
  position: Position;
  valuePosition: Position;
}

export interface Issue {
  /** The path as the user should see it (relative to the working directory). */
  file: string;
  /** Absolute path of issue.md. */
  path: string;
  /** Absolute path of the issue's folder. */
  folder: string;
  source: string;
  /** The raw front matter as parsed, before validation; empty when it could not be read. */
  data: Record<string, unknown>;
  /** Where each top-level front-matter key sits in the file. */
  keys: FrontMatterEntry[];
  /** The validated front matter, or undefined when it has errors. */
  frontMatter: FrontMatter | undefined;
  /** First line of the Markdown body (1-based). */
  bodyLine: number;
  intro: Block[];
  sections: Section[];
  images: Image[];
  links: Link[];
}
