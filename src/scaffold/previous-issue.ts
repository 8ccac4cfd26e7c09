import { loadIssue } from '../issue/load.js';
import type { Image, Issue } from '../issue/model.js';
import type { IssueRef } from '../project.js';
import type { Template } from '../template/model.js';
import { isRealDate } from '../text/dates.js';
import type { IsoDate } from './dates.js';

/** One section of the previous issue, as its author wrote it. */
export interface WrittenSection {
  id: string;
  /** Its Markdown, from the `##` line to the line before the next `##`, verbatim. */
  markdown: string;
  images: Image[];
}

/** What `pvd new` takes from the issue before the one it makes. */
export interface PreviousIssue {
  number: number;
  folder: string;
  /** Undefined when the front matter has no readable date. */
  date: IsoDate | undefined;
  credits: string[];
  sections: Map<string, WrittenSection>;
}

/** The issue with the highest number below `number`, if any. */
export function findPreviousRef(issues: readonly IssueRef[], number: number): IssueRef | undefined {
  return issues.filter((ref) => ref.number < number).at(-1);
}

/** Reads the previous issue leniently: a half-broken issue still lends its date and sections. */
export function readPreviousIssue(ref: IssueRef, template: Template): PreviousIssue {
  let issue: Issue | undefined;
  try {
    issue = loadIssue(ref, template).issue;
  } catch {
    issue = undefined; // an unreadable folder (no issue.md) lends nothing
  }
  const date = issue?.data.date;
  const credits = issue?.data.credits;
  return {
    number: ref.number,
    folder: ref.folder,
    date: typeof date === 'string' && isRealDate(date) ? date : undefined,
    credits: Array.isArray(credits) ? credits.filter((credit): credit is string => typeof credit === 'string') : [],
    sections: issue ? writtenSections(issue) : new Map(),
  };
}

function writtenSections(issue: Issue): Map<string, WrittenSection> {
  const lines = issue.source.split('\n');
  const sections = new Map<string, WrittenSection>();
  issue.sections.forEach((section, index) => {
    const id = section.entry?.id;
    if (!id || sections.has(id)) return;
    const first = section.position.line;
    const next = issue.sections[index + 1]?.position.line ?? lines.length + 1;
    const markdown = lines.slice(first - 1, next - 1).join('\n').replace(/\s+$/, '');
    const images = issue.images.filter((image) => image.position.line >= first && image.position.line < next);
    sections.set(id, { id, markdown, images });
  });
  return sections;
}
