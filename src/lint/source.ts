import type { Position } from '../diagnostics.js';
import type { Issue } from '../issue/model.js';

/**
 * The letters of French text, for regular expressions. Spelt out rather than \p{L}:
 * Unicode property classes cost milliseconds to compile on every start.
 */
export const LETTER = 'A-Za-zÀ-ÖØ-öø-ÿŒœŸ';

/** Offsets ↔ 1-based line/column in an issue's source, for rules that read the text itself. */
export class SourceIndex {
  private readonly lineStarts: number[] = [0];

  constructor(readonly source: string) {
    for (let index = source.indexOf('\n'); index !== -1; index = source.indexOf('\n', index + 1)) this.lineStarts.push(index + 1);
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** Offset of the first character of a 1-based line. */
  lineStart(line: number): number {
    return this.lineStarts[line - 1] ?? this.source.length;
  }

  /** The text of a 1-based line, without its newline. */
  lineText(line: number): string {
    const start = this.lineStart(line);
    const next = this.lineStarts[line];
    return this.source.slice(start, next === undefined ? this.source.length : next - 1);
  }

  positionAt(offset: number): Position {
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.lineStarts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - this.lineStarts[low]! + 1 };
  }
}

/** One index per issue, shared by the rules that need it. */
const indexes = new WeakMap<Issue, SourceIndex>();
export function sourceIndex(issue: Issue): SourceIndex {
  let index = indexes.get(issue);
  if (!index) indexes.set(issue, (index = new SourceIndex(issue.source)));
  return index;
}

/**
 * The issue's Markdown body with HTML comments and fenced code blocks blanked out
 * (same length, newlines kept), so that raw-text rules keep exact offsets but never
 * read a `<!-- pvd-disable… -->` directive or an example in code as content.
 */
export function proseOfBody(issue: Issue, { keepCode = false } = {}): { text: string; start: number } {
  const index = sourceIndex(issue);
  const start = index.lineStart(issue.bodyLine);
  const code = fencedLines(issue.source);
  const lines = issue.source.slice(start).replace(/<!--[\s\S]*?(?:-->|$)/g, blank).split('\n');
  const text = lines.map((line, offset) => (!keepCode && code.has(issue.bodyLine + offset) ? blank(line) : line)).join('\n');
  return { text, start };
}

function blank(match: string): string {
  return match.replace(/[^\n]/g, ' ');
}

/** Line numbers (1-based) inside fenced code blocks, where whitespace and headings are code. */
export function fencedLines(source: string): Set<number> {
  const lines = new Set<number>();
  let fence: string | undefined;
  source.split('\n').forEach((text, index) => {
    const marker = /^ {0,3}(`{3,}|~{3,})/.exec(text)?.[1];
    if (fence === undefined) {
      if (marker) {
        fence = marker;
        lines.add(index + 1);
      }
    } else {
      lines.add(index + 1);
      if (marker && marker[0] === fence[0] && marker.length >= fence.length && text.trim() === marker) fence = undefined;
    }
  });
  return lines;
}
