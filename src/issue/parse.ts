import { dirname, resolve } from 'node:path';
import type { Diagnostic } from '../diagnostics.js';
import type { CatalogSection } from '../template/model.js';
import { validateFrontMatter } from './front-matter-schema.js';
import { splitFrontMatter } from './front-matter.js';
import { parseBody } from './markdown.js';
import type { Issue } from './model.js';

export interface ParseResult {
  issue: Issue;
  /** Problems that stop the file being read as an issue (rule `parse`). */
  diagnostics: Diagnostic[];
}

/** Parses issue.md's text into the issue model. Never throws on content. */
export function parseIssue(source: string, path: string, file: string, catalog: readonly CatalogSection[]): ParseResult {
  const split = splitFrontMatter(source, file);
  const body = parseBody(source.slice(split.bodyOffset), split.bodyLine, split.bodyOffset, catalog);
  const issue: Issue = {
    file,
    path: resolve(path),
    folder: dirname(resolve(path)),
    source,
    data: split.data,
    keys: split.keys,
    frontMatter: split.diagnostics.length === 0 ? validateFrontMatter(split.data, split.keys, file).value : undefined,
    bodyLine: split.bodyLine,
    ...body,
  };
  return { issue, diagnostics: split.diagnostics };
}
