import { normalizeWord } from './words.js';

/**
 * The project's own words (mots.txt): names of places and people, the programme's
 * vocabulary. One word a line; `#` starts a comment; blank lines are ignored.
 */
export interface WordList {
  entries: readonly string[];
  /** As the dictionary does: an entry in lower case also accepts its capitalised and upper-case forms. */
  accepts(word: string): boolean;
}

export function parseWordList(text: string): WordList {
  const entries: string[] = [];
  for (const line of text.replace(/^\ufeff/, '').split(/\r?\n/)) {
    const word = line.replace(/#.*$/, '').trim();
    if (word) entries.push(normalizeWord(word));
  }
  const known = new Set(entries);
  const shouted = new Set(entries.map((entry) => entry.toUpperCase()));
  return {
    entries,
    accepts(word) {
      if (entries.length === 0) return false;
      const normal = normalizeWord(word);
      if (known.has(normal)) return true;
      const lower = normal.toLowerCase();
      // Projetothèque at the start of a sentence, for projetothèque.
      if (normal === capitalise(lower) && known.has(lower)) return true;
      // MANOSQUE in a title written in capitals, for Manosque.
      return normal === normal.toUpperCase() && shouted.has(normal);
    },
  };
}

export const EMPTY_WORD_LIST: WordList = parseWordList('');

/** Why a word cannot go into the list: it must be one word, with no comment sign. */
export function wordProblem(word: string): 'empty' | 'space' | 'comment' | 'too-long' | undefined {
  if (word.trim() === '') return 'empty';
  if (/\s/.test(word.trim())) return 'space';
  if (word.includes('#')) return 'comment';
  if (word.length > 64) return 'too-long';
  return undefined;
}

/**
 * The list's text with `words` added at the end, those it already has left out; its
 * line endings and comments are kept. `added` says which went in.
 */
export function addToWordList(text: string, words: readonly string[]): { text: string; added: string[]; present: string[] } {
  const list = parseWordList(text);
  const known = new Set(list.entries);
  const added: string[] = [];
  const present: string[] = [];
  for (const word of words.map((candidate) => normalizeWord(candidate.trim()))) {
    if (known.has(word)) present.push(word);
    else {
      known.add(word);
      added.push(word);
    }
  }
  if (added.length === 0) return { text, added, present };
  const newline = text.includes('\r\n') ? '\r\n' : '\n';
  const body = text === '' || /\r?\n$/.test(text) ? text : `${text}${newline}`;
  return { text: `${body}${added.join(newline)}${newline}`, added, present };
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
