import { placeholderSeverity } from '../header.js';
import { LETTERS as LETTER } from '../../text/french/words.js';
import { proseOfBody } from '../prose.js';
import { defineRule } from '../rule.js';

/**
 * Stand-in text: the usual upper-case markers, lorem ipsum, and « À compléter », which
 * `pvd new` writes. The lower-case « à compléter » is ordinary French, so only its marker
 * forms count: capitalised, or between « », [ ] or ( ).
 */
export const PLACEHOLDER_PATTERNS: readonly RegExp[] = [
  /\b(?:TODO|FIXME|TBD|X{2,})\b/g,
  /\blorem ipsum\b/gi,
  new RegExp(`(?<![${LETTER}])[ÀA] (?:compl[ée]ter|COMPL[ÉE]TER)(?![${LETTER}])|[«[(]\\s*[àÀaA] compl[ée]ter\\s*[»\\])]`, 'g'),
];

export function isPlaceholder(text: string): boolean {
  return PLACEHOLDER_PATTERNS.some((pattern) => new RegExp(pattern.source, pattern.flags.replace('g', '')).test(text));
}

export default defineRule({
  id: 'placeholder-text',
  severity: 'error',
  description: { fr: 'Aucun texte provisoire (TODO, XXX, lorem ipsum, « À compléter ») : erreur dans un numéro prêt, avertissement dans un brouillon', en: 'No stand-in text (TODO, XXX, lorem ipsum, “À compléter”): an error in a ready issue, a warning in a draft' },
  messages: {
    standIn: {
      fr: "Texte provisoire « {found} » : remplacez-le par le texte définitif avant l'envoi.",
      en: 'Stand-in text "{found}": replace it with the final text before sending.',
    },
  },
  create({ issue, lines, report }) {
    return {
      issue() {
        const severity = placeholderSeverity(issue);
        const body = proseOfBody(issue);
        const header = issue.source.slice(0, body.start);
        for (const [text, start] of [[header, 0], [body.text, body.start]] as const) {
          const matches = PLACEHOLDER_PATTERNS.flatMap((pattern) => [...text.matchAll(pattern)]).sort((a, b) => a.index - b.index);
          for (const match of matches) report({ at: lines.positionAt(start + match.index), messageId: 'standIn', data: { found: match[0] }, severity });
        }
      },
    };
  },
});
