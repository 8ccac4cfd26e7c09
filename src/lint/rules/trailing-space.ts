import type { Inline } from '../../issue/model.js';
import { defineRule } from '../rule.js';
import { fencedLines, sourceIndex } from '../source.js';
import { visitBlocks } from '../walk.js';

/** Where Markdown read two trailing spaces as a line break: `line:column` of each break. */
function hardBreaks(issue: Parameters<typeof visitBlocks>[0]): Set<string> {
  const breaks = new Set<string>();
  const visit = (inlines: readonly Inline[]) => {
    for (const inline of inlines) {
      if (inline.type === 'break') breaks.add(`${inline.position.line}:${inline.position.column}`);
      else if ('children' in inline) visit(inline.children);
    }
  };
  visitBlocks(issue, { inlines: visit });
  return breaks;
}

export default defineRule({
  id: 'trailing-space',
  severity: 'warning',
  fixable: true,
  description: { fr: 'Aucune espace invisible en fin de ligne', en: 'No invisible space at the end of a line' },
  check({ issue }, report) {
    if (!/[ \t]$/m.test(issue.source)) return;
    const index = sourceIndex(issue);
    const code = fencedLines(issue.source);
    const breaks = hardBreaks(issue);
    for (let line = 1; line <= index.lineCount; line++) {
      const text = index.lineText(line);
      const trailing = /[ \t]+$/.exec(text);
      if (!trailing || code.has(line)) continue;
      const start = index.lineStart(line) + trailing.index;
      const end = index.lineStart(line) + text.length;
      const column = trailing.index + 1;
      if (breaks.has(`${line}:${column}`)) {
        // Two spaces make an invisible line break: the visible backslash keeps it.
        report({ line, column }, {
          fr: 'Les espaces en fin de ligne font un retour à la ligne invisible : remplacez-les par une barre oblique inverse « \\ » (--fix le fait).',
          en: 'The spaces at the end of the line make an invisible line break: replace them with a backslash "\\" (--fix does it).',
        }, { fix: { start, end, text: '\\' } });
      } else {
        report({ line, column }, {
          fr: 'Espace en fin de ligne : supprimez-la (--fix le fait).',
          en: 'Space at the end of the line: remove it (--fix does it).',
        }, { fix: { start, end, text: '' } });
      }
    }
  },
});
