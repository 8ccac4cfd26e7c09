/**
 * Answers juice's CSS queries from an index of the document's elements. juice asks cheerio
 * for each rule of styles.css in turn (`$('.card-body h3')`), and each question walks the
 * whole email: some sixty walks of 1,500 elements per issue, half of what inlining cost.
 * Here one walk files every element under its tag, id and classes, as a browser's rule hash
 * does; a rule then only tests the elements carrying its rightmost class, id or tag, with
 * the selector css-select compiled once for every issue of the run. The elements come out
 * in document order, as cheerio gives them, so the styles and the HTML are the same bytes.
 */
import { compile } from 'css-select';
import { parse, type Selector } from 'css-what';
import { isTag, type AnyNode, type Element } from 'domhandler';

type Matcher = (element: Element) => boolean;

/** What juice is handed as `$`: cheerio's loaded document, called with a selector, an element or HTML. */
export interface DocumentQuery {
  (selector: unknown, ...rest: unknown[]): unknown;
  root(): { toArray(): AnyNode[] };
}

/** Where a selector's candidates are filed, and the test they must pass; undefined: cheerio answers it. */
interface IndexedSelector {
  key: string;
  matches: Matcher;
}

/** By selector text, for every issue of the run: the stylesheet is the same for all. */
const compiled = new Map<string, IndexedSelector | undefined>();

/** The tokens the index understands; anything else (pseudo-classes, jQuery's :first…) goes to cheerio. */
const PLAIN = new Set(['tag', 'universal', 'attribute', 'descendant', 'child', 'sibling', 'adjacent']);

function indexed(selector: string): IndexedSelector | undefined {
  if (compiled.has(selector)) return compiled.get(selector);
  let result: IndexedSelector | undefined;
  try {
    const groups = parse(selector);
    const key = groups.length === 1 && groups[0]!.every((token) => PLAIN.has(token.type)) ? rightmostKey(groups[0]!) : undefined;
    if (key !== undefined) result = { key, matches: compile<AnyNode, Element>(selector, { xmlMode: false }) as Matcher };
  } catch {
    // A selector css-what cannot read: cheerio answers it (juice skips the rule if cheerio throws too).
  }
  compiled.set(selector, result);
  return result;
}

/**
 * The id, else the first class, else the tag of the compound after the last combinator. An id or
 * class is case-sensitive outside quirks mode (css-what's "quirks"), as the document is parsed.
 */
function rightmostKey(tokens: readonly Selector[]): string | undefined {
  let start = tokens.length;
  while (start > 0 && !['descendant', 'child', 'sibling', 'adjacent'].includes(tokens[start - 1]!.type)) start--;
  const compound = tokens.slice(start);
  let classKey: string | undefined;
  let tagKey: string | undefined;
  for (const token of compound) {
    if (token.type === 'attribute' && token.name === 'id' && token.action === 'equals' && token.ignoreCase !== true) return `#${token.value}`;
    if (token.type === 'attribute' && token.name === 'class' && token.action === 'element' && token.ignoreCase !== true) classKey ??= `.${token.value}`;
    if (token.type === 'tag') tagKey = token.name.toLowerCase();
  }
  return classKey ?? tagKey;
}

/** Every element under its tag, `#id` and `.class`, in document order. */
function fileElements(roots: readonly AnyNode[]): Map<string, Element[]> {
  const filed = new Map<string, Element[]>();
  const file = (key: string, element: Element) => {
    const list = filed.get(key);
    if (list === undefined) filed.set(key, [element]);
    else if (list[list.length - 1] !== element) list.push(element); // class="a a" files it once
  };
  const stack = [...roots].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (isTag(node)) {
      file(node.name.toLowerCase(), node);
      const id = node.attribs.id;
      if (id !== undefined) file(`#${id}`, node);
      const classes = node.attribs.class;
      if (classes !== undefined) for (const name of classes.split(/[ \t\n\f\r]+/)) if (name !== '') file(`.${name}`, node);
    }
    if ('children' in node) for (let index = node.children.length - 1; index >= 0; index--) stack.push(node.children[index]!);
  }
  return filed;
}

/**
 * A stand-in for cheerio's `$` that juice is given: selector strings it can index are answered
 * from the index, everything else (elements, HTML snippets, other selectors) by cheerio itself.
 * The index is made at the first indexed question (juice's `$('style')`); juice then takes the
 * `<style>` blocks out, so an element is only answered while it is still in the document.
 * juice adds no element and changes no class or id while it matches rules.
 */
export function withSelectorIndex($: DocumentQuery): DocumentQuery {
  let filed: Map<string, Element[]> | undefined;
  const query = (selector: unknown, ...rest: unknown[]) => {
    if (typeof selector === 'string' && rest.length === 0 && !selector.trimStart().startsWith('<')) {
      const known = indexed(selector);
      if (known !== undefined) {
        const [root] = $.root().toArray();
        filed ??= fileElements(root === undefined ? [] : [root]);
        return $((filed.get(known.key) ?? []).filter((element) => inDocument(element, root) && known.matches(element)));
      }
    }
    return $(selector, ...rest);
  };
  // cheerio's static methods (root, html…) read `this`: they are copied onto the stand-in.
  return Object.assign(query, $);
}

/** Whether an element is still in the document: a removed one (or one inside it) no longer reaches the root. */
function inDocument(element: AnyNode, root: AnyNode | undefined): boolean {
  let node: AnyNode = element;
  while (node.parent !== null) node = node.parent;
  return node === root;
}
