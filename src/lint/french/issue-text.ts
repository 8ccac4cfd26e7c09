import type { Issue } from '../../issue/model.js';
import { maskNonProse } from '../../text/french/words.js';
import { LineIndex } from '../../text/positions.js';
import { proseOfBody } from '../prose.js';

/** The issue's send date (YYYY-MM-DD), the reference for every date it writes; undefined when the header lacks it. */
export function sendDate(issue: Issue): string | undefined {
  const date = issue.frontMatter?.date ?? issue.data.date;
  return typeof date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : undefined;
}

export interface BodyProse {
  text: string;
  at(offset: number): { line: number; column: number };
}

const bodies = new WeakMap<Issue, BodyProse>();

/** The body as rules read it for dates: comments, code, addresses and merge tags blanked, offsets kept; one per issue. */
export function bodyProse(issue: Issue): BodyProse {
  let prose = bodies.get(issue);
  if (!prose) {
    const body = proseOfBody(issue);
    const lines = new LineIndex(issue.source);
    bodies.set(issue, (prose = { text: maskNonProse(body.text), at: (offset) => lines.positionAt(body.start + offset) }));
  }
  return prose;
}
