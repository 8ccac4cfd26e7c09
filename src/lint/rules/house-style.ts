import { quotedSpans, styleMatcher } from '../../text/french/house-style.js';
import { positionIn, proseTexts, sourceRange, styleFindingsIn } from '../french/prose.js';
import { defineRule } from '../rule.js';

export default defineRule({
  id: 'house-style',
  severity: 'warning',
  fixable: true,
  description: { fr: 'Les noms du programme et des partenaires s’écrivent comme le veut la liste « style » du gabarit', en: 'The names of the programme and its partners are written as the template’s « style » list has them' },
  messages: {
    preferred: {
      fr: '« {found} » : la charte de la lettre écrit « {use} » (--fix corrige).',
      en: '"{found}": the newsletter’s house style writes "{use}" (--fix corrects it).',
    },
  },
  create({ issue, template, report }) {
    return {
      issue() {
        const matcher = styleMatcher(template.config.style);
        if (!matcher) return;
        const quoted = quotedSpans(issue.source);
        for (const text of proseTexts(issue, { header: true })) {
          for (const finding of styleFindingsIn(text, matcher)) {
            const from = text.map?.[finding.start];
            if (from !== undefined && quoted.some(([start, end]) => from > start && from < end)) continue;
            const range = sourceRange(text, finding.start, finding.end);
            // Fixed only where the source holds the very text (no escape, no line break inside).
            const fixable = range && issue.source.slice(range.start, range.end) === finding.found;
            report({ at: positionIn(issue, text, finding.start), messageId: 'preferred', data: { found: finding.found, use: finding.use }, ...(fixable ? { fix: { ...range, text: finding.use } } : {}) });
          }
        }
      },
    };
  },
});
