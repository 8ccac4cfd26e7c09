import type { Fix } from '../../diagnostics.js';
import type { Message } from '../../i18n/lang.js';
import { defineRule } from '../rule.js';
import { LETTER, sourceIndex } from '../source.js';
import { alignText, textNodes } from '../walk.js';

/** Addresses keep their characters: `https://…?a=1!` or `nom@ville.fr;` are not prose. */
const ADDRESS = /\b(?:https?:\/\/|www\.|mailto:|tel:)[^\s<>«»"]+|[^\s<>«»"()]+@[^\s<>«»"()]+\.[a-z]{2,}/gi;

/**
 * What the renderer cannot fix on its own: it turns an existing space before ! ? ; » and
 * after « into a no-break space, but it does not invent a missing one, nor turn straight
 * quotes into French ones. `:` is left alone: 14:00 and 1:2 are not punctuation.
 */
const CHECKS: readonly { pattern: RegExp; message: (found: string) => Message; insertAt: 'before' | 'after' }[] = [
  {
    // A word, a number or a closing sign, then ! ? or ; — but not the wink of ;) or 1;2.
    pattern: new RegExp(`(?<=[${LETTER}0-9)\\]’'"»%€°])[!?]|(?<=[${LETTER})\\]’'"»%€°]);(?!-?[)(DPp](?![${LETTER}]))`, 'g'),
    message: (found) => ({ fr: `Il manque une espace avant « ${found} » : en français, on écrit « Bravo ${found} » (--fix l'ajoute).`, en: `A space is missing before "${found}": French writes "Bravo ${found}" (--fix adds it).` }),
    insertAt: 'before',
  },
  {
    pattern: /(?<=\S)»/g,
    message: () => ({ fr: 'Il manque une espace avant « » » : écrivez « texte » avec une espace de chaque côté (--fix l’ajoute).', en: 'A space is missing before "»": write « text » with a space on each side (--fix adds it).' }),
    insertAt: 'before',
  },
  {
    pattern: /«(?=\S)/g,
    message: () => ({ fr: 'Il manque une espace après « « » : écrivez « texte » avec une espace de chaque côté (--fix l’ajoute).', en: 'A space is missing after "«": write « text » with a space on each side (--fix adds it).' }),
    insertAt: 'after',
  },
];

/** "…" or “…” used as quotation marks: opened after a space or a bracket, closed before one or a punctuation sign. */
const QUOTED = /(?<=^|[\s(\[—–-])(?:"([^"\n]*?[^\s"])"(?=$|[\s.,;:!?)\]…—–-])|“([^”\n]*?)”)/g;

export default defineRule({
  id: 'typography-fr',
  severity: 'warning',
  fixable: true,
  description: { fr: 'Typographie française : espace avant ! ? ; », après «, et guillemets « » plutôt que "…"', en: 'French typography: a space before ! ? ; », after «, and « » quotes rather than "…"' },
  check({ issue }, report) {
    const index = sourceIndex(issue);
    const source = issue.source;
    for (const node of textNodes(issue)) {
      if (!/[!?;»«"“]/.test(node.value)) continue;
      const text = node.value.replace(ADDRESS, (address) => '\0'.repeat(address.length));
      const map = alignText(source, node);
      const at = (offset: number) => (map ? index.positionAt(map[offset]!) : node.position);
      for (const check of CHECKS) {
        for (const match of text.matchAll(check.pattern)) {
          const where = check.insertAt === 'before' ? match.index : match.index + match[0].length;
          const sourceOffset = map ? (check.insertAt === 'before' ? map[where]! : map[where - 1]! + 1) : undefined;
          const fix: Fix | undefined = sourceOffset === undefined ? undefined : { start: sourceOffset, end: sourceOffset, text: ' ' };
          report(at(match.index), check.message(match[0]), fix ? { fix } : {});
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
        report(at(open), {
          fr: `Guillemets ${match[0].startsWith('"') ? 'droits "…"' : 'anglais “…”'} : en français, on écrit « … » (--fix les remplace).`,
          en: `${match[0].startsWith('"') ? 'Straight "…"' : 'English “…”'} quotes: French uses « … » (--fix replaces them).`,
        }, fix ? { fix } : {});
      }
    }
  },
});
