import { dirname, resolve } from 'node:path';
import type { Diagnostic } from '../diagnostics.js';
import type { CatalogSection } from '../template/model.js';
import { validateFrontMatter } from './front-matter-schema.js';
import { splitFrontMatter } from './front-matter.js';
import { MAX_QUOTE_DEPTH, NestingError, parseBody, type Body } from './markdown.js';
import type { Issue } from './model.js';

export interface ParseResult {
  issue: Issue;
  /** Problems that stop the file being read as an issue (rule `parse`). */
  diagnostics: Diagnostic[];
}

/** Parses issue.md's text into the issue model. Never throws on content. */
export function parseIssue(source: string, path: string, file: string, catalog: readonly CatalogSection[]): ParseResult {
  const split = splitFrontMatter(source, file);
  let body: Body;
  try {
    body = parseBody(source.slice(split.bodyOffset), split.bodyLine, split.bodyOffset, catalog);
  } catch (error) {
    if (!(error instanceof NestingError)) throw error;
    body = { intro: [], sections: [], images: [], links: [] };
    split.diagnostics.push({
      file, ...error.position, severity: 'error', rule: 'parse',
      message: {
        fr: `Citations imbriquées sur plus de ${MAX_QUOTE_DEPTH} niveaux (« > > > … ») : une lettre n'en a pas besoin, retirez les « > » en trop.`,
        en: `Quotes nested more than ${MAX_QUOTE_DEPTH} levels deep ("> > > …"): a newsletter needs none of this, remove the extra ">".`,
      },
    });
  }
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
