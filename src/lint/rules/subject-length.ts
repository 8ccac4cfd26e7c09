import * as v from 'valibot';
import { stringValue, valuePosition } from '../header.js';
import { defineRule } from '../rule.js';
import { isPlaceholder } from './placeholder-text.js';

export default defineRule({
  id: 'subject-length',
  severity: 'warning',
  description: { fr: "L'objet tient en 70 caractères, ce que les messageries affichent", en: 'The subject fits in 70 characters, what mail clients show' },
  options: v.object({ max: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1)), 70) }),
  messages: {
    tooLong: {
      fr: "L'objet fait {length} caractères : au-delà de {max}, les messageries le coupent. Raccourcissez-le (l'essentiel au début).",
      en: 'The subject is {length} characters long: past {max}, mail clients cut it. Shorten it (what matters first).',
    },
  },
  create({ issue, options, report }) {
    return {
      issue() {
        const subject = stringValue(issue, 'subject')?.trim();
        // A stand-in subject is placeholder-text's to report, not a length to fix.
        if (subject === undefined || isPlaceholder(subject)) return;
        const length = [...subject].length;
        if (length > options.max) report({ at: valuePosition(issue, 'subject'), messageId: 'tooLong', data: { length, max: options.max } });
      },
    };
  },
});
