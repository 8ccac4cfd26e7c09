/** A run of two spaces or more inside prose, and the one space to keep. */
export interface DoubledSpace {
  start: number;
  end: number;
  /** A no-break space when the run has one (it was typed on purpose), else a plain space. */
  keep: string;
  kind: 'plain' | 'no-break' | 'mixed';
}

const RUN = /[ \t\u00a0\u202f]{2,}/g;

/**
 * Doubled spaces of a text: plain, no-break (U+00A0, U+202F) or mixed. A run that touches
 * a line break is left to the rules about line starts and ends (indentation, hard breaks).
 */
export function doubledSpaces(text: string): DoubledSpace[] {
  const found: DoubledSpace[] = [];
  for (const match of text.matchAll(RUN)) {
    const start = match.index;
    const end = start + match[0].length;
    if (text[start - 1] === '\n' || text[end] === '\n' || text[start - 1] === '\r' || text[end] === '\r') continue;
    const run = match[0];
    const keep = run.includes('\u202f') ? '\u202f' : run.includes('\u00a0') ? '\u00a0' : ' ';
    const noBreak = [...run].filter((char) => char === '\u00a0' || char === '\u202f').length;
    found.push({ start, end, keep, kind: noBreak === 0 ? 'plain' : noBreak === run.length ? 'no-break' : 'mixed' });
  }
  return found;
}
