import { defineRule } from '../rule.js';
import { isPlaceholder } from './placeholder-text.js';
import { stringValue, valuePosition } from '../header.js';

export const MIN_PREHEADER = 40;
export const MAX_PREHEADER = 140;

export default defineRule({
  id: 'preheader-length',
  severity: 'warning',
  description: { fr: "Le texte d'aperçu fait de 40 à 140 caractères", en: 'The preview text is 40 to 140 characters long' },
  check({ issue }, report) {
    const preheader = stringValue(issue, 'preheader')?.trim();
    // An empty one is front-matter's to report, a stand-in one placeholder-text's.
    if (preheader === undefined || preheader === '' || isPlaceholder(preheader)) return;
    const length = [...preheader].length;
    if (length < MIN_PREHEADER) {
      report(valuePosition(issue, 'preheader'), {
        fr: `Le texte d'aperçu ne fait que ${length} caractères : sous ${MIN_PREHEADER}, la messagerie complète l'aperçu avec le début de la lettre. Résumez le numéro en une phrase.`,
        en: `The preview text is only ${length} characters long: under ${MIN_PREHEADER}, the mail client fills the preview with the start of the email. Sum the issue up in a sentence.`,
      });
    } else if (length > MAX_PREHEADER) {
      report(valuePosition(issue, 'preheader'), {
        fr: `Le texte d'aperçu fait ${length} caractères : au-delà de ${MAX_PREHEADER}, il est coupé. Raccourcissez-le.`,
        en: `The preview text is ${length} characters long: past ${MAX_PREHEADER}, it is cut. Shorten it.`,
      });
    }
  },
});
