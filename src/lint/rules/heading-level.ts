import { defineRule } from '../rule.js';
import { fencedLines, sourceIndex } from '../source.js';

const ATX_HEADING = /^( {0,3})(#{1,6})(?=[ \t]|$)/;

export default defineRule({
  id: 'heading-level',
  severity: 'warning',
  fixable: true,
  description: { fr: 'Les titres sont des rubriques « ## » et des articles « ### », rien d’autre', en: 'Headings are sections "##" and items "###", nothing else' },
  check({ issue }, report) {
    const index = sourceIndex(issue);
    const code = fencedLines(issue.source);
    let inSection = false;
    for (let line = issue.bodyLine; line <= index.lineCount; line++) {
      if (code.has(line)) continue;
      const match = ATX_HEADING.exec(index.lineText(line));
      if (!match) continue;
      const [, indent, hashes] = match as unknown as [string, string, string];
      const position = { line, column: indent.length + 1 };
      const start = index.lineStart(line) + indent.length;
      const replace = (text: string) => ({ fix: { start, end: start + hashes.length, text } });
      if (hashes.length === 1) {
        report(position, {
          fr: 'Titre de niveau 1 (« # ») : le titre de la lettre vient du gabarit ; une rubrique s’écrit « ## » (--fix le corrige).',
          en: 'Level-1 heading ("#"): the newsletter title comes from the template; a section is written "##" (--fix corrects it).',
        }, replace('##'));
      } else if (hashes.length > 3) {
        report(position, {
          fr: `Titre de niveau ${hashes.length} (« ${hashes} ») : un article s’écrit « ### » (--fix le corrige).`,
          en: `Level-${hashes.length} heading ("${hashes}"): an item is written "###" (--fix corrects it).`,
        }, replace('###'));
      } else if (hashes.length === 3 && !inSection) {
        report(position, {
          fr: 'Article « ### » avant toute rubrique : placez-le sous un titre « ## » de rubrique (par exemple « ## L’actu »).',
          en: 'Item "###" before any section: put it under a "##" section heading (for instance "## L’actu").',
        });
      }
      if (hashes.length <= 2) inSection = true;
    }
  },
});
