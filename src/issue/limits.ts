import type { Diagnostic } from '../diagnostics/index.js';
import type { Message } from '../i18n/lang.js';
import { LineIndex } from '../text/positions.js';

/**
 * What an issue someone wrote never exceeds (#42: 155 lines, 22 « [ », 16 « * », nesting 2),
 * and past which the Markdown parser's cost grows faster than the text: runs of `*` are
 * quadratic, nesting recurses, every `<` or `&` is a node. Checked in one pass before
 * parsing, so that any file up to the size limit is answered in a couple of seconds with a
 * located problem instead of a stack overflow or minutes of work.
 */
export const LIMITS = {
  lines: 5_000,
  /** `[`: links and images. */
  brackets: 2_000,
  /** `*` and `_`: emphasis. */
  emphasis: 4_000,
  /** `<`: inline HTML and autolinks. */
  angles: 2_000,
  /** `&`: character references. */
  ampersands: 5_000,
  /** `` ` ``: code. */
  backticks: 4_000,
  /** Lists and quotes inside one another (markers on a line, plus indentation). */
  nesting: 20,
  /**
   * Levels past the first, over the whole file: a list in a list costs the parser far more
   * than its text (4,800 lines of « - - - - - a », 100 KB, took 18 s and 476 MB).
   */
  nestedLevels: 2_000,
} as const;

const COUNTED: Record<string, keyof typeof LIMITS> = { '[': 'brackets', '*': 'emphasis', _: 'emphasis', '<': 'angles', '&': 'ampersands', '`': 'backticks' };

const WHAT: Record<Exclude<keyof typeof LIMITS, 'lines' | 'nesting' | 'nestedLevels'>, Message> = {
  brackets: { fr: 'crochets « [ » (un numéro a quelques dizaines de liens et d’images)', en: '"[" brackets (an issue has a few dozen links and images)' },
  emphasis: { fr: 'astérisques ou soulignés « * _ » (la mise en gras ou en italique en demande quelques dizaines)', en: '"*" or "_" marks (bold and italics take a few dozen)' },
  angles: { fr: 'chevrons « < » (du HTML, refusé dans une lettre)', en: '"<" signs (HTML, which an issue does not use)' },
  ampersands: { fr: 'esperluettes « & »', en: '"&" signs' },
  backticks: { fr: 'accents graves « ` »', en: '"`" backticks' },
};

/** The first limit the text passes, located where it is passed; undefined for any text an author could write. */
export function exceedsLimits(source: string, file: string): Diagnostic | undefined {
  const problem = (offset: number, messageId: string, message: Message): Diagnostic => {
    const { line, column } = new LineIndex(source).positionAt(offset);
    return { file, line, column, severity: 'error', rule: 'parse', messageId, message };
  };
  const counts = { brackets: 0, emphasis: 0, angles: 0, ampersands: 0, backticks: 0 };
  let lines = 1;
  let lineStart = 0;
  let nestedLevels = 0;
  for (let offset = 0; offset <= source.length; offset++) {
    const character = source[offset];
    if (offset === lineStart) {
      const { depth, excess } = nestingOf(source, offset);
      nestedLevels += Math.max(0, depth - 1);
      if (nestedLevels > LIMITS.nestedLevels) {
        return problem(offset, 'tooNested', {
          fr: `Plus de ${LIMITS.nestedLevels.toLocaleString('fr-FR')} niveaux de listes ou de citations imbriquées dans le fichier : une lettre en a quelques-uns. Retirez les « - », « > » ou l'indentation en trop, ou vérifiez qu'il s'agit du bon fichier.`,
          en: `More than ${LIMITS.nestedLevels.toLocaleString('en')} levels of nested lists or quotes in the file: a newsletter has a few. Remove the extra "-", ">" or indentation, or check it is the right file.`,
        });
      }
      if (excess !== undefined) {
        return problem(excess, 'tooDeep', {
          fr: `Listes ou citations imbriquées sur plus de ${LIMITS.nesting} niveaux : une lettre n'en a pas besoin. Retirez les « - », « > » ou l'indentation en trop.`,
          en: `Lists or quotes nested more than ${LIMITS.nesting} levels deep: a newsletter needs none of this. Remove the extra "-", ">" or indentation.`,
        });
      }
    }
    if (character === '\n') {
      if (++lines > LIMITS.lines) {
        return problem(offset + 1, 'tooLong', {
          fr: `Le fichier dépasse ${LIMITS.lines.toLocaleString('fr-FR')} lignes, bien plus qu'un numéro de la lettre (quelques centaines) : vérifiez qu'il s'agit du bon fichier.`,
          en: `The file runs past ${LIMITS.lines.toLocaleString('en')} lines, far more than a newsletter issue (a few hundred): check it is the right file.`,
        });
      }
      lineStart = offset + 1;
      continue;
    }
    const counter = character === undefined ? undefined : COUNTED[character];
    if (counter === undefined || counter === 'lines' || counter === 'nesting' || counter === 'nestedLevels') continue;
    if (++counts[counter] > LIMITS[counter]) {
      const what = WHAT[counter];
      return problem(offset, 'tooComplex', {
        fr: `Plus de ${LIMITS[counter].toLocaleString('fr-FR')} ${what.fr} : vérifiez qu'il s'agit du bon fichier.`,
        en: `More than ${LIMITS[counter].toLocaleString('en')} ${what.en}: check it is the right file.`,
      });
    }
  }
  return undefined;
}

/**
 * How deep the line starting at `offset` nests: its indentation counts a level for every four
 * columns, then each list or quote marker one more. `excess` is the marker (or the text) that
 * passes the limit, if one does.
 */
function nestingOf(source: string, offset: number): { depth: number; excess?: number } {
  let indent = 0;
  let index = offset;
  for (;;) {
    const character = source[index];
    if (character === ' ') indent++;
    else if (character === '\t') indent += 4;
    else break;
    index++;
  }
  let depth = Math.floor(indent / 4);
  if (depth > LIMITS.nesting) return { depth, excess: index };
  for (;;) {
    while (source[index] === ' ' || source[index] === '\t') index++;
    const character = source[index];
    let marker = 0;
    if (character === '>') marker = 1;
    else if ((character === '-' || character === '*' || character === '+') && /[ \t]/.test(source[index + 1] ?? '')) marker = 2;
    else marker = /^\d{1,9}[.)][ \t]/.exec(source.slice(index, index + 12))?.[0].length ?? 0;
    if (marker === 0) return { depth };
    if (++depth > LIMITS.nesting) return { depth, excess: index };
    index += marker;
  }
}
