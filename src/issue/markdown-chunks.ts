import { fromMarkdown } from 'mdast-util-from-markdown';
import type * as Mdast from 'mdast';

type Point = NonNullable<Mdast.Node['position']>['start'];

/** A stretch of the body that Markdown reads the same alone as inside the whole. */
export interface Chunk {
  text: string;
  /** Where it starts in the body: a line's start. */
  offset: number;
  line: number;
}

/**
 * Constructs that may run on across a blank line and a heading (CommonMark's HTML blocks 1 to 5),
 * as the text that opens them and the first text that ends them. Matched anywhere, inline too:
 * a stretch is only ever cut more seldom than it could be, never where it should not.
 */
const LONG_HTML: readonly (readonly [opens: RegExp, closes: RegExp])[] = [
  [/<!--/g, /-->/g],
  [/<(?:script|pre|style|textarea)(?=[\s>]|$)/gi, /<\/(?:script|pre|style|textarea)>/gi],
  [/<\?/g, /\?>/g],
  [/<![A-Za-z]/g, />/g],
  [/<!\[CDATA\[/g, /\]\]>/g],
];

const HEADING_LINE = /^#{1,6}(?:[ \t]|$)/;
const BLANK_LINE = /^[ \t]*$/;

/**
 * Cuts the body before each heading (`#` to `######` at the start of a line) that follows a
 * blank line outside every long HTML block: there, every container and block is closed, so
 * each stretch parses alone into exactly the nodes the whole would give. A body with a link
 * reference definition (which any stretch may use), a code fence (which may hold a heading)
 * or a carriage return is one stretch.
 */
export function independentChunks(markdown: string): Chunk[] {
  if (markdown.includes(']:') || markdown.includes('```') || markdown.includes('~~~') || markdown.includes('\r')) {
    return [{ text: markdown, offset: 0, line: 1 }];
  }
  const unsafe = longHtmlRanges(markdown);
  const starts = [{ offset: 0, line: 1 }];
  let previousBlank = false;
  let line = 1;
  for (let offset = 0; offset < markdown.length; line++) {
    const end = markdown.indexOf('\n', offset);
    const next = end === -1 ? markdown.length : end + 1;
    const text = markdown.slice(offset, end === -1 ? markdown.length : end);
    if (previousBlank && offset > 0 && HEADING_LINE.test(text) && !unsafe.some(([from, to]) => from < offset && offset < to)) starts.push({ offset, line });
    previousBlank = BLANK_LINE.test(text);
    offset = next;
  }
  return starts.map((start, index) => ({ ...start, text: markdown.slice(start.offset, starts[index + 1]?.offset ?? markdown.length) }));
}

/** Every stretch from an opening of a long HTML block to the first end after it (or the end of the text). */
function longHtmlRanges(markdown: string): [number, number][] {
  const ranges: [number, number][] = [];
  for (const [opens, closes] of LONG_HTML) {
    opens.lastIndex = 0;
    for (let match = opens.exec(markdown); match; match = opens.exec(markdown)) {
      closes.lastIndex = match.index;
      const end = closes.exec(markdown);
      ranges.push([match.index, end ? end.index + end[0].length : markdown.length]);
    }
  }
  return ranges;
}

/** Trees of stretches parsed before, by their text, with positions counted from the stretch's start. */
export type ChunkTrees = Map<string, Mdast.Root>;

/**
 * The body's mdast, the same as `fromMarkdown(markdown)`, parsing only the stretches `known`
 * does not hold. When one was parsed, `remember` receives each stretch's tree as the stretch
 * alone has it, and must store it then: the positions are moved to the body's afterwards.
 */
export function parseChunks(markdown: string, known: ChunkTrees, remember: (trees: ChunkTrees) => void): Mdast.Root {
  const chunks = independentChunks(markdown);
  let parsed = false;
  const trees = chunks.map((chunk) => {
    const tree = known.get(chunk.text);
    // A stretch written twice takes the remembered tree once: its positions are moved in place.
    if (tree) {
      known.delete(chunk.text);
      return tree;
    }
    parsed = true;
    return fromMarkdown(chunk.text);
  });
  if (parsed) remember(new Map(chunks.map((chunk, index) => [chunk.text, trees[index]!])));
  const children: Mdast.RootContent[] = [];
  trees.forEach((tree, index) => {
    const { offset, line } = chunks[index]!;
    if (offset > 0) for (const child of tree.children) moveBy(child, line - 1, offset);
    children.push(...tree.children);
  });
  const last = trees.at(-1)!;
  const lastChunk = chunks.at(-1)!;
  const end = last.position?.end;
  return {
    type: 'root',
    children,
    position: trees[0]!.position && end ? { start: trees[0]!.position.start, end: moved(end, lastChunk.line - 1, lastChunk.offset) } : undefined,
  };
}

function moved(point: Point, lines: number, offset: number): Point {
  return { line: point.line + lines, column: point.column, offset: point.offset === undefined ? undefined : point.offset + offset };
}

/** New position objects, not the old ones changed: a stored tree may share one between nodes. */
function moveBy(node: Mdast.Nodes, lines: number, offset: number): void {
  if (node.position) node.position = { start: moved(node.position.start, lines, offset), end: moved(node.position.end, lines, offset) };
  if ('children' in node) for (const child of node.children) moveBy(child, lines, offset);
}
