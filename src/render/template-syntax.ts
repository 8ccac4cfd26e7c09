/**
 * A Handlebars syntax error said for a designer: where (line and column, at the block left
 * open rather than at the end of the file), what is wrong and how to mend it, in French and
 * English. Handlebars' own message is a parser trace in English ("Parse error on line 2: …
 * Expecting 'OPEN_ENDBLOCK', got 'EOF'"), whose first line alone says nothing.
 */
import Handlebars from 'handlebars';
import type { Message } from '../i18n/lang.js';
import { LineIndex } from '../text/positions.js';

export interface TemplateSyntaxProblem {
  line: number;
  column: number;
  message: Message;
}

/** The problem of a template source Handlebars cannot read, or undefined when it reads it. */
export function templateSyntaxProblem(source: string): TemplateSyntaxProblem | undefined {
  try {
    Handlebars.parse(source);
    return undefined;
  } catch (error) {
    return explain(source, error instanceof Error ? error : new Error(String(error)));
  }
}

function explain(source: string, error: Error & { lineNumber?: number; column?: number }): TemplateSyntaxProblem {
  const lines = new LineIndex(source);
  // "if doesn't match each": Handlebars locates the opening block's name, column counted from 0.
  const mismatch = /^(\S+) doesn't match (\S+)/.exec(error.message);
  if (mismatch && error.lineNumber !== undefined) {
    const [, opened, closed] = mismatch;
    return {
      line: error.lineNumber, column: (error.column ?? 0) + 1,
      message: {
        fr: `« {{/${closed}}} » ferme le bloc « {{#${opened}}} » ouvert ici : un bloc se ferme par son propre nom, le dernier ouvert d'abord. Écrivez « {{/${opened}}} ».`,
        en: `"{{/${closed}}}" closes the block "{{#${opened}}}" opened here: a block is closed by its own name, the last one opened first. Write "{{/${opened}}}".`,
      },
    };
  }
  const got = /got '([A-Z_]+)'\s*$/.exec(error.message)?.[1];
  if (got === 'EOF') {
    const open = unclosedBlock(source);
    if (open) {
      return {
        ...lines.positionAt(open.offset),
        message: {
          fr: `Le bloc « {{#${open.name}}} » n’est jamais refermé : ajoutez « {{/${open.name}}} » là où il finit.`,
          en: `The block "{{#${open.name}}}" is never closed: add "{{/${open.name}}}" where it ends.`,
        },
      };
    }
  }
  const at = parsePosition(source, error.message, lines);
  if (got === 'INVALID') {
    return {
      ...at,
      message: {
        fr: 'Balise mal fermée : une balise Handlebars s’écrit avec deux accolades de chaque côté, « {{nom}} » (trois pour du HTML : « {{{nom}}} »).',
        en: 'Tag not closed properly: a Handlebars tag has two braces on each side, "{{name}}" (three for HTML: "{{{name}}}").',
      },
    };
  }
  const found = got === undefined ? undefined : TOKENS[got] ?? got.toLowerCase();
  return {
    ...at,
    message: {
      fr: `Syntaxe Handlebars incorrecte à cet endroit${found ? ` (trouvé : ${found})` : ''} : vérifiez la balise, par exemple « {{nom}} », « {{#if nom}}…{{/if}} », « {{> partiel}} ».`,
      en: `Handlebars syntax error here${found ? ` (found: ${found})` : ''}: check the tag, for instance "{{name}}", "{{#if name}}…{{/if}}", "{{> partial}}".`,
    },
  };
}

/** Handlebars' token names, as a designer writes them. */
const TOKENS: Record<string, string> = { CLOSE: '}}', CLOSE_UNESCAPED: '}}}', OPEN: '{{', OPEN_BLOCK: '{{#', OPEN_ENDBLOCK: '{{/', EOF: 'la fin du fichier' };

/** The last block opened and not closed (`{{#if …}}` without `{{/if}}`), by a scan of its tags. */
function unclosedBlock(source: string): { name: string; offset: number } | undefined {
  const open: { name: string; offset: number }[] = [];
  for (const match of source.matchAll(/\{\{~?\s*([#^/])\s*\*?([^\s}~]+)/g)) {
    if (match[1] === '/') {
      const index = open.map((block) => block.name).lastIndexOf(match[2]!);
      if (index !== -1) open.splice(index);
    } else open.push({ name: match[2]!, offset: match.index });
  }
  return open.at(-1);
}

/**
 * Where the parser stopped: its trace shows the 20 characters read before that point (line
 * breaks removed, "..." when cut) over a caret; the point is the offset after them on the line
 * it names. Its first column when the text cannot be found.
 */
function parsePosition(source: string, message: string, lines: LineIndex): { line: number; column: number } {
  const [heading, context, caret] = message.split('\n');
  const line = Number(/line (\d+)/.exec(heading ?? '')?.[1] ?? 1);
  if (context === undefined || caret === undefined) return { line, column: 1 };
  let before = context.slice(0, caret.indexOf('^'));
  const cut = before.startsWith('...');
  if (cut) before = before.slice(3);
  const from = lines.lineStart(Math.max(1, line - 1));
  const to = Math.min(source.length, lines.lineStart(line + 1) + 1);
  for (let offset = from; offset <= to; offset++) {
    const read = source.slice(0, offset).replace(/\n/g, '');
    if (cut ? read.endsWith(before) : read === before) return lines.positionAt(offset);
  }
  return { line, column: 1 };
}
