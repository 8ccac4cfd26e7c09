import { FIRST_YEAR, LAST_YEAR } from '../../issue/front-matter-schema.js';
import type { Issue } from '../../issue/model.js';
import { isRealDate } from '../../text/dates.js';
import { maskNonProse } from '../../text/french/words.js';
import { LineIndex } from '../../text/positions.js';
import { proseOfBody } from '../prose.js';
import { headerTexts, positionIn } from './prose.js';

/**
 * The issue's send date (YYYY-MM-DD), the reference for every date it writes. Read from the
 * header even when another key is wrong, so the dates are still checked; undefined when the
 * date itself is missing or refused (`0099-03-15` would make every weekday wrong).
 */
export function sendDate(issue: Issue): string | undefined {
  const date = issue.frontMatter?.date ?? issue.data.date;
  if (typeof date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(date) || !isRealDate(date)) return undefined;
  const year = Number(date.slice(0, 4));
  return year >= FIRST_YEAR && year <= LAST_YEAR ? date : undefined;
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

/** Where the rules on dates read: the body, then the subject and the preheader (« Webinaire du mardi 15 janvier »). */
export function datedTexts(issue: Issue): BodyProse[] {
  return [bodyProse(issue), ...headerTexts(issue).map((text) => ({ text: maskNonProse(text.value), at: (offset: number) => positionIn(issue, text, offset) }))];
}
