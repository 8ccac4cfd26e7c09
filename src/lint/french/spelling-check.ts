import type { Issue } from '../../issue/model.js';
import type { Template } from '../../template/model.js';
import { spellingVerdicts } from '../../text/french/spelling.js';
import { isCapitalised, normalizeWord, opensSentence, proseWords, skipReason, type ProseWord } from '../../text/french/words.js';
import { dictionaryIdentity, loadHunspell } from './hunspell.js';
import { proseTexts, type ProseText } from './prose.js';
import { openVerdictStore } from './spelling-cache.js';
import { templateWordList } from './word-list-file.js';

/** An unknown word of an issue, where it is, and what the dictionary and the word list suggest. */
export interface Misspelling {
  text: ProseText;
  word: ProseWord;
  suggestions: readonly string[];
}

/**
 * The unknown words of an issue's prose and header, in order. Throws when the dictionary
 * cannot be loaded (node_modules incomplete).
 */
export function misspellings(issue: Issue, template: Template, maxSuggestions: number): Misspelling[] {
  const found: { text: ProseText; word: ProseWord }[] = [];
  for (const text of proseTexts(issue, { header: true })) {
    for (const word of wordsToCheck(text)) found.push({ text, word });
  }
  if (found.length === 0) return [];
  const store = openVerdictStore(dictionaryIdentity().version);
  const verdicts = spellingVerdicts(found.map(({ word }) => word.text), { words: templateWordList(template), store, engine: loadHunspell, maxSuggestions });
  return found.flatMap(({ text, word }) => {
    const verdict = verdicts.get(normalizeWord(word.text));
    return !verdict || verdict.known ? [] : [{ text, word, suggestions: verdict.suggestions }];
  });
}

/**
 * The words of a text the dictionary reads. Issues repeat their paragraphs (the carried-over
 * sections, an issue linted again after an edit): each text is read once per process.
 */
function wordsToCheck(text: ProseText): readonly ProseWord[] {
  const key = `${text.startsSentence ? '.' : ' '}${text.value}`;
  let words = readTexts.get(key);
  if (!words) {
    words = proseWords(text.value).filter((word) => !skipReason(word.text, isCapitalised(word.text) && opensSentence(text.value, word.start, text.startsSentence)));
    if (readTexts.size >= MAX_READ_TEXTS) readTexts.clear();
    readTexts.set(key, words);
  }
  return words;
}

const readTexts = new Map<string, readonly ProseWord[]>();
/** A bound for long-lived processes (pvd preview): past it, texts are read afresh. */
const MAX_READ_TEXTS = 10_000;
