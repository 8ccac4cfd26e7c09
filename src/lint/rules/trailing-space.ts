import { inVerbatim } from '../prose.js';
import { defineRule } from '../rule.js';

export default defineRule({
  id: 'trailing-space',
  severity: 'warning',
  fixable: true,
  description: { fr: 'Aucune espace invisible en fin de ligne', en: 'No invisible space at the end of a line' },
  messages: {
    hardBreak: {
      fr: 'Les espaces en fin de ligne font un retour à la ligne invisible : remplacez-les par une barre oblique inverse « \\ » (--fix le fait).',
      en: 'The spaces at the end of the line make an invisible line break: replace them with a backslash "\\" (--fix does it).',
    },
    trailing: {
      fr: 'Espace en fin de ligne : supprimez-la (--fix le fait).',
      en: 'Space at the end of the line: remove it (--fix does it).',
    },
  },
  create({ issue, lines, report }) {
    // Where Markdown read two trailing spaces as a line break.
    const hardBreaks = new Set<string>();
    return {
      inline(inline) {
        if (inline.type === 'break') hardBreaks.add(`${inline.position.line}:${inline.position.column}`);
      },
      'issue:exit'() {
        if (!/[ \t]$/m.test(issue.source)) return;
        for (let line = 1; line <= lines.lineCount; line++) {
          const text = lines.lineText(line);
          const trailing = /[ \t]+$/.exec(text);
          if (!trailing) continue;
          const start = lines.lineStart(line) + trailing.index;
          if (inVerbatim(issue, start)) continue; // whitespace in code is code
          const at = { line, column: trailing.index + 1 };
          const end = lines.lineStart(line) + text.length;
          // Two spaces make an invisible line break: the visible backslash keeps it.
          if (hardBreaks.has(`${line}:${at.column}`)) report({ at, messageId: 'hardBreak', fix: { start, end, text: '\\' } });
          else report({ at, messageId: 'trailing', fix: { start, end, text: '' } });
        }
      },
    };
  },
});
