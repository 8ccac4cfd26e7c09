/**
 * The words of French prose that a spelling checker should read, with their offsets.
 * Letters are spelt out rather than \p{L}: Unicode property classes cost milliseconds
 * to compile on every start.
 */
import { MERGE_SYNTAX } from '../merge-tags.js';

export const LETTERS = 'A-Za-zÀ-ÖØ-öø-ÿŒœŸﬀ-ﬆ';
const UPPER = /^[A-ZÀ-ÖØ-ÞŒŸ]/;
const UPPER_GLOBAL = /[A-ZÀ-ÖØ-ÞŒŸ]/g;
const UPPER_INSIDE = /^.+[A-ZÀ-ÖØ-ÞŒŸ]/;

/**
 * What is not prose: web and e-mail addresses (a URL runs to the next space, quotes
 * included: `?q="a"` is part of it), bare domains, merge tags of the mailing tools,
 * hashtags and @handles. Blanked before reading words or fixing typography (same length,
 * so offsets hold): no rule ever rewrites an address or a tool's `{{ … default: "ami" }}`.
 */
const NOT_PROSE = new RegExp([
  String.raw`\b(?:https?:\/\/|www\.|mailto:|tel:)[^\s<>«»]+`,
  String.raw`(?<![^\s<>«»"()])[^\s<>«»"()@]+@[^\s<>«»"()]+\.[a-z]{2,}`,
  // A bare domain; its path may hold quotes (?q="mairie"), its end is trimmed below.
  String.raw`\b[\w-]+(?:\.[\w-]+)*\.(?:fr|com|org|net|eu|gouv|info|io)\b(?:\/[^\s<>«»]*|[^\s<>«»"]*)`,
  MERGE_SYNTAX.source,
  String.raw`(?<![\w])[#@][\w-]+`,
].join('|'), 'gim');

/** What every one of those has: most sentences have none, and are spared the long search. */
const MAYBE_NOT_PROSE = /[@:{*[#]|www\.|\.[a-z]/i;

/** Blanks addresses and merge tags out of a text, keeping its length. */
export function maskNonProse(text: string): string {
  return MAYBE_NOT_PROSE.test(text) ? text.replace(NOT_PROSE, (found) => {
    const kept = addressEnd(found);
    return ' '.repeat(kept) + found.slice(kept);
  }) : text;
}

/**
 * Where an address found in prose ends: before the punctuation that closes the sentence
 * (« voir exemple.fr/page. »), and before a closing quote it did not open (« "exemple.fr/x" »).
 */
function addressEnd(found: string): number {
  let end = found.length;
  for (;;) {
    const last = found[end - 1];
    const quotes = found.slice(0, end).split('"').length - 1;
    if (last !== undefined && ('.,;:!?)'.includes(last) || (last === '"' && quotes % 2 === 1)) && end > 1) end--;
    else return end;
  }
}

/**
 * A word: letters and digits, with inner apostrophes and hyphens (l'année, aujourd’hui,
 * centres-bourgs, vingt-et-un). A no-break space separates words like any space.
 */
// Inclusive writing's endings (chef·fes, élu·e·s, acteur·rice·s) are part of their word.
const WORD = new RegExp(`[${LETTERS}0-9]+(?:['’\\-][${LETTERS}0-9]+)*(?:[·⋅][${LETTERS}]{1,5})*`, 'g');
const INCLUSIVE_ENDING = /[·⋅]/;

/** The elided words French glues to the next one: l', d', qu', jusqu'… */
const ELISION = new RegExp(`^((?:[LlDdJjMmNnSsTtCc]|[Qq]u|[Jj]usqu|[Ll]orsqu|[Pp]uisqu|[Qq]uoiqu)['’])(?=[${LETTERS}])`);

export interface ProseWord {
  /** As written. */
  text: string;
  /** Offset in the text it was read from. */
  start: number;
  end: number;
}

export type SkipReason = 'number' | 'acronym' | 'mixed-case' | 'proper-name' | 'too-short' | 'too-long';

/** Hunspell's own limit on a word (MAXWORDLEN), in letters. */
const MAX_WORD_LENGTH = 100;

/**
 * Every word of a text, in order, addresses and merge tags left out. `startsSentence`
 * says whether the text itself begins a sentence (a paragraph, a heading), or goes on
 * one (the words after a link).
 */
export function proseWords(text: string): ProseWord[] {
  const masked = maskNonProse(text);
  const words: ProseWord[] = [];
  for (const match of masked.matchAll(WORD)) {
    // The dictionary reads the word before its inclusive endings: « chef » of « chef·fes ».
    const dot = match[0].search(INCLUSIVE_ENDING);
    const text = dot === -1 ? match[0] : match[0].slice(0, dot);
    words.push({ text, start: match.index, end: match.index + text.length });
  }
  return words;
}

const BETWEEN_SENTENCES = new Set([...' \t\n\r\u00a0\u202f«»"“”([*_—–-']);
const SENTENCE_END = new Set([...'.!?…']);

/** Whether the word at `offset` opens a sentence: nothing but quotes and brackets since a . ! ? … or the start. */
export function opensSentence(text: string, offset: number, textStartsSentence: boolean): boolean {
  for (let index = offset - 1; index >= 0; index--) {
    const char = text[index]!;
    if (!BETWEEN_SENTENCES.has(char)) return SENTENCE_END.has(char);
  }
  return textStartsSentence;
}

/** Whether a word starts with a capital: only such a word needs to know where its sentence starts. */
export function isCapitalised(word: string): boolean {
  return UPPER.test(word);
}

/**
 * Why a word is not for the dictionary: it holds a digit (4e, 14h00, n°1), it is an
 * acronym (PVD, ACV-PVD), it has a capital inside (YouTube), it is too short or too long to judge,
 * or it is capitalised inside a sentence (a proper name: Manosque, Saint-Bonnet-en-Champsaur, l'Agence).
 */
export function skipReason(word: string, sentenceStart: boolean): SkipReason | undefined {
  if (/[0-9]/.test(word)) return 'number';
  const body = word.replace(ELISION, '');
  if ((body.match(UPPER_GLOBAL)?.length ?? 0) >= 2 && body.split('-').some((part) => part.length > 1 && part === part.toUpperCase())) return 'acronym';
  if (body.length < 2) return 'too-short';
  // No French word is this long (the longest are under 30 letters): a run of letters pasted
  // by mistake, which the dictionary and the suggestions would spend seconds on.
  if (body.length > MAX_WORD_LENGTH) return 'too-long';
  // A capital inside a word is a brand or code (YouTube, iPhone, LinkedIn), not French.
  if (body.split(/['’-]/).some((part) => UPPER_INSIDE.test(part))) return 'mixed-case';
  // After an elision a capital is a name even at the start of a sentence: L'Agence, d'Azur.
  if (UPPER.test(body) && (!sentenceStart || body !== word)) return 'proper-name';
  return undefined;
}

/** The form the dictionary and the cache read: typographic apostrophes made straight, composed accents. */
export function normalizeWord(word: string): string {
  const straight = word.includes('’') ? word.replace(/’/g, "'") : word;
  // Editors write composed accents; only decomposed ones (é as e + ́) need the work.
  return /[\u0300-\u036f]/.test(straight) ? straight.normalize('NFC') : straight;
}
