import * as v from 'valibot';
import { stringValue, valuePosition } from '../header.js';
import { defineRule } from '../rule.js';
import { isPlaceholder } from './placeholder-text.js';

const length = (fallback: number) => v.optional(v.pipe(v.number(), v.integer(), v.minValue(1)), fallback);

export default defineRule({
  id: 'preheader-length',
  severity: 'warning',
  description: { fr: "Le texte d'aperçu fait de 40 à 140 caractères", en: 'The preview text is 40 to 140 characters long' },
  options: v.object({ min: length(40), max: length(140) }),
  messages: {
    tooShort: {
      fr: "Le texte d'aperçu ne fait que {length} caractères : sous {min}, la messagerie complète l'aperçu avec le début de la lettre. Résumez le numéro en une phrase.",
      en: 'The preview text is only {length} characters long: under {min}, the mail client fills the preview with the start of the email. Sum the issue up in a sentence.',
    },
    tooLong: {
      fr: "Le texte d'aperçu fait {length} caractères : au-delà de {max}, il est coupé. Raccourcissez-le.",
      en: 'The preview text is {length} characters long: past {max}, it is cut. Shorten it.',
    },
  },
  create({ issue, options, report }) {
    return {
      issue() {
        const preheader = stringValue(issue, 'preheader')?.trim();
        // An empty one is front-matter's to report, a stand-in one placeholder-text's.
        if (preheader === undefined || preheader === '' || isPlaceholder(preheader)) return;
        const length = [...preheader].length;
        const at = valuePosition(issue, 'preheader');
        if (length < options.min) report({ at, messageId: 'tooShort', data: { length, min: options.min } });
        else if (length > options.max) report({ at, messageId: 'tooLong', data: { length, max: options.max } });
      },
    };
  },
});
