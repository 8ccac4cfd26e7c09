import { stringify } from 'yaml';
import type { CatalogSection } from '../template/model.js';

/** The marker lint looks for: a draft may hold it, a ready issue may not. */
export const PLACEHOLDER = 'À compléter';

export interface ScaffoldContent {
  number: number;
  date: string;
  subject: string;
  preheader: string;
  credits: string[];
  /** The catalog's sections to write, in catalog order. */
  sections: readonly CatalogSection[];
  /** Section id → Markdown carried over verbatim from the previous issue. */
  carried: ReadonlyMap<string, string>;
}

/** A subject or preheader is one line in every inbox: newlines and runs of spaces become one space. */
export function singleLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** issue.md of a new draft: front matter, intro, then each section carried over or to write. */
export function scaffoldText(content: ScaffoldContent): string {
  // yaml's stringify quotes whatever needs it (« : », « # », quotes, {{ … }}), unlike concatenation.
  const frontMatter = stringify(
    {
      number: content.number,
      date: content.date,
      subject: singleLine(content.subject) || PLACEHOLDER,
      preheader: singleLine(content.preheader) || PLACEHOLDER,
      status: 'draft',
      credits: content.credits,
    },
    { lineWidth: 0 },
  );
  const blocks = [`---\n${frontMatter}---`, `${PLACEHOLDER} — le chapô : deux ou trois phrases qui présentent ce numéro.`];
  for (const section of content.sections) blocks.push(content.carried.get(section.id) ?? sectionPlaceholder(section));
  return `${blocks.join('\n\n')}\n`;
}

function sectionPlaceholder(section: CatalogSection): string {
  const hint = section.hint.trim() ? `${PLACEHOLDER} — ${section.hint.trim()}` : `${PLACEHOLDER}.`;
  // A figure section opens with the figure itself; the others with an item to copy as needed.
  if (section.kind === 'figure') return `## ${section.title}\n\n${PLACEHOLDER}\n\n${hint}`;
  return `## ${section.title}\n\n### ${PLACEHOLDER}\n\n${hint}`;
}
