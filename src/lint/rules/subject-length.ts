import { defineRule } from '../rule.js';
import { isPlaceholder } from './placeholder-text.js';
import { stringValue, valuePosition } from '../header.js';

export const MAX_SUBJECT = 70;

export default defineRule({
  id: 'subject-length',
  severity: 'warning',
  description: { fr: "L'objet tient en 70 caractères, ce que les messageries affichent", en: 'The subject fits in 70 characters, what mail clients show' },
  check({ issue }, report) {
    const subject = stringValue(issue, 'subject')?.trim();
    // A stand-in subject is placeholder-text's to report, not a length to fix.
    if (subject === undefined || isPlaceholder(subject)) return;
    const length = [...subject].length;
    if (length <= MAX_SUBJECT) return;
    report(valuePosition(issue, 'subject'), {
      fr: `L'objet fait ${length} caractères : au-delà de ${MAX_SUBJECT}, les messageries le coupent. Raccourcissez-le (l'essentiel au début).`,
      en: `The subject is ${length} characters long: past ${MAX_SUBJECT}, mail clients cut it. Shorten it (what matters first).`,
    });
  },
});
