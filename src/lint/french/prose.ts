import type { Position } from '../../diagnostics/index.js';
import type { Issue } from '../../issue/model.js';
import { styleFindings, type StyleFinding, type StyleMatcher } from '../../text/french/house-style.js';
import { LineIndex } from '../../text/positions.js';
import { valuePosition } from '../header.js';
import { alignText, type TextNode } from '../prose.js';
import { traverse } from '../traverse.js';

/** A piece of the issue's prose as a reader sees it, and where each of its characters sits in issue.md. */
export interface ProseText {
  value: string;
  /** Source offset of each character; undefined when the text cannot be aligned (an entity such as &amp;). */
  map: number[] | undefined;
  position: Position;
  /** Whether the text opens a sentence (a paragraph, a title) rather than going on with one (after a link). */
  startsSentence: boolean;
}

/** One reading per issue, shared by the rules that need it. */
const readings = new WeakMap<Issue, { header: ProseText[]; body: ProseText[]; lines: LineIndex }>();

function readingOf(issue: Issue) {
  let reading = readings.get(issue);
  if (!reading) {
    const lines = new LineIndex(issue.source);
    const header = ['subject', 'preheader'].map((key) => headerText(issue, key, lines)).filter((text) => text !== undefined);
    // The same text nodes, in the same order, as every rule's `text` visitor sees.
    const nodes: TextNode[] = [];
    traverse(issue, [{ text: (node) => nodes.push(node) }]);
    const bodyStart = issue.body?.offset ?? issue.source.length;
    const body = nodes.map((node) => ({ value: node.value, map: alignText(issue.source, node), position: node.position, startsSentence: startsSentenceAt(issue.source, node.offset, bodyStart) }));
    readings.set(issue, (reading = { header, body, lines }));
  }
  return reading;
}

/** The body's text nodes, and with `header` the subject and the preheader, which readers see first. */
export function proseTexts(issue: Issue, { header = false } = {}): readonly ProseText[] {
  const reading = readingOf(issue);
  return header ? [...reading.header, ...reading.body] : reading.body;
}

/** The subject and the preheader alone. */
export function headerTexts(issue: Issue): readonly ProseText[] {
  return readingOf(issue).header;
}

/**
 * House style's findings in one text of an issue, found once: the house-style rule reports
 * them, and the spelling rule leaves their words to it.
 */
export function styleFindingsIn(text: ProseText, matcher: StyleMatcher): readonly StyleFinding[] {
  let found = styleFound.get(text);
  if (found?.matcher !== matcher) styleFound.set(text, (found = { matcher, findings: styleFindings(text.value, matcher) }));
  return found.findings;
}

const styleFound = new WeakMap<ProseText, { matcher: StyleMatcher; findings: readonly StyleFinding[] }>();

/** The position of a character of a text; its start when the text cannot be aligned. */
export function positionIn(issue: Issue, text: ProseText, index: number): Position {
  const offset = text.map?.[index];
  return offset === undefined ? text.position : readingOf(issue).lines.positionAt(offset);
}

/** The source range of characters start…end of a text, when they sit side by side in issue.md. */
export function sourceRange(text: ProseText, start: number, end: number): { start: number; end: number } | undefined {
  if (!text.map || end <= start) return undefined;
  const from = text.map[start]!;
  const to = text.map[end - 1]! + 1;
  return to - from === end - start ? { start: from, end: to } : undefined;
}

/**
 * Whether a text starting at `offset` opens a sentence: going back over spaces and Markdown
 * marks, the start of the body, a blank line, a hard break or a . ! ? … comes first.
 */
export function startsSentenceAt(source: string, offset: number, floor: number): boolean {
  for (let index = offset - 1; index >= floor; index--) {
    const char = source[index]!;
    if (char === '\n') {
      const before = source.lastIndexOf('\n', index - 1);
      if (source.slice(before + 1, index).trim() === '' || source[index - 1] === '\\' || source.slice(index - 2, index) === '  ') return true;
      continue;
    }
    if (/[ \t\u00a0\u202f*_[(>#«"“-]/.test(char)) continue;
    return /[.!?…]/.test(char);
  }
  return true;
}

/** A header value as it appears on its line, aligned when it is written there verbatim. */
function headerText(issue: Issue, key: string, lines: LineIndex): ProseText | undefined {
  const value = issue.data[key];
  if (typeof value !== 'string' || value === '') return undefined;
  const position = valuePosition(issue, key);
  const lineStart = lines.lineStart(position.line);
  const found = lines.lineText(position.line).indexOf(value, position.column - 1);
  const map = found === -1 ? undefined : Array.from({ length: value.length }, (_, offset) => lineStart + found + offset);
  return { value, map, position, startsSentence: true };
}
