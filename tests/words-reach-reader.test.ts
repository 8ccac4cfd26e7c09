import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Parser } from 'htmlparser2';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeProject, runPvd } from './helpers.js';

/**
 * Issue 12 item 20, from the other side: what lint accepts reaches the reader. A valid issue
 * with quotes (a heading in one written in bold, as unsupported-markdown asks) and nested
 * lists is built, and every word of it is found, in order, in index.txt and in the HTML.
 */
const QUOTE = '> **Un titre de citation**\n> ligne deux de la citation\n>\n> second paragraphe de la citation';
const ISSUE = `---
number: 42
date: 2024-12-16
subject: "Rencontres PACA, baromètre AFL et agenda de janvier"
preheader: "Ce mois-ci : les rencontres régionales PACA et le baromètre de l'AFL."
status: ready
credits: [ANCT]
---

Chaque mois, l'actualité du programme.

> **Le mot de la directrice**
> Une citation sur deux lignes, pour commencer.

## L'actu

### Une nouvelle

Un texte qui ouvre l'article.

- premier point de la liste
  - sous-point alpha
    - sous-sous-point bêta
  - sous-point gamma
- deuxième point

  avec une suite du deuxième point
- troisième point

1. étape une
2. étape deux
   1. détail de l'étape deux

${QUOTE}

## Le chiffre du mois

84 %

des Françaises et des Français.

## La projetothèque

### Un projet

Un texte final, après la citation.
`;

const wordsOf = (text: string) => text.toLowerCase().replace(/\u00a0|\u202f/g, ' ').replace(/’/g, "'").match(/[\p{L}\p{N}]+/gu) ?? [];

/** The words the author wrote: the body without the Markdown around them (list markers, quote marks, **). */
function writtenWords(source: string): string[] {
  const body = source.slice(source.indexOf('\n---\n') + 5);
  return wordsOf(body.split('\n').map((line) => line.replace(/^\s*(?:>\s?)*\s*(?:[-*+]|\d+[.)])?\s*/, '').replace(/^#+\s*/, '')).join('\n'));
}

/** The words of `words` missing from `seen`, in order: each must come after the one before. */
function missingInOrder(words: readonly string[], seen: readonly string[]): string[] {
  const missing: string[] = [];
  let at = 0;
  for (const word of words) {
    const found = seen.indexOf(word, at);
    if (found === -1) missing.push(word);
    else at = found + 1;
  }
  return missing;
}

function visibleText(html: string): string {
  let text = '';
  let hidden = 0;
  const parser = new Parser({
    onopentag(name) { if (name === 'style' || name === 'head') hidden++; },
    onclosetag(name) { if (name === 'style' || name === 'head') hidden--; },
    ontext(chunk) { if (hidden === 0) text += `${chunk} `; },
  }, { decodeEntities: true });
  parser.write(html);
  parser.end();
  return text;
}

let root: string;
let html: string;
let text: string;
beforeAll(() => {
  root = makeProject({ issues: false });
  mkdirSync(join(root, 'issues', '042', 'images'), { recursive: true });
  writeFileSync(join(root, 'issues', '042', 'issue.md'), ISSUE);
  const lint = runPvd(['lint'], { cwd: root });
  expect(lint.stdout).toBe('✔ 1 numéro vérifié, aucun problème\n');
  const build = runPvd(['build', '42'], { cwd: root });
  expect(build.code, build.stderr).toBe(0);
  html = readFileSync(join(root, 'out', '042', 'index.html'), 'utf8');
  text = readFileSync(join(root, 'out', '042', 'index.txt'), 'utf8');
});

describe('every word of a valid issue with quotes and nested lists reaches the reader', () => {
  const words = writtenWords(ISSUE);

  it('has the words this test looks for', () => {
    expect(words.slice(0, 6)).toEqual(['chaque', 'mois', 'l', 'actualité', 'du', 'programme']);
    expect(words).toEqual(expect.arrayContaining(['alpha', 'bêta', 'gamma', 'suite', 'détail', 'titre', 'second', 'final']));
    expect(words).toHaveLength(96);
  });

  it('in index.txt, in order', () => {
    expect(missingInOrder(words, wordsOf(text))).toEqual([]);
  });

  it('in the HTML a reader sees, in order', () => {
    expect(missingInOrder(words, wordsOf(visibleText(html)))).toEqual([]);
  });

  it('would see a word lost', () => {
    expect(missingInOrder(words, wordsOf(text.replace('sous-sous-point bêta', 'sous-sous-point')))).toEqual(['bêta']);
  });
});

describe('a quote whose heading is written in bold, as unsupported-markdown asks', () => {
  it('is refused as a heading inside the quote (the words would be lost), accepted in bold', () => {
    const withHeading = ISSUE.replace('> **Un titre de citation**', '> # Un titre de citation');
    writeFileSync(join(root, 'issues', '042', 'issue.md'), withHeading);
    const line = withHeading.split('\n').indexOf('> # Un titre de citation') + 1;
    const refused = runPvd(['lint'], { cwd: root });
    writeFileSync(join(root, 'issues', '042', 'issue.md'), ISSUE);
    expect(refused.code).toBe(1);
    expect(refused.stdout.split('\n')[0]).toBe(`issues/042/issue.md:${line}:3  erreur  unsupported-markdown  Un titre dans une citation (« > # … ») n'apparaîtrait pas dans la lettre : écrivez-le en gras (« > **…** ») ou sortez-le de la citation.`);
  });

  it('renders in the HTML as a blockquote: the title in <strong>, its line after it, the second paragraph', () => {
    const quotes = [...html.matchAll(/<blockquote[^>]*>\n([\s\S]*?)\n<\/blockquote>/g)].map((match) => match[1]!.replace(/ style="[^"]*"/g, ''));
    expect(quotes).toEqual([
      '<p><strong>Le mot de la directrice</strong>\nUne citation sur deux lignes, pour commencer.</p>',
      '<p><strong>Un titre de citation</strong>\nligne deux de la citation</p>\n<p>second paragraphe de la citation</p>',
    ]);
  });

  it('renders in index.txt as quoted lines', () => {
    expect(text).toContain('\n\n> Un titre de citation\n> ligne deux de la citation\n> \n> second paragraphe de la citation\n\n');
  });
});
