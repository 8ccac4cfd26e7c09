import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type * as Mdast from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { describe, expect, it } from 'vitest';
import { independentChunks, parseChunks, type ChunkTrees } from '../../src/issue/markdown-chunks.js';
import { ISSUE_042, REPO } from '../helpers.js';

/** Parsed stretch by stretch, each stretch's tree going through the cache's storage first, as a later run reads it. */
function chunked(markdown: string, known: ChunkTrees = new Map()): Mdast.Root {
  return parseChunks(markdown, known, () => {});
}
function throughStorage(markdown: string): ChunkTrees {
  let stored: Uint8Array | undefined;
  parseChunks(markdown, new Map(), (trees) => (stored = serialize([...trees])));
  return new Map(deserialize(stored!) as [string, Mdast.Root][]);
}

const body042 = readFileSync(ISSUE_042, 'utf8').replace(/^---\n[\s\S]*?\n---\n/, '');
const docs = readdirSync(join(REPO, 'docs')).filter((name) => name.endsWith('.md')).map((name) => [`docs/${name}`, readFileSync(join(REPO, 'docs', name), 'utf8')] as [string, string]);

// Each: a construct that a heading after a blank line might wrongly be cut out of, or into.
const EDGE_CASES: Record<string, string> = {
  'a comment spanning a heading': 'Avant.\n\n<!--\n\n## Pas un titre\n\n-->\n\n## Titre\n\nTexte.\n',
  'a comment opened after text on its line': 'Texte <!-- ouvert\n\n## Dedans ?\n\n-->\n\n## Titre\n',
  'a comment that closes at once': '<!-->\n\n## Titre\n\nTexte.\n',
  'a <pre> spanning a heading': '<pre>\n\n## Pas un titre\n\n</pre>\n\n## Titre\n',
  'a <script> never closed': '<script>\n\n## Pas un titre\n',
  'a <pre> closed by another end tag': '<PRE class="x">\n\n## Dedans\n\n</style> fin\n\n## Titre\n',
  'a processing instruction': '<?php\n\n## Dedans\n\n?>\n\n## Titre\n',
  'a declaration': '<!DOCTYPE\n\n## Dedans\n\n>\n\n## Titre\n',
  'CDATA': '<![CDATA[\n\n## Dedans\n\n]]>\n\n## Titre\n',
  'a <pre> inline, then a comment opened inside it': 'a <pre> b\n\n<!-- c </pre>\n\n## Dedans\n\n-->\n\n## Titre\n',
  'a fence holding a heading': '```\n\n## Pas un titre\n\n```\n\n## Titre\n',
  'a tilde fence in a list': '- point\n\n  ~~~\n\n## Dedans ?\n\n  ~~~\n\n## Titre\n',
  'a reference defined after its use': '## Un\n\nVoir [le site].\n\n## Deux\n\n[le site]: https://exemple.fr\n',
  'a reference defined before its use': '[le site]: https://exemple.fr\n\n## Un\n\nVoir [le site].\n',
  'a loose list, then a heading': '- un\n\n- deux\n\n## Titre\n\n- trois\n',
  'a tight list, then a heading': '- un\n- deux\n\n## Titre\n',
  'a list item going on after a blank line': '1. un\n\n   suite\n\n## Titre\n\n   pas la suite\n',
  'a quote, then a heading': '> citée\n> encore\n\n## Titre\n\n> autre\n',
  'a quote with a blank quoted line': '> un\n>\n> deux\n\n### Titre\n',
  'indented code, then a heading': '    code\n\n    encore\n\n## Titre\n\n    code\n',
  'headings without a blank line before': 'Texte.\n## Collé\nTexte.\n\n## Espacé\n',
  'a heading with no text, and one of level 7': 'Texte.\n\n##\n\n####### sept\n\n###### six\n',
  'a heading as the first line': '## Premier\n\nTexte.\n\n## Second\n',
  'blank lines of spaces and tabs': 'Texte.\n  \t\n## Titre\n \n\n### Item\n',
  'no line ending at the end': 'Texte.\n\n## Titre',
  'trailing blank lines': 'Texte.\n\n## Titre\n\n\n\n',
  'an HTML block of type 6 then a heading': '<div>\nbloc\n\n## Titre\n\n</div>\n',
  'tabs in headings and text': 'a\tb\n\n##\tTitre\ttab\n\n\tcode\n',
  'a carriage return': 'Texte.\r\n\r\n## Titre\r\n',
  'nothing': '',
  'a blank line only': '\n',
  'a NUL character': 'a\u0000b\n\n## T\u0000\n',
  'entities and escapes': '&amp; &eacute;\n\n## \\# pas un titre\n\n\\## pas un titre\n\n## Vrai &copy;\n',
  'a setext heading': 'Titre\n=====\n\n## Suite\n\nAutre\n---\n',
};

