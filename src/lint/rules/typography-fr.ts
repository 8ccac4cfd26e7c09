import type { Fix } from '../../diagnostics/index.js';
import { LETTERS as LETTER, maskNonProse } from '../../text/french/words.js';
import { alignText } from '../prose.js';
import { defineRule } from '../rule.js';

/**
 * What the renderer cannot fix on its own: it turns an existing space before ! ? ; » and
 * after « into a no-break space, but it does not invent a missing one, nor turn straight
 * quotes into French ones. `:` is left alone: 14:00 and 1:2 are not punctuation.
 */
const SPACING: readonly { pattern: RegExp; messageId: string; insertAt: 'before' | 'after' }[] = [
  // A word, a number or a closing sign, then ! ? or ; — but not the wink of ;) or 1;2.
  { pattern: new RegExp(`(?<=[${LETTER}0-9)\\]’'"»%€°])[!?]|(?<=[${LETTER})\\]’'"»%€°]);(?!-?[)(DPp](?![${LETTER}]))`, 'g'), messageId: 'spaceBefore', insertAt: 'before' },
  { pattern: /(?<=\S)»/g, messageId: 'spaceBeforeClosing', insertAt: 'before' },
  { pattern: /«(?=\S)/g, messageId: 'spaceAfterOpening', insertAt: 'after' },
];

/** "…" or “…” used as quotation marks: opened after a space or a bracket, closed before one or a punctuation sign. */
const QUOTED = /(?<=^|[\s(\[—–-])(?:"([^"\n]*?[^\s"])"(?=$|[\s.,;:!?)\]…—–-])|“([^”\n]*?)”)/g;

export default defineRule({
  id: 'typography-fr',
  severity: 'warning',
  fixable: true,
  description: { fr: 'Typographie française : espace avant ! ? ; », après «, et guillemets « » plutôt que "…"', en: 'French typography: a space before ! ? ; », after «, and « » quotes rather than "…"' },
  messages: {
    spaceBefore: {
      fr: "Il manque une espace avant « {sign} » : en français, on écrit « Bravo {sign} » (--fix l'ajoute).",
      en: 'A space is missing before "{sign}": French writes "Bravo {sign}" (--fix adds it).',
    },
    spaceBeforeClosing: {
      fr: 'Il manque une espace avant « » » : écrivez « texte » avec une espace de chaque côté (--fix l’ajoute).',
      en: 'A space is missing before "»": write « text » with a space on each side (--fix adds it).',
    },
    spaceAfterOpening: {
      fr: 'Il manque une espace après « « » : écrivez « texte » avec une espace de chaque côté (--fix l’ajoute).',
      en: 'A space is missing after "«": write « text » with a space on each side (--fix adds it).',
    },
    straightQuotes: {
      fr: 'Guillemets droits "…" : en français, on écrit « … » (--fix les remplace).',
      en: 'Straight "…" quotes: French uses « … » (--fix replaces them).',
    },
    englishQuotes: {
      fr: 'Guillemets anglais “…” : en français, on écrit « … » (--fix les remplace).',
      en: 'English “…” quotes: French uses « … » (--fix replaces them).',
    },
  },
  create({ issue, lines, report }) {
    const source = issue.source;
    return {
      text(node) {
        if (!/[!?;»«"“]/.test(node.value)) return;
        const text = maskNonProse(node.value);
        const map = alignText(source, node);
        const at = (offset: number) => (map ? lines.positionAt(map[offset]!) : node.position);
        for (const check of SPACING) {
          for (const match of text.matchAll(check.pattern)) {
            const where = check.insertAt === 'before' ? match.index : match.index + match[0].length;
            const offset = map && (check.insertAt === 'before' ? map[where]! : map[where - 1]! + 1);
            const fix: Fix | undefined = offset === undefined ? undefined : { start: offset, end: offset, text: ' ' };
            report({ at: at(match.index), messageId: check.messageId, data: { sign: match[0] }, ...(fix ? { fix } : {}) });
          }
        }
        for (const match of text.matchAll(QUOTED)) {
          const open = match.index;
          const close = open + match[0].length - 1;
          let fix: Fix | undefined;
          if (map) {
            const start = map[open]!;
            const end = map[close]! + 1;
            // The source between the quotes is kept as written, escapes and all.
            fix = { start, end, text: `« ${source.slice(start + 1, end - 1).trim()} »` };
          }
          report({ at: at(open), messageId: match[0].startsWith('"') ? 'straightQuotes' : 'englishQuotes', ...(fix ? { fix } : {}) });
        }
      },
    };
  },
});
