import { doubledSpaces } from '../../text/french/spaces.js';
import { positionIn, proseTexts, sourceRange } from '../french/prose.js';
import { defineRule } from '../rule.js';

export default defineRule({
  id: 'double-space',
  severity: 'warning',
  fixable: true,
  description: { fr: 'Une seule espace entre deux mots (ordinaire ou insécable)', en: 'One space between two words (plain or no-break)' },
  messages: {
    plain: {
      fr: '{count} espaces à la suite : une seule suffit (--fix n’en garde qu’une).',
      en: '{count} spaces in a row: one is enough (--fix keeps one).',
    },
    'no-break': {
      fr: '{count} espaces insécables à la suite : une seule suffit (--fix n’en garde qu’une).',
      en: '{count} no-break spaces in a row: one is enough (--fix keeps one).',
    },
    mixed: {
      fr: '{count} espaces à la suite, dont une insécable : une seule suffit (--fix garde l’insécable).',
      en: '{count} spaces in a row, a no-break one among them: one is enough (--fix keeps the no-break one).',
    },
  },
  create({ issue, report }) {
    return {
      issue() {
        if (!/[ \t\u00a0\u202f]{2}/.test(issue.source)) return;
        for (const text of proseTexts(issue, { header: true })) {
          for (const run of doubledSpaces(text.value)) {
            const range = sourceRange(text, run.start, run.end);
            // Fixed only where the source holds exactly these spaces (not an entity such as &nbsp;).
            const fixable = range && issue.source.slice(range.start, range.end) === text.value.slice(run.start, run.end);
            report({ at: positionIn(issue, text, run.start), messageId: run.kind, data: { count: run.end - run.start }, ...(fixable ? { fix: { ...range, text: run.keep } } : {}) });
          }
        }
      },
    };
  },
});