/** A reproducible stream of documents made of the pieces issues are made of, in any order. */
function* generated(count: number): Generator<string> {
  const pieces = [
    '## Rubrique\n', '### Article\n', '#### Petit\n', '', '', 'Un paragraphe, avec *emphase* et **force**.\n',
    'suite du paragraphe\n', '- point\n', '  - sous-point\n', '1. premier\n', '   suite indentée\n', '> citation\n',
    '<!-- commentaire -->\n', '![photo](images/a.jpg "Crédit")\n',
    '[lien](https://exemple.fr)\n', '    code indenté\n', '<div>\n', '***\n', 'Titre\n', '---\n', '\t\n', '  \n',
  ];
  // Rarer: an opening left open keeps the rest of its body in one stretch.
  const longHtml = ['<!--\n', '-->\n', '<pre>\n', '</pre>\n', '<script>\n', '</script>\n'];
  let seed = 42;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  for (let index = 0; index < count; index++) {
    let text = '';
    const length = 5 + Math.floor(next() * 40);
    for (let line = 0; line < length; line++) {
      const draw = next();
      text += draw < 0.3 ? '\n' : draw < 0.33 ? longHtml[Math.floor(next() * longHtml.length)]! : pieces[Math.floor(next() * pieces.length)]!;
    }
    yield text;
  }
}

describe('a body parsed stretch by stretch', () => {
  const corpus: [string, string][] = [['#42', body042], ...docs, ...Object.entries(EDGE_CASES), ...[...generated(600)].map((text, index) => [`generated ${index}`, text] as [string, string])];

  it('is exactly the tree of the whole, positions included, for #42, the docs, each edge case and 600 generated bodies', () => {
    for (const [name, markdown] of corpus) {
      expect({ name, tree: chunked(markdown) }).toStrictEqual({ name, tree: fromMarkdown(markdown) });
      expect({ name, tree: chunked(markdown, throughStorage(markdown)) }).toStrictEqual({ name, tree: fromMarkdown(markdown) });
    }
  });

  it('cuts #42 before its headings, and the generated bodies often enough to test the cuts', () => {
    const chunks = independentChunks(body042);
    expect(body042.startsWith('#')).toBe(false);
    expect(chunks.length).toBe((body042.match(/\n[ \t]*\n#{1,6}[ \t]/g) ?? []).length + 1);
    expect(chunks.length).toBeGreaterThan(15);
    expect(chunks.map((chunk) => chunk.text).join('')).toBe(body042);
    for (const chunk of chunks.slice(1)) {
      expect(chunk.text).toMatch(/^#{2,3} /);
      expect(body042.slice(chunk.offset).startsWith(chunk.text)).toBe(true);
      expect(body042.slice(0, chunk.offset).split('\n').length).toBe(chunk.line);
    }
    const cut = [...generated(600)].filter((text) => independentChunks(text).length > 2);
    expect(cut.length).toBeGreaterThan(100);
  });

  // Each: the start of every stretch after the first. The heading inside the block is never one.
  const cuts: Record<string, string[]> = {
    'a comment spanning a heading': ['## Titre'],
    'a <pre> spanning a heading': ['## Titre'],
    'a <pre> inline, then a comment opened inside it': ['## Titre'],
    'a <pre> closed by another end tag': ['## Titre'],
    'a <script> never closed': [],
    'a processing instruction': ['## Titre'],
    'headings without a blank line before': ['## Espacé'],
    'a heading with no text, and one of level 7': ['##\n', '###### six'],
  };
  for (const [name, starts] of Object.entries(cuts)) {
    it(`cuts only where every block is closed: ${name}`, () => {
      const chunks = independentChunks(EDGE_CASES[name]!);
      expect(chunks.slice(1).map((chunk) => chunk.text.slice(0, starts.find((start) => chunk.text.startsWith(start))?.length ?? 12))).toEqual(starts);
    });
  }

  for (const name of ['a fence holding a heading', 'a reference defined after its use', 'a carriage return']) {
    it(`keeps the body whole when it has ${name.replace(/^an? /, 'a ')}`, () => {
      expect(independentChunks(EDGE_CASES[name]!)).toHaveLength(1);
    });
  }

  it('parses only the stretches it does not know, and remembers nothing when it knew them all', () => {
    const known = throughStorage(body042);
    const section = independentChunks(body042)[3]!;
    // A remembered tree is taken as it is: a marked one shows up in the result.
    const marked = known.get(section.text)!;
    (marked.children[0] as Mdast.Heading).depth = 6;
    let remembered: ChunkTrees | undefined;
    const tree = parseChunks(body042, known, (trees) => (remembered = trees));
    expect(remembered).toBeUndefined();
    expect(tree.children.filter((node) => node.type === 'heading' && node.depth === 6)).toHaveLength(1);

    const edited = body042.replace(section.text, `${section.text.trimEnd()} Modifié.\n\n`);
    const again = throughStorage(body042);
    const parsed = parseChunks(edited, again, (trees) => (remembered = trees));
    expect(parsed).toStrictEqual(fromMarkdown(edited));
    // Every stretch but the edited one came from what was remembered: taken out of it, once each.
    expect([...again.keys()]).toEqual([section.text]);
    expect(remembered!.size).toBe(independentChunks(edited).length);
  });

  it('reads a stretch written twice once from memory, and parses its twin', () => {
    const twice = '## Même\n\nTexte.\n\n## Même\n\nTexte.\n\n## Autre\n';
    expect(chunked(twice, throughStorage(twice))).toStrictEqual(fromMarkdown(twice));
  });
});
