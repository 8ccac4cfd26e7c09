import type { Issue } from '../../issue/model.js';
import { maskNonProse } from '../../text/french/words.js';
import { proseOfBody, sourceIndex } from '../source.js';

/** The issue's send date (YYYY-MM-DD), the reference for every date it writes; undefined when the header lacks it. */
export function sendDate(issue: Issue): string | undefined {
  const date = issue.frontMatter?.date ?? issue.data.date;
  return typeof date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : undefined;
}

/** The body as rules read it for dates: comments, code, addresses and merge tags blanked, offsets kept. */
export function bodyProse(issue: Issue): { text: string; at(offset: number): { line: number; column: number } } {
  const body = proseOfBody(issue);
  const index = sourceIndex(issue);
  return { text: maskNonProse(body.text), at: (offset) => index.positionAt(body.start + offset) };
}
