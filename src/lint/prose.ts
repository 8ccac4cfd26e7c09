import type { Issue, Position } from '../issue/model.js';

/** A text node of the issue's prose with its offset in issue.md (code is not prose). */
export interface TextNode {
  value: string;
  offset: number;
  position: Position;
}

/**
 * The issue's Markdown body with its verbatim stretches blanked out (same length, newlines
 * kept): HTML always — so that a `<!-- pvd-disable… -->` directive is never read as content —
 * and code unless `keepCode` (the mailing tool would evaluate a merge tag in code too).
 * For the rules that read the text itself, with exact offsets.
 */
export function proseOfBody(issue: Issue, { keepCode = false } = {}): { text: string; start: number } {
  const start = issue.body?.offset ?? issue.source.length;
  let text = issue.source.slice(start);
  for (const range of issue.verbatim) {
    if (range.kind === 'code' && keepCode) continue;
    const from = range.start - start;
    const to = range.end - start;
    text = text.slice(0, from) + blank(text.slice(from, to)) + text.slice(to);
  }
  return { text, start };
}

function blank(text: string): string {
  return text.replace(/[^\n]/g, ' ');
}

/**
 * Maps each character of a text node's value to its offset in the source, through
 * backslash escapes, line indentation and blockquote markers. Undefined when the
 * value cannot be aligned (an entity such as `&amp;`): such text is reported, not fixed.
 */
export function alignText(source: string, node: TextNode): number[] | undefined {
  const map: number[] = [];
  let j = node.offset;
  for (let i = 0; i < node.value.length; i++) {
    const wanted = node.value[i];
    while (j < source.length && source[j] !== wanted) {
      const skip = source[j];
      if (skip !== '\\' && skip !== ' ' && skip !== '\t' && skip !== '>') return undefined;
      j++;
    }
    if (j >= source.length) return undefined;
    map.push(j++);
  }
  return map;
}

/** Whether an offset falls in code or HTML, where whitespace and marks are not prose. */
export function inVerbatim(issue: Issue, offset: number): boolean {
  return issue.verbatim.some((range) => offset >= range.start && offset < range.end);
}
