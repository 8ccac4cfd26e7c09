import { dirname, resolve } from 'node:path';
import type { Diagnostic } from '../diagnostics/index.js';
import type { CatalogSection } from '../template/model.js';
import { validateFrontMatter } from './front-matter-schema.js';
import { splitFrontMatter } from './front-matter.js';
import { exceedsLimits } from './limits.js';
import { parseBody, type Body, type MarkdownParser } from './markdown.js';
import type { Issue } from './model.js';

export interface LoadedIssue {
  /** Undefined when the bytes could not even be read as text. */
  issue: Issue | undefined;
  /**
   * What stops the file being read as an issue: rule `parse` (bytes, limits, YAML) and
   * `front-matter` (the header's keys and values). Lint reports them first; build refuses.
   */
  problems: Diagnostic[];
}

const EMPTY_BODY: Body = { intro: [], sections: [], images: [], links: [], headings: [], dropped: [], verbatim: [] };

/** Parses issue.md's text into the issue model, with every problem located. Never throws on content. */
export function parseIssue(source: string, path: string, file: string, catalog: readonly CatalogSection[], parseTree?: MarkdownParser): LoadedIssue {
  const split = splitFrontMatter(source, file);
  const problems = [...split.diagnostics];
  const tooComplex = exceedsLimits(source, file);
  let body = EMPTY_BODY;
  if (tooComplex) problems.push(tooComplex);
  else if (split.body) body = parseMarkdown(source, split.body, catalog, file, problems, parseTree);
  // A header that could not be read as YAML is said once, not as six missing keys.
  const checked = split.diagnostics.length === 0 ? validateFrontMatter(split.data, split.keys, file, split.hint) : undefined;
  if (checked) problems.push(...checked.problems);
  const issue: Issue = {
    file,
    path: resolve(path),
    folder: dirname(resolve(path)),
    source,
    data: split.data,
    keys: split.keys,
    frontMatter: checked?.value,
    body: tooComplex ? undefined : split.body,
    ...body,
  };
  return { issue, problems };
}

function parseMarkdown(source: string, origin: { offset: number; line: number }, catalog: readonly CatalogSection[], file: string, problems: Diagnostic[], parseTree?: MarkdownParser): Body {
  try {
    return parseBody(source.slice(origin.offset), origin, catalog, parseTree);
  } catch (error) {
    // The limits keep every known construct within the stack; this is the last line of defence.
    if (!(error instanceof RangeError)) throw error;
    problems.push({
      file, line: origin.line, column: 1, severity: 'error', rule: 'parse', messageId: 'tooComplex',
      message: {
        fr: "Le contenu est trop imbriqué pour être lu (listes ou citations les unes dans les autres) : simplifiez-le.",
        en: 'The content is nested too deeply to be read (lists or quotes inside one another): simplify it.',
      },
    });
    return EMPTY_BODY;
  }
}
